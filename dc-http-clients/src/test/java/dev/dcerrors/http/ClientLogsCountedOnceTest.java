package dev.dcerrors.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.dcerrors.core.ErrorCounts;
import dev.dcerrors.core.Exchange;
import dev.dcerrors.core.ResponseCounter;
import feign.Feign;
import feign.FeignException;
import feign.Param;
import feign.RequestLine;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.logging.HttpLoggingInterceptor;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The logs that carry a received response besides the interceptor's count: the exception that carries the body, OkHttp's
 * {@code HttpLoggingInterceptor} at {@code BODY}, HttpClient 5's wire log. Each test first shows, with a client that
 * has no interceptor, that those log lines count on their own; then that with the interceptor the response and all of
 * them are one response, counted once, and that the lines were written. An SMS-login request body carries a
 * {@code "code":"5001"} of its own, which is never counted.
 */
class ClientLogsCountedOnceTest {

    private static final Logger LOG = LoggerFactory.getLogger("com.example.LoginClient");
    private static final Logger OKHTTP = LoggerFactory.getLogger("com.example.OkHttp");
    static final String LOCKED = "{\"code\":5147,\"msg\":\"Your account has been temporarily locked.\",\"data\":null}";
    /** The SMS code the user typed: {@code 5001} is also a catalog code, but a request is not a response. */
    static final String SMS_LOGIN = "{\"phone\":\"13900000000\",\"code\":\"5001\"}";

    @TempDir
    Path dir;

