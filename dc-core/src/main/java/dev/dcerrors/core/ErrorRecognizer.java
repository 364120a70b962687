package dev.dcerrors.core;

import org.jspecify.annotations.Nullable;

/**
 * Recognizes response codes in the parts of one log call and counts them: a {@link CodeScanner} for the
 * grammar, a {@link CodeRange} for which values outside the catalog are errors, and the
 * {@link ErrorCounts} to add to. Built by {@link RecognizerOptions#build}.
 *
 * <p>A log call may have several parts (a message template, its arguments, key-value pairs, a throwable);
 * the caller starts with a budget of {@link #maxCodesPerEvent()} and passes what is left from part to part,
 * so that a batch response counts each of its codes, up to the cap. Each method exists in two forms: one
 * that counts, and one that hands the values to a {@link CodeSink} of the caller's (the pattern converters
 * print the first code without counting). Nothing here allocates, locks or throws on any text; instances are
 * immutable and thread-safe.
 */
public final class ErrorRecognizer {

    /** The default cap on codes counted in one event. */
    public static final int DEFAULT_MAX_CODES_PER_EVENT = 16;

    private final CodeScanner scanner;
    private final CodeRange unknownRange;
    private final ErrorCounts counts;
    private final int maxCodesPerEvent;
    private final ArgumentMode argumentMode;
    private final boolean scanThrowables;
    private final CodeSink counter = this::count;

    ErrorRecognizer(CodeScanner scanner, CodeRange unknownRange, ErrorCounts counts, int maxCodesPerEvent, ArgumentMode argumentMode,
            boolean scanThrowables) {
        this.scanner = scanner;
        this.unknownRange = unknownRange;
        this.counts = counts;
        this.maxCodesPerEvent = maxCodesPerEvent;
        this.argumentMode = argumentMode;
        this.scanThrowables = scanThrowables;
    }

    private boolean count(int value) {
        return counts.record(value, unknownRange);
    }

    /** The sink that counts a value when it is a response code (200, a catalog code, a value in the range). */
    public CodeSink counter() {
        return counter;
    }

    /** Whether {@code value} is a response code: 200, a catalog code or a value in the error range. */
    public boolean isResponseCode(int value) {
        return value == ErrorCode.SUCCESS || counts.catalog().contains(value) || unknownRange.contains(value);
    }

    /** Counts the codes in {@code text}, at most {@code budget}; returns how many were counted. */
    public int recognizeText(CharSequence text, int budget) {
        return scanText(text, counter, budget);
    }

    /** Hands the values in {@code text} to {@code sink} until it has accepted {@code budget}; returns how many it accepted. */
    public int scanText(CharSequence text, CodeSink sink, int budget) {
        return budget <= 0 ? 0 : scanner.scan(text, sink, budget);
    }

    /** Counts the codes in an SLF4J message template, resolving {@code {}} values from {@code args}. */
    public int recognizeTemplate(CharSequence template, @Nullable Object @Nullable [] args, int budget) {
        return scanTemplate(template, args, counter, budget);
    }

    /** Like {@link #scanText}, for an SLF4J message template with its arguments. */
    public int scanTemplate(CharSequence template, @Nullable Object @Nullable [] args, CodeSink sink, int budget) {
        return budget <= 0 ? 0 : scanner.scanTemplate(template, args, sink, budget);
    }

    /**
     * Counts a key-value pair whose key is one of the scanner's keys and whose value is a code
     * ({@link CodeScanner#codeValue}); returns 1 when counted, else 0.
     */
    public int recognizeKeyValue(@Nullable String key, @Nullable Object value, int budget) {
        return scanKeyValue(key, value, counter, budget);
    }

    /** Like {@link #recognizeKeyValue}, handing the value to {@code sink}. */
    public int scanKeyValue(@Nullable String key, @Nullable Object value, CodeSink sink, int budget) {
        return key != null && scanner.isKey(key) ? scanValue(value, sink, budget) : 0;
    }

    /**
     * Counts a value known to stand for a code (an MDC entry), when it is one ({@link CodeScanner#codeValue});
     * returns 1 when counted, else 0.
     */
    public int recognizeValue(@Nullable Object value, int budget) {
        return scanValue(value, counter, budget);
    }

    /** Like {@link #recognizeValue}, handing the value to {@code sink}. */
    public int scanValue(@Nullable Object value, CodeSink sink, int budget) {
        if (budget <= 0) {
            return 0;
        }
        int code = CodeScanner.codeValue(value);
        return code >= 0 && sink.accept(code) ? 1 : 0;
    }

    /** The counts this recognizer adds to. */
    public ErrorCounts counts() {
        return counts;
    }

    /** The cap on codes counted in one log call. */
    public int maxCodesPerEvent() {
        return maxCodesPerEvent;
    }

    /** Which arguments of a log call are read. */
    public ArgumentMode argumentMode() {
        return argumentMode;
    }

    /** Whether the messages of a logged throwable and its causes are read. */
    public boolean scanThrowables() {
        return scanThrowables;
    }

    @Override
    public String toString() {
        return "ErrorRecognizer[" + scanner + ", unknownRange=" + unknownRange + ", counts=" + counts.name() + ", maxCodesPerEvent="
                + maxCodesPerEvent + ", arguments=" + argumentMode.label() + ", scanThrowables=" + scanThrowables + "]";
    }
}
