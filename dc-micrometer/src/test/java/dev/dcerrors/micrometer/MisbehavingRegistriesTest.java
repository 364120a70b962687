package dev.dcerrors.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dcerrors.core.ErrorCatalog;
import dev.dcerrors.core.ErrorCounts;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Registries that refuse meters or read them as they are added: no exception reaches a read, no recursion. */
class MisbehavingRegistriesTest {

    private final ErrorCounts counts = new ErrorCounts(ErrorCatalog.builtIn(), 50);
    @RegisterExtension
    final Binders binders = new Binders(counts);

    @Test
    void aRegistryThatRefusesOneCodeStillScrapesAndGetsEveryOtherCode() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().meterFilter(new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                if ("5005".equals(id.getTag("code"))) {
                    throw new IllegalStateException("this registry refuses code 5005");
                }
                return id;
            }
        });
        binders.binder().bindTo(registry);
        Counting.record(counts, 5005); // refused
        Counting.record(counts, 5021); // found after 5005 by the scan (catalog order)
        String scrape = registry.scrape(); // reads the counters: the refusal does not escape
        assertThat(scrape).contains("devcenter_errors_total{category=\"account\",code=\"5021\",severity=\"info\"} 1.0")
                .contains("devcenter_responses_total{outcome=\"error\"} 2.0")
                .doesNotContain("code=\"5005\"");
    }

    @Test
    void bindingToARegistryThatRefusesTheMetersReportsItAndLeavesNothingBehind() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        registry.config().meterFilter(new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                if (id.getName().equals(DevCenterErrorMetrics.ERRORS)) {
                    throw new IllegalStateException("this registry refuses devcenter.errors");
                }
                return id;
            }
        });
        int open = Registrar.shared().openPublications();
        assertThatThrownBy(() -> binders.binder().bindTo(registry)).isInstanceOf(IllegalStateException.class)
                .hasMessage("this registry refuses devcenter.errors");
        assertThat(registry.getMeters()).isEmpty();
        assertThat(Registrar.shared().openPublications()).isEqualTo(open);
    }

    @Test
    void aRegistryThatReadsEveryMeterAsItIsAddedDoesNotRecurse() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        AtomicInteger reads = new AtomicInteger();
        registry.config().onMeterAdded(meter -> { // runs inside the registration, on the registering thread
            if (meter instanceof FunctionCounter counter) {
                counter.count();
                reads.incrementAndGet();
            } else if (meter instanceof Gauge gauge) {
                gauge.value();
                reads.incrementAndGet();
            }
        });
        binders.binder().bindTo(registry);
        long since = System.nanoTime();
        Counting.record(counts, 5388);
        Eventually.published(since, "5388", () -> registry.find(DevCenterErrorMetrics.ERRORS).tag("code", "5388").functionCounter());
        registry.find(DevCenterErrorMetrics.RESPONSES).functionCounters().forEach(FunctionCounter::count);
        assertThat(reads.get()).as("each meter read once as it was added").isEqualTo(registry.getMeters().size());
        assertThat(registry.find(DevCenterErrorMetrics.ERRORS).functionCounters()).hasSize(DevCenterErrorMetrics.ALERT_CODES.size() + 1);
    }

    @Test
    void aPrometheusRegistryThatScrapesAsEachMeterIsAddedDoesNotRecurse() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        AtomicInteger scrapes = new AtomicInteger();
        registry.config().onMeterAdded(meter -> { // runs inside the registration, on the registering thread
            registry.scrape();
            scrapes.incrementAndGet();
        });
        binders.binder().bindTo(registry);
        int atBind = scrapes.get();
        Counting.record(counts, 5388);
        assertThat(registry.scrape()).contains("devcenter_errors_total{category=\"third_party\",code=\"5388\",severity=\"warning\"} 1.0");
        assertThat(scrapes.get() - atBind).as("one scrape per meter the scrape added: a counter and an info gauge").isEqualTo(2);
    }
}
