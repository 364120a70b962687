package dev.dcerrors.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import dev.dcerrors.core.CodeRange;
import dev.dcerrors.core.ErrorCatalog;
import dev.dcerrors.core.ErrorCounts;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DevCenterErrorMetricsTest {

    private static final CodeRange RANGE = CodeRange.defaultRange();

    private final ErrorCounts counts = new ErrorCounts(ErrorCatalog.builtIn(), 50);
    private final PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    private static long series(String scrape, String metric) {
        return Arrays.stream(scrape.split("\n")).filter(l -> l.startsWith(metric + "{")).count();
    }

    private static double value(MeterRegistry registry, String code) {
        FunctionCounter counter = registry.find(DevCenterErrorMetrics.ERRORS).tag("code", code).functionCounter();
        return counter == null ? Double.NaN : counter.count();
    }

    @Test
    void scrapeMatchesTheGoldenExposition() throws IOException {
        counts.record(5005, RANGE);
        counts.record(5005, RANGE);
        new DevCenterErrorMetrics(counts, Tags.of("application", "demo")).bindTo(prometheus);
        counts.record(5147, RANGE);
        counts.record(5021, RANGE);
        counts.record(4026, RANGE);
        counts.record(200, RANGE);
        counts.record(200, RANGE);
        counts.record(200, RANGE);
        String scrape = prometheus.scrape();
        // For `promtool check metrics` in .ci/run.
        Path out = Path.of("target", "golden-scrape.prom");
        Files.createDirectories(out.getParent());
        Files.writeString(out, scrape);
        String golden;
        try (InputStream in = Objects.requireNonNull(getClass().getResourceAsStream("/golden-scrape.prom"))) {
            golden = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(scrape).isEqualTo(golden);
    }

    @Test
    void anUnreferencedBinderKeepsPublishingAfterGarbageCollection() throws InterruptedException {
        new DevCenterErrorMetrics(counts).bindTo(prometheus);
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(20);
        }
        counts.record(5032, RANGE);
        counts.record(200, RANGE);
        String scrape = prometheus.scrape();
        assertThat(scrape).contains("devcenter_errors_total{category=\"auth\",code=\"5032\",severity=\"warning\"} 1.0");
        assertThat(scrape).contains("devcenter_responses_total{outcome=\"success\"} 1.0");
    }

    @Test
    void alertCodesExistAtZeroFromBindTime() {
        new DevCenterErrorMetrics(counts).bindTo(prometheus);
        for (int code : DevCenterErrorMetrics.ALERT_CODES) {
            assertThat(value(prometheus, Integer.toString(code))).isZero();
        }
        assertThat(series(prometheus.scrape(), "devcenter_errors_total")).isEqualTo(5);
    }

    @Test
    void countsLoggedBeforeAndAfterBindingAppearExactly() throws Exception {
        String name = "metrics-test-" + UUID.randomUUID();
        LoggerContext context = new LoggerContext();
        context.putProperty("countsName", name);
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(new ByteArrayInputStream(("<configuration>"
                + "<turboFilter class=\"dev.dcerrors.logback.DevCenterErrorTurboFilter\"><counts>${countsName}</counts></turboFilter>"
                + "<root level=\"INFO\"/></configuration>").getBytes(StandardCharsets.UTF_8)));
        Logger log = context.getLogger("backend");
        try {
            for (int i = 0; i < 7; i++) {
                log.info("response {}", "{\"code\":5005,\"msg\":\"Incorrect mobile number or password.\"}");
            }
            DevCenterErrorMetrics metrics = new DevCenterErrorMetrics(ErrorCounts.named(name));
            metrics.bindTo(prometheus);
            assertThat(value(prometheus, "5005")).isEqualTo(7);
            for (int i = 0; i < 3; i++) {
                log.warn("{\"code\":5147,\"msg\":\"locked\"}");
                log.atInfo().addKeyValue("code", 5388).log("no wechat");
                log.info("{\"code\":200}");
            }
            String scrape = prometheus.scrape();
            assertThat(scrape).contains("devcenter_errors_total{category=\"security\",code=\"5147\",severity=\"critical\"} 3.0");
            assertThat(scrape).contains("devcenter_errors_total{category=\"third_party\",code=\"5388\",severity=\"warning\"} 3.0");
            assertThat(scrape).contains("devcenter_errors_total{category=\"auth\",code=\"5005\",severity=\"warning\"} 7.0");
            assertThat(scrape).contains("devcenter_responses_total{outcome=\"error\"} 13.0");
            assertThat(scrape).contains("devcenter_responses_total{outcome=\"success\"} 3.0");
            metrics.close();
        } finally {
            context.stop();
        }
    }

    @Test
    void aMillionDistinctUnknownCodesStayWithinTheCardinalityBound() {
        DevCenterErrorMetrics metrics = new DevCenterErrorMetrics(counts);
        metrics.bindTo(prometheus);
        CodeRange wide = CodeRange.parse("1000000-2999999");
        for (int i = 0; i < 1_000_000; i++) {
            counts.record(1_000_000 + i, wide);
        }
        counts.record(5147, wide);
        String scrape = prometheus.scrape();
        long errorSeries = series(scrape, "devcenter_errors_total");
        assertThat(errorSeries).isEqualTo(DevCenterErrorMetrics.ALERT_CODES.size() + 50 + 1);
        assertThat(errorSeries).isLessThanOrEqualTo(ErrorCatalog.builtIn().size() + 50 + 1);
        assertThat(series(scrape, "devcenter_error_code_info")).isEqualTo(errorSeries);
        assertThat(value(prometheus, DevCenterErrorMetrics.OTHER_CODE)).isEqualTo(1_000_000 - 50);
        assertThat(scrape).contains("devcenter_responses_total{outcome=\"error\"} 1000001.0");
    }

    @Test
    void wholeCatalogCanBeRegisteredUpFront() {
        new DevCenterErrorMetrics(counts, Tags.empty(), true).bindTo(prometheus);
        assertThat(series(prometheus.scrape(), "devcenter_errors_total")).isEqualTo(406);
    }

    @Test
    void closeRemovesItsMetersAndABinderCanBindAgain() {
        SimpleMeterRegistry other = new SimpleMeterRegistry();
        DevCenterErrorMetrics metrics = new DevCenterErrorMetrics(counts);
        metrics.bindTo(prometheus);
        metrics.bindTo(other);
        counts.record(5032, RANGE);
        assertThat(value(other, "5032")).isNaN(); // not read yet: a read of the responses registers it
        other.find(DevCenterErrorMetrics.RESPONSES).functionCounters().forEach(FunctionCounter::count);
        assertThat(value(other, "5032")).isEqualTo(1);
        metrics.close();
        assertThat(prometheus.getMeters()).isEmpty();
        assertThat(other.getMeters()).isEmpty();
        DevCenterErrorMetrics again = new DevCenterErrorMetrics(counts);
        again.bindTo(prometheus);
        assertThat(value(prometheus, "5032")).isEqualTo(1);
    }

    @Test
    void severalRegistriesAndCompositesDoNotDoubleCount() {
        CompositeMeterRegistry composite = new CompositeMeterRegistry();
        composite.add(prometheus);
        DevCenterErrorMetrics metrics = new DevCenterErrorMetrics(counts);
        metrics.bindTo(composite);
        metrics.bindTo(prometheus);
        metrics.bindTo(prometheus);
        counts.record(5147, RANGE);
        counts.record(5147, RANGE);
        String scrape = prometheus.scrape();
        assertThat(scrape).contains("devcenter_errors_total{category=\"security\",code=\"5147\",severity=\"critical\"} 2.0");
        assertThat(series(scrape, "devcenter_errors_total")).isEqualTo(5);
        assertThat(value(composite, "5147")).isEqualTo(2);
    }
}
