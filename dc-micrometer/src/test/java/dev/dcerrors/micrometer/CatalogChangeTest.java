package dev.dcerrors.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dcerrors.core.ErrorCatalog;
import dev.dcerrors.core.ErrorCategory;
import dev.dcerrors.core.ErrorCode;
import dev.dcerrors.core.ErrorCounts;
import dev.dcerrors.core.ErrorSeverity;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * When the counts' catalog changes after binding ({@link ErrorCounts#addCatalog}), the series of every code
 * whose classification changed are registered again with the new labels in every bound registry, whenever
 * it was bound, and the old series are gone: the same counts never carry two sets of labels.
 */
class CatalogChangeTest {

    private final ErrorCounts counts = new ErrorCounts(ErrorCatalog.builtIn(), 50);
    @RegisterExtension
    final Binders binders = new Binders(counts);

    private static Collection<FunctionCounter> errors(MeterRegistry registry, String code) {
        return registry.find(DevCenterErrorMetrics.ERRORS).tag("code", code).functionCounters();
    }

    private static Collection<Gauge> infos(MeterRegistry registry, String code) {
        return registry.find(DevCenterErrorMetrics.CODE_INFO).tag("code", code).gauges();
    }

    /** Whether the only series of {@code code} carry these labels, in both meters. */
    private static boolean labelled(MeterRegistry registry, String code, String category, String severity, String message) {
        Collection<FunctionCounter> counters = errors(registry, code);
        Collection<Gauge> infos = infos(registry, code);
        return counters.size() == 1 && infos.size() == 1
                && counters.stream().allMatch(c -> category.equals(c.getId().getTag("category")) && severity.equals(c.getId().getTag("severity")))
                && infos.stream().allMatch(g -> category.equals(g.getId().getTag("category")) && message.equals(g.getId().getTag("message")));
    }

    private static double count(MeterRegistry registry, String code) {
        return errors(registry, code).iterator().next().count();
    }

    @Test
    void registriesBoundBeforeAndAfterACatalogChangeAllShowTheNewLabelsAndNoStaleSeries() {
        SimpleMeterRegistry unread = new SimpleMeterRegistry(); // bound before the change; nothing reads it
        PrometheusMeterRegistry scraped = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT); // bound before, scraped
        binders.binder().bindTo(unread);
        binders.binder().bindTo(scraped);
        Counting.record(counts, 5005, 2);
        Counting.record(counts, 4026);
        Counting.record(counts, 5147);
        long since = System.nanoTime();
        Eventually.published(since, "4026 as an unknown code",
                () -> labelled(unread, "4026", "unknown", "error", ErrorCounts.UNKNOWN_MESSAGE));
        assertThat(scraped.scrape()).contains("devcenter_errors_total{category=\"auth\",code=\"5005\",severity=\"warning\"} 2.0");

