package dev.dcerrors.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import dev.dcerrors.core.CodeRange;
import dev.dcerrors.core.EndpointCounts;
import dev.dcerrors.core.ErrorCatalog;
import dev.dcerrors.core.Exchange;
import dev.dcerrors.core.ErrorCounts;
import dev.dcerrors.logback.LogbackCounts;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.expositionformats.OpenMetricsTextFormatWriter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.ref.WeakReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class DevCenterErrorMetricsTest {

    private final ErrorCounts counts = new ErrorCounts(ErrorCatalog.builtIn(), 50);
    private final EndpointCounts endpoints = new EndpointCounts(counts);
    private final PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final List<DevCenterErrorMetrics> binders = new ArrayList<>();

    /** A binder over this test's counts, closed after the test. */
    private DevCenterErrorMetrics binder(DevCenterErrorMetrics.Builder builder) {
        DevCenterErrorMetrics binder = builder.build();
        binders.add(binder);
        return binder;
    }

    private DevCenterErrorMetrics binder() {
        return binder(DevCenterErrorMetrics.builder().counts(counts));
    }

    @AfterEach
    void closeBinders() {
        binders.forEach(DevCenterErrorMetrics::close);
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = Objects.requireNonNull(DevCenterErrorMetricsTest.class.getResourceAsStream(name))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Writes what a test produced to target/, for the linters of .ci/run. */
    private static void keep(String file, String text) throws IOException {
        Path out = Path.of("target", file);
        Files.createDirectories(out.getParent());
        Files.writeString(out, text);
    }

    /**
     * Runs the garbage collector until {@code canary} is cleared, which proves that a collection ran and
     * collected what only weak references reach.
     */
    static void collectGarbageUntilCleared(WeakReference<?> canary) throws InterruptedException {
        for (int i = 0; i < 100 && canary.get() != null; i++) {
            System.gc();
            Thread.sleep(20);
        }
        assertThat(canary.get()).as("the canary was collected").isNull();
    }

    private static long series(String scrape, String metric) {
        return Arrays.stream(scrape.split("\n")).filter(l -> l.startsWith(metric + "{")).count();
    }

    private static double value(MeterRegistry registry, String code) {
        FunctionCounter counter = registry.find(DevCenterErrorMetrics.ERRORS).tag("code", code).functionCounter();
        return counter == null ? Double.NaN : counter.count();
    }

    /**
     * The golden scrape's counts: two before binding, the rest after, new codes included; three of them counted at their
     * source, with their endpoints, one endpoint before binding.
     */
    private void countTheGoldenTraffic() {
        Counting.record(counts, 5005, 2);
        endpoints.record(Exchange.Side.SERVER, "POST", "/v2/enduser/enduserapi/smsLogin", 5005);
        binder(DevCenterErrorMetrics.builder().counts(counts).endpoints(endpoints).tags(Tags.of("application", "demo"))).bindTo(prometheus);
        Counting.record(counts, 5147);
        endpoints.record(Exchange.Side.SERVER, "POST", "/v2/enduser/enduserapi/smsLogin", 5147);
        Counting.record(counts, 5021);
        endpoints.record(Exchange.Side.CLIENT, "GET", "/v2/devices/{dk}", 5021);
        Counting.record(counts, 4026);
        Counting.record(counts, 200, 3);
    }

    @Test
    void scrapeMatchesTheGoldenExposition() throws IOException {
        countTheGoldenTraffic();
        String scrape = prometheus.scrape();
        keep("golden-scrape.prom", scrape); // promtool check metrics, in .ci/run
        assertThat(scrape).isEqualTo(resource("/golden-scrape.prom"));
    }

    @Test
    void openMetricsScrapeMatchesTheGoldenExposition() throws IOException {
        countTheGoldenTraffic();
        String scrape = prometheus.scrape(OpenMetricsTextFormatWriter.CONTENT_TYPE);
        keep("golden-scrape.openmetrics", scrape); // an OpenMetrics parser, in .ci/run
        assertThat(scrape).isEqualTo(resource("/golden-scrape.openmetrics"));
    }

    @Test
    void anUnreferencedBinderKeepsPublishingAfterGarbageCollection() throws InterruptedException {
        int openBefore = Registrar.shared().openPublications();
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        DevCenterErrorMetrics unreferenced = DevCenterErrorMetrics.builder().counts(counts).build();
        unreferenced.bindTo(registry);
        WeakReference<DevCenterErrorMetrics> binder = new WeakReference<>(unreferenced);
        unreferenced = null;
        collectGarbageUntilCleared(binder); // the binder itself is gone
        Counting.record(counts, 5032);
        Counting.record(counts, 200);
        String scrape = registry.scrape();
        assertThat(scrape).contains("devcenter_errors_total{category=\"auth\",code=\"5032\",severity=\"warning\"} 1.0");
        assertThat(scrape).contains("devcenter_responses_total{outcome=\"success\"} 1.0");

        // And a registry dropped without closing its binder is let go: its publication, and the thread, end.
        WeakReference<PrometheusMeterRegistry> dropped = new WeakReference<>(registry);
        registry = null;
        collectGarbageUntilCleared(dropped);
        Eventually.within(Registrar.PERIOD.multipliedBy(4), System.nanoTime(), "the publication of a collected registry dropped",
                () -> Registrar.shared().openPublications() == openBefore);
    }

    @Test
    void everyPrometheusScrapeShowsTheCodesCountedBeforeItBegan() {
        binder().bindTo(prometheus);
        for (int code = 4100; code < 4120; code++) { // unknown codes: each one new, counted right before a scrape
            Counting.record(counts, code);
            assertThat(prometheus.scrape()).contains("devcenter_errors_total{category=\"unknown\",code=\"" + code + "\",severity=\"error\"} 1.0");
        }
    }

    @Test
    void alertCodesExistAtZeroFromBindTime() {
        binder().bindTo(prometheus);
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
            DevCenterErrorMetrics metrics = binder(DevCenterErrorMetrics.builder().counts(LogbackCounts.named(context, name)));
            metrics.bindTo(prometheus);
            assertThat(value(prometheus, "5005")).isEqualTo(7);
            for (int i = 0; i < 3; i++) {
                log.warn("{\"code\":5147,\"msg\":\"locked\"}");
                log.atInfo().addKeyValue("code", 5388).log("no wechat");
                log.info("{\"code\":200,\"msg\":\"success\"}");
            }
            String scrape = prometheus.scrape();
            assertThat(scrape).contains("devcenter_errors_total{category=\"security\",code=\"5147\",severity=\"critical\"} 3.0");
            assertThat(scrape).contains("devcenter_errors_total{category=\"third_party\",code=\"5388\",severity=\"warning\"} 3.0");
            assertThat(scrape).contains("devcenter_errors_total{category=\"auth\",code=\"5005\",severity=\"warning\"} 7.0");
            assertThat(scrape).contains("devcenter_responses_total{outcome=\"error\"} 13.0");
            assertThat(scrape).contains("devcenter_responses_total{outcome=\"success\"} 3.0");
        } finally {
            context.stop();
        }
    }

    @Test
    @Tag("slow")
    void aMillionDistinctUnknownCodesStayWithinTheCardinalityBound() {
        binder().bindTo(prometheus);
        CodeRange wide = CodeRange.parse("1000000-2999999");
        for (int i = 0; i < 1_000_000; i++) {
            Counting.record(counts, 1_000_000 + i, wide);
        }
        Counting.record(counts, 5147, wide);
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
        binder(DevCenterErrorMetrics.builder().counts(counts).registerWholeCatalog(true)).bindTo(prometheus);
        assertThat(series(prometheus.scrape(), "devcenter_errors_total")).isEqualTo(406);
    }

    @Test
    void closeRemovesItsMetersAndABinderCanBindAgain() {
        SimpleMeterRegistry other = new SimpleMeterRegistry();
        DevCenterErrorMetrics metrics = binder();
        metrics.bindTo(prometheus);
        metrics.bindTo(other);
        long since = System.nanoTime();
        Counting.record(counts, 5032);
        Eventually.published(since, "5032 in the registry nobody scrapes", () -> value(other, "5032") == 1);
        metrics.close();
        assertThat(prometheus.getMeters()).isEmpty();
        assertThat(other.getMeters()).isEmpty();
        metrics.bindTo(prometheus);
        assertThat(value(prometheus, "5032")).isEqualTo(1);
        binder().bindTo(other);
        assertThat(value(other, "5032")).isEqualTo(1);
    }

    @Test
    void severalRegistriesAndCompositesDoNotDoubleCount() {
        CompositeMeterRegistry composite = new CompositeMeterRegistry();
        composite.add(prometheus);
        DevCenterErrorMetrics metrics = binder();
        metrics.bindTo(composite);
        metrics.bindTo(prometheus);
        metrics.bindTo(prometheus);
        Counting.record(counts, 5147, 2);
        String scrape = prometheus.scrape();
        assertThat(scrape).contains("devcenter_errors_total{category=\"security\",code=\"5147\",severity=\"critical\"} 2.0");
        assertThat(series(scrape, "devcenter_errors_total")).isEqualTo(5);
        assertThat(value(composite, "5147")).isEqualTo(2);
    }
}
