package dev.dcerrors.logback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.turbo.TurboFilter;
import com.sun.net.httpserver.HttpServer;
import feign.Feign;
import feign.FeignException;
import feign.Headers;
import feign.RequestLine;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;
import org.springframework.web.client.RestTemplate;

/**
 * What users of real HTTP client libraries log when a Developer Center call fails, against a local server answering DC
 * envelopes, with the one-line turbo filter and its defaults (and the appender and the {@code %dcCode} converter, which
 * must count the same): Spring's {@code RestClient} and {@code RestTemplate} with their real exceptions, Apache HttpClient
 * 5's wire log at DEBUG, OpenFeign's {@code FeignException}. The libraries log through SLF4J, so this test configures
 * the JVM's Logback context from {@code real-client-libraries.xml}.
 */
class RealClientLibrariesTest {

    /**
     * Why some tests wait: Spring's exception messages and HttpClient's wire log quote the body without escaping it
     * ({@code "{"code":5032,...}"}), which counts only with the quoted-JSON rule of recognition (issue 22, item 3).
     */

    private static final String TOKEN_FAILED = "{\"code\":5032,\"msg\":\"Token verification is failed.\",\"data\":null}";
    private static final String LOCKED = "{\"code\":5147,\"msg\":\"Your account has been temporarily locked.\",\"data\":null}";
    private static final String LOCKED_PRETTY = "{\n  \"code\" : 5148,\n  \"msg\" : \"Your account has been blocked.\",\n  \"data\" : null\n}";
    private static final String SERVICE_EXCEPTION = "{\"code\":5000,\"msg\":\"Service exception.\",\"data\":null}";
    private static final String SMS_LOGIN_REQUEST = "{\"countryCode\":\"86\",\"phone\":\"13800000000\",\"code\":\"5001\"}";

    private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    private final String countsName = "clients-" + UUID.randomUUID();
    private final CountedEverywhere counted = new CountedEverywhere(context, countsName);
    private final Logger log = LoggerFactory.getLogger("dc.client");
    private HttpServer server;
    private String base;

