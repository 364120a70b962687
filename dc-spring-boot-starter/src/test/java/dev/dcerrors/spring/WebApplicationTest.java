package dev.dcerrors.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A small web application that answers Developer Center envelopes and logs them, with nothing but the starter
 * on its class path and two properties: {@code /actuator/prometheus}, requested over HTTP on 127.0.0.1, shows
 * exactly the codes it answered.
 */
@SpringBootTest(classes = WebApplicationTest.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "server.address=127.0.0.1",
    "management.endpoints.web.exposure.include=prometheus",
    "spring.test.observability.auto-configure=true", // Boot 3.5: keep metrics export on in this test
    "devcenter.errors.counts=web-application-test"})
class WebApplicationTest {

    @Value("${local.server.port}")
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    private String get(String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
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
        String scrape = get("/actuator/prometheus");
        assertThat(scrape).contains("devcenter_responses_total{outcome=\"success\"} 7.0");
        assertThat(scrape).contains("devcenter_responses_total{outcome=\"error\"} 5.0");
        assertThat(scrape).contains("devcenter_errors_total{category=\"auth\",code=\"5005\",severity=\"warning\"} 3.0");
        assertThat(scrape).contains("devcenter_errors_total{category=\"security\",code=\"5147\",severity=\"critical\"} 2.0");
        assertThat(scrape).contains("devcenter_errors_total{category=\"security\",code=\"5148\",severity=\"critical\"} 0.0");
        assertThat(scrape).contains("devcenter_error_code_info{category=\"auth\",code=\"5005\",message=\"Incorrect mobile number or password.\",severity=\"warning\"} 1");
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @RestController
    static class App {

        private static final Logger LOG = LoggerFactory.getLogger("com.example.LoginController");

        @GetMapping(value = "/api/v1/login", produces = "application/json")
        String login(@RequestParam("password") String password) {
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
