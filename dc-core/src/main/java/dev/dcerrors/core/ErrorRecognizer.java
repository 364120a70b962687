package dev.dcerrors.core;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Recognizes response codes in the parts of one log event and counts them: a {@link CodeScanner} for the
 * grammar, a {@link CodeRange} for which unknown values are errors, and the {@link ErrorCounts} to add to.
 *
 * <p>An event may have several parts (a message template, its arguments, key-value pairs); the caller
 * starts with a budget of {@link #maxCodesPerEvent()} and passes what is left from part to part, so that
 * a batch response counts each of its codes, up to the cap. Nothing here allocates, locks or throws on
 * any text; instances are immutable and thread-safe.
 */
public final class ErrorRecognizer {

    /** The default cap on codes counted in one event. */
    public static final int DEFAULT_MAX_CODES_PER_EVENT = 16;
    /** The largest cap on codes per event that can be configured. */
    public static final int MAX_CODES_PER_EVENT_LIMIT = 1024;

    private final CodeScanner scanner;
    private final CodeRange unknownRange;
    private final ErrorCounts counts;
    private final int maxCodesPerEvent;
    private final CodeSink sink = this::count;

    /**
     * @throws IllegalArgumentException when {@code maxCodesPerEvent} is not 1 to {@value #MAX_CODES_PER_EVENT_LIMIT}
     */
    public ErrorRecognizer(CodeScanner scanner, CodeRange unknownRange, ErrorCounts counts, int maxCodesPerEvent) {
        if (maxCodesPerEvent < 1 || maxCodesPerEvent > MAX_CODES_PER_EVENT_LIMIT) {
            throw new IllegalArgumentException("maxCodesPerEvent " + maxCodesPerEvent + " is out of range: expected 1-" + MAX_CODES_PER_EVENT_LIMIT);
        }
        this.scanner = Objects.requireNonNull(scanner, "scanner");
        this.unknownRange = Objects.requireNonNull(unknownRange, "unknownRange");
        this.counts = Objects.requireNonNull(counts, "counts");
        this.maxCodesPerEvent = maxCodesPerEvent;
    }

    /** The default grammar and range, counting into {@link ErrorCounts#shared()}. */
    public static ErrorRecognizer defaults() {
        return new ErrorRecognizer(CodeScanner.defaults(), CodeRange.defaultRange(), ErrorCounts.shared(), DEFAULT_MAX_CODES_PER_EVENT);
    }

    private boolean count(int value) {
        return counts.record(value, unknownRange);
    }

    /** Counts the codes in one whole text, up to {@link #maxCodesPerEvent()}; returns how many. */
    public int recognize(CharSequence text) {
        return recognizeText(text, maxCodesPerEvent);
    }

    /** Counts the codes in {@code text}, at most {@code budget}; returns how many were counted. */
    public int recognizeText(CharSequence text, int budget) {
        return budget <= 0 ? 0 : scanner.scan(text, sink, budget);
    }

    /** Counts the codes in an SLF4J message template, resolving {@code {}} values from {@code args}. */
    public int recognizeTemplate(CharSequence template, @Nullable Object @Nullable [] args, int budget) {
        return budget <= 0 ? 0 : scanner.scanTemplate(template, args, sink, budget);
    }

    /**
     * Counts a key-value pair whose key is one of the scanner's keys and whose value is a code
     * ({@link CodeScanner#codeValue}); returns 1 when counted, else 0.
     */
    public int recognizeKeyValue(@Nullable String key, @Nullable Object value, int budget) {
        return key != null && scanner.isKey(key) ? recognizeValue(value, budget) : 0;
    }

    /**
     * Counts a value known to stand for a code (an MDC entry, a template argument), when it is one
     * ({@link CodeScanner#codeValue}); returns 1 when counted, else 0.
     */
    public int recognizeValue(@Nullable Object value, int budget) {
        if (budget <= 0) {
            return 0;
        }
        int code = CodeScanner.codeValue(value);
        return code >= 0 && count(code) ? 1 : 0;
    }

    public CodeScanner scanner() {
        return scanner;
    }

    public CodeRange unknownRange() {
        return unknownRange;
    }

    public ErrorCounts counts() {
        return counts;
    }

    public int maxCodesPerEvent() {
        return maxCodesPerEvent;
    }
}