    private HttpServer server;
    private LoggerContext logback;
    private Path logFile;
    private ErrorCounts counts;
    private ResponseCounter counter;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v2/enduser/enduserapi/smsLogin", e -> {
            e.getRequestBody().readAllBytes();
            answer(e, 200, LOCKED);
        });
        server.createContext("/v2/users/", e -> answer(e, 400, LOCKED));
        server.start();

        logback = (LoggerContext) LoggerFactory.getILoggerFactory();
        logback.reset();
        String countsName = "client-logs-" + UUID.randomUUID();
        logFile = dir.resolve("app.log");
        logback.putProperty("countsName", countsName);
        logback.putProperty("logFile", logFile.toString());
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(logback);
        configurator.doConfigure(ClientLogsCountedOnceTest.class.getResource("/client-logs-logback.xml"));
        counter = CounterOverLogback.of(logback, countsName);
        counts = counter.recognizer().counts();
        endClientExchange(); // no exchange left under way on this thread by an earlier test
    }

    @AfterEach
    void stop() {
        server.stop(0);
        logback.reset();
        endClientExchange();
    }

    /** Ends the client exchange the last call left under way on this thread: a server request around it ends. */
    private static void endClientExchange() {
        Exchange.beginServer();
        Exchange.endServer();
    }

    private static void answer(HttpExchange e, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        e.getResponseHeaders().set("Content-Type", "application/json");
        e.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = e.getResponseBody()) {
            out.write(bytes);
        }
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private String written() throws IOException {
        return Files.readString(logFile, StandardCharsets.UTF_8);
    }

    private static int occurrences(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
            n++;
        }
        return n;
    }

    private long endpoint(String endpoint, int code) {
        return counter.endpoints().count(endpoint, Exchange.Side.CLIENT, code);
    }

    interface UserApi {
        @RequestLine("GET /v2/users/{user}/status")
        String status(@Param("user") String user);
    }

    @Test
    void aFeignExceptionCarryingTheBodyLoggedAsThrowableAndByItsMessageIsTheResponseTheCapabilityCounted() throws Exception {
        // Without the capability: no exchange, each of the two log lines counts, as it always did.
        failAndLog(Feign.builder().target(UserApi.class, url()));
        assertThat(counts.count(5147)).isEqualTo(2);

        failAndLog(Feign.builder().addCapability(new DevCenterFeignCapability(counter)).target(UserApi.class, url()));
        assertThat(counts.count(5147)).as("the response once, not again for either log line").isEqualTo(3);
        assertThat(counts.errorCount()).isEqualTo(3);
        assertThat(endpoint("GET /v2/users/{user}/status", 5147)).isEqualTo(1);
        String log = written();
        String n = System.lineSeparator();
        assertThat(occurrences(log, "WARN com.example.LoginClient DC call failed" + n + "feign.FeignException$BadRequest: [400 Bad Request]"))
                .isEqualTo(2);
        assertThat(occurrences(log, "WARN com.example.LoginClient DC call failed: [400 Bad Request]")).isEqualTo(2);
    }

    /** Calls, catches the FeignException that carries the envelope, logs it as the throwable and by its message. */
    private static void failAndLog(UserApi api) {
        Throwable thrown = catchThrowable(() -> api.status("13900000000"));
        assertThat(thrown).isInstanceOf(FeignException.BadRequest.class);
        FeignException e = (FeignException) thrown;
        assertThat(e.contentUTF8()).isEqualTo(LOCKED);
        assertThat(e.getMessage()).contains(LOCKED);
        LOG.warn("DC call failed", e);
        LOG.warn("DC call failed: {}", e.getMessage());
    }

    @Test
    void okHttpLoggingInterceptorAtBodyThroughSlf4jAndTheInterceptorCountEachResponseOnceInEitherOrder() throws Exception {
        // Without the interceptor: the logged response body counts on its own; the logged request body never.
        HttpLoggingInterceptor.Logger slf4j = message -> OKHTTP.info(message);
        OkHttpClient loggingOnly = new OkHttpClient.Builder()
                .addInterceptor(new HttpLoggingInterceptor(slf4j).setLevel(HttpLoggingInterceptor.Level.BODY)).build();
        smsLogin(loggingOnly);
        assertThat(counts.count(5147)).isEqualTo(1);

        OkHttpClient countedThenLogged = new OkHttpClient.Builder().addInterceptor(new DevCenterOkHttpInterceptor(counter))
                .addInterceptor(new HttpLoggingInterceptor(slf4j).setLevel(HttpLoggingInterceptor.Level.BODY)).build();
        OkHttpClient loggedThenCounted = new OkHttpClient.Builder()
                .addInterceptor(new HttpLoggingInterceptor(slf4j).setLevel(HttpLoggingInterceptor.Level.BODY))
                .addInterceptor(new DevCenterOkHttpInterceptor(counter)).build();
        OkHttpClient loggedOnTheNetwork = new OkHttpClient.Builder().addInterceptor(new DevCenterOkHttpInterceptor(counter))
                .addNetworkInterceptor(new HttpLoggingInterceptor(slf4j).setLevel(HttpLoggingInterceptor.Level.BODY)).build();
        for (OkHttpClient client : new OkHttpClient[] {countedThenLogged, loggedThenCounted, loggedOnTheNetwork}) {
            smsLogin(client);
        }
        assertThat(counts.count(5147)).as("each of the three responses once").isEqualTo(4);
        assertThat(counts.count(5001)).as("the SMS code of the request bodies").isZero();
        assertThat(counts.errorCount()).isEqualTo(4);
        assertThat(endpoint("POST 127.0.0.1", 5147)).isEqualTo(3);
        String log = written();
        assertThat(occurrences(log, "INFO com.example.OkHttp " + LOCKED)).isEqualTo(4);
        assertThat(occurrences(log, "INFO com.example.OkHttp " + SMS_LOGIN)).isEqualTo(4);
    }

    private void smsLogin(OkHttpClient client) throws IOException {
        Request login = new Request.Builder().url(url() + "/v2/enduser/enduserapi/smsLogin")
                .post(RequestBody.create(SMS_LOGIN, MediaType.get("application/json"))).build();
        try (okhttp3.Response response = client.newCall(login).execute()) {
            assertThat(response.body().string()).isEqualTo(LOCKED);
        }
    }

    @Test
    void httpClient5WireLogCarriesTheResponseEnvelopeCountedOnceAndTheRequestsSmsCodeNever() throws Exception {
        // Without the interceptor: the wire log's line of the response body counts on its own; the request's never.
        try (CloseableHttpClient plain = HttpClients.createDefault()) {
            smsLogin(plain);
        }
        assertThat(counts.count(5147)).isEqualTo(1);

        try (CloseableHttpClient client = HttpClients.custom()
                .addExecInterceptorFirst("devcenter", new DevCenterHttpClient5Interceptor(counter)).build()) {
            smsLogin(client);
            smsLogin(client);
        }
        assertThat(counts.count(5147)).as("each of the two responses once").isEqualTo(3);
        assertThat(counts.count(5001)).as("the SMS code of the request bodies").isZero();
        assertThat(counts.errorCount()).isEqualTo(3);
        assertThat(endpoint("POST 127.0.0.1", 5147)).isEqualTo(2);
        String log = written();
        assertThat(occurrences(log, "DEBUG org.apache.hc.client5.http.wire http-outgoing-")).isPositive();
        assertThat(occurrences(log, " << \"" + LOCKED + "\"")).isEqualTo(3);
        assertThat(occurrences(log, " >> \"" + SMS_LOGIN + "\"")).isEqualTo(3);
    }

    private void smsLogin(CloseableHttpClient client) throws IOException {
        HttpPost login = new HttpPost(url() + "/v2/enduser/enduserapi/smsLogin");
        login.setEntity(new StringEntity(SMS_LOGIN, ContentType.APPLICATION_JSON));
        String body = client.execute(login, response -> EntityUtils.toString(response.getEntity()));
        assertThat(body).isEqualTo(LOCKED);
    }
}
