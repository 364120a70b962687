package dev.dcerrors.micrometer;

import static dev.dcerrors.micrometer.Meters.ALERT_CODES;
import static dev.dcerrors.micrometer.Meters.CATEGORY;
import static dev.dcerrors.micrometer.Meters.CODE;
import static dev.dcerrors.micrometer.Meters.CODE_INFO;
import static dev.dcerrors.micrometer.Meters.CODE_INFO_DESCRIPTION;
import static dev.dcerrors.micrometer.Meters.ENDPOINT;
import static dev.dcerrors.micrometer.Meters.ENDPOINT_ERRORS;
import static dev.dcerrors.micrometer.Meters.ENDPOINT_ERRORS_DESCRIPTION;
import static dev.dcerrors.micrometer.Meters.ERROR;
import static dev.dcerrors.micrometer.Meters.ERRORS;
import static dev.dcerrors.micrometer.Meters.ERRORS_DESCRIPTION;
import static dev.dcerrors.micrometer.Meters.ERRORS_UNIT;
import static dev.dcerrors.micrometer.Meters.MESSAGE;
import static dev.dcerrors.micrometer.Meters.OUTCOME;
import static dev.dcerrors.micrometer.Meters.RESPONSES;
import static dev.dcerrors.micrometer.Meters.RESPONSES_DESCRIPTION;
import static dev.dcerrors.micrometer.Meters.RESPONSES_UNIT;
import static dev.dcerrors.micrometer.Meters.SEVERITY;
import static dev.dcerrors.micrometer.Meters.SIDE;
import static dev.dcerrors.micrometer.Meters.SUCCESS;

