package dev.dcerrors.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dcerrors.core.ErrorCatalog;
import dev.dcerrors.core.ErrorCounts;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Measurement;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Reading a devcenter meter only reads the counts: the series of new codes are registered by the registrar
 * thread, or by a Prometheus scrape before it reads any meter, never by a meter's read.
 */
class ReadsAndScrapesTest {

    private final ErrorCounts counts = new ErrorCounts(ErrorCatalog.builtIn(), 50);
    @RegisterExtension
    final Binders binders = new Binders(counts);

    /** The names of the threads that added a meter to {@code registry} from now on, one per meter added. */
    private static List<String> registeringThreads(MeterRegistry registry) {
        List<String> threads = new CopyOnWriteArrayList<>();
        registry.config().onMeterAdded(meter -> threads.add(Thread.currentThread().getName()));
        return threads;
    }

    /** Reads every measurement of every meter of {@code registry}, as a publishing registry or an actuator does. */
    private static void readEveryMeter(MeterRegistry registry) {
        for (Meter meter : registry.getMeters()) {
            for (Measurement measurement : meter.measure()) {
                measurement.getValue();
            }
        }
    }

    @Test
    void readingTheMetersRegistersNothingAndTheRegistrarThreadRegistersTheNewCodes() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        binders.binder().bindTo(registry);
        List<String> threads = registeringThreads(registry);
        long since = System.nanoTime();
        Counting.record(counts, 5021);
        Counting.record(counts, 4026);
        for (int i = 0; i < 20; i++) {
            readEveryMeter(registry);
        }
        // A code's info gauge is registered after its counter: once both gauges are there, all four meters are.
        Eventually.published(since, "5021 and 4026", () -> registry.find(DevCenterErrorMetrics.CODE_INFO).tag("code", "5021").gauge() != null
                && registry.find(DevCenterErrorMetrics.CODE_INFO).tag("code", "4026").gauge() != null);
        assertThat(threads).as("a counter and an info gauge per new code, each added by the registrar thread")
                .hasSize(4).containsOnly(Registrar.THREAD_NAME);
    }

    @Test
    void aPrometheusScrapeRegistersTheNewCodesThatReadingTheMetersDoesNot() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        binders.binder().bindTo(registry);
        List<String> threads = registeringThreads(registry);
        Counting.record(counts, 5021);
        readEveryMeter(registry);
        assertThat(threads).as("added by the meters' reads").doesNotContain(Thread.currentThread().getName());

        Counting.record(counts, 4026);
        assertThat(registry.scrape()).contains("devcenter_errors_total{category=\"unknown\",code=\"4026\",severity=\"error\"} 1.0")
                .contains("devcenter_errors_total{category=\"account\",code=\"5021\",severity=\"info\"} 1.0");
    }

    @Test
    void aScrapeOfAPrometheusRegistryInsideACompositeShowsTheCodesCountedBeforeIt() {
        PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        CompositeMeterRegistry composite = new CompositeMeterRegistry();
        composite.add(new SimpleMeterRegistry());
        composite.add(prometheus);
        binders.binder().bindTo(composite);
        for (int code = 4100; code < 4110; code++) { // unknown codes: each one new, counted right before a scrape
            Counting.record(counts, code);
            assertThat(prometheus.scrape()).contains("devcenter_errors_total{category=\"unknown\",code=\"" + code + "\",severity=\"error\"} 1.0");
        }
    }

    @Test
    void aClosedBindersScrapeHookRegistersNothing() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        DevCenterErrorMetrics binder = binders.binder();
        binder.bindTo(registry);
        binder.close();
        Counting.record(counts, 5021);
        assertThat(registry.scrape()).isEmpty();
        assertThat(registry.getMeters()).isEmpty();
    }
}
