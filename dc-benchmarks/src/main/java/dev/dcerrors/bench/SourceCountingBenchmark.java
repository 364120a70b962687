package dev.dcerrors.bench;

import com.sun.net.httpserver.HttpServer;
import dev.dcerrors.core.EndpointCounts;
import dev.dcerrors.core.ErrorCounts;
import dev.dcerrors.core.ErrorRecognizer;
import dev.dcerrors.core.Exchange;
import dev.dcerrors.core.FailureReporter;
import dev.dcerrors.core.RecognizerOptions;
import dev.dcerrors.core.ResponseCounter;
import dev.dcerrors.http.DevCenterOkHttpInterceptor;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.springframework.http.server.observation.DefaultServerRequestObservationConvention;
import org.springframework.http.server.observation.ServerHttpObservationDocumentation;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.HandlerMapping;

/**
 * What counting at the source costs, against what the application pays anyway:
 *
 * <ul>
 *   <li>server: the starter's work for one request answering a DTO (the exchange opened and closed, the route read from
 *       the request, the DTO's code read and counted with its endpoint), against Spring's own {@code http.server.requests}
 *       observation of a request (what {@code ServerHttpObservationFilter} does: a context, an observation started and
 *       stopped, a timer with the default convention's tags);</li>
 *   <li>client: an OkHttp call on 127.0.0.1 answering an envelope, with and without {@link DevCenterOkHttpInterceptor};
 *       and the interceptor's part alone on an in-memory body (the copy and the read), against reading it without.</li>
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SourceCountingBenchmark {

    static final String ROUTE = "/v2/enduser/enduserapi/smsLogin";
    static final byte[] ENVELOPE = "{\"code\":5147,\"msg\":\"Your account has been temporarily locked. Please try again after 20 minutes.\",\"data\":null,\"extMsg\":null}"
            .getBytes(StandardCharsets.UTF_8);

    /** The DTO a handler returns. */
    public static final class LoginResult {
        private final int code;
        private final String msg;

        public LoginResult(int code, String msg) {
            this.code = code;
            this.msg = msg;
        }

        public int getCode() {
            return code;
        }

        public String getMsg() {
            return msg;
        }
    }

    private ResponseCounter counter;
    private final LoginResult result = new LoginResult(5147, "Your account has been temporarily locked.");
    private final MockHttpServletRequest request = new MockHttpServletRequest("POST", ROUTE);
    private final MockHttpServletResponse response = new MockHttpServletResponse();
    private ObservationRegistry observations;
    private final DefaultServerRequestObservationConvention convention = new DefaultServerRequestObservationConvention();
    private final byte[] sink = new byte[4096];
    private HttpServer server;
    private OkHttpClient plain;
    private OkHttpClient intercepted;
    private Request call;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        ErrorCounts counts = new ErrorCounts();
        ErrorRecognizer recognizer = Objects.requireNonNull(new RecognizerOptions().build(counts, RecognizerOptions.Reporter.failing()));
        counter = new ResponseCounter(recognizer, new EndpointCounts(counts), FailureReporter.once((p, c) -> {
            throw new IllegalStateException(p, c);
        }));
        request.setAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE, ROUTE);
        observations = ObservationRegistry.create();
        observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(new SimpleMeterRegistry()));

        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.createContext("/v2/devices/", e -> {
            e.getResponseHeaders().set("Content-Type", "application/json");
            e.sendResponseHeaders(200, ENVELOPE.length);
            try (OutputStream out = e.getResponseBody()) {
                out.write(ENVELOPE);
            }
        });
        server.start();
        plain = new OkHttpClient();
        intercepted = plain.newBuilder().addInterceptor(new DevCenterOkHttpInterceptor(counter)).build();
        call = new Request.Builder().url("http://127.0.0.1:" + server.getAddress().getPort() + "/v2/devices/dk-1").build();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        server.stop(0);
        plain.dispatcher().executorService().shutdown();
        plain.connectionPool().evictAll();
    }

    /** The starter's work for one request that answers a DTO: ExchangeFilter and ResponseCountingAdvice, without Spring around them. */
    @Benchmark
    public int serverCountOfADto() {
        Exchange.beginServer();
        try {
            Object route = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
            return counter.countServerBody(result, request.getMethod(), (String) route);
        } finally {
            Exchange.endServer();
        }
    }

    /** Spring's own http.server.requests observation of one request, as ServerHttpObservationFilter makes it. */
    @Benchmark
    public Object springServerObservation() {
        ServerRequestObservationContext context = new ServerRequestObservationContext(request, response);
        Observation observation = ServerHttpObservationDocumentation.HTTP_SERVLET_SERVER_REQUESTS
                .observation(null, convention, () -> context, observations).start();
        context.setPathPattern(ROUTE);
        observation.stop();
        return context;
    }

    /** An OkHttp call on 127.0.0.1, the body read by the application. */
    @Benchmark
    public int okHttpCallWithout() throws IOException {
        try (Response r = plain.newCall(call).execute()) {
            return r.body().bytes().length;
        }
    }

    /** The same call with DevCenterOkHttpInterceptor. */
    @Benchmark
    public int okHttpCallWithInterceptor() throws IOException {
        try (Response r = intercepted.newCall(call).execute()) {
            return r.body().bytes().length;
        }
    }

    /** Reading an in-memory body, as the application does. */
    @Benchmark
    public int clientBodyReadWithout() throws IOException {
        return readAll(new ByteArrayInputStream(ENVELOPE));
    }

    /** The interceptors' part (copy, count, hand the copy then the rest to the application) on the same in-memory body. */
    @Benchmark
    public int clientBodyReadWithCount() throws IOException {
        Exchange.beginClient();
        return readAll(counter.countClientStream(new ByteArrayInputStream(ENVELOPE), ENVELOPE.length, "GET", "/v2/devices/{dk}"));
    }

    private int readAll(InputStream in) throws IOException {
        int total = 0;
        int n;
        while ((n = in.read(sink)) > 0) {
            total += n;
        }
        return total;
    }
}
