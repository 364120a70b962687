package dev.dcerrors.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.dcerrors.core.ErrorCounts;
import dev.dcerrors.core.Exchange;
import dev.dcerrors.core.ResponseCounter;
import feign.Feign;
import feign.Logger;
import feign.Param;
import feign.RequestLine;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.zalando.logbook.core.DefaultHttpLogWriter;
import org.zalando.logbook.core.DefaultSink;
import org.zalando.logbook.Logbook;
import org.zalando.logbook.httpclient5.LogbookHttpRequestInterceptor;
import org.zalando.logbook.httpclient5.LogbookHttpResponseInterceptor;
import org.zalando.logbook.json.JsonHttpLogFormatter;

/**
 * The client interceptors on real clients calling a Developer Center stand-in on 127.0.0.1, with the client's own
 * logging on (Feign at {@code FULL}, Zalando Logbook on HttpClient 5) and the application logging failures: each
 * response counts once, with its endpoint, and the application receives every body unchanged.
 */
class HttpClientInterceptorsTest {

    private static final org.slf4j.Logger LOG = LoggerFactory.getLogger("com.example.DeviceClient");
    static final String LOCKED = "{\"code\":5147,\"msg\":\"Your account has been temporarily locked.\",\"data\":null}";
    static final String DEVICE = "{\"code\":5021,\"msg\":\"Input mobile number.\"}";
    static final String BLOCKED = "{\"code\":5148,\"msg\":\"The current IP address is blocked.\"}";
    static final String OK = "{\"code\":200,\"msg\":\"success\",\"data\":{\"token\":\"t\"}}";
    static final String HUGE = "{\"code\":5325,\"msg\":\"blocked\",\"data\":\"" + "a".repeat(200_000) + "\"}";

