package dev.dcerrors.http;

import dev.dcerrors.core.Exchange;
import dev.dcerrors.core.ResponseCounter;
import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Counts the response bodies an OkHttp client receives, at the endpoint {@code METHOD host}:
 *
 * <pre>{@code
 * OkHttpClient client = new OkHttpClient.Builder().addInterceptor(new DevCenterOkHttpInterceptor()).build();
 * }</pre>
 *
 * <p>An application interceptor: it sees the body after OkHttp has inflated it, once per call (not per redirect or
 * retry). It reads a copy of at most {@code maxScanChars} bytes with {@link Response#peekBody}, so the application reads
 * the body unconsumed. Bodies that cannot hold an envelope (event streams, binary, media) are neither read nor counted.
 */
public final class DevCenterOkHttpInterceptor implements Interceptor {

    private final ResponseCounter counter;

    /** Counts into {@link ResponseCounter#shared()}: the shared counts a binder with no arguments publishes. */
    public DevCenterOkHttpInterceptor() {
        this(ResponseCounter.shared());
    }

    public DevCenterOkHttpInterceptor(ResponseCounter counter) {
        this.counter = counter;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Exchange.beginClient();
        Request request = chain.request();
        Response response = chain.proceed(request);
        ResponseBody body = response.body();
        if (body == null) {
            return response;
        }
        MediaType type = body.contentType();
        if (!BodyTypes.readable(type == null ? null : type.toString())) {
            return response;
        }
        byte[] copy = response.peekBody(counter.maxBodyBytes()).bytes();
        counter.countClientBody(copy, copy.length, request.method(), request.url().host());
        return response;
    }
}
