package dev.dcerrors.micrometer;

import static dev.dcerrors.micrometer.DevCenterErrorMetrics.ALERT_CODES;
import static dev.dcerrors.micrometer.DevCenterErrorMetrics.CODE_INFO;
import static dev.dcerrors.micrometer.DevCenterErrorMetrics.ENDPOINT_ERRORS;
import static dev.dcerrors.micrometer.DevCenterErrorMetrics.ERRORS;
import static dev.dcerrors.micrometer.DevCenterErrorMetrics.OTHER_CODE;
import static dev.dcerrors.micrometer.DevCenterErrorMetrics.RESPONSES;

import dev.dcerrors.core.ErrorCatalog;
import dev.dcerrors.core.ErrorCategory;
import dev.dcerrors.core.EndpointCounts;
import dev.dcerrors.core.ErrorCode;
import dev.dcerrors.core.ErrorCounts;
import dev.dcerrors.core.ErrorSeverity;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.core.instrument.step.StepFunctionCounter;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;
import org.jspecify.annotations.Nullable;

/**
 * The devcenter meters of one set of counts with one set of common tags in one registry: what Micrometer
 * identifies by name and tags, so it belongs to the registry, not to a binder. Every binder bound to that
 * registry over those counts with those tags holds the same publication; the last one to close removes
 * its meters ({@link #holders}).
 *
 * <p>Every meter reads the counts through this object and, before it returns its value, asks the
 * {@link Registrar} to bring this publication up to date, so that whatever reads any devcenter meter
 * registers the codes counted since. The registry is held weakly: a registry dropped without closing
 * its binders is let go, and the registrar forgets the publication. All state is guarded by
 * {@link Registrar#LOCK}.
 */
final class Publication {

    private static final String RESPONSES_DESCRIPTION = "Developer Center response envelopes recognized in the logs, by outcome";
    private static final String ERRORS_DESCRIPTION = "Developer Center error responses recognized in the logs, by code";
    private static final String ENDPOINT_DESCRIPTION = "Developer Center error responses counted where they are answered or received, by endpoint";
    private static final String INFO_DESCRIPTION = "Catalog description of each Developer Center error code with a series; value 1";

    /** The labels a code's series carries, from the catalog in force. */
    record Labels(String category, String severity, String message) {
        static Labels of(ErrorCatalog catalog, int code) {
            ErrorCode entry = catalog.find(code);
            return entry == null
                    ? new Labels(ErrorCategory.UNKNOWN.label(), ErrorSeverity.ERROR.label(), ErrorCounts.UNKNOWN_MESSAGE)
                    : new Labels(entry.category().label(), entry.severity().label(), entry.message());
        }
    }

    /**
     * The two meters of one code, what its counter reads, and whether the registry turns that count into
     * increases of a step (see {@link #reportsIncrements}).
     */
    private record Series(Labels labels, Meter counter, Meter info, CodeCount count, boolean increments) {
    }

    /**
     * What one {@value DevCenterErrorMetrics#ERRORS} counter reads: the code's count less a baseline, which
     * is 0 but for a series that replaces one of a step registry ({@link #ensure}); and the highest count
     * read so far, which is what the registry has taken of it.
     */
    private static final class CodeCount implements ToLongFunction<ErrorCounts> {

        private final ToLongFunction<ErrorCounts> count;
        private final long baseline;
        private final AtomicLong highestRead;

        CodeCount(ToLongFunction<ErrorCounts> count, long baseline) {
            this.count = count;
            this.baseline = baseline;
            this.highestRead = new AtomicLong(baseline);
        }

        @Override
        public long applyAsLong(ErrorCounts counts) {
            long now = count.applyAsLong(counts);
            highestRead.accumulateAndGet(now, Math::max);
            return now - baseline;
        }

        /** The highest count the counter has read (the counts only grow), or the baseline if it never read. */
        long highestRead() {
            return highestRead.get();
        }
    }

    private final WeakReference<MeterRegistry> registry;
    final CountsWatch watch;
    final Tags tags;
    /** How many bindings share this publication. */
    int holders;
    /** Whether the registrar lists it: from its opening until the last close or until its registry is collected. */
    boolean listed;
    /** Whether a binder asked for every catalog code from bind time; kept until the last close. */
    boolean wholeCatalog;
    private long appliedGeneration = -1;
    private final Map<String, Series> series = new HashMap<>();
    private final List<Meter> responseMeters = new ArrayList<>();
    /** The error responses counted at their source, by endpoint; null when no binder gave them. */
    @Nullable EndpointCounts endpoints;
    /** The endpoint series by {@link EndpointCounts} key, with their labels. */
    private final Map<Long, EndpointSeries> endpointSeries = new HashMap<>();
    /** How many series the endpoint counts had at the last walk; -1 before the first. */
    private int endpointSeriesSeen = -1;

    private record EndpointSeries(Labels labels, Meter counter) {
    }

