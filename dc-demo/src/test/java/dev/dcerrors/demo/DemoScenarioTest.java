package dev.dcerrors.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dcerrors.micrometer.DevCenterErrorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class DemoScenarioTest {

    @Test
    @Tag("slow")
    void scrapeEqualsTheBackendsGroundTruthCodeByCode() throws Exception {
        DevCenterBackend.configureHttpServer();
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new DevCenterErrorMetrics().bindTo(registry);
        DemoOptions options = DemoOptions.parse("--duration", "4s", "--rate", "400", "--port", "0", "--quiet");
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        DemoRun run;
        try (MetricsEndpoint endpoint = new MetricsEndpoint(registry, options.port);
                DevCenterBackend backend = new DevCenterBackend();
                PrintStream out = new PrintStream(console, true, StandardCharsets.UTF_8)) {
            run = DemoMain.runScenario(options, registry, endpoint, backend, out);
            new ConsoleReport(out, registry, false).summary(run);
        }
        assertThat(run.requests()).isGreaterThan(500);
        assertThat(run.failedRequests()).as("requests that never reached the backend").isZero();
        assertThat(run.tally().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(run.requests());
        // The brute-force burst produced every security code; normal traffic produced successes and errors.
        assertThat(run.tally()).containsKeys(200, 5005, 5146, 5147, 5148, 5325, 5003, 5021);
        assertThat(run.differences()).isEmpty();
        for (var entry : run.tally().entrySet()) {
            if (entry.getKey() != 200) {
                assertThat(run.scrape().errorsByCode.get(entry.getKey().toString())).as("code %d", entry.getKey())
                        .isEqualTo(entry.getValue().doubleValue());
            }
        }
        assertThat(run.scrape().successes).isEqualTo(run.tally().get(200).doubleValue());
        // The user-typed SMS code (&code=4821 in the request line) is never counted.
        assertThat(run.scrape().errorsByCode).doesNotContainKey("4821");
        assertThat(run.scrape().text).contains("devcenter_error_code_info{category=\"security\",code=\"5147\"");
        assertThat(run.timeline()).extracting(DevCenterBackend.SecurityEvent::code).contains(5146, 5147, 5148, 5325);
        String summary = console.toString(StandardCharsets.UTF_8);
        assertThat(summary).contains("Check: the scrape equals the backend's own tally").contains("Lockout timeline");
    }

    @Test
    void helpPrintsEveryOption() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = DemoMain.run(new String[] {"--help"}, new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        assertThat(status).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--port", "--duration", "--rate", "--serve", "--seed", "--quiet", "--help");
    }

    @Test
    void badOptionsGiveAClearMessageAndExitStatusTwo() throws Exception {
        String[][] bad = {{"--port", "70000"}, {"--port"}, {"--duration", "forever"}, {"--duration", "0s"}, {"--rate", "-3"}, {"--bogus"}};
        String[] expected = {"--port 70000 is out of range", "--port needs a value", "--duration 'forever' is not a duration",
            "--duration 0s is out of range", "--rate -3 is out of range", "unknown option '--bogus'"};
        for (int i = 0; i < bad.length; i++) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int status = DemoMain.run(bad[i], System.out, new PrintStream(err, true, StandardCharsets.UTF_8));
            assertThat(status).isEqualTo(2);
            assertThat(err.toString(StandardCharsets.UTF_8)).contains(expected[i]).contains("--help");
        }
    }
}
