package dev.dcerrors.http;

import dev.dcerrors.core.Exchange;
import dev.dcerrors.core.ResponseCounter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.hc.client5.http.classic.ExecChain;
import org.apache.hc.client5.http.classic.ExecChainHandler;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.io.entity.HttpEntityWrapper;
import org.apache.hc.core5.net.URIAuthority;

/**
 * Counts the response bodies an Apache HttpClient 5 (classic) client receives, at the endpoint {@code METHOD host}:
 *
 * <pre>{@code
 * CloseableHttpClient client = HttpClients.custom().addExecInterceptorFirst("devcenter", new DevCenterHttpClient5Interceptor()).build();
 * }</pre>
 *
 * <p>First in the execution chain, it sees the final response once per call (after redirects and retries) and its
 * body inflated. The entity is replaced by one that gives a copy of its first {@code maxScanChars} bytes, then the
 * rest: the application reads every byte unchanged. Bodies that cannot hold an envelope (event streams, binary, media)
 * are neither read nor counted.
 */
public final class DevCenterHttpClient5Interceptor implements ExecChainHandler {

    private final ResponseCounter counter;

    /** Counts into {@link ResponseCounter#shared()}: the shared counts a binder with no arguments publishes. */
    public DevCenterHttpClient5Interceptor() {
        this(ResponseCounter.shared());
    }

    public DevCenterHttpClient5Interceptor(ResponseCounter counter) {
        this.counter = counter;
    }

    @Override
    public ClassicHttpResponse execute(ClassicHttpRequest request, ExecChain.Scope scope, ExecChain chain) throws IOException, HttpException {
        Exchange.beginClient();
        ClassicHttpResponse response = chain.proceed(request, scope);
        HttpEntity entity = response.getEntity();
        if (entity == null || !BodyTypes.readable(entity.getContentType())) {
            return response;
        }
        InputStream content = entity.getContent();
        if (content == null) {
            return response;
        }
        URIAuthority authority = request.getAuthority();
        String host = authority != null ? authority.getHostName() : scope.route.getTargetHost().getHostName();
        InputStream copied = counter.countClientStream(content, entity.getContentLength(), request.getMethod(), host);
        response.setEntity(new Counted(entity, copied));
        return response;
    }

    /** The entity with its content replaced by the stream that gives the copy, then the rest; streamed once. */
    private static final class Counted extends HttpEntityWrapper {
        private final InputStream content;

        Counted(HttpEntity entity, InputStream content) {
            super(entity);
            this.content = content;
        }

        @Override
        public InputStream getContent() {
            return content;
        }

        @Override
        public boolean isRepeatable() {
            return false;
        }

        @Override
        public boolean isStreaming() {
            return true;
        }

        @Override
        public void writeTo(OutputStream out) throws IOException {
            content.transferTo(out);
        }

        @Override
        public void close() throws IOException {
            try {
                content.close();
            } finally {
                super.close();
            }
        }
    }
}
