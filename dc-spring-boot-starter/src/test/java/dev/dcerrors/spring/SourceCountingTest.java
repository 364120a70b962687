package dev.dcerrors.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * A Spring Boot application with nothing but the starter, on 127.0.0.1: every response body its handlers answer and
 * every body its RestClient and RestTemplate receive from a Developer Center stand-in counts once, logged or not, and
 * {@code /actuator/prometheus} shows exactly those, by endpoint and side.
 */
@SpringBootTest(classes = SourceCountingTest.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "server.address=127.0.0.1",
    "management.endpoints.web.exposure.include=prometheus",
    "spring.test.observability.auto-configure=true", // Boot 3.5: keep metrics export on in this test
    "devcenter.errors.counts=source-counting-test"})
class SourceCountingTest {

    private static final Logger LOG = LoggerFactory.getLogger("com.example.DeviceClient");
    private static Upstream upstream;

    @Value("${local.server.port}")
    int port;
    @Autowired
    RestClient.Builder restClientBuilder;
    @Autowired
    ApplicationContext context;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startUpstream() throws IOException {
        upstream = new Upstream();
    }

    @AfterAll
    static void stopUpstream() {
        upstream.close();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String get(String path) throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET());
        return response.body();
    }

    private String smsLogin(String phone, boolean logged) throws Exception {
        String body = "{\"phone\":\"" + phone + "\",\"code\":\"5148\"}"; // the SMS code the user typed
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v2/enduser/enduserapi/smsLogin?log=" + logged))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body))).body();
    }

    /** A RestTemplate from Boot's RestTemplateBuilder (its package differs in Boot 3 and 4). */
    private RestTemplate restTemplate() throws Exception {
        Class<?> type;
        try {
            type = Class.forName("org.springframework.boot.web.client.RestTemplateBuilder");
        } catch (ClassNotFoundException e) {
            type = Class.forName("org.springframework.boot.restclient.RestTemplateBuilder");
        }
        Object builder = context.getBean(type);
        Method rootUri = type.getMethod("rootUri", String.class);
        builder = rootUri.invoke(builder, upstream.url());
        return (RestTemplate) type.getMethod("build").invoke(builder);
    }

    /** The devcenter series of the scrape, value by series, without their HELP and TYPE lines. */
    private Map<String, String> scrape() throws Exception {
        Map<String, String> series = new LinkedHashMap<>();
        for (String line : get("/actuator/prometheus").split("\n")) {
            if (line.startsWith("devcenter_errors_total") || line.startsWith("devcenter_responses_total")
                    || line.startsWith("devcenter_endpoint_errors_total")) {
                int space = line.lastIndexOf(' ');
                series.put(line.substring(0, space), line.substring(space + 1));
            }
        }
        return series;
    }

    @Test
    void theScrapeShowsEveryResponseAnsweredAndReceivedOnceLoggedOrNotByEndpointAndSide() throws Exception {
        // The server side: every body type, logged by the handler or not.
        for (int i = 0; i < 3; i++) {
            assertThat(smsLogin("13900000000", false)).contains("\"code\":200");
        }
        for (int i = 0; i < 2; i++) {
            smsLogin("13900000000", true);
        }
        for (int i = 0; i < 2; i++) {
            assertThat(smsLogin("locked", true)).contains("\"code\":5147");
        }
        smsLogin("locked", false);
        smsLogin("wrong", false);
        smsLogin("wrong", false);
        assertThat(get("/v2/devices/dev-1")).contains("5021");
        get("/v2/devices/dev-2");
        assertThat(get("/v2/tree/7")).contains("5325");
        assertThat(get("/v2/text")).contains("5005");
        assertThat(get("/v2/entity/3")).contains("5000");
        assertThat(get("/v2/fail")).contains("5000");
        // Streaming bodies: untouched and not counted.
        assertThat(get("/v2/stream")).isEqualTo("{\"code\":5148,\"msg\":\"blocked\"}");
        assertThat(get("/v2/sse")).contains("data:{\"code\":5148,\"msg\":\"blocked\"}");
        assertThat(get("/v2/resource")).isEqualTo("{\"code\":5148,\"msg\":\"blocked\"}");
        // Text that is not JSON (prose, a Prometheus scrape, HTML) is not an envelope: not read.
        assertThat(get("/v2/plain")).isEqualTo("status code=5148 msg=blocked");

        // The client side: RestClient and RestTemplate from Boot's builders, logged by the caller or not.
        RestClient client = restClientBuilder.baseUrl(upstream.url()).build();
        for (int i = 0; i < 3; i++) {
            String body = client.post().uri("/v2/enduser/enduserapi/smsLogin").contentType(MediaType.APPLICATION_JSON)
                    .body("{\"phone\":\"13900000000\",\"code\":\"5148\"}").retrieve().body(String.class);
            if (i < 2) {
                LOG.warn("DC call failed: {}", body);
            }
        }
        client.get().uri("/v2/devices/{dk}", "dev-1").retrieve().body(String.class);
        String ok = client.get().uri("/ok").retrieve().body(String.class);
        LOG.info("DC call answered {}", ok);
        RestTemplate template = restTemplate();
        String device = template.getForObject("/v2/devices/{dk}", String.class, "dev-2");
        LOG.warn("DC call failed: {}", device);

        // Bad bodies: each received unchanged, counted as documented.
        assertThat(client.get().uri("/notjson").retrieve().body(String.class)).isEqualTo("<html><body>maintenance</body></html>");
        assertThat(client.get().uri("/empty").retrieve().body(String.class)).isNull();
        byte[] gzip = client.get().uri("/gzip").retrieve().body(byte[].class);
        // Compressed as sent (Spring Framework 6's JDK client: counted from an inflated copy) or inflated by the client (7's).
        assertThat(inflated(gzip)).isEqualTo(Upstream.GZIPPED);
        assertThat(client.get().uri("/huge").retrieve().body(String.class)).isEqualTo(Upstream.HUGE);
        assertThat(client.get().uri("/late").retrieve().body(String.class)).isEqualTo(Upstream.CODE_PAST_THE_LIMIT);
        assertThat(client.get().uri("/events").retrieve().body(String.class)).contains("5148");

        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("devcenter_responses_total{outcome=\"success\"}", "6.0"); // 5 answered, 1 received
        expected.put("devcenter_responses_total{outcome=\"error\"}", "18.0");
        expected.put("devcenter_errors_total{category=\"account\",code=\"5021\",severity=\"info\"}", "4.0");
        expected.put("devcenter_errors_total{category=\"auth\",code=\"5005\",severity=\"warning\"}", "1.0");
        expected.put("devcenter_errors_total{category=\"platform\",code=\"5000\",severity=\"critical\"}", "2.0");
        expected.put("devcenter_errors_total{category=\"security\",code=\"5146\",severity=\"warning\"}", "3.0");
        expected.put("devcenter_errors_total{category=\"security\",code=\"5147\",severity=\"critical\"}", "6.0");
        expected.put("devcenter_errors_total{category=\"security\",code=\"5148\",severity=\"critical\"}", "0.0");
        expected.put("devcenter_errors_total{category=\"security\",code=\"5325\",severity=\"critical\"}", "2.0");
        String server = "side=\"server\"}";
        String client5 = "side=\"client\"}";
        expected.put(endpoint("account", "5021", "GET /v2/devices/{dk}", "info") + server, "2.0");
        expected.put(endpoint("auth", "5005", "GET /v2/text", "warning") + server, "1.0");
        expected.put(endpoint("platform", "5000", "GET /v2/entity/{id}", "critical") + server, "1.0");
        expected.put(endpoint("platform", "5000", "GET /v2/fail", "critical") + server, "1.0");
        expected.put(endpoint("security", "5146", "POST /v2/enduser/enduserapi/smsLogin", "warning") + server, "2.0");
        expected.put(endpoint("security", "5147", "POST /v2/enduser/enduserapi/smsLogin", "critical") + server, "3.0");
        expected.put(endpoint("security", "5325", "GET /v2/tree/{id}", "critical") + server, "1.0");
        // The URI template of the call: RestClient's includes its base URL, RestTemplate's is the one given (after its root URI).
        String base = upstream.url();
        expected.put(endpoint("account", "5021", "GET /v2/devices/{dk}", "info") + client5, "1.0");
        expected.put(endpoint("account", "5021", "GET " + base + "/v2/devices/{dk}", "info") + client5, "1.0");
        expected.put(endpoint("security", "5146", "GET " + base + "/gzip", "warning") + client5, "1.0");
        expected.put(endpoint("security", "5147", "POST " + base + "/v2/enduser/enduserapi/smsLogin", "critical") + client5, "3.0");
        expected.put(endpoint("security", "5325", "GET " + base + "/huge", "critical") + client5, "1.0");
        // The first endpoint series is a new metric name: Prometheus's registry shows it from the scrape after the one that
        // registered it (or once the registrar thread did, within 1 s).
        scrape();
        Map<String, String> scraped = scrape();
        assertThat(new TreeSet<>(scraped.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.toSet())))
                .isEqualTo(new TreeSet<>(expected.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.toSet())));
        assertThat(scrape()).as("a scrape (text with codes and messages in it) is not counted").isEqualTo(scraped);
    }

    private static String inflated(byte[] body) throws IOException {
        boolean gzip = body.length > 1 && body[0] == (byte) 0x1f && body[1] == (byte) 0x8b;
        return new String(gzip ? new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(body)).readAllBytes() : body,
                StandardCharsets.UTF_8);
    }

    private static String endpoint(String category, String code, String endpoint, String severity) {
        return "devcenter_endpoint_errors_total{category=\"" + category + "\",code=\"" + code + "\",endpoint=\"" + endpoint + "\",severity=\""
                + severity + "\",";
    }

    /** The envelope the application answers. */
    record Envelope(int code, String msg, Object data) {
    }

    /** The SMS login request: its {@code code} is the SMS code the user typed, not a response code. */
    record SmsLogin(String phone, String code) {
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @RestController
    static class App {

        private static final Logger LOG = LoggerFactory.getLogger("com.example.LoginController");
        private static final byte[] STREAMED = "{\"code\":5148,\"msg\":\"blocked\"}".getBytes(StandardCharsets.UTF_8);

        @PostMapping("/v2/enduser/enduserapi/smsLogin")
        Envelope smsLogin(@RequestBody SmsLogin request, @RequestParam("log") boolean log) {
            Envelope result = switch (request.phone()) {
                case "locked" -> new Envelope(5147, "Your account has been temporarily locked.", null);
                case "wrong" -> new Envelope(5146, "X, You have X attempts before your account is locked.", null);
                default -> new Envelope(200, "success", Map.of("token", "t"));
            };
            if (log) {
                LOG.info("answered {}", result);
            }
            return result;
        }

        @GetMapping("/v2/devices/{dk}")
        Map<String, Object> device(@PathVariable("dk") String dk) {
            return Map.of("code", 5021, "msg", "Input mobile number.");
        }

        @GetMapping("/v2/tree/{id}")
        Object tree(@PathVariable("id") String id) throws Exception {
            Object node = jsonTree("{\"code\":5325,\"msg\":\"blocked\",\"data\":{\"id\":" + id + "}}");
            LOG.warn("tree {}", node);
            return node;
        }

        @GetMapping("/v2/text")
        String text() {
            return "{\"code\":5005,\"msg\":\"Incorrect mobile number or password.\"}";
        }

        @GetMapping("/v2/entity/{id}")
        ResponseEntity<Envelope> entity(@PathVariable("id") String id) {
            return ResponseEntity.status(HttpStatus.OK).body(new Envelope(5000, "Service exception.", null));
        }

        @GetMapping("/v2/fail")
        Envelope fail() {
            throw new IllegalStateException("backend down");
        }

        @ExceptionHandler(IllegalStateException.class)
        @ResponseStatus(HttpStatus.INTERNAL_SERVER_ERROR)
        Envelope failed(IllegalStateException e) {
            return new Envelope(5000, "Service exception.", null);
        }

        @GetMapping("/v2/stream")
        StreamingResponseBody stream() {
            return out -> out.write(STREAMED);
        }

        @GetMapping("/v2/sse")
        SseEmitter sse() throws IOException {
            SseEmitter emitter = new SseEmitter();
            emitter.send(SseEmitter.event().data(new String(STREAMED, StandardCharsets.UTF_8)));
            emitter.complete();
            return emitter;
        }

        @GetMapping(value = "/v2/plain", produces = "text/plain")
        String plain() {
            return "status code=5148 msg=blocked";
        }

        @GetMapping(value = "/v2/resource", produces = "application/json")
        Resource resource() {
            return new ByteArrayResource(STREAMED);
        }

        /** A Jackson tree of whichever Jackson the running Spring Boot uses (2 for Boot 3, 3 for Boot 4). */
        private static Object jsonTree(String json) throws Exception {
            for (String mapper : new String[] {"tools.jackson.databind.json.JsonMapper", "com.fasterxml.jackson.databind.ObjectMapper"}) {
                try {
                    Class<?> type = Class.forName(mapper);
                    Object instance = type.getDeclaredConstructor().newInstance();
                    return type.getMethod("readTree", String.class).invoke(instance, json);
                } catch (ClassNotFoundException e) {
                    // the other Jackson
                }
            }
            throw new IllegalStateException("no Jackson");
        }
    }
}
