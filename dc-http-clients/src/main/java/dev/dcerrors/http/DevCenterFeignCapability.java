package dev.dcerrors.http;

import dev.dcerrors.core.Exchange;
import dev.dcerrors.core.ResponseCounter;
import feign.Capability;
import feign.Client;
import feign.MethodMetadata;
import feign.Request;
import feign.RequestTemplate;
import feign.Response;
import java.io.InputStream;
import java.net.URI;
import java.util.Collection;
import org.jspecify.annotations.Nullable;

/**
 * Counts the response bodies an OpenFeign client receives, at the endpoint {@code METHOD <the method's URI template>}
 * ({@code GET /v2/devices/{dk}} for {@code @RequestLine("GET /v2/devices/{dk}")}):
 *
 * <pre>{@code
 * DeviceApi api = Feign.builder().addCapability(new DevCenterFeignCapability()).target(DeviceApi.class, url);
 * }</pre>
 *
 * <p>It wraps the client, so the response is counted before Feign's logger ({@code Logger.Level.FULL}) logs it: that log
 * line, and the application's own log of the decoded envelope on the same thread, are the same response and do not
 * count again. The body is read from a copy of its first {@code maxScanChars} bytes; the decoder reads every byte.
 */
public final class DevCenterFeignCapability implements Capability {

    private final ResponseCounter counter;

    /** Counts into {@link ResponseCounter#shared()}: the shared counts a binder with no arguments publishes. */
    public DevCenterFeignCapability() {
        this(ResponseCounter.shared());
    }

    public DevCenterFeignCapability(ResponseCounter counter) {
        this.counter = counter;
    }

    @Override
    public Client enrich(Client client) {
        return (request, options) -> {
            Exchange.beginClient();
            Response response = client.execute(request, options);
            Response.Body body = response.body();
            if (body == null || !BodyTypes.readable(first(response.headers().get("Content-Type")))) {
                return response;
            }
            InputStream copied = counter.countClientStream(body.asInputStream(), body.length() == null ? -1 : body.length(),
                    request.httpMethod().name(), endpoint(request));
            return response.toBuilder().body(copied, body.length()).build();
        };
    }

    private static @Nullable String first(@Nullable Collection<String> values) {
        return values == null || values.isEmpty() ? null : values.iterator().next();
    }

    /** The URI template of the interface method, else the host. */
    private static @Nullable String endpoint(Request request) {
        RequestTemplate template = request.requestTemplate();
        MethodMetadata metadata = template == null ? null : template.methodMetadata();
        if (metadata != null && metadata.template() != null) {
            String path = metadata.template().path();
            if (path != null && !path.isEmpty()) {
                return path;
            }
        }
        try {
            return URI.create(request.url()).getHost();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
