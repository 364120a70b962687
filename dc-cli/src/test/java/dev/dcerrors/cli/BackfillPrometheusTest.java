package dev.dcerrors.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.net.InetAddress;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end with Debian's Prometheus: backfill the corpus, turn it into blocks with
 * {@code promtool tsdb create-blocks-from openmetrics}, start a Prometheus on 127.0.0.1 on those blocks,
 * and query the counters at chosen times; the recording rules' expressions must run on the data.
 */
@Tag("slow") // starts a real Prometheus server
class BackfillPrometheusTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final long STEP = 60_000;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path dir;

    @Test
    void backfilledCountersQueriedFromARealPrometheusEqualTheGeneratedCounts() throws Exception {
        Path promtool = Tools.require("promtool", "prometheus");
        Path prometheusBinary = Tools.require("prometheus", "prometheus");
        Corpus corpus = Corpus.write(dir.resolve("logs"), 1500);
        Path openMetrics = dir.resolve("backfill.om");
        List<String> args = new ArrayList<>(List.of("backfill", "--out", openMetrics.toString(), "--step", "1m", "--job", "dc-backfill-test",
                "--instance", "e2e", "--zone", Corpus.ZONE.getId(),
                // the corpus dates the codes every setting counts; those only in printed throwables' messages (counted by
                // default) are checked by AnalyzeTest against Corpus.expectedJson(true)
                "--no-scan-throwables"));
        corpus.files.forEach(f -> args.add(f.toString()));

        Cli.Result backfill = Cli.run(args.toArray(new String[0]));
        assertThat(backfill.status()).as(backfill.err()).isZero();
        assertThat(Files.readString(openMetrics)).endsWith("# EOF\n");

        Path data = dir.resolve("data");
        Tools.Result blocks = Tools.run(List.of(promtool.toString(), "tsdb", "create-blocks-from", "openmetrics", openMetrics.toString(), data.toString()), dir);
        assertThat(blocks.exitCode()).as(blocks.output()).isZero();

        int port = freePort();
        Path config = dir.resolve("prometheus.yml");
        Files.writeString(config, "global:\n  evaluation_interval: 1m\n");
        Process prometheus = new ProcessBuilder(prometheusBinary.toString(), "--config.file=" + config, "--storage.tsdb.path=" + data,
                "--storage.tsdb.retention.time=100y", "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true).redirectOutput(dir.resolve("prometheus.out").toFile()).start();
        try {
            String api = "http://127.0.0.1:" + port;
            awaitReady(api, prometheus);
            Instant last = corpus.dated.stream().map(Corpus.Event::time).max(Instant::compareTo).orElseThrow();
            Instant first = corpus.dated.stream().map(Corpus.Event::time).min(Instant::compareTo).orElseThrow();
            Instant end = Instant.ofEpochMilli((Math.floorDiv(last.toEpochMilli(), STEP) + 1) * STEP);
            Instant middle = Instant.ofEpochMilli(Math.floorDiv((first.toEpochMilli() + last.toEpochMilli()) / 2, STEP) * STEP);
            Instant early = Instant.ofEpochMilli((Math.floorDiv(first.toEpochMilli(), STEP) + 30) * STEP);

            for (Instant time : List.of(early, middle, end)) {
                for (int code : List.of(5147, 5000, 4321)) {
                    assertThat(value(api, "devcenter_errors_total{code=\"" + code + "\",job=\"dc-backfill-test\",instance=\"e2e\"}", time))
                            .as("errors of %d at %s", code, time).isEqualTo(corpus.countBefore(code, time));
                }
                assertThat(value(api, "devcenter_responses_total{outcome=\"success\"}", time)).as("successes at %s", time)
                        .isEqualTo(corpus.countBefore(200, time));
            }
            long allErrors = corpus.errors.values().stream().mapToLong(Long::longValue).sum() - corpus.undatedErrors();
            assertThat(value(api, "sum(devcenter_errors_total)", end)).isEqualTo(allErrors);
            assertThat(value(api, "devcenter_responses_total{outcome=\"error\"}", end)).isEqualTo(allErrors);
            JsonNode info = query(api, "devcenter_error_code_info{code=\"5147\"}", end);
            assertThat(info.get(0).path("metric").path("message").asText()).startsWith("Your account has been temporarily locked.");
            assertThat(info.get(0).path("metric").path("severity").asText()).isEqualTo("critical");

            int withData = 0;
            List<String> expressions = recordingRuleExpressions();
            assertThat(expressions).isNotEmpty();
            for (String expr : expressions) {
                JsonNode result = query(api, expr, end.minusSeconds(120)); // fails the test when Prometheus rejects the expression
                withData += result.isEmpty() ? 0 : 1;
            }
            assertThat(withData).as("recording rules with data on the backfill").isPositive();
        } finally {
            prometheus.destroy();
            if (!prometheus.waitFor(10, TimeUnit.SECONDS)) {
                prometheus.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /** Every {@code expr} of the recording rules file, read generically: the rules themselves may change. */
    private static List<String> recordingRuleExpressions() throws IOException {
        JsonNode rules = YAML.readTree(Path.of(System.getProperty("dc.recording.rules")).toFile());
        List<String> expressions = new ArrayList<>();
        for (JsonNode group : rules.path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                if (rule.hasNonNull("expr")) {
                    expressions.add(rule.path("expr").asText());
                }
            }
        }
        return expressions;
    }

    private long value(String api, String promql, Instant time) throws IOException, InterruptedException {
        JsonNode result = query(api, promql, time);
        assertThat(result).as("%s at %s", promql, time).hasSize(1);
        return Math.round(Double.parseDouble(result.get(0).path("value").get(1).asText()));
    }

    private JsonNode query(String api, String promql, Instant time) throws IOException, InterruptedException {
        String url = api + "/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8) + "&time=" + time.getEpochSecond();
        JsonNode response = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body());
        assertThat(response.path("status").asText()).as("Prometheus on %s: %s", promql, response).isEqualTo("success");
        return response.path("data").path("result");
    }

    private void awaitReady(String api, Process prometheus) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            assertThat(prometheus.isAlive()).as("prometheus is running; see prometheus.out").isTrue();
            try {
                HttpResponse<String> ready = http.send(HttpRequest.newBuilder(URI.create(api + "/-/ready")).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new AssertionError("Prometheus not ready in 60 s");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
