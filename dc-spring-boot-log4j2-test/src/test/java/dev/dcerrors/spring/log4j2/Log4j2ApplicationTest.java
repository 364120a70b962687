package dev.dcerrors.spring.log4j2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dcerrors.core.ErrorCounts;
import dev.dcerrors.log4j2.DevCenterErrorFilter;
import dev.dcerrors.log4j2.Log4j2Counts;
import dev.dcerrors.spring.Log4j2FilterInstaller;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A web application on {@code spring-boot-starter-log4j2} instead of Logback, with nothing but the starter and two
 * properties: the starter installs the Log4j2 filter, and {@code /actuator/prometheus}, requested over HTTP on
 * 127.0.0.1, shows exactly the codes it answered, as with Logback.
 */
@SpringBootTest(classes = Log4j2ApplicationTest.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "server.address=127.0.0.1",
    "management.endpoints.web.exposure.include=prometheus",
    "spring.test.observability.auto-configure=true", // Boot 3.5: keep metrics export on in this test
    "devcenter.errors.counts=log4j2-application-test",
    "devcenter.errors.extra-keys=errorCode"})
class Log4j2ApplicationTest {

    @Value("${local.server.port}")
    int port;

    @Autowired
    Log4j2FilterInstaller installer;

    @Autowired
    ErrorCounts counts;

    private final HttpClient http = HttpClient.newHttpClient();

    private String get(String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }

    @Test
    void theApplicationLogsWithLog4j2AndTheStarterInstalledTheFilterIntoItsContext() {
        assertThatThrownBy(() -> Class.forName("ch.qos.logback.classic.LoggerContext")).isInstanceOf(ClassNotFoundException.class);
        assertThat(LoggerFactory.getILoggerFactory().getClass().getName()).startsWith("org.apache.logging.slf4j");
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        assertThat(installer.installedFilter()).isNotNull();
        DevCenterErrorFilter filter = installer.installedFilter().filter();
        assertThat(context.getConfiguration().getFilter()).isSameAs(filter);
        assertThat(filter.counts()).isSameAs(counts).isSameAs(Log4j2Counts.named(context, "log4j2-application-test"));
    }

    @Test
    void actuatorPrometheusShowsExactlyTheCodesTheApplicationAnswered() throws Exception {
        for (int i = 0; i < 7; i++) {
            get("/api/v1/login?password=correct");
        }
        for (int i = 0; i < 3; i++) {
            get("/api/v1/login?password=wrong");
        }
        for (int i = 0; i < 2; i++) {
            get("/api/v1/login?password=locked");
        }
        get("/api/v1/login?password=blocked");
        String scrape = get("/actuator/prometheus");
        assertThat(scrape).contains("devcenter_responses_total{outcome=\"success\"} 7.0");
        assertThat(scrape).contains("devcenter_responses_total{outcome=\"error\"} 6.0");
        assertThat(scrape).contains("devcenter_errors_total{category=\"auth\",code=\"5005\",severity=\"warning\"} 3.0");
        assertThat(scrape).contains("devcenter_errors_total{category=\"security\",code=\"5147\",severity=\"critical\"} 2.0");
        assertThat(scrape).contains("devcenter_errors_total{category=\"security\",code=\"5148\",severity=\"critical\"} 1.0");
        assertThat(scrape).contains("devcenter_error_code_info{category=\"auth\",code=\"5005\",message=\"Incorrect mobile number or password.\",severity=\"warning\"} 1");
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @RestController
    static class App {

        private static final Logger LOG = LoggerFactory.getLogger("com.example.LoginController");

        @GetMapping(value = "/api/v1/login", produces = "application/json")
        String login(@RequestParam("password") String password) {
            if (password.equals("blocked")) { // SLF4J's fluent API with a pair under the extra key, through log4j-slf4j2-impl
                LOG.atWarn().addKeyValue("errorCode", 5148).log("login refused");
                return "{}";
            }
            String body = switch (password) {
                case "correct" -> "{\"code\":200,\"msg\":\"success\",\"data\":{\"token\":\"t\"},\"extMsg\":null}";
                case "locked" -> "{\"code\":5147,\"msg\":\"Your account has been temporarily locked.\",\"data\":null,\"extMsg\":null}";
                default -> "{\"code\":5005,\"msg\":\"Incorrect mobile number or password.\",\"data\":null,\"extMsg\":null}";
            };
            LOG.info("POST /api/v1/login -> {}", body);
            return body;
        }
    }
}
