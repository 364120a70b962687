package dev.dcerrors.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dcerrors.core.ErrorCounts;
import io.micrometer.core.instrument.MeterRegistry;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code micrometer-registry-prometheus} is optional: without it on the class path (an OTLP-only or Datadog-only
 * application), the binder binds, registers the codes counted before binding, and its registrar thread
 * publishes the codes counted after, within the bound. The binder runs in a class loader that sees this
 * module, dc-core and Micrometer's core, and no Prometheus class.
 */
class WithoutPrometheusTest {

    /** The class-path entry of {@code className}, found through this test's own class loader. */
    private static URL entryOf(String className) throws ClassNotFoundException {
        return Class.forName(className).getProtectionDomain().getCodeSource().getLocation();
    }

    private static URLClassLoader withoutPrometheus() throws ClassNotFoundException {
        List<URL> entries = new ArrayList<>();
        for (String className : List.of(DevCenterErrorMetrics.class.getName(), ErrorCounts.class.getName(),
                MeterRegistry.class.getName(), "io.micrometer.common.KeyValue", "io.micrometer.observation.Observation",
                "org.HdrHistogram.Histogram", "org.LatencyUtils.PauseDetector")) {
            URL entry = entryOf(className);
            if (!entries.contains(entry)) {
                entries.add(entry);
            }
        }
        return new URLClassLoader(entries.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
    }

    @Test
    void withoutThePrometheusRegistryTheBinderPublishesThroughItsThread() throws Exception {
        try (URLClassLoader loader = withoutPrometheus()) {
            assertThatThrownBy(() -> loader.loadClass("io.micrometer.prometheusmetrics.PrometheusMeterRegistry"))
                    .isInstanceOf(ClassNotFoundException.class);
            Class<?> countsClass = loader.loadClass(ErrorCounts.class.getName());
            Class<?> registryClass = loader.loadClass(MeterRegistry.class.getName());
            Class<?> binderClass = loader.loadClass(DevCenterErrorMetrics.class.getName());
            Object counts = countsClass.getConstructor().newInstance();
            Method record = countsClass.getMethod("recordResponse", int.class); // what Counting.record does for a catalog code
            Object registry = loader.loadClass("io.micrometer.core.instrument.simple.SimpleMeterRegistry").getConstructor().newInstance();
            Object builder = binderClass.getMethod("builder").invoke(null);
            builder.getClass().getMethod("counts", countsClass).invoke(builder, counts);
            Object binder = builder.getClass().getMethod("build").invoke(builder);

            record.invoke(counts, 5005);
            binderClass.getMethod("bindTo", registryClass).invoke(binder, registry);
            try {
                assertThat(errorCounter(registry, "5005")).as("counted before binding: registered by bindTo").isNotNull();
                long since = System.nanoTime();
                record.invoke(counts, 5021);
                Eventually.published(since, "devcenter.errors{code=5021} without Prometheus", () -> errorCounter(registry, "5021"));
            } finally {
                binderClass.getMethod("close").invoke(binder);
            }
            assertThat((List<?>) registryClass.getMethod("getMeters").invoke(registry)).isEmpty();
        }
    }

    /** {@code registry.find("devcenter.errors").tag("code", code).functionCounter()}, through reflection. */
    private static Object errorCounter(Object registry, String code) {
        try {
            Object search = registry.getClass().getMethod("find", String.class).invoke(registry, DevCenterErrorMetrics.ERRORS);
            search = search.getClass().getMethod("tag", String.class, String.class).invoke(search, "code", code);
            return search.getClass().getMethod("functionCounter").invoke(search);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