    private HttpServer server;
    private LoggerContext logback;
    private ErrorCounts counts;
    private ResponseCounter counter;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v2/enduser/enduserapi/smsLogin", e -> {
            e.getRequestBody().readAllBytes();
            answer(e, "application/json", LOCKED.getBytes(StandardCharsets.UTF_8), false);
        });
        server.createContext("/v2/devices/", e -> answer(e, "application/json", DEVICE.getBytes(StandardCharsets.UTF_8), false));
        server.createContext("/blocked", e -> answer(e, "application/json", BLOCKED.getBytes(StandardCharsets.UTF_8), true));
        server.createContext("/ok", e -> answer(e, "application/json", OK.getBytes(StandardCharsets.UTF_8), false));
        server.createContext("/huge", e -> answer(e, "application/json", HUGE.getBytes(StandardCharsets.UTF_8), false));
        server.createContext("/notjson", e -> answer(e, "text/html", "<html>down</html>".getBytes(StandardCharsets.UTF_8), false));
        server.createContext("/events", e -> answer(e, "text/event-stream", ("data: " + BLOCKED + "\n\n").getBytes(StandardCharsets.UTF_8), false));
        server.start();

        logback = (LoggerContext) LoggerFactory.getILoggerFactory();
        String countsName = "http-clients-" + UUID.randomUUID();
        logback.putProperty("countsName", countsName);
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(logback);
        configurator.doConfigure(new ByteArrayInputStream(("<configuration>"
                + "<turboFilter class=\"dev.dcerrors.logback.DevCenterErrorTurboFilter\"><counts>${countsName}</counts></turboFilter>"
                + "<logger name=\"feign\" level=\"DEBUG\"/><logger name=\"org.zalando.logbook\" level=\"TRACE\"/>"
                + "<root level=\"WARN\"/></configuration>").getBytes(StandardCharsets.UTF_8)));
        counter = CounterOverLogback.of(logback, countsName);
        counts = counter.recognizer().counts();
    }

    @AfterEach
    void stop() {
        server.stop(0);
        logback.reset();
        Exchange.beginServer(); // ends the client exchange the last call left under way on this thread
        Exchange.endServer();
    }

    private static void answer(HttpExchange e, String type, byte[] body, boolean gzip) throws IOException {
        byte[] sent = body;
        if (gzip) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
                zip.write(body);
            }
            sent = out.toByteArray();
            e.getResponseHeaders().set("Content-Encoding", "gzip");
        }
        e.getResponseHeaders().set("Content-Type", type);
        e.sendResponseHeaders(200, sent.length);
        try (OutputStream out = e.getResponseBody()) {
            out.write(sent);
        }
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private long endpoint(String endpoint, int code) {
        return counter.endpoints().count(endpoint, Exchange.Side.CLIENT, code);
    }

    @Test
    void okHttpCountsEachResponseOnceLoggedOrNotAndTheApplicationReadsItUnchanged() throws Exception {
        OkHttpClient client = new OkHttpClient.Builder().addInterceptor(new DevCenterOkHttpInterceptor(counter)).build();
        for (int i = 0; i < 3; i++) {
            Request login = new Request.Builder().url(url() + "/v2/enduser/enduserapi/smsLogin")
                    .post(RequestBody.create("{\"phone\":\"13900000000\",\"code\":\"5146\"}", MediaType.get("application/json"))).build();
            try (okhttp3.Response response = client.newCall(login).execute()) {
                String body = response.body().string();
                assertThat(body).isEqualTo(LOCKED);
                if (i < 2) {
                    LOG.warn("DC call failed: {}", body);
                }
            }
        }
        try (okhttp3.Response response = client.newCall(new Request.Builder().url(url() + "/blocked").build()).execute()) {
            assertThat(response.body().string()).isEqualTo(BLOCKED); // gzip: OkHttp inflates it, the interceptor reads it inflated
        }
        try (okhttp3.Response response = client.newCall(new Request.Builder().url(url() + "/huge").build()).execute()) {
            assertThat(response.body().string()).isEqualTo(HUGE);
        }
        for (String path : new String[] {"/notjson", "/events"}) {
            try (okhttp3.Response response = client.newCall(new Request.Builder().url(url() + path).build()).execute()) {
                assertThat(response.body().string()).isNotEmpty();
            }
        }
        assertThat(counts.count(5147)).isEqualTo(3);
        assertThat(counts.count(5148)).isEqualTo(1);
        assertThat(counts.count(5325)).isEqualTo(1);
        assertThat(counts.errorCount()).isEqualTo(5);
        assertThat(endpoint("POST 127.0.0.1", 5147)).isEqualTo(3);
        assertThat(endpoint("GET 127.0.0.1", 5148)).isEqualTo(1);
    }

    interface DeviceApi {
        @RequestLine("GET /v2/devices/{dk}")
        String device(@Param("dk") String dk);

        @RequestLine("GET /ok")
        String ok();
    }

    /** Feign's logger writing to SLF4J, as feign-slf4j's does. */
    static final class Slf4jFeignLogger extends Logger {
        private final org.slf4j.Logger log = LoggerFactory.getLogger("feign.DeviceApi");

        @Override
        protected void log(String configKey, String format, Object... args) {
            log.debug(String.format(methodTag(configKey) + format, args));
        }
    }

    @Test
    void feignAtFullLoggingPlusACatchThatLogsCountsEachResponseOnceAtItsUriTemplate() {
        DeviceApi api = Feign.builder().addCapability(new DevCenterFeignCapability(counter)).logger(new Slf4jFeignLogger())
                .logLevel(Logger.Level.FULL).target(DeviceApi.class, url());
        for (String dk : new String[] {"dev-1", "dev-2"}) {
            String body = api.device(dk);
            assertThat(body).isEqualTo(DEVICE);
            LOG.warn("DC call failed: {}", body);
        }
        assertThat(api.ok()).isEqualTo(OK);
        assertThat(counts.count(5021)).isEqualTo(2);
        assertThat(counts.successCount()).isEqualTo(1);
        assertThat(counts.errorCount()).isEqualTo(2);
        assertThat(endpoint("GET /v2/devices/{dk}", 5021)).isEqualTo(2);
    }

    @Test
    void httpClient5WithLogbookCountsEachResponseOnceAndTheApplicationReadsItUnchanged() throws Exception {
        Logbook logbook = Logbook.builder().sink(new DefaultSink(new JsonHttpLogFormatter(), new DefaultHttpLogWriter())).build();
        try (CloseableHttpClient client = HttpClients.custom()
                .addExecInterceptorFirst("devcenter", new DevCenterHttpClient5Interceptor(counter))
                .addRequestInterceptorFirst(new LogbookHttpRequestInterceptor(logbook))
                .addResponseInterceptorFirst(new LogbookHttpResponseInterceptor())
                .build()) {
            for (int i = 0; i < 2; i++) {
                String body = client.execute(new HttpGet(url() + "/blocked"), response -> EntityUtils.toString(response.getEntity()));
                assertThat(body).isEqualTo(BLOCKED);
                LOG.warn("DC call failed: {}", body);
            }
            String huge = client.execute(new HttpGet(url() + "/huge"), response -> EntityUtils.toString(response.getEntity()));
            assertThat(huge).isEqualTo(HUGE);
            String notJson = client.execute(new HttpGet(url() + "/notjson"), response -> EntityUtils.toString(response.getEntity()));
            assertThat(notJson).isEqualTo("<html>down</html>");
        }
        assertThat(counts.count(5148)).isEqualTo(2);
        assertThat(counts.count(5325)).isEqualTo(1);
        assertThat(counts.errorCount()).isEqualTo(3);
        assertThat(endpoint("GET 127.0.0.1", 5148)).isEqualTo(2);
    }

    @Test
    void withoutTheInterceptorTheSameLogsCountAsBefore() throws Exception {
        OkHttpClient client = new OkHttpClient();
        try (okhttp3.Response response = client.newCall(new Request.Builder().url(url() + "/v2/devices/x").build()).execute()) {
            String body = response.body().string();
            LOG.warn("DC call failed: {}", body);
            LOG.warn("DC call failed again: {}", body);
        }
        assertThat(counts.count(5021)).isEqualTo(2); // no exchange: each log line counts, as it always did
    }
}
