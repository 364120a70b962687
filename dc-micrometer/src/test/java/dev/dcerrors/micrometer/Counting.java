package dev.dcerrors.micrometer;

import dev.dcerrors.core.CodeRange;
import dev.dcerrors.core.ErrorCounts;

/**
 * Every increment the tests of this module make without a logger context goes through here, as the turbo
 * filter would count a code it recognized; the only place that knows how {@link ErrorCounts} is written to.
 */
final class Counting {

    private Counting() {
    }

    /** Counts one response with {@code code} as a filter with default options does: 200, a catalog code, or 4000-5999. */
    static void record(ErrorCounts counts, int code) {
        record(counts, code, CodeRange.defaultRange());
    }

    /** Counts one response with {@code code} as a filter whose {@code errorCodeRange} is {@code unknownRange} does. */
    static void record(ErrorCounts counts, int code, CodeRange unknownRange) {
        if (code == 200 || counts.catalog().contains(code) || unknownRange.contains(code)) {
            counts.recordResponse(code);
        }
    }

    /** Counts {@code times} responses with {@code code}. */
    static void record(ErrorCounts counts, int code, int times) {
        for (int i = 0; i < times; i++) {
            record(counts, code);
        }
    }
}
