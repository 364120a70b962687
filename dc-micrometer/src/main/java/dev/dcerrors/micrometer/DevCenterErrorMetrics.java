package dev.dcerrors.micrometer;

import dev.dcerrors.core.ErrorCatalog;
import dev.dcerrors.core.ErrorCategory;
import dev.dcerrors.core.ErrorCode;
import dev.dcerrors.core.ErrorCounts;
import dev.dcerrors.core.ErrorSeverity;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.ToDoubleFunction;

/**
 * Publishes the Developer Center error counts that the Logback filter records.
 *
 * <ul>
 *   <li>{@value #ERRORS} (Prometheus {@code devcenter_errors_total}), tags {@code code}, {@code category},
 *       {@code severity}: one series per code seen, plus the codes alerts depend on ({@link #ALERT_CODES}),
 *       present at 0 from bind time so that the first lockout is not lost to {@code increase()}.</li>
 *   <li>{@value #RESPONSES} ({@code devcenter_responses_total}), tag {@code outcome} = {@code success} |
 *       {@code error}: every recognized response envelope, for error ratios.</li>
 *   <li>{@value #CODE_INFO} ({@code devcenter_error_code_info}), value 1, tags {@code code}, {@code category},
 *       {@code severity}, {@code message}: the catalog's description of each code with a series, for joins.</li>
 * </ul>
 *
 * <p>All meters are function counters and gauges reading {@link ErrorCounts}: the logging thread never
 * calls a registry. Codes first seen after binding are registered from the reading side: whenever a
 * registry reads {@value #RESPONSES} (a Prometheus scrape, a push registry's publish), new codes are
 * registered before {@value #ERRORS} is read, so a Prometheus scrape shows them at once. Cardinality is
 * bounded by the counts: catalog codes, at most {@link ErrorCounts#maxUnknownCodes()} unknown codes, and
 * {@code code="other"} for the rest. Label values come from the catalog only, never from log text.
 *
 * <pre>{@code new DevCenterErrorMetrics().bindTo(registry);}</pre>
 */
public class DevCenterErrorMetrics implements MeterBinder, AutoCloseable {

    /** Error responses by code. */
    public static final String ERRORS = "devcenter.errors";
    /** Recognized responses by outcome. */
    public static final String RESPONSES = "devcenter.responses";
    /** The catalog's description of each code with a series; value 1. */
    public static final String CODE_INFO = "devcenter.error.code.info";
    /** The codes the shipped alerts depend on: registered at 0 from bind time. */
    public static final List<Integer> ALERT_CODES = List.of(5000, 5146, 5147, 5148, 5325);
    /** The {@code code} tag value of unknown codes beyond the bound. */
    public static final String OTHER_CODE = "other";

    static final String UNKNOWN_MESSAGE = "Not in the catalog.";
    static final String OTHER_MESSAGE = "Unknown codes beyond the limit of distinct unknown codes.";

    private final ErrorCounts counts;
    private final Tags tags;
    private final boolean registerWholeCatalog;
    private final List<Binding> bindings = new CopyOnWriteArrayList<>();
    private final ReentrantLock lock = new ReentrantLock();

    /** The meters of one registry this binder is bound to. */
    private static final class Binding {
        final MeterRegistry registry;
        final List<Meter> meters = new ArrayList<>();
        final Set<String> codes = new HashSet<>();

        Binding(MeterRegistry registry) {
            this.registry = registry;
        }
    }

    /** Publishes {@link ErrorCounts#shared()}, where a turbo filter with default options counts. */
    public DevCenterErrorMetrics() {
        this(ErrorCounts.shared(), Tags.empty());
    }

    /** Publishes {@link ErrorCounts#shared()} with common tags on every meter. */
    public DevCenterErrorMetrics(Iterable<Tag> tags) {
        this(ErrorCounts.shared(), tags);
    }

    /** Publishes the given counts. */
    public DevCenterErrorMetrics(ErrorCounts counts) {
        this(counts, Tags.empty());
    }

    /** Publishes the given counts with common tags on every meter. */
    public DevCenterErrorMetrics(ErrorCounts counts, Iterable<Tag> tags) {
        this(counts, tags, false);
    }

    /**
     * Publishes the given counts with common tags; with {@code registerWholeCatalog}, every catalog code has
     * a series from bind time (about 400 series of {@value #ERRORS} and of {@value #CODE_INFO}).
     */
    public DevCenterErrorMetrics(ErrorCounts counts, Iterable<Tag> tags, boolean registerWholeCatalog) {
        this.counts = counts;
        this.tags = Tags.of(tags);
        this.registerWholeCatalog = registerWholeCatalog;
    }

