package dev.dcerrors.core;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The count sets of one owner by name: a Logback context, a Spring application, a test. Where a configuration names
 * counts ({@code <counts>orders</counts>}), they are looked up in the directory of whatever holds that configuration,
 * never in a process-wide map, so that two applications in one JVM, or two runs of a tool, never meet by accident.
 * The default name is {@link ErrorCounts#shared()} in every directory: the one-line setup (a filter with no options, a
 * binder with no arguments) meets there.
 */
public final class NamedCounts {

    private final ConcurrentMap<String, ErrorCounts> byName = new ConcurrentHashMap<>();

    /** The counts of this name, created on first use over the built-in catalog with the default bound. */
    public ErrorCounts get(String name) {
        return get(name, ErrorCounts.DEFAULT_MAX_UNKNOWN_CODES);
    }

    /**
     * The counts of this name, created with a bound on unknown codes when new; counts that exist keep their bound:
     * compare {@link ErrorCounts#maxUnknownCodes()} ({@link RecognizerOptions} reports a difference).
     *
     * @throws IllegalArgumentException when the name is blank or the bound out of range
     */
    public ErrorCounts get(String name, int maxUnknownCodes) {
        if (name.isBlank()) {
            throw new IllegalArgumentException("a counts name must not be blank");
        }
        if (name.equals(ErrorCounts.DEFAULT_NAME)) {
            return ErrorCounts.shared();
        }
        return byName.computeIfAbsent(name, n -> new ErrorCounts(n, ErrorCatalog.builtIn(), maxUnknownCodes));
    }

    /** The counts of this name if they exist, else null; creates nothing. */
    public @org.jspecify.annotations.Nullable ErrorCounts find(String name) {
        return name.equals(ErrorCounts.DEFAULT_NAME) ? ErrorCounts.shared() : byName.get(name);
    }

    @Override
    public String toString() {
        return "NamedCounts" + byName.keySet();
    }
}
