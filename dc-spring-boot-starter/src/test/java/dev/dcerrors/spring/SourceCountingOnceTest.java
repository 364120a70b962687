package dev.dcerrors.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.dcerrors.core.Exchange;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;

/**
 * One response, several log lines, one count: the application of {@link SourceCountingTest} (nothing but the starter,
 * on 127.0.0.1), each case on its own, asserted as the change it makes to {@code /actuator/prometheus}, with the log
 * lines really written (a Logback appender on the application's logger).
 */
@SpringBootTest(classes = SourceCountingTest.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "server.address=127.0.0.1",
    "management.endpoints.web.exposure.include=prometheus",
    "spring.test.observability.auto-configure=true", // Boot 3.5: keep metrics export on in this test
    "devcenter.errors.counts=source-counting-once-test"})
class SourceCountingOnceTest {

    private static final Logger LOG = LoggerFactory.getLogger("com.example.DeviceClient");
    private static final String LOCKED_ERRORS = "devcenter_errors_total{category=\"security\",code=\"5147\",severity=\"critical\"}";
    private static final String ERROR_RESPONSES = "devcenter_responses_total{outcome=\"error\"}";
    private static Upstream upstream;

    @Value("${local.server.port}")
    int port;
    @Autowired
    RestClient.Builder restClientBuilder;

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<ListAppender<ILoggingEvent>> appenders = new ArrayList<>();

    @BeforeAll
    static void startUpstream() throws IOException {
        upstream = new Upstream();
    }

    @AfterAll
    static void stopUpstream() {
        upstream.close();
    }

    @BeforeEach
    void noExchangeUnderWay() {
        endClientExchange();
    }

    /** Ends the client exchange a call left under way on this thread: a server request around it ends. */
    private static void endClientExchange() {
        Exchange.beginServer();
        Exchange.endServer();
    }

    @AfterEach
    void detachAppenders() {
        endClientExchange();
        LoggerContext logback = (LoggerContext) LoggerFactory.getILoggerFactory();
        for (ListAppender<ILoggingEvent> appender : appenders) {
            logback.getLoggerList().forEach(logger -> logger.detachAppender(appender));
            appender.stop();
        }
    }

    /** What {@code logger} writes from now on, as Logback hands it to its appenders. */
    private ListAppender<ILoggingEvent> written(String logger) {
        LoggerContext logback = (LoggerContext) LoggerFactory.getILoggerFactory();
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.setContext(logback);
        appender.start();
        logback.getLogger(logger).addAppender(appender);
        appenders.add(appender);
        return appender;
    }

    private static List<String> lines(ListAppender<ILoggingEvent> appender) {
        synchronized (appender) { // the server's thread appended; Logback appends under this lock
            List<String> lines = new ArrayList<>();
            for (ILoggingEvent event : appender.list) {
                lines.add(event.getLevel() + " " + event.getFormattedMessage()
                        + (event.getThrowableProxy() == null ? "" : " | " + event.getThrowableProxy().getClassName() + ": "
                                + event.getThrowableProxy().getMessage()));
            }
            return lines;
        }
    }

    private String get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    /** The devcenter series of the scrape, value by series; scraped twice, so that a series registered by the first shows. */
    private Map<String, Double> scrape() throws Exception {
        get("/actuator/prometheus");
        Map<String, Double> series = new HashMap<>();
        for (String line : get("/actuator/prometheus").split("\n")) {
            if (line.startsWith("devcenter_errors_total") || line.startsWith("devcenter_responses_total")
                    || line.startsWith("devcenter_endpoint_errors_total")) {
                int space = line.lastIndexOf(' ');
                series.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
            }
        }
        return series;
    }

    /** The series that changed since {@code before}, by how much. */
    private Map<String, Double> changedSince(Map<String, Double> before) throws Exception {
        Map<String, Double> changed = new LinkedHashMap<>();
        scrape().forEach((series, value) -> {
            double by = value - before.getOrDefault(series, 0.0);
            if (by != 0) {
                changed.put(series, by);
            }
        });
        return changed;
    }

    private static String endpoint(String endpoint, String side) {
        return "devcenter_endpoint_errors_total{category=\"security\",code=\"5147\",endpoint=\"" + endpoint
                + "\",severity=\"critical\",side=\"" + side + "\"}";
    }

    @Test
    void aHandlerThatLogsItsAnswerThenReturnsItCountsOneResponse() throws Exception {
        ListAppender<ILoggingEvent> handlerLog = written("com.example.LoginController");
        Map<String, Double> before = scrape();

        String answer = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v2/enduser/enduserapi/smsLogin?log=true"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"phone\":\"locked\",\"code\":\"5148\"}"))
                .build(), HttpResponse.BodyHandlers.ofString()).body();

        assertThat(answer).contains("\"code\":5147");
        assertThat(lines(handlerLog)).containsExactly(
                "INFO answered Envelope[code=5147, msg=Your account has been temporarily locked., data=null]");
        Map<String, Double> expected = new LinkedHashMap<>();
        expected.put(ERROR_RESPONSES, 1.0);
        expected.put(LOCKED_ERRORS, 1.0); // the log line counted it; the returned body not again
        expected.put(endpoint("POST /v2/enduser/enduserapi/smsLogin", "server"), 1.0); // the returned body, at its route
        assertThat(changedSince(before)).isEqualTo(expected);
    }

    @Test
    void anHttpClientErrorExceptionCarryingTheBodyLoggedAsThrowableAndByItsMessageIsTheResponseRestClientCounted() throws Exception {
        ListAppender<ILoggingEvent> clientLog = written("com.example.DeviceClient");
        Map<String, Double> before = scrape();

        // A RestClient not built from Boot's builder: no exchange, each of the two log lines counts, as it always did.
        catchAndLog(RestClient.create(upstream.url()));
        Map<String, Double> expected = new LinkedHashMap<>();
        expected.put(ERROR_RESPONSES, 2.0);
        expected.put(LOCKED_ERRORS, 2.0);
        assertThat(changedSince(before)).isEqualTo(expected);

        before = scrape();
        catchAndLog(restClientBuilder.baseUrl(upstream.url()).build());
        expected.put(ERROR_RESPONSES, 1.0);
        expected.put(LOCKED_ERRORS, 1.0); // the response at the source; neither log line again
        expected.put(endpoint("GET " + upstream.url() + "/v2/users/{user}/status", "client"), 1.0);
        assertThat(changedSince(before)).isEqualTo(expected);

        String thrown = "org.springframework.web.client.HttpClientErrorException$BadRequest: 400 Bad Request: \"" + Upstream.LOCKED + "\"";
        assertThat(lines(clientLog)).containsExactly("WARN DC call failed | " + thrown, "WARN DC call failed: 400 Bad Request: \""
                + Upstream.LOCKED + "\"", "WARN DC call failed | " + thrown, "WARN DC call failed: 400 Bad Request: \"" + Upstream.LOCKED + "\"");
    }

    /** Calls, catches the exception that carries the envelope, logs it as the throwable and by its message on this thread. */
    private static void catchAndLog(RestClient client) {
        Throwable thrown = catchThrowable(() -> client.get().uri("/v2/users/{user}/status", "13900000000").retrieve().body(String.class));
        assertThat(thrown).isInstanceOf(HttpClientErrorException.BadRequest.class);
        HttpClientErrorException e = (HttpClientErrorException) thrown;
        assertThat(e.getResponseBodyAsString()).isEqualTo(Upstream.LOCKED);
        LOG.warn("DC call failed", e);
        LOG.warn("DC call failed: {}", e.getMessage());
    }
}