    @BeforeEach
    void configureLoggingAndStartTheServer() throws Exception {
        context.reset();
        context.putProperty("countsName", countsName);
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(Objects.requireNonNull(getClass().getClassLoader().getResource("real-client-libraries.xml")));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        answer("/api/v1/token", 401, TOKEN_FAILED);
        answer("/api/v1/locked", 400, LOCKED);
        answer("/api/v1/blocked", 400, LOCKED_PRETTY);
        answer("/api/v1/server", 500, SERVICE_EXCEPTION);
        answer("/api/v1/sms/login", 200, LOCKED);
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void answer(String path, int status, String body) {
        server.createContext(path, exchange -> {
            exchange.getRequestBody().readAllBytes();
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
    }

    @AfterEach
    void stopTheServerAndTheFilter() {
        server.stop(0);
        for (TurboFilter filter : new ArrayList<>(context.getTurboFilterList())) {
            if (filter instanceof DevCenterErrorTurboFilter) {
                ((DevCenterErrorTurboFilter) filter).uninstall();
            }
        }
        context.reset();
    }

    private RestClient restClient() {
        // The JDK's client: HttpClient 5's wire log is another test's subject.
        return RestClient.builder().requestFactory(new JdkClientHttpRequestFactory()).baseUrl(base).build();
    }

    private RestTemplate restTemplate() {
        return new RestTemplate(new JdkClientHttpRequestFactory());
    }

    @Test
    void springRestClientsExceptionMessageLoggedAsAnArgumentCounts() {
        HttpClientErrorException e = catchThrowableOfType(HttpClientErrorException.class,
                () -> restClient().get().uri("/api/v1/token").retrieve().body(String.class));
        assertThat(e.getMessage()).as("Spring quotes the body without escaping it").contains("\"" + TOKEN_FAILED + "\"");

        log.warn("DC call failed: {}", e.getMessage());

        counted.assertCounted(Map.of(5032, 1L));
        assertThat(counted.printedCodes("dc.client")).containsExactlyEntriesOf(Map.of("5032", 1L));
    }

    @Test
    void springRestClientsExceptionLoggedAsTheThrowableCounts() {
        HttpClientErrorException e = catchThrowableOfType(HttpClientErrorException.class,
                () -> restClient().get().uri("/api/v1/locked").retrieve().body(String.class));

        log.warn("DC call failed", e);

        counted.assertCounted(Map.of(5147, 1L));
        assertThat(counted.printedCodes("dc.client")).containsExactlyEntriesOf(Map.of("5147", 1L));
    }

    @Test
    void springRestTemplatesExceptionsCountAsAnArgumentAndAsTheThrowable() {
        HttpClientErrorException clientError = catchThrowableOfType(HttpClientErrorException.class,
                () -> restTemplate().getForObject(base + "/api/v1/blocked", String.class));
        HttpServerErrorException serverError = catchThrowableOfType(HttpServerErrorException.class,
                () -> restTemplate().getForObject(base + "/api/v1/server", String.class));
        assertThat(clientError.getMessage()).as("a pretty-printed body, quoted").contains("\"{<EOL>  \"code\" : 5148"); // Spring's LogFormatUtils

        log.warn("DC call failed: {}", clientError.getMessage());
        log.warn("DC call failed", serverError);
        log.warn("DC call failed for user {}", "u1", new IllegalStateException("login failed", serverError));

        counted.assertCounted(Map.of(5148, 1L, 5000, 2L));
        assertThat(counted.printedCodes("dc.client")).containsExactlyInAnyOrderEntriesOf(Map.of("5148", 1L, "5000", 2L));
    }

    @Test
    void aRestClientResponseExceptionsBodyIsReadLikeItsMessage() {
        RestClientResponseException e = catchThrowableOfType(RestClientResponseException.class,
                () -> restClient().post().uri("/api/v1/server").body("{}").retrieve().toBodilessEntity());

        log.error("DC call failed: {}", e.getMessage(), e);

        counted.assertCounted(Map.of(5000, 1L));
        assertThat(counted.printedCodes("dc.client")).containsExactlyEntriesOf(Map.of("5000", 1L));
    }

    @Test
    void httpClient5sWireLogCountsTheResponseEnvelopeAndNotTheSmsLoginRequestBody() throws Exception {
        try (CloseableHttpClient client = HttpClients.createDefault()) {
            HttpPost post = new HttpPost(base + "/api/v1/sms/login");
            post.setEntity(new StringEntity(SMS_LOGIN_REQUEST, ContentType.APPLICATION_JSON));
            String body = client.execute(post, response -> EntityUtils.toString(response.getEntity()));
            assertThat(body).isEqualTo(LOCKED);
        }
        List<String> wire = counted.printedMessages("org.apache.hc.client5.http.wire");
        assertThat(wire).as("the wire log quotes the bodies without escaping them")
                .anySatisfy(line -> assertThat(line).endsWith(">> \"" + SMS_LOGIN_REQUEST + "\""))
                .anySatisfy(line -> assertThat(line).endsWith("<< \"" + LOCKED + "\""));

        counted.assertCounted(Map.of(5147, 1L));
        assertThat(counted.printedCodes("org.apache.hc.client5.http.wire")).containsExactlyEntriesOf(Map.of("5147", 1L));
    }

    @Test
    void theSmsLoginRequestBodyInTheWireLogNeverCounts() throws Exception {
        try (CloseableHttpClient client = HttpClients.createDefault()) {
            for (int i = 0; i < 3; i++) {
                HttpPost post = new HttpPost(base + "/api/v1/token");
                post.setEntity(new StringEntity(SMS_LOGIN_REQUEST.replace("5001", "500" + i), ContentType.APPLICATION_JSON));
                client.execute(post, response -> EntityUtils.toString(response.getEntity()));
            }
        }
        assertThat(counted.printedMessages("org.apache.hc.client5.http.wire")).anySatisfy(line -> assertThat(line).contains("\"countryCode\""));

        assertThat(LogbackCounts.named(context, countsName).count(5000) + LogbackCounts.named(context, countsName).count(5001)
                + LogbackCounts.named(context, countsName).count(5002)).as("the typed verification codes").isZero();
        assertThat(LogbackCounts.named(context, countsName + "-appender").count(5001)).isZero();
    }

    /** A DC API as a Feign client declares it. */
    interface DcApi {
        @RequestLine("GET /api/v1/token")
        String userInfo();

        @RequestLine("POST /api/v1/locked")
        @Headers("Content-Type: application/json")
        String smsLogin(String body);
    }

    @Test
    void openFeignsExceptionLoggedAsTheThrowableCounts() {
        DcApi api = Feign.builder().target(DcApi.class, base);
        FeignException unauthorized = catchThrowableOfType(FeignException.class, api::userInfo);
        FeignException badRequest = catchThrowableOfType(FeignException.class, () -> api.smsLogin(SMS_LOGIN_REQUEST));
        assertThat(unauthorized.status()).isEqualTo(401);

        log.warn("DC call failed", unauthorized);
        log.warn("DC call failed", badRequest);
        log.warn("DC call failed: {}", unauthorized.getMessage());

        counted.assertCounted(Map.of(5032, 2L, 5147, 1L));
        assertThat(counted.printedCodes("dc.client")).containsExactlyInAnyOrderEntriesOf(Map.of("5032", 2L, "5147", 1L));
    }
}
