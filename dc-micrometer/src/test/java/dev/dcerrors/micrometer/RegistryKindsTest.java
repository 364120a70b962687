package dev.dcerrors.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dcerrors.core.ErrorCatalog;
import dev.dcerrors.core.ErrorCounts;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A code first counted after binding reaches every kind of registry within
 * {@link DevCenterErrorMetrics#PUBLISHED_WITHIN}, whatever reads which meter: each test counts one and waits
 * for its series with nothing reading the devcenter meters but the lookup itself.
 */
class RegistryKindsTest {

    private final ErrorCounts counts = new ErrorCounts(ErrorCatalog.builtIn(), 50);
    @RegisterExtension
    final Binders binders = new Binders(counts);

    private static @Nullable FunctionCounter errors(MeterRegistry registry, String code) {
        return registry.find(DevCenterErrorMetrics.ERRORS).tag("code", code).functionCounter();
    }

    /** Waits for the series of {@code code} with {@code count}, from {@code since}, within the bound. */
    private static FunctionCounter published(MeterRegistry registry, String code, double count, long since) {
        return Eventually.published(since, "devcenter.errors{code=" + code + "} = " + count, () -> {
            FunctionCounter counter = errors(registry, code);
            return counter != null && counter.count() == count ? counter : null;
        });
    }

    @Test
    void aSimpleRegistryThatNobodyScrapesGetsNewCodesWithinTheBound() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        binders.binder().bindTo(registry);
        long since = System.nanoTime();
        Counting.record(counts, 5021, 3);
        FunctionCounter counter = published(registry, "5021", 3, since);
        assertThat(counter.getId().getTag("category")).isEqualTo("account");
        assertThat(counter.getId().getTag("severity")).isEqualTo("info");
        assertThat(registry.find(DevCenterErrorMetrics.CODE_INFO).tag("code", "5021").gauge()).isNotNull();
    }

    @Test
    void aRegistryWhoseFilterDeniesTheResponsesMetricGetsNewCodesWithinTheBound() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        registry.config().meterFilter(MeterFilter.denyNameStartsWith(DevCenterErrorMetrics.RESPONSES));
        binders.binder().bindTo(registry);
        long since = System.nanoTime();
        Counting.record(counts, 5388, 2);
        Counting.record(counts, 200);
        published(registry, "5388", 2, since);
        assertThat(registry.find(DevCenterErrorMetrics.RESPONSES).meters()).isEmpty();
    }

    @Test
    void twoBindersOnOneRegistryShareTheMetersAndTheLastCloseRemovesThem() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        DevCenterErrorMetrics first = binders.binder();
        DevCenterErrorMetrics second = binders.binder();
        first.bindTo(registry);
        second.bindTo(registry);
        second.bindTo(registry); // harmless
        int meters = registry.getMeters().size();
        assertThat(registry.find(DevCenterErrorMetrics.ERRORS).functionCounters()).hasSize(DevCenterErrorMetrics.ALERT_CODES.size());

        first.close(); // the other binder still publishes, new codes included
        assertThat(registry.getMeters()).hasSize(meters);
        long since = System.nanoTime();
        Counting.record(counts, 5032, 4);
        published(registry, "5032", 4, since);
        assertThat(registry.find(DevCenterErrorMetrics.ERRORS).tag("code", "5032").functionCounters()).hasSize(1);

        second.close();
        assertThat(registry.getMeters()).isEmpty();
    }

    @Test
    void aStepRegistryReportsEachStepsDelta() {
        // Micrometer's own test clock moves the registry from step to step; the registration runs on real time.
        MockClock clock = new MockClock();
        Duration step = Duration.ofMinutes(1);
        SimpleMeterRegistry registry = StepRegistry.create(clock, step);
        binders.binder().bindTo(registry);
        long since = System.nanoTime();
        Counting.record(counts, 5005, 3);
        FunctionCounter counter = Eventually.published(since, "devcenter.errors{code=5005}", () -> errors(registry, "5005"));
        assertThat(counter.count()).as("the step the code was counted in is not over").isZero();
        clock.add(step);
        assertThat(counter.count()).as("first step").isEqualTo(3);
        Counting.record(counts, 5005, 2);
        assertThat(counter.count()).as("still the first step").isEqualTo(3);
        clock.add(step);
        assertThat(counter.count()).as("second step").isEqualTo(2);
        clock.add(step);
        assertThat(counter.count()).as("a step without that code").isZero();
    }
}
