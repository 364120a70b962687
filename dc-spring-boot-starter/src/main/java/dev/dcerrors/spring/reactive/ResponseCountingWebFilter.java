package dev.dcerrors.spring.reactive;

import dev.dcerrors.core.ResponseCounter;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import reactor.core.publisher.Mono;

/**
 * Counts every JSON body a WebFlux handler or error handler answers in one piece (a DTO, a record, a {@code Map}, a JSON
 * tree, a JSON {@code String}, any of them in a {@code ResponseEntity} or a {@code Mono}), at the endpoint
 * {@code METHOD <route template>} ({@link HandlerMapping#BEST_MATCHING_PATTERN_ATTRIBUTE}; {@code other} when no route
 * matched). It reads a copy of the first {@code maxScanChars} bytes of the encoded body as it is written and hands the
 * buffer on unchanged. Bodies written as a stream ({@code Flux}, server-sent events) or not JSON are neither read nor
 * counted. The count happens on the thread that writes the body: a log call of the handler on another thread is not
 * part of the exchange and counts on its own.
 */
public class ResponseCountingWebFilter implements WebFilter, Ordered {

    private final ResponseCounter counter;

    public ResponseCountingWebFilter(ResponseCounter counter) {
        this.counter = counter;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return chain.filter(exchange.mutate().response(new Counting(exchange, counter)).build());
    }

    /** The response, reading the body it writes in one piece. */
    private static final class Counting extends ServerHttpResponseDecorator {
        private final ServerWebExchange exchange;
        private final ResponseCounter counter;

        Counting(ServerWebExchange exchange, ResponseCounter counter) {
            super(exchange.getResponse());
            this.exchange = exchange;
            this.counter = counter;
        }

        @Override
        public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
            if (!(body instanceof Mono) || !isJson(getHeaders().getContentType())) {
                return super.writeWith(body);
            }
            @SuppressWarnings("unchecked")
            Mono<DataBuffer> single = (Mono<DataBuffer>) body;
            return super.writeWith(single.doOnNext(this::count));
        }

        private void count(DataBuffer buffer) {
            try {
                int length = Math.min(buffer.readableByteCount(), counter.maxBodyBytes());
                byte[] copy = new byte[length];
                int from = buffer.readPosition();
                for (int i = 0; i < length; i++) {
                    copy[i] = buffer.getByte(from + i);
                }
                counter.countServerBytes(copy, length, exchange.getRequest().getMethod().name(), route());
            } catch (RuntimeException e) {
                // counting never changes a response
            }
        }

        private @Nullable String route() {
            Object pattern = exchange.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
            return pattern instanceof PathPattern ? ((PathPattern) pattern).getPatternString() : pattern instanceof String ? (String) pattern : null;
        }

        private static boolean isJson(@Nullable MediaType type) {
            return type != null && (MediaType.APPLICATION_JSON.isCompatibleWith(type) || type.getSubtype().endsWith("+json"));
        }
    }
}