    Publication(MeterRegistry registry, CountsWatch watch, Tags tags) {
        this.registry = new WeakReference<>(registry);
        this.watch = watch;
        this.tags = tags;
    }

    /** The registry, or null once it has been garbage-collected. */
    @Nullable MeterRegistry registry() {
        return registry.get();
    }

    boolean isFor(MeterRegistry candidate, ErrorCounts counts, Tags candidateTags) {
        return registry.get() == candidate && watch.counts == counts && tags.equals(candidateTags);
    }

    // ---------------------------------------------------------------- reading, from any thread

    private ErrorCounts counts() {
        return watch.counts;
    }

    /** When a read last scanned the counts for this publication ({@link System#nanoTime()}); racy, by design. */
    volatile long lastReadScan = System.nanoTime() - Registrar.READ_SCAN_INTERVAL.toNanos();

    /**
     * Reads the counts with {@code value}, after registering what this registry lacks: always when
     * {@code firstRead} (the success counter, registered first, so the first a Prometheus scrape reads),
     * else when no read did for {@link Registrar#READ_SCAN_INTERVAL}, so that a scrape scans about once
     * whatever its number of meters, and a registry whose filters deny the success counter still scans at
     * its first read.
     */
    private double read(ToLongFunction<ErrorCounts> value, boolean firstRead) {
        if (firstRead || System.nanoTime() - lastReadScan >= Registrar.READ_SCAN_INTERVAL.toNanos()) {
            Registrar.beforeRead(this);
        }
        return value.applyAsLong(counts());
    }

    // ---------------------------------------------------------------- registering, under the lock

    /** The function of one meter. */
    private static ToDoubleFunction<Publication> read(ToLongFunction<ErrorCounts> value) {
        return p -> p.read(value, false);
    }

    /** Registers the responses meters; then {@link #sync} gives the codes theirs. */
    void open(MeterRegistry target) {
        responseMeters.add(FunctionCounter.builder(RESPONSES, this, p -> p.read(ErrorCounts::successCount, true))
                .tags(tags).tag("outcome", "success")
                .description(RESPONSES_DESCRIPTION)
                .baseUnit("responses")
                .register(target));
        responseMeters.add(FunctionCounter.builder(RESPONSES, this, read(ErrorCounts::errorCount))
                .tags(tags).tag("outcome", "error")
                .description(RESPONSES_DESCRIPTION)
                .baseUnit("responses")
                .register(target));
    }

    /**
     * Gives a series to every code that needs one (the alert codes, the whole catalog when asked, every code
     * counted so far, {@code other} once it counted) and re-registers those whose labels the catalog changed.
     * Does nothing when the watch's generation was applied already, unless {@code force}.
     *
     * @throws RuntimeException the first thing the registry threw; every other code was registered all the
     *     same, and the next call tries the refused ones again
     */
    void sync(MeterRegistry target, boolean force) {
        long generation = watch.generation();
        syncEndpoints(target, force || generation != appliedGeneration);
        if (!force && generation == appliedGeneration) {
            return;
        }
        ErrorCatalog catalog = watch.catalog();
        Refusals refusals = new Refusals();
        for (int code : ALERT_CODES) {
            ensure(target, Integer.toString(code), code, Labels.of(catalog, code), refusals);
        }
        if (wholeCatalog) {
            for (ErrorCode code : catalog.codes()) {
                ensure(target, Integer.toString(code.code()), code.code(), Labels.of(catalog, code.code()), refusals);
            }
        }
        watch.forEachSeen(code -> ensure(target, Integer.toString(code), code, Labels.of(catalog, code), refusals));
        if (watch.otherSeen()) {
            ensure(target, OTHER_CODE, -1, new Labels(ErrorCategory.UNKNOWN.label(), ErrorSeverity.ERROR.label(), ErrorCounts.OTHER_MESSAGE), refusals);
        }
        if (refusals.first != null) {
            throw refusals.first; // the generation stays unapplied: the next call tries again
        }
        appliedGeneration = generation;
    }

