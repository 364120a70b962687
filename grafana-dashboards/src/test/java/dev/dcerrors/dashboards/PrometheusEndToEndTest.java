package dev.dcerrors.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A real Prometheus (Debian's package) on 127.0.0.1 scrapes the demo and evaluates the rules; every
 * dashboard query, every recording rule and every alerting expression must return data, and every rule
 * must evaluate without error.
 */
class PrometheusEndToEndTest {

    private static final Duration DEADLINE = Duration.ofSeconds(150);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void everyDashboardQueryAndRuleReturnsDataFromARealPrometheusScrapingTheDemo() throws Exception {
        Path prometheusBinary = Tools.require("prometheus");
        Path demoJar = Path.of(System.getProperty("dc.demo.jar"));
        assertThat(demoJar).as("the demo jar, built by the reactor before this module").isRegularFile();
        Path work = ProjectFiles.MODULE.resolve("target/e2e");
        Files.createDirectories(work);
        int demoPort = freePort();
        int prometheusPort = freePort();
        Files.writeString(work.resolve("prometheus.yml"), String.join("\n",
                "global:",
                "  scrape_interval: 1s",
                "  evaluation_interval: 1s",
                "rule_files:",
                "  - " + ProjectFiles.MODULE.resolve("alerts/dc-errors-recording.rules.yml"),
                "  - " + ProjectFiles.MODULE.resolve("alerts/dc-errors-alerts.rules.yml"),
                "scrape_configs:",
                "  - job_name: dc-demo",
                "    metrics_path: /metrics",
                "    static_configs:",
                "      - targets: ['127.0.0.1:" + demoPort + "']",
                ""));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process demo = new ProcessBuilder(java, "-DdcDemoLog=" + work.resolve("demo.log"), "-jar", demoJar.toString(),
                "--serve", "--quiet", "--port", Integer.toString(demoPort), "--duration", "20s", "--rate", "200")
                .redirectErrorStream(true).redirectOutput(work.resolve("demo.out").toFile()).start();
        Process prometheus = new ProcessBuilder(prometheusBinary.toString(),
                "--config.file=" + work.resolve("prometheus.yml"),
                "--storage.tsdb.path=" + work.resolve("data-" + System.nanoTime()),
                "--web.listen-address=127.0.0.1:" + prometheusPort)
                .redirectErrorStream(true).redirectOutput(work.resolve("prometheus.out").toFile()).start();
        try {
            String api = "http://127.0.0.1:" + prometheusPort + "/api/v1/";
            Map<String, String> queries = new LinkedHashMap<>();
            ProjectFiles.dashboardQueries().forEach(q -> queries.put(q.where(), q.resolved()));
            for (JsonNode rule : ProjectFiles.recordingRules()) {
                queries.put("recording rule " + rule.path("record").asText(), rule.path("record").asText());
            }
            for (JsonNode rule : ProjectFiles.alertingRules()) {
                if (rule.path("labels").path("severity").asText().equals("page") && rule.path("alert").asText().contains("Budget")) {
                    continue; // the demo's server-side error ratio stays far below the burn thresholds, as it should
                }
                if (rule.path("alert").asText().equals("DevCenterPlatformErrorSpike")) {
                    continue; // likewise: the demo's 5000 rate stays below 0.1/s
                }
                queries.put("alert " + rule.path("alert").asText(), rule.path("expr").asText());
            }
            List<String> empty = new ArrayList<>(queries.keySet());
            long deadline = System.nanoTime() + DEADLINE.toNanos();
            while (!empty.isEmpty() && System.nanoTime() < deadline) {
                assertThat(demo.isAlive()).as("demo is running; see target/e2e/demo.out").isTrue();
                assertThat(prometheus.isAlive()).as("prometheus is running; see target/e2e/prometheus.out").isTrue();
                List<String> stillEmpty = new ArrayList<>();
                for (String where : empty) {
                    JsonNode result = query(api, queries.get(where));
                    if (result == null || result.isEmpty()) {
                        stillEmpty.add(where);
                    }
                }
                empty = stillEmpty;
                if (!empty.isEmpty()) {
                    Thread.sleep(2000);
                }
            }
            assertThat(empty).as("queries without data after %s s", DEADLINE.toSeconds()).isEmpty();

            JsonNode rules = get(api + "rules");
            int checked = 0;
            for (JsonNode group : rules.path("data").path("groups")) {
                for (JsonNode rule : group.path("rules")) {
                    assertThat(rule.path("health").asText()).as(rule.path("name").asText() + ": " + rule.path("lastError").asText()).isEqualTo("ok");
                    checked++;
                }
            }
            assertThat(checked).isEqualTo(ProjectFiles.recordingRules().size() + ProjectFiles.alertingRules().size());
            // The brute-force burst of the demo pages: the lockout and IP-block alerts fire.
            JsonNode alerts = get(api + "alerts").path("data").path("alerts");
            List<String> firing = new ArrayList<>();
            alerts.forEach(a -> {
                if (a.path("state").asText().equals("firing")) {
                    firing.add(a.path("labels").path("alertname").asText());
                }
            });
            assertThat(firing).contains("DevCenterLockoutSpike", "DevCenterIpBlockBurst", "DevCenterAbnormalAccessBlock");
        } finally {
            stop(prometheus);
            stop(demo);
        }
    }

    /** The result of an instant query, or null when the query failed. */
    private JsonNode query(String api, String promql) throws IOException, InterruptedException {
        JsonNode response = get(api + "query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
        if (!response.path("status").asText().equals("success")) {
            throw new AssertionError("Prometheus rejected the query " + promql + ": " + response);
        }
        return response.path("data").path("result");
    }

    private JsonNode get(String url) throws IOException, InterruptedException {
        for (int attempt = 0; ; attempt++) {
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                return ProjectFiles.JSON.readTree(response.body());
            } catch (IOException e) {
                if (attempt >= 30) {
                    throw e;
                }
                Thread.sleep(500); // Prometheus is still starting
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
