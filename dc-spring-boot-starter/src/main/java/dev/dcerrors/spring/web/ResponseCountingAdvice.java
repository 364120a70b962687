package dev.dcerrors.spring.web;

import dev.dcerrors.core.ResponseCounter;
import jakarta.servlet.http.HttpServletRequest;
import java.io.InputStream;
import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Counts every response body a Spring MVC handler or error handler answers (a DTO, a record, a {@code Map}, a JSON
 * tree, a JSON {@code String}, any of them in a {@code ResponseEntity}) with the application's recognizer, at the
 * endpoint {@code METHOD <route template>} ({@link HandlerMapping#BEST_MATCHING_PATTERN_ATTRIBUTE}, never the raw path;
 * {@code other} when no route matched). A text body is read when it is JSON (a JSON content type, or it starts with
 * {@code {} or {@code [}): a Prometheus scrape or an HTML page is not an envelope. The body is returned as it came. Streaming bodies ({@code StreamingResponseBody},
 * {@code SseEmitter}) never come here; a {@link Resource}, an {@link InputStream} or bytes are let through uncounted.
 */
@ControllerAdvice
public class ResponseCountingAdvice implements ResponseBodyAdvice<Object> {

    private final ResponseCounter counter;

    public ResponseCountingAdvice(ResponseCounter counter) {
        this.counter = counter;
    }

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    /** Whether a text body is JSON: by its content type, or by its first character (a handler that did not declare one). */
    static boolean isJson(CharSequence text, @Nullable MediaType contentType) {
        if (contentType != null && (MediaType.APPLICATION_JSON.isCompatibleWith(contentType) || contentType.getSubtype().endsWith("+json"))) {
            return true;
        }
        for (int i = 0, n = Math.min(text.length(), 64); i < n; i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c)) {
                return c == '{' || c == '[';
            }
        }
        return false;
    }

    @Override
    public @Nullable Object beforeBodyWrite(@Nullable Object body, MethodParameter returnType, MediaType contentType,
            Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request, ServerHttpResponse response) {
        if (body == null || body instanceof Resource || body instanceof InputStream || body instanceof byte[]
                || body instanceof CharSequence && !isJson((CharSequence) body, contentType)) {
            return body;
        }
        String route = null;
        if (request instanceof ServletServerHttpRequest) {
            HttpServletRequest servlet = ((ServletServerHttpRequest) request).getServletRequest();
            Object pattern = servlet.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
            route = pattern instanceof String ? (String) pattern : null;
        }
        try {
            counter.countServerBody(body, request.getMethod().name(), route);
        } catch (RuntimeException e) {
            // counting never changes a response
        }
        return body;
    }
}