        // What a <catalog> applied on reconfiguration, or the Spring starter's devcenter.errors.catalog, does.
        since = System.nanoTime();
        counts.addCatalog(ErrorCatalog.of(
                new ErrorCode(5005, ErrorCategory.SECURITY, ErrorSeverity.CRITICAL, "Wrong password; the account is watched."),
                new ErrorCode(4026, ErrorCategory.THIRD_PARTY, ErrorSeverity.ERROR, "Upstream gateway timed out."),
                new ErrorCode(5147, ErrorCategory.SECURITY, ErrorSeverity.WARNING, "Account locked for 20 minutes.")));
        PrometheusMeterRegistry late = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT); // bound after the change
        binders.binder().bindTo(late);

        for (MeterRegistry registry : List.of(unread, scraped, late)) {
            String name = registry.getClass().getSimpleName();
            Eventually.published(since, name + ": the new labels of 5005, 4026 and 5147", () ->
                    labelled(registry, "5005", "security", "critical", "Wrong password; the account is watched.")
                    && labelled(registry, "4026", "third_party", "error", "Upstream gateway timed out.")
                    && labelled(registry, "5147", "security", "warning", "Account locked for 20 minutes."));
            assertThat(count(registry, "5005")).as(name).isEqualTo(2);
            assertThat(count(registry, "4026")).as(name).isEqualTo(1);
            assertThat(count(registry, "5147")).as(name).isEqualTo(1);
        }
        for (PrometheusMeterRegistry registry : List.of(scraped, late)) {
            String scrape = registry.scrape();
            assertThat(scrape)
                    .contains("devcenter_errors_total{category=\"security\",code=\"5005\",severity=\"critical\"} 2.0")
                    .contains("devcenter_errors_total{category=\"third_party\",code=\"4026\",severity=\"error\"} 1.0")
                    .contains("devcenter_errors_total{category=\"security\",code=\"5147\",severity=\"warning\"} 1.0")
                    .contains("devcenter_error_code_info{category=\"third_party\",code=\"4026\",message=\"Upstream gateway timed out.\",severity=\"error\"} 1")
                    .doesNotContain("category=\"auth\",code=\"5005\"")
                    .doesNotContain("category=\"unknown\",code=\"4026\"")
                    .doesNotContain("Not in the catalog.")
                    .doesNotContain("code=\"5147\",severity=\"critical\"");
            assertThat(scrape.lines().filter(l -> l.startsWith("devcenter_errors_total{")))
                    .as("one series per code").hasSize(DevCenterErrorMetrics.ALERT_CODES.size() + 2);
        }
    }

    /** A catalog that moves 5005 from auth/warning to security/critical. */
    private static final ErrorCatalog RECLASSIFIED_5005 = ErrorCatalog.of(
            new ErrorCode(5005, ErrorCategory.SECURITY, ErrorSeverity.CRITICAL, "Wrong password; the account is watched."));

    private static final Duration STEP = Duration.ofMinutes(1);

    /** A registry whose counters report each step's increase, moved from step to step by {@code clock}. */
    private static SimpleMeterRegistry stepRegistry(MockClock clock) {
        return StepRegistry.create(clock, STEP);
    }

    /** The counter of 5005 once it carries {@code category}, waited for within the bound from {@code since}. */
    private static FunctionCounter counterOf5005(MeterRegistry registry, String category, long since) {
        return Eventually.published(since, "devcenter.errors{code=5005,category=" + category + "}",
                () -> registry.find(DevCenterErrorMetrics.ERRORS).tag("code", "5005").tag("category", category).functionCounter());
    }

    @Test
    void aStepRegistryDoesNotReportTheCountsOfAReclassifiedCodeAgain() {
        MockClock clock = new MockClock(); // moves the registry from step to step; the registration runs on real time
        SimpleMeterRegistry registry = stepRegistry(clock);
        binders.binder().bindTo(registry);
        long since = System.nanoTime();
        Counting.record(counts, 5005, 100);
        FunctionCounter before = counterOf5005(registry, "auth", since);
        assertThat(before.count()).as("the step the code was counted in is not over").isZero();
        clock.add(STEP);
        assertThat(before.count()).as("first step").isEqualTo(100);
        clock.add(STEP);
        assertThat(before.count()).as("a step without that code").isZero();
        Counting.record(counts, 5005, 4); // not read by the old series before the change

        since = System.nanoTime();
        counts.addCatalog(RECLASSIFIED_5005);
        FunctionCounter after = counterOf5005(registry, "security", since);
        assertThat(errors(registry, "5005")).as("the old series is gone").containsExactly(after);
        assertThat(after.count()).as("the step of the change is not over").isZero();
        clock.add(STEP);
        assertThat(after.count()).as("the step of the change: only what the old series never read").isEqualTo(4);
        Counting.record(counts, 5005, 7);
        after.count();
        clock.add(STEP);
        assertThat(after.count()).as("a later step's increase").isEqualTo(7);
        clock.add(STEP);
        assertThat(after.count()).as("a step without that code").isZero();
    }

    @Test
    void aCompositeOfStepRegistriesDoesNotReportTheCountsOfAReclassifiedCodeAgain() {
        MockClock clock = new MockClock();
        SimpleMeterRegistry step = stepRegistry(clock);
        CompositeMeterRegistry composite = new CompositeMeterRegistry(clock, List.of(step));
        binders.binder().bindTo(composite);
        long since = System.nanoTime();
        Counting.record(counts, 5005, 100);
        FunctionCounter before = counterOf5005(step, "auth", since);
        before.count();
        clock.add(STEP);
        assertThat(before.count()).as("first step").isEqualTo(100);

        since = System.nanoTime();
        counts.addCatalog(RECLASSIFIED_5005);
        FunctionCounter after = counterOf5005(step, "security", since);
        after.count();
        clock.add(STEP);
        assertThat(after.count()).as("the step of the change").isZero();
    }

    @Test
    void aPrometheusCounterKeepsItsWholeCountUnderTheNewLabels() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        binders.binder().bindTo(registry);
        Counting.record(counts, 5005, 100);
        assertThat(registry.scrape()).contains("devcenter_errors_total{category=\"auth\",code=\"5005\",severity=\"warning\"} 100.0");

        long since = System.nanoTime();
        counts.addCatalog(RECLASSIFIED_5005);
        Counting.record(counts, 5005, 3);
        counterOf5005(registry, "security", since);
        assertThat(registry.scrape())
                .contains("devcenter_errors_total{category=\"security\",code=\"5005\",severity=\"critical\"} 103.0")
                .doesNotContain("category=\"auth\",code=\"5005\"");
    }

    @Test
    void aCompositeMixingPrometheusAndAStepRegistryKeepsTheWholeCountUnderTheNewLabels() {
        MockClock clock = new MockClock();
        PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        CompositeMeterRegistry composite = new CompositeMeterRegistry(clock, List.of(prometheus, stepRegistry(clock)));
        binders.binder().bindTo(composite);
        Counting.record(counts, 5005, 100);
        long since = System.nanoTime();
        counterOf5005(composite, "auth", since);

        since = System.nanoTime();
        counts.addCatalog(RECLASSIFIED_5005);
        counterOf5005(composite, "security", since);
        assertThat(prometheus.scrape()).as("one function serves both children: the cumulative one's total wins")
                .contains("devcenter_errors_total{category=\"security\",code=\"5005\",severity=\"critical\"} 100.0");
    }
}
