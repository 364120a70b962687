package dev.dcerrors.spring.reactive;

import dev.dcerrors.core.ResponseCounter;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * Counts the response bodies a {@code WebClient} built from Boot's {@code WebClient.Builder} receives, at the call's URI
 * template when it used one, else {@code METHOD host}: a copy of the first {@code maxScanChars} bytes is taken as the
 * application reads the body, and counted when the body ends (or the application stops reading it). A body the
 * application never reads is not counted. Bodies that cannot hold an envelope (event streams, NDJSON, binary, media)
 * are neither read nor counted. The count happens on the thread that delivers the body, outside any exchange: the
 * application's own log of the body on its thread counts on its own.
 */
public final class WebClientCounting implements ExchangeFilterFunction {

    /** Where Spring Framework's {@code WebClient} keeps the URI template of a call among the request's attributes. */
    static final String URI_TEMPLATE = "org.springframework.web.reactive.function.client.WebClient.uriTemplate";

    private final ResponseCounter counter;

    public WebClientCounting(ResponseCounter counter) {
        this.counter = counter;
    }

    @Override
    public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
        return next.exchange(request).map(response -> readable(response) ? counted(request, response) : response);
    }

    private static boolean readable(ClientResponse response) {
        MediaType type = response.headers().contentType().orElse(null);
        if (type == null) {
            return true;
        }
        String sub = type.getSubtype();
        String main = type.getType();
        return !(MediaType.TEXT_EVENT_STREAM.includes(type) || "multipart".equals(main) || "image".equals(main) || "audio".equals(main)
                || "video".equals(main) || "octet-stream".equals(sub) || sub.contains("ndjson") || sub.contains("protobuf") || sub.endsWith("stream+json"));
    }

    private ClientResponse counted(ClientRequest request, ClientResponse response) {
        Copy copy = new Copy(counter, request.method().name(), endpoint(request));
        return response.mutate().body(body -> body.doOnNext(copy::append).doFinally(signal -> copy.count())).build();
    }

    private static String endpoint(ClientRequest request) {
        Object template = request.attribute(URI_TEMPLATE).orElse(null);
        if (template instanceof String && !((String) template).isEmpty()) {
            return (String) template;
        }
        String host = request.url().getHost();
        return host == null ? "unknown" : host;
    }

    /** The first bytes of one body, counted once. */
    private static final class Copy {
        private final ResponseCounter counter;
        private final String method;
        private final String endpoint;
        private byte @Nullable [] bytes;
        private int length;
        private boolean counted;

        Copy(ResponseCounter counter, String method, String endpoint) {
            this.counter = counter;
            this.method = method;
            this.endpoint = endpoint;
        }

        synchronized void append(DataBuffer buffer) {
            if (bytes == null) {
                bytes = new byte[counter.maxBodyBytes()];
            }
            int n = Math.min(buffer.readableByteCount(), bytes.length - length);
            int from = buffer.readPosition();
            for (int i = 0; i < n; i++) {
                bytes[length + i] = buffer.getByte(from + i);
            }
            length += n;
        }

        synchronized void count() {
            if (counted || bytes == null) {
                return;
            }
            counted = true;
            try {
                counter.countClientBody(bytes, length, method, endpoint);
            } catch (RuntimeException e) {
                // counting never changes a response
            }
        }
    }

    /** Adds the filter to every {@code WebClient.Builder} bean (Boot makes one per injection point). */
    public static final class Builders implements BeanPostProcessor {

        private final ObjectProvider<ResponseCounter> counter;

        public Builders(ObjectProvider<ResponseCounter> counter) {
            this.counter = counter;
        }

        @Override
        public Object postProcessAfterInitialization(Object bean, String beanName) throws BeansException {
            if (bean instanceof WebClient.Builder) {
                ((WebClient.Builder) bean).filter(new WebClientCounting(counter.getObject()));
            }
            return bean;
        }
    }
}
