package dev.dcerrors.micrometer;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.model.registry.Collector;
import io.prometheus.metrics.model.registry.PrometheusScrapeRequest;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * An action run at the start of each scrape of one {@code PrometheusMeterRegistry}, as a Prometheus
 * {@link Collector} that contributes no metric. {@code PrometheusRegistry.scrape} collects its plain collectors
 * before its multi-collectors, and Micrometer's meters are multi-collectors ({@code MicrometerCollector}, one per
 * meter name): the action runs before any devcenter meter is read, and the meters it registers are read by the
 * same scrape. Only loaded when the Prometheus registry is on the class path ({@link ScrapeHooks}).
 *
 * <p>Holds its registry weakly, as a publication does. The action never throws: a scrape does not fail
 * because of it.
 */
final class PrometheusScrapeHook implements Collector, ScrapeHooks.Hook {

    private final WeakReference<PrometheusMeterRegistry> registry;
    private final Runnable action;

    private PrometheusScrapeHook(PrometheusMeterRegistry registry, Runnable action) {
        this.registry = new WeakReference<>(registry);
        this.action = action;
    }

    /** See {@link ScrapeHooks#update}. */
    static void update(MeterRegistry root, List<ScrapeHooks.Hook> hooks, Runnable action) {
        List<MeterRegistry> reached = new ArrayList<>();
        reach(root, reached);
        for (Iterator<ScrapeHooks.Hook> it = hooks.iterator(); it.hasNext();) {
            ScrapeHooks.Hook hook = it.next();
            if (!hook.installedIn(reached)) {
                hook.uninstall();
                it.remove();
            }
        }
        for (MeterRegistry candidate : reached) {
            if (hooks.stream().noneMatch(h -> ((PrometheusScrapeHook) h).registry.get() == candidate)) {
                PrometheusMeterRegistry prometheus = (PrometheusMeterRegistry) candidate;
                PrometheusScrapeHook hook = new PrometheusScrapeHook(prometheus, action);
                prometheus.getPrometheusRegistry().register(hook);
                hooks.add(hook);
            }
        }
    }

    /** Adds to {@code reached} every Prometheus registry {@code registry} is or holds, each once. */
    private static void reach(MeterRegistry registry, List<MeterRegistry> reached) {
        if (registry instanceof PrometheusMeterRegistry) {
            if (reached.stream().noneMatch(r -> r == registry)) {
                reached.add(registry);
            }
        } else if (registry instanceof CompositeMeterRegistry composite) {
            for (MeterRegistry child : composite.getRegistries()) {
                reach(child, reached);
            }
        }
    }

    @Override
    public boolean installedIn(List<MeterRegistry> reached) {
        PrometheusMeterRegistry target = registry.get();
        return target != null && reached.stream().anyMatch(r -> r == target);
    }

    @Override
    public void uninstall() {
        PrometheusMeterRegistry target = registry.get();
        if (target != null) {
            target.getPrometheusRegistry().unregister(this);
        }
    }

    private @Nullable MetricSnapshot run() {
        try {
            action.run();
        } catch (RuntimeException e) {
            // The scrape goes on; the registrar thread registers what is missing within its period.
        }
        return null;
    }

    @Override
    public @Nullable MetricSnapshot collect() {
        return run();
    }

    @Override
    public @Nullable MetricSnapshot collect(PrometheusScrapeRequest scrapeRequest) {
        return run();
    }

    @Override
    public @Nullable MetricSnapshot collect(Predicate<String> includedNames) {
        return run();
    }

    @Override
    public @Nullable MetricSnapshot collect(Predicate<String> includedNames, PrometheusScrapeRequest scrapeRequest) {
        return run();
    }
}
