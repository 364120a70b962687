package dev.dcerrors.spring.web;

import dev.dcerrors.core.Exchange;
import dev.dcerrors.core.ResponseCounter;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRequest;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.web.client.RestTemplate;
import org.springframework.web.util.UriTemplateHandler;

/**
 * Counts the response bodies a {@code RestClient} or {@code RestTemplate} receives, at the endpoint the call named: its
 * URI template when it used one ({@code GET /v2/devices/{dk}}, with the host when the template has it), else
 * {@code METHOD host}. Each call begins a client {@link Exchange}. The body is read from a copy of its first
 * {@code maxScanChars} bytes; the application reads every byte unchanged. Bodies that cannot hold an envelope (server-sent
 * events, NDJSON, binary, multipart, media) are neither read nor counted.
 */
public class ResponseCountingInterceptor implements ClientHttpRequestInterceptor {

    /** Where Spring Framework's {@code RestClient} keeps the URI template of a call among the request's attributes. */
    static final String REST_CLIENT_URI_TEMPLATE = "org.springframework.web.client.RestClient.uriTemplate";

    /** Per thread, the template a {@link RememberingUriTemplateHandler} expanded last and the URI it made. */
    private static final ThreadLocal<@Nullable Object[]> EXPANDED = ThreadLocal.withInitial(() -> new Object[2]);

    private final ResponseCounter counter;

    public ResponseCountingInterceptor(ResponseCounter counter) {
        this.counter = counter;
    }

    @Override
    public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution) throws IOException {
        Exchange.beginClient();
        String endpoint = endpoint(request);
        ClientHttpResponse response = execution.execute(request, body);
        if (!readable(response.getHeaders())) {
            return response;
        }
        InputStream copied = counter.countClientStream(response.getBody(), response.getHeaders().getContentLength(),
                request.getMethod().name(), endpoint);
        return new Counted(response, copied);
    }

    /** The endpoint of a call: its URI template, when the client says which, else the host. */
    private static String endpoint(HttpRequest request) {
        Object template = request.getAttributes().get(REST_CLIENT_URI_TEMPLATE);
        if (template == null) {
            template = RememberingUriTemplateHandler.templateOf(request.getURI());
        }
        if (template instanceof String && !((String) template).isEmpty()) {
            return (String) template;
        }
        String host = request.getURI().getHost();
        return host == null ? "unknown" : host;
    }

    /** Whether the body may hold an envelope: not a stream of events, not binary, not media. */
    static boolean readable(HttpHeaders headers) {
        MediaType type;
        try {
            type = headers.getContentType();
        } catch (RuntimeException e) {
            return true; // an unparseable type is read as text
        }
        if (type == null) {
            return true;
        }
        String main = type.getType();
        String sub = type.getSubtype();
        return !(MediaType.TEXT_EVENT_STREAM.includes(type) || "multipart".equals(main) || "image".equals(main) || "audio".equals(main)
                || "video".equals(main) || "octet-stream".equals(sub) || sub.contains("ndjson") || "x-protobuf".equals(sub)
                || "grpc".equals(sub) || "stream+json".equals(sub));
    }

    /**
     * A {@code RestTemplate}'s URI template handler that remembers, per thread, the template it expanded last, so that
     * the interceptor names the endpoint by its template: the starter wraps the handler of each {@code RestTemplate}
     * built from Boot's builder.
     */
    public static final class RememberingUriTemplateHandler implements UriTemplateHandler {

        private final UriTemplateHandler delegate;

        public RememberingUriTemplateHandler(UriTemplateHandler delegate) {
            this.delegate = delegate;
        }

        @Override
        public URI expand(String uriTemplate, Map<String, ?> uriVariables) {
            return remember(uriTemplate, delegate.expand(uriTemplate, uriVariables));
        }

        @Override
        public URI expand(String uriTemplate, @Nullable Object... uriVariables) {
            return remember(uriTemplate, delegate.expand(uriTemplate, uriVariables));
        }

        private static URI remember(String template, URI uri) {
            Object[] last = EXPANDED.get();
            last[0] = template;
            last[1] = uri;
            return uri;
        }

        /** The template that expanded to {@code uri} last on this thread, once; null when it was another URI. */
        static @Nullable String templateOf(URI uri) {
            Object[] last = EXPANDED.get();
            Object template = last[0];
            boolean same = uri.equals(last[1]);
            last[0] = null;
            last[1] = null;
            return same ? (String) template : null;
        }

        /** Wraps the handler of {@code restTemplate}, once. */
        public static void install(RestTemplate restTemplate) {
            UriTemplateHandler handler = restTemplate.getUriTemplateHandler();
            if (!(handler instanceof RememberingUriTemplateHandler)) {
                restTemplate.setUriTemplateHandler(new RememberingUriTemplateHandler(handler));
            }
        }
    }

    /** The response with its body replaced by the stream that gives the copy, then the rest. */
    private static final class Counted implements ClientHttpResponse {
        private final ClientHttpResponse response;
        private final InputStream body;

        Counted(ClientHttpResponse response, InputStream body) {
            this.response = response;
            this.body = body;
        }

        @Override
        public HttpStatusCode getStatusCode() throws IOException {
            return response.getStatusCode();
        }

        @Override
        @SuppressWarnings("deprecation")
        public String getStatusText() throws IOException {
            return response.getStatusText();
        }

        @Override
        public void close() {
            response.close();
        }

        @Override
        public InputStream getBody() {
            return body;
        }

        @Override
        public HttpHeaders getHeaders() {
            return response.getHeaders();
        }
    }
}