    /**
     * Gives a series to every (endpoint, side, code) the endpoint counts have, when they have new ones or {@code relabel}
     * (the catalog may have changed a code's labels: such series are registered again with the new ones).
     */
    private void syncEndpoints(MeterRegistry target, boolean relabel) {
        EndpointCounts counted = endpoints;
        if (counted == null) {
            return;
        }
        int size = counted.size();
        if (!relabel && size == endpointSeriesSeen) {
            return;
        }
        ErrorCatalog catalog = watch.catalog();
        Refusals refusals = new Refusals();
        int[] walked = {0};
        counted.forEach((key, endpoint, side, code) -> {
            walked[0]++;
            Labels labels = code < 0
                    ? new Labels(ErrorCategory.UNKNOWN.label(), ErrorSeverity.ERROR.label(), ErrorCounts.OTHER_MESSAGE)
                    : Labels.of(catalog, code);
            EndpointSeries existing = endpointSeries.get(key);
            if (existing != null && existing.labels.equals(labels)) {
                return;
            }
            try {
                if (existing != null) {
                    target.remove(existing.counter);
                }
                Meter counter = FunctionCounter.builder(ENDPOINT_ERRORS, this, read(c -> counted.count(key)))
                        .tags(tags).tag("endpoint", endpoint).tag("side", side.label())
                        .tag("code", code < 0 ? OTHER_CODE : Integer.toString(code))
                        .tag("category", labels.category()).tag("severity", labels.severity())
                        .description(ENDPOINT_DESCRIPTION)
                        .baseUnit("errors")
                        .register(target);
                endpointSeries.put(key, new EndpointSeries(labels, counter));
            } catch (RuntimeException e) {
                if (refusals.first == null) {
                    refusals.first = e;
                }
            }
        });
        if (refusals.first != null) {
            throw refusals.first;
        }
        endpointSeriesSeen = walked[0]; // a pair claimed but not yet readable is walked again next time
    }

    /** The first exception a registry threw during one {@link #sync}. */
    private static final class Refusals {
        @Nullable RuntimeException first;
    }

    private void ensure(MeterRegistry target, String code, int numeric, Labels labels, Refusals refusals) {
        try {
            ensure(target, code, numeric, labels);
        } catch (RuntimeException e) {
            if (refusals.first == null) {
                refusals.first = e;
            }
        }
    }

    /**
     * Registers the series of {@code code} with {@code labels}, or, when it has one with other labels (the
     * catalog changed its classification), replaces it. A cumulative registry's new counter reads the whole
     * count, so the total stays the same under the new labels. A step registry's (a delta push registry, a
     * {@code SimpleMeterRegistry} in step mode) computes each step's increase from what its function returns,
     * starting from 0: the new counter reads the count less what the old one had read, so the counts the old
     * series reported are not reported again.
     */
    private void ensure(MeterRegistry target, String code, int numeric, Labels labels) {
        Series existing = series.get(code);
        long baseline = 0;
        if (existing != null) {
            if (existing.labels.equals(labels)) {
                return;
            }
            // Removed first, so that nothing the old counter reads after the baseline is taken counts twice.
            // Its entry stays until the new series is registered: a refused registration is tried again.
            target.remove(existing.counter);
            target.remove(existing.info);
            if (existing.increments) {
                baseline = existing.count.highestRead();
            }
        }
        Tags codeTags = tags.and("code", code).and("category", labels.category()).and("severity", labels.severity());
        CodeCount count = new CodeCount(numeric < 0 ? ErrorCounts::otherCount : c -> c.count(numeric), baseline);
        Meter counter = FunctionCounter.builder(ERRORS, this, read(count))
                .tags(codeTags)
                .description(ERRORS_DESCRIPTION)
                .baseUnit("errors")
                .register(target);
        Meter info;
        try {
            info = Gauge.builder(CODE_INFO, this, read(c -> 1L))
                    .tags(codeTags.and("message", labels.message()))
                    .description(INFO_DESCRIPTION)
                    .strongReference(true)
                    .register(target);
        } catch (RuntimeException e) {
            target.remove(counter);
            throw e;
        }
        series.put(code, new Series(labels, counter, info, count, reportsIncrements(target, counter)));
    }

    /**
     * Whether {@code counter}, just registered in {@code registry}, reports the increase of each step rather
     * than the count: Micrometer's {@link StepFunctionCounter}, which every step registry makes (the delta
     * push registries: OTLP with delta temporality, Datadog, Elastic, Influx...; a {@code SimpleMeterRegistry}
     * in step mode). In a composite, when every child that has the counter makes a step counter; a composite
     * mixing cumulative and step children is treated as cumulative, since one function serves them all.
     */
    private static boolean reportsIncrements(MeterRegistry registry, Meter counter) {
        if (!(registry instanceof CompositeMeterRegistry composite)) {
            return counter instanceof StepFunctionCounter;
        }
        boolean any = false;
        for (MeterRegistry child : composite.getRegistries()) {
            for (FunctionCounter childCounter : child.find(counter.getId().getName()).tags(counter.getId().getTags()).functionCounters()) {
                if (!reportsIncrements(child, childCounter)) {
                    return false;
                }
                any = true;
            }
        }
        return any;
    }

    /** Removes every meter of this publication from its registry, if the registry is still there. */
    void remove() {
        MeterRegistry target = registry.get();
        if (target != null) {
            for (Meter meter : responseMeters) {
                target.remove(meter);
            }
            for (Series s : series.values()) {
                target.remove(s.counter);
                target.remove(s.info);
            }
            for (EndpointSeries s : endpointSeries.values()) {
                target.remove(s.counter);
            }
        }
        responseMeters.clear();
        series.clear();
        endpointSeries.clear();
        endpointSeriesSeen = -1;
    }
}