import dev.dcerrors.core.CodeLabels;
import dev.dcerrors.core.EndpointCounts;
import dev.dcerrors.core.ErrorCatalog;
import dev.dcerrors.core.ErrorCode;
import dev.dcerrors.core.ErrorCounts;
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
 * registry over those counts with those tags shares it through the {@link Registrar}, which decides when it
 * is brought up to date ({@link #sync}) and when its meters go ({@link #remove}).
 *
 * <p>Its meters only read the counts: reading a meter never registers one. The registry is held weakly:
 * a registry dropped without closing its binders is let go. Not thread-safe: the registrar calls it under
 * its lock.
 */
final class Publication {

    /**
     * The two meters of one code, what its counter reads, and whether the registry turns that count into
     * increases of a step (see {@link #reportsIncrements}).
     */
    private record Series(CodeLabels labels, Meter counter, Meter info, CodeCount count, boolean increments) {
    }

    /**
     * What one {@value Meters#ERRORS} counter reads: the code's count less a baseline, which
     * is 0 but for a series that replaces one of a step registry ({@link #ensure}); and the highest count
     * read so far, which is what the registry has taken of it.
     */
    private static final class CodeCount implements ToDoubleFunction<ErrorCounts> {

        private final ToLongFunction<ErrorCounts> count;
        private final long baseline;
        private final AtomicLong highestRead;

        CodeCount(ToLongFunction<ErrorCounts> count, long baseline) {
            this.count = count;
            this.baseline = baseline;
            this.highestRead = new AtomicLong(baseline);
        }

        @Override
        public double applyAsDouble(ErrorCounts counts) {
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
    private final CountsWatch watch;
    private final Tags tags;
    /** Whether a binder asked for every catalog code from bind time; kept until the publication is removed. */
    private boolean wholeCatalog;
    private long appliedGeneration = -1;
    private final Map<String, Series> series = new HashMap<>();
    private final List<Meter> responseMeters = new ArrayList<>();
    /** The error responses counted at their source, by endpoint; null while no binder gave them. */
    private @Nullable EndpointCounts endpoints;
    /** The endpoint series by {@link EndpointCounts} key, with their labels. */
    private final Map<Long, EndpointSeries> endpointSeries = new HashMap<>();
    /** How many pairs the endpoint counts had at the last walk; -1 before the first. */
    private int endpointPairsSeen = -1;

    private record EndpointSeries(CodeLabels labels, Meter counter) {
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

    /** What this publication knows of its counts; shared with the other publications of those counts. */
    CountsWatch watch() {
        return watch;
    }

    boolean isFor(MeterRegistry candidate, ErrorCounts counts, Tags candidateTags) {
        return registry.get() == candidate && watch.counts() == counts && tags.equals(candidateTags);
    }

    /**
     * Asks for every catalog code from now on when {@code wholeCatalog}; returns whether that is new, and
     * the next {@link #sync} must then be forced.
     */
    boolean widen(boolean wholeCatalog) {
        boolean widened = wholeCatalog && !this.wholeCatalog;
        this.wholeCatalog |= wholeCatalog;
        return widened;
    }

    /**
     * Publishes {@code counted} too, when this publication has no endpoint counts yet (the first binder's are kept: a
     * later binder's other endpoint counts are not published here); returns whether that is new.
     */
    boolean widen(@Nullable EndpointCounts counted) {
        if (counted == null || endpoints != null) {
            return false;
        }
        endpoints = counted;
        return true;
    }

    /** Registers the responses meters; then {@link #sync} gives the codes theirs. */
    void open(MeterRegistry target) {
        responseMeters.add(responses(target, SUCCESS, ErrorCounts::successCount));
        responseMeters.add(responses(target, ERROR, ErrorCounts::errorCount));
    }

    private FunctionCounter responses(MeterRegistry target, String outcome, ToDoubleFunction<ErrorCounts> count) {
        return FunctionCounter.builder(RESPONSES, watch.counts(), count)
                .tags(tags).tag(OUTCOME, outcome)
                .description(RESPONSES_DESCRIPTION)
                .baseUnit(RESPONSES_UNIT)
                .register(target);
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
            ensure(target, code, CodeLabels.of(code, catalog), refusals);
        }
        if (wholeCatalog) {
            for (ErrorCode code : catalog.codes()) {
                ensure(target, code.code(), CodeLabels.of(code.code(), catalog), refusals);
            }
        }
        watch.forEachSeen(code -> ensure(target, code, CodeLabels.of(code, catalog), refusals));
        if (watch.otherSeen()) {
            ensure(target, -1, CodeLabels.OTHER, refusals);
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
        if (!relabel && size == endpointPairsSeen) {
            return;
        }
        ErrorCatalog catalog = watch.catalog();
        Refusals refusals = new Refusals();
        int[] walked = {0};
        counted.forEach((key, endpoint, side, code) -> {
            walked[0]++;
            CodeLabels labels = code < 0 ? CodeLabels.OTHER : CodeLabels.of(code, catalog);
            EndpointSeries existing = endpointSeries.get(key);
            if (existing != null && existing.labels.equals(labels)) {
                return;
            }
            try {
                if (existing != null) {
                    target.remove(existing.counter);
                }
                Meter counter = FunctionCounter.builder(ENDPOINT_ERRORS, counted, c -> c.count(key))
                        .tags(tags).tag(ENDPOINT, endpoint).tag(SIDE, side.label())
                        .tag(CODE, labels.code()).tag(CATEGORY, labels.category().label()).tag(SEVERITY, labels.severity().label())
                        .description(ENDPOINT_ERRORS_DESCRIPTION)
                        .baseUnit(ERRORS_UNIT)
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
        endpointPairsSeen = walked[0]; // a pair claimed but not yet readable is walked again next time
    }

    /** The first exception a registry threw during one {@link #sync}. */
    private static final class Refusals {
        @Nullable RuntimeException first;
    }

    private void ensure(MeterRegistry target, int numeric, CodeLabels labels, Refusals refusals) {
        try {
            ensure(target, numeric, labels);
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
    private void ensure(MeterRegistry target, int numeric, CodeLabels labels) {
        Series existing = series.get(labels.code());
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
        Tags codeTags = tags.and(CODE, labels.code()).and(CATEGORY, labels.category().label()).and(SEVERITY, labels.severity().label());
        CodeCount count = new CodeCount(numeric < 0 ? ErrorCounts::otherCount : c -> c.count(numeric), baseline);
        Meter counter = FunctionCounter.builder(ERRORS, watch.counts(), count)
                .tags(codeTags)
                .description(ERRORS_DESCRIPTION)
                .baseUnit(ERRORS_UNIT)
                .register(target);
        Meter info;
        try {
            info = Gauge.builder(CODE_INFO, watch.counts(), c -> 1)
                    .tags(codeTags.and(MESSAGE, labels.message()))
                    .description(CODE_INFO_DESCRIPTION)
                    .strongReference(true)
                    .register(target);
        } catch (RuntimeException e) {
            target.remove(counter);
            throw e;
        }
        series.put(labels.code(), new Series(labels, counter, info, count, reportsIncrements(target, counter)));
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
        endpointPairsSeen = -1;
    }
}
