package dev.dcerrors.core;

import org.jspecify.annotations.Nullable;

/**
 * Recognizes response codes in the parts of one log call and counts them: a {@link CodeScanner} for the
 * grammar, a {@link CodeRange} for which values outside the catalog are errors, and the
 * {@link ErrorCounts} to add to. Built by {@link RecognizerOptions#build}.
 *
 * <p>A log call may have several parts (a message template, its arguments, key-value pairs, a throwable);
 * the caller starts with a budget of {@link #maxCodesPerEvent()} and passes what is left from part to part,
 * so that a batch response counts each of its codes, up to the cap. Every scan method hands the values it finds to
 * a {@link CodeSink}: {@link #counter()} between {@link #beginCall()} and {@link #endCall} to count them, or one of
 * the caller's (the pattern converters print the first code without counting). Nothing here allocates, locks or
 * throws on any text; instances are immutable and thread-safe.
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
    private final ResponseObjects responseObjects;
    private final CodeSink counter = this::countOncePerCall;

    /**
     * Per thread, the log calls under way: {@code [0]} where the innermost call's codes start, {@code [1]} where they
     * end, {@code [2]} how many calls are under way, the codes from {@code [3]}. Nested calls (an accessor that logs)
     * stack up. An {@code int[]}, so that no thread keeps a reference into the class loader of an undeployed
     * application.
     */
    private static final int FIRST_CODE = 3;
    private static final ThreadLocal<int[]> CALLS = ThreadLocal.withInitial(() -> new int[FIRST_CODE + 64]);
    private static final int MAX_REMEMBERED = 4 * RecognizerOptions.MAX_CODES_PER_EVENT_LIMIT;
    /** Bits of each field of the token {@link #beginCall} returns: start and end below 2^21, depth above. */
    private static final int FIELD_BITS = 21;
    private static final long FIELD_MASK = (1L << FIELD_BITS) - 1;

    ErrorRecognizer(CodeScanner scanner, CodeRange unknownRange, ErrorCounts counts, int maxCodesPerEvent, ArgumentMode argumentMode,
            boolean scanThrowables) {
        this.scanner = scanner;
        this.responseObjects = ResponseObjects.of(scanner.keys(), scanner.messageKeys(), scanner.ignoreKeyCase());
        this.unknownRange = unknownRange;
        this.counts = counts;
        this.maxCodesPerEvent = maxCodesPerEvent;
        this.argumentMode = argumentMode;
        this.scanThrowables = scanThrowables;
    }

    /**
     * Begins counting one log call on this thread: from here to {@link #endCall}, {@link #counter()} counts each
     * distinct response code of the call once (the same code in the template and in the body, in a key-value pair
     * and in the body, is one response), and one success at most.
     *
     * @return what {@link #endCall} needs to restore the enclosing call, if any; {@link #isNested} tells whether there is one
     */
    public long beginCall() {
        int[] calls = CALLS.get();
        long enclosing = ((long) calls[2] << (2 * FIELD_BITS)) | ((long) calls[0] << FIELD_BITS) | calls[1];
        calls[0] = calls[1];
        calls[2]++;
        return enclosing;
    }

    /** Ends the log call begun by {@link #beginCall}; call it in a {@code finally}. */
    public void endCall(long enclosing) {
        int[] calls = CALLS.get();
        calls[0] = (int) ((enclosing >>> FIELD_BITS) & FIELD_MASK);
        calls[1] = (int) (enclosing & FIELD_MASK);
        calls[2] = (int) (enclosing >>> (2 * FIELD_BITS));
    }

    /**
     * Whether the call that {@link #beginCall} returned {@code enclosing} for began while another was under way on this
     * thread: a log call made from user code (an accessor, a {@code toString()}) that the enclosing call runs. Such a
     * call reads no objects, so that an object that logs itself cannot recurse.
     */
    public static boolean isNested(long enclosing) {
        return (enclosing >>> (2 * FIELD_BITS)) > 0;
    }

    private boolean countOncePerCall(int value) {
        int[] calls = CALLS.get();
        int start = calls[0];
        int end = calls[1];
        for (int i = start; i < end; i++) {
            if (calls[FIRST_CODE + i] == value) {
                return false; // counted in this call already
            }
        }
        if (!counts.record(value, unknownRange)) {
            return false;
        }
        if (FIRST_CODE + end >= calls.length && end < MAX_REMEMBERED) {
            calls = java.util.Arrays.copyOf(calls, Math.min(FIRST_CODE + MAX_REMEMBERED, calls.length * 2));
            CALLS.set(calls);
        }
        if (FIRST_CODE + end < calls.length) {
            calls[FIRST_CODE + end] = value;
            calls[1] = end + 1;
        }
        return true;
    }

    /**
     * The sink that counts a value when it is a response code (200, a catalog code, a value in the range) and was
     * not counted in the same log call yet; use it between {@link #beginCall} and {@link #endCall}.
     */
    public CodeSink counter() {
        return counter;
    }

    /** Whether {@code value} is a response code: 200, a catalog code or a value in the error range. */
    public boolean isResponseCode(int value) {
        return value == ErrorCode.SUCCESS || counts.catalog().contains(value) || unknownRange.contains(value);
    }

    /** Hands the values in {@code text} to {@code sink} until it has accepted {@code budget}; returns how many it accepted. */
    public int scanText(CharSequence text, CodeSink sink, int budget) {
        return budget <= 0 ? 0 : scanner.scan(text, sink, budget);
    }

    /** Like {@link #scanText}, for an SLF4J message template with its arguments. */
    public int scanTemplate(CharSequence template, @Nullable Object @Nullable [] args, CodeSink sink, int budget) {
        return budget <= 0 ? 0 : scanner.scanTemplate(template, args, sink, budget);
    }

    /**
     * Hands the code of a response object passed as an argument (a DTO, record, {@code Map}, JSON tree, or one of
     * them inside {@code Optional} or Spring's {@code ResponseEntity}) to {@code sink}, read through its accessors
     * without {@code toString()}: see {@link ResponseObjects}.
     *
     * @return how many values the sink accepted (0 or 1), or -1 when {@code argument} is no response object
     * @throws RuntimeException what an accessor of the object threw; the caller skips the argument
     */
    public int scanObject(Object argument, CodeSink sink, int budget) {
        if (budget <= 0) {
            return 0;
        }
        int code = responseObjects.read(argument);
        if (code == ResponseObjects.WRAPPER_FOUND) { // one level: Optional, ResponseEntity
            Object body = responseObjects.unwrap(argument);
            if (body == null) {
                return -1; // an empty wrapper
            }
            if (body instanceof CharSequence) {
                return scanText((CharSequence) body, sink, budget); // a JSON body kept as a String
            }
            code = responseObjects.read(body);
        }
        if (code == ResponseObjects.NOT_A_RESPONSE || code == ResponseObjects.WRAPPER_FOUND) {
            return -1;
        }
        return code >= 0 && sink.accept(code) ? 1 : 0;
    }

    /**
     * Hands the value of a key-value pair whose key is one of the scanner's keys to {@code sink}, when it is a code
     * ({@link CodeScanner#codeValue}); returns 1 when the sink accepted it, else 0.
     */
    public int scanKeyValue(@Nullable String key, @Nullable Object value, CodeSink sink, int budget) {
        return key != null && scanner.isKey(key) ? scanValue(value, sink, budget) : 0;
    }

    /**
     * Hands a value known to stand for a code (an MDC entry) to {@code sink}, when it is one
     * ({@link CodeScanner#codeValue}); returns 1 when the sink accepted it, else 0.
     */
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