    /** Registers the meters in {@code registry}; binding the same registry again does nothing. */
    @Override
    public void bindTo(MeterRegistry registry) {
        lock.lock();
        try {
            for (Binding existing : bindings) {
                if (existing.registry == registry) {
                    return;
                }
            }
            Binding binding = new Binding(registry);
            // Registered first: reading it registers codes seen since, before the errors are read.
            // The state object is the counts; the function holds this binder strongly, so an unreferenced
            // binder (new DevCenterErrorMetrics().bindTo(registry)) keeps working: meters keep their state
            // objects only weakly.
            binding.meters.add(FunctionCounter.builder(RESPONSES, counts, c -> successesAndRegisterNewCodes())
                    .tags(tags).tag("outcome", "success")
                    .description("Developer Center response envelopes recognized in the logs, by outcome")
                    .baseUnit("responses")
                    .register(registry));
            binding.meters.add(FunctionCounter.builder(RESPONSES, counts, ErrorCounts::errorCount)
                    .tags(tags).tag("outcome", "error")
                    .description("Developer Center response envelopes recognized in the logs, by outcome")
                    .baseUnit("responses")
                    .register(registry));
            ErrorCatalog catalog = counts.catalog();
            for (int code : ALERT_CODES) {
                registerCode(binding, catalog, code);
            }
            if (registerWholeCatalog) {
                for (ErrorCode code : catalog.codes()) {
                    registerCode(binding, catalog, code.code());
                }
            }
            bindings.add(binding);
            registerNewCodes();
        } finally {
            lock.unlock();
        }
    }

    private double successesAndRegisterNewCodes() {
        if (lock.tryLock()) { // never blocks a scrape: a concurrent bind or close registers instead
            try {
                registerNewCodes();
            } finally {
                lock.unlock();
            }
        }
        return counts.successCount();
    }

    /** Gives a series to every code counted since the last call, in every bound registry. Holds the lock. */
    private void registerNewCodes() {
        ErrorCatalog catalog = counts.catalog();
        for (Binding binding : bindings) {
            counts.forEachCatalogCodeSeen(code -> registerCode(binding, catalog, code));
            counts.forEachUnknownCode(code -> registerCode(binding, catalog, code));
            if (counts.otherCount() > 0 && binding.codes.add(OTHER_CODE)) {
                register(binding, OTHER_CODE, ErrorCategory.UNKNOWN, ErrorSeverity.ERROR, OTHER_MESSAGE, ErrorCounts::otherCount);
            }
        }
    }

    private void registerCode(Binding binding, ErrorCatalog catalog, int code) {
        String label = Integer.toString(code);
        if (!binding.codes.add(label)) {
            return;
        }
        ErrorCode entry = catalog.find(code);
        if (entry == null) {
            register(binding, label, ErrorCategory.UNKNOWN, ErrorSeverity.ERROR, UNKNOWN_MESSAGE, c -> c.count(code));
        } else {
            register(binding, label, entry.category(), entry.severity(), entry.message(), c -> c.count(code));
        }
    }

    private void register(Binding binding, String code, ErrorCategory category, ErrorSeverity severity, String message,
            ToDoubleFunction<ErrorCounts> count) {
        Tags codeTags = tags.and("code", code).and("category", category.label()).and("severity", severity.label());
        binding.meters.add(FunctionCounter.builder(ERRORS, counts, count)
                .tags(codeTags)
                .description("Developer Center error responses recognized in the logs, by code")
                .baseUnit("errors")
                .register(binding.registry));
        binding.meters.add(Gauge.builder(CODE_INFO, counts, c -> 1.0)
                .tags(codeTags.and("message", message))
                .description("Catalog description of each Developer Center error code with a series; value 1")
                .strongReference(true)
                .register(binding.registry));
    }

    /** Removes every meter this binder registered, from every registry it was bound to. */
    @Override
    public void close() {
        lock.lock();
        try {
            for (Binding binding : bindings) {
                for (Meter meter : binding.meters) {
                    binding.registry.remove(meter);
                }
            }
            bindings.clear();
        } finally {
            lock.unlock();
        }
    }

    /** The counts this binder publishes. */
    public ErrorCounts counts() {
        return counts;
    }
}
