package dev.dcerrors.micrometer;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;

/**
 * The actions that run at the start of each scrape of the Prometheus registries one publication reaches:
 * its registry if that is Micrometer's {@code PrometheusMeterRegistry}, and each such registry inside it if
 * it is a composite. Nothing happens without the Prometheus registry on the class path, or for any other
 * kind of registry.
 *
 * <p>A Prometheus scrape collects every plain {@code Collector} of the registry before the
 * {@code MultiCollector}s that hold Micrometer's meters, so an action registered as a plain collector runs
 * before any devcenter meter is read, whatever the order of registration (see {@link PrometheusScrapeHook}).
 * Used under the {@link Registrar}'s lock.
 */
final class ScrapeHooks {

    private static final boolean PROMETHEUS = present("io.micrometer.prometheusmetrics.PrometheusMeterRegistry")
            && present("io.prometheus.metrics.model.registry.Collector");

    /** One installed action, in one Prometheus registry. */
    interface Hook {
        /** Whether the registry it is installed in is still there and still one of {@code reached}. */
        boolean installedIn(List<MeterRegistry> reached);

        /** Takes the action out of its registry, if the registry is still there. */
        void uninstall();
    }

    private final Runnable beforeScrape;
    private final List<Hook> hooks = new ArrayList<>();

    ScrapeHooks(Runnable beforeScrape) {
        this.beforeScrape = beforeScrape;
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, ScrapeHooks.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /**
     * Installs the action in each Prometheus registry {@code registry} reaches that lacks it, and takes it
     * out of those it no longer reaches (a registry removed from a composite).
     */
    void update(MeterRegistry registry) {
        if (PROMETHEUS) {
            PrometheusScrapeHook.update(registry, hooks, beforeScrape);
        }
    }

    /** Takes the action out of every registry. */
    void removeAll() {
        for (Hook hook : hooks) {
            hook.uninstall();
        }
        hooks.clear();
    }
}
