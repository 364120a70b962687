package dev.dcerrors.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A WebFlux application on Netty at 127.0.0.1 with nothing but the starter: every JSON body its handlers answer in one
 * piece counts once, at its route template, and every body its WebClient receives at the call's URI template; streams
 * of server-sent events are not read.
 */
@SpringBootTest(classes = WebFluxSourceCountingTest.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.main.web-application-type=reactive",
    "server.address=127.0.0.1",
    "management.endpoints.web.exposure.include=prometheus",
    "spring.test.observability.auto-configure=true", // Boot 3.5: keep metrics export on in this test
    "devcenter.errors.counts=webflux-source-counting-test"})
class WebFluxSourceCountingTest {

    @Value("${local.server.port}")
    int port;


    @Autowired
    WebClient.Builder webClientBuilder;

    private final HttpClient http = HttpClient.newHttpClient();

    private String get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(), HttpResponse.BodyHandlers.ofString())
                .body();
    }

    private String clientEndpoint;

    @Test
    void everyJsonBodyAnsweredOrReceivedCountsOnceAtItsEndpointAndEventStreamsAreNotRead() throws Exception {
        assertThat(get("/v2/login/7")).contains("5147");
        get("/v2/login/8");
        assertThat(get("/v2/devices/dev-1")).contains("5021");
        assertThat(get("/v2/entity")).contains("5000");
        assertThat(get("/v2/text")).contains("5005");
        assertThat(get("/v2/fail")).contains("5000");
        assertThat(get("/v2/ok")).contains("200");
        assertThat(get("/v2/events")).contains("5148");

        // WebClient from Boot's builder, against a Developer Center stand-in: counted at the call's URI template.
        try (Upstream upstream = new Upstream()) {
            WebClient client = webClientBuilder.baseUrl(upstream.url()).build();
            assertThat(client.get().uri("/v2/devices/{dk}", "dev-9").retrieve().bodyToMono(String.class).block()).contains("5021");
            assertThat(client.get().uri("/huge").retrieve().bodyToMono(String.class).block()).isEqualTo(Upstream.HUGE);
            assertThat(client.get().uri("/late").retrieve().bodyToMono(String.class).block()).isEqualTo(Upstream.CODE_PAST_THE_LIMIT);
            assertThat(client.get().uri("/events").retrieve().bodyToMono(String.class).block()).contains("5148");
            assertThat(client.get().uri("/notjson").retrieve().bodyToMono(String.class).block()).contains("maintenance");
            clientEndpoint = upstream.url();
        }

        // The first endpoint series is a new metric name: Prometheus's registry shows it from the scrape after the one that
        // registered it (or once the registrar thread did, within 1 s).
        get("/actuator/prometheus");
        TreeSet<String> scraped = new TreeSet<>();
        for (String line : get("/actuator/prometheus").split("\n")) {
            if (line.startsWith("devcenter_errors_total") || line.startsWith("devcenter_responses_total")
                    || line.startsWith("devcenter_endpoint_errors_total")) {
                scraped.add(line);
            }
        }
        assertThat(scraped).containsExactlyInAnyOrder(
                "devcenter_responses_total{outcome=\"success\"} 1.0",
                "devcenter_responses_total{outcome=\"error\"} 8.0",
                "devcenter_errors_total{category=\"account\",code=\"5021\",severity=\"info\"} 2.0",
                "devcenter_errors_total{category=\"auth\",code=\"5005\",severity=\"warning\"} 1.0",
                "devcenter_errors_total{category=\"platform\",code=\"5000\",severity=\"critical\"} 2.0",
                "devcenter_errors_total{category=\"security\",code=\"5146\",severity=\"warning\"} 0.0",
                "devcenter_errors_total{category=\"security\",code=\"5147\",severity=\"critical\"} 2.0",
                "devcenter_errors_total{category=\"security\",code=\"5148\",severity=\"critical\"} 0.0",
                "devcenter_errors_total{category=\"security\",code=\"5325\",severity=\"critical\"} 1.0",
                "devcenter_endpoint_errors_total{category=\"account\",code=\"5021\",endpoint=\"GET " + clientEndpoint
                        + "/v2/devices/{dk}\",severity=\"info\",side=\"client\"} 1.0",
                "devcenter_endpoint_errors_total{category=\"security\",code=\"5325\",endpoint=\"GET " + clientEndpoint
                        + "/huge\",severity=\"critical\",side=\"client\"} 1.0",
                "devcenter_endpoint_errors_total{category=\"account\",code=\"5021\",endpoint=\"GET /v2/devices/{dk}\",severity=\"info\",side=\"server\"} 1.0",
                "devcenter_endpoint_errors_total{category=\"auth\",code=\"5005\",endpoint=\"GET /v2/text\",severity=\"warning\",side=\"server\"} 1.0",
                "devcenter_endpoint_errors_total{category=\"platform\",code=\"5000\",endpoint=\"GET /v2/entity\",severity=\"critical\",side=\"server\"} 1.0",
                "devcenter_endpoint_errors_total{category=\"platform\",code=\"5000\",endpoint=\"GET /v2/fail\",severity=\"critical\",side=\"server\"} 1.0",
                "devcenter_endpoint_errors_total{category=\"security\",code=\"5147\",endpoint=\"GET /v2/login/{id}\",severity=\"critical\",side=\"server\"} 2.0");
    }

    record Envelope(int code, String msg) {
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @RestController
    static class App {

        @GetMapping("/v2/login/{id}")
        Mono<Envelope> login(@PathVariable("id") String id) {
            return Mono.just(new Envelope(5147, "Your account has been temporarily locked."));
        }

        @GetMapping("/v2/devices/{dk}")
        Map<String, Object> device(@PathVariable("dk") String dk) {
            return Map.of("code", 5021, "msg", "Input mobile number.");
        }

        @GetMapping("/v2/entity")
        Mono<ResponseEntity<Envelope>> entity() {
            return Mono.just(ResponseEntity.ok(new Envelope(5000, "Service exception.")));
        }

        @GetMapping(value = "/v2/text", produces = "application/json")
        String text() {
            return "{\"code\":5005,\"msg\":\"Incorrect mobile number or password.\"}";
        }

        @GetMapping("/v2/ok")
        Envelope ok() {
            return new Envelope(200, "success");
        }

        @GetMapping("/v2/fail")
        Mono<Envelope> fail() {
            return Mono.error(new IllegalStateException("backend down"));
        }

        @ExceptionHandler(IllegalStateException.class)
        @ResponseStatus(HttpStatus.INTERNAL_SERVER_ERROR)
        Envelope failed(IllegalStateException e) {
            return new Envelope(5000, "Service exception.");
        }

        @GetMapping(value = "/v2/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
        Flux<Envelope> events() {
            return Flux.just(new Envelope(5148, "blocked"), new Envelope(5148, "blocked")).delayElements(Duration.ofMillis(10));
        }
    }
}
