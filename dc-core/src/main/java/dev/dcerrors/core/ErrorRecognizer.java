package dev.dcerrors.core;

import org.jspecify.annotations.Nullable;

/**
 * Recognizes the response codes of one log call: a {@link CodeScanner} for the grammar, a {@link CodeRange} for which
 * values outside the catalog are errors, and the {@link ErrorCounts} to add to. Built by {@link RecognizerOptions}.
 *
 * <p>{@link #recognize} is the one place where the rules of a log call are applied, for every logging system and for
 * dc-cli alike: which parts are read and in what order ({@link LogCall}), each distinct code once per call, at most
 * {@link #maxCodesPerEvent()} codes, the throwable and its causes up to {@link #MAX_CAUSE_DEPTH}, user code run only
 * outside nested calls and never let throw. The codes go to a {@link CodeSink}: {@link #counter()} counts them; a
 * {@link FirstCode} keeps the first (the pattern converters); any other sink sees them without counting. The same
 * recognizer reads a response body where it is answered or received ({@link #responseCode}, {@link #countResponse}:
 * see {@link ResponseCounter}); while an {@link Exchange} is under way on the thread, a response is counted once,
 * whether its source or a log call sees it first.
 * Nothing here locks, allocates when counting, or throws on any text; instances are immutable and thread-safe.
 */
public final class ErrorRecognizer {

    /** The default cap on codes counted in one event. */
    public static final int DEFAULT_MAX_CODES_PER_EVENT = 16;
    /** How deep a throwable's cause chain is read, wherever throwables are read: live, as Logback's proxies, printed. */
    public static final int MAX_CAUSE_DEPTH = 8;

    private final CodeScanner scanner;
    private final CodeRange unknownRange;
    private final ErrorCounts counts;
    private final int maxCodesPerEvent;
    private final ArgumentMode argumentMode;
    private final boolean scanThrowables;
    private final ResponseObjects responseObjects;
    private final CodeSink counter = new CodeSink() {
        @Override
        public boolean accept(int value) {
            return countLogged(value);
        }
    };
    /** The rules of a call in front of {@link #counter}, made once: counting allocates nothing. */
    private final OncePerCall counting = new OncePerCall(counter) {
        @Override
        boolean take(int value) {
            return countLogged(value);
        }
    };
    /** Keeps the first response code it is handed in the thread's {@link Exchange} state, and takes no more. */
    private final CodeSink firstResponseCode = new CodeSink() {
        @Override
        public boolean accept(int value) {
            if (!isResponseCode(value)) {
                return false;
            }
            Exchange.state()[Exchange.FOUND] = value;
            return true;
        }

        @Override
        public int capacity() {
            return 1;
        }
    };

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
        this(scanner, unknownRange, counts, maxCodesPerEvent, argumentMode, scanThrowables,
                new ResponseObjects(scanner.keys(), scanner.messageKeys(), scanner.ignoreKeyCase()));
    }

    private ErrorRecognizer(CodeScanner scanner, CodeRange unknownRange, ErrorCounts counts, int maxCodesPerEvent, ArgumentMode argumentMode,
            boolean scanThrowables, ResponseObjects responseObjects) {
        this.scanner = scanner;
        this.responseObjects = responseObjects;
        this.unknownRange = unknownRange;
        this.counts = counts;
        this.maxCodesPerEvent = maxCodesPerEvent;
        this.argumentMode = argumentMode;
        this.scanThrowables = scanThrowables;
    }

    /**
     * This recognizer, reading response objects with the readers of {@code previous} when both have the same keys: what
     * a component configured anew (a reset, {@code scan="true"}) calls with the recognizer it replaces, so that a DTO's
     * code getter (a class of its own) is not made again. Returns {@code this} when there is nothing to take over.
     */
    public ErrorRecognizer reusingObjectReaders(@Nullable ErrorRecognizer previous) {
        if (previous == null || previous.responseObjects == responseObjects || !previous.responseObjects.sameKeysAs(responseObjects)) {
            return this;
        }
        return new ErrorRecognizer(scanner, unknownRange, counts, maxCodesPerEvent, argumentMode, scanThrowables, previous.responseObjects);
    }

    /**
     * Recognizes one log call: hands each distinct response code of {@code call} (200, a catalog code, a value in the
     * error range) to {@code sink}, in the order of its parts, until the sink has taken {@link #maxCodesPerEvent()}
     * codes or its {@link CodeSink#capacity()}. The same code in the template and in the body, in a key-value pair and in
     * the body, is one response. With {@link #counter()} it counts and allocates nothing.
     *
     * <p>User code runs only as the options ask (response objects' accessors, {@code toString()} with
     * {@code scanArguments=all}, a throwable's {@code getMessage()}) and only when no other log call is under way on this
     * thread: a call made by that user code (an accessor that logs) is recognized too, without reading objects, so an
     * object that logs itself cannot recurse. What user code throws skips the part and goes to {@code failures}; only
     * what the JVM cannot go on after ({@link FailureReporter#rethrowIfFatal}) leaves this method.
     *
     * @return how many codes the sink took
     */
    public <E> int recognize(LogCall<E> reader, E call, CodeSink sink, FailureReporter failures) {
        OncePerCall rules = sink == counter ? counting : new OncePerCall(sink) {
            @Override
            boolean take(int value) {
                return isResponseCode(value) && sink.accept(value);
            }
        };
        int budget = Math.min(maxCodesPerEvent, sink.capacity());
        // Read before any user code runs: a nested call may reuse the adapter's carrier of these three.
        CharSequence template = reader.template(call);
        Object[] args = reader.arguments(call);
        Throwable thrown = scanThrowables ? reader.throwable(call) : null;
        long enclosing = beginCall();
        try {
            boolean readObjects = !isNested(enclosing);
            int counted = template == null ? 0 : scanTemplate(template, args, rules, budget);
            CharSequence text = reader.text(call);
            if (text != null) {
                counted += scanText(text, rules, budget - counted);
            }
            if (args != null && argumentMode != ArgumentMode.NONE) {
                for (int i = 0; i < args.length && counted < budget; i++) {
                    counted += scanArgument(reader, call, args[i], rules.parts(readObjects), budget - counted, failures);
                }
            }
            for (int i = 0, n = reader.keyValueCount(call); i < n && counted < budget; i++) {
                counted += scanKeyValue(reader.key(call, i), reader.value(call, i), rules, budget - counted);
            }
            if (counted < budget) {
                try {
                    counted += reader.markers(call, rules.parts(readObjects), budget - counted, failures);
                } catch (Throwable e) {
                    FailureReporter.rethrowIfFatal(e);
                    failures.report("reading the markers of a call threw " + e + "; they are skipped", e);
                }
            }
            for (int i = 0, n = reader.contextValueCount(call); i < n && counted < budget; i++) {
                String value = reader.contextValue(call, i);
                if (value != null) {
                    int asCode = scanValue(value, rules, budget - counted);
                    counted += asCode > 0 ? asCode : scanText(value, rules, budget - counted);
                }
            }
            if (scanThrowables) {
                int messages = reader.thrownMessageCount(call);
                if (thrown == null && messages == 0) {
                    thrown = lastArgumentThrowable(args);
                }
                counted += scanThrowable(thrown, rules, budget - counted, failures);
                for (int i = 0; i < messages && counted < budget; i++) {
                    String message = reader.thrownMessage(call, i);
                    if (message != null) {
                        counted += scanText(message, rules, budget - counted);
                    }
                }
            }
            return counted;
        } finally {
            endCall(enclosing);
        }
    }

    /**
     * Counts a code of a log call, unless the {@link Exchange} under way on this thread counted it already (the same
     * response, seen at its source or in another log call of the exchange); the exchange remembers what is counted.
     */
    private boolean countLogged(int value) {
        int[] exchange = Exchange.state();
        if (Exchange.counted(exchange, counts.id(), value)) {
            return false;
        }
        if (!counts.record(value, unknownRange)) {
            return false;
        }
        Exchange.rememberLogged(exchange, counts.id(), value);
        return true;
    }

    /**
     * The response code of a response body as its source has it: a response object (DTO, record, {@code Map}, JSON
     * tree, or one of them in {@code Optional} or {@code ResponseEntity}) read through the same readers as a logged
     * argument, or text (a JSON body kept as a {@code String}, a copy of received bytes) read by the scanner; the first
     * response code only. User code (the object's accessors) runs; what it throws goes to {@code failures}.
     *
     * @return 200, a catalog code or a value in the error range; -1 when the body has none
     */
    public int responseCode(@Nullable Object body, FailureReporter failures) {
        if (body == null) {
            return -1;
        }
        int[] state = Exchange.state();
        state[Exchange.FOUND] = -1;
        try {
            if (body instanceof CharSequence) {
                scanText((CharSequence) body, firstResponseCode, 1);
            } else {
                scanObject(body, firstResponseCode, 1);
            }
        } catch (Throwable e) {
            FailureReporter.rethrowIfFatal(e);
            failures.report("an accessor of a " + body.getClass().getName() + " response body threw " + e + "; such bodies are not counted", e);
            return -1;
        }
        return state[Exchange.FOUND];
    }

    /**
     * Counts the response whose code its source found ({@link #responseCode}), once: unless the exchange of {@code side}
     * under way on this thread counted it already (a log call during the exchange). The exchange remembers it, so that a
     * log call of the same response later in the exchange does not count it again.
     *
     * @return whether it was counted here
     */
    public boolean countResponse(int code, Exchange.Side side) {
        if (code < 0) {
            return false;
        }
        int[] exchange = Exchange.state();
        if (Exchange.countedBy(exchange, side, counts.id(), code)) {
            return false;
        }
        if (!counts.record(code, unknownRange)) {
            return false;
        }
        Exchange.rememberSource(exchange, side, counts.id(), code);
        return true;
    }

    /** The sink that counts: {@code recognize(reader, call, counter(), failures)} adds the codes of the call to {@link #counts()}. */
    public CodeSink counter() {
        return counter;
    }

    /**
     * The rules of one call in front of a sink: each distinct code once (so one success at most), and only what the sink
     * takes is remembered; the codes of the calls under way on this thread are in {@link #CALLS}.
     */
    private abstract class OncePerCall implements CodeSink {
        private final CodeSink sink;
        private final Parts reading = new Parts(this, true);
        private final Parts nested = new Parts(this, false);

        OncePerCall(CodeSink sink) {
            this.sink = sink;
        }

        /** The parts of a call under these rules, for a reader's structured arguments and markers. */
        CallParts parts(boolean readObjects) {
            return readObjects ? reading : nested;
        }

        /** Whether the value is a response code and the sink took it. */
        abstract boolean take(int value);

        @Override
        public boolean accept(int value) {
            int[] calls = CALLS.get();
            int start = calls[0];
            int end = calls[1];
            for (int i = start; i < end; i++) {
                if (calls[FIRST_CODE + i] == value) {
                    return false; // taken in this call already
                }
            }
            if (!take(value)) {
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

        @Override
        public int capacity() {
            return sink.capacity();
        }
    }

    /** {@link CallParts} over the rules of a call, reading objects or not. */
    private final class Parts implements CallParts {
        private final OncePerCall rules;
        private final boolean readObjects;

        Parts(OncePerCall rules, boolean readObjects) {
            this.rules = rules;
            this.readObjects = readObjects;
        }

        @Override
        public int keyValue(@Nullable String key, @Nullable Object value, int budget) {
            return scanKeyValue(key, value, rules, budget);
        }

        @Override
        public int argument(@Nullable Object value, int budget, FailureReporter failures) {
            return scanPlainArgument(value, rules, budget, readObjects, failures);
        }

        @Override
        public boolean readsObjects() {
            return readObjects;
        }
    }

    /** Begins a log call on this thread; returns what {@link #endCall} needs to restore the enclosing call, if any. */
    private static long beginCall() {
        int[] calls = CALLS.get();
        long enclosing = ((long) calls[2] << (2 * FIELD_BITS)) | ((long) calls[0] << FIELD_BITS) | calls[1];
        calls[0] = calls[1];
        calls[2]++;
        return enclosing;
    }

    private static void endCall(long enclosing) {
        int[] calls = CALLS.get();
        calls[0] = (int) ((enclosing >>> FIELD_BITS) & FIELD_MASK);
        calls[1] = (int) (enclosing & FIELD_MASK);
        calls[2] = (int) (enclosing >>> (2 * FIELD_BITS));
    }

    /** Whether the call {@link #beginCall} returned {@code enclosing} for began while another was under way on this thread. */
    private static boolean isNested(long enclosing) {
        return (enclosing >>> (2 * FIELD_BITS)) > 0;
    }

    private static @Nullable Throwable lastArgumentThrowable(@Nullable Object @Nullable [] args) {
        Object last = args == null || args.length == 0 ? null : args[args.length - 1];
        return last instanceof Throwable ? (Throwable) last : null;
    }

    /** The codes in one argument: one the reader structures itself ({@link LogCall#structuredArgument}), else a plain one. */
    private <E> int scanArgument(LogCall<E> reader, E call, @Nullable Object argument, CallParts parts, int budget, FailureReporter failures) {
        if (argument != null && !(argument instanceof CharSequence) && !(argument instanceof Number)) {
            int structured;
            try {
                structured = reader.structuredArgument(call, argument, parts, budget, failures);
            } catch (Throwable e) {
                FailureReporter.rethrowIfFatal(e);
                failures.report("reading a " + argument.getClass().getName() + " argument threw " + e + "; such arguments are skipped", e);
                return 0;
            }
            if (structured >= 0) {
                return structured;
            }
        }
        return parts.argument(argument, budget, failures);
    }

    /**
     * The codes in one plain argument: text as text; with {@code envelopes} and {@code all}, a response object read
     * through its accessors; with {@code all}, any other object through its toString(). User code (accessors,
     * toString()) runs only when {@code readObjects}; what it throws skips the argument.
     */
    private int scanPlainArgument(@Nullable Object argument, CodeSink sink, int budget, boolean readObjects, FailureReporter failures) {
        if (argument instanceof CharSequence) {
            return scanText((CharSequence) argument, sink, budget);
        }
        ArgumentMode mode = argumentMode;
        if (!readObjects || mode == ArgumentMode.STRINGS || mode == ArgumentMode.NONE || argument == null || argument instanceof Number
                || argument instanceof Throwable) {
            return 0;
        }
        int read;
        try {
            read = scanObject(argument, sink, budget);
        } catch (Throwable e) {
            FailureReporter.rethrowIfFatal(e);
            failures.report("an accessor of a " + argument.getClass().getName() + " argument threw " + e + "; such arguments are skipped", e);
            return 0;
        }
        if (read >= 0 || mode != ArgumentMode.ALL) {
            return Math.max(read, 0);
        }
        String text;
        try {
            text = argument.toString();
        } catch (Throwable e) {
            FailureReporter.rethrowIfFatal(e);
            failures.report("an argument's toString() threw " + e + "; such arguments are skipped", e);
            return 0;
        }
        return text == null ? 0 : scanText(text, sink, budget);
    }

    /** The messages of a live throwable and its causes, up to {@link #MAX_CAUSE_DEPTH}. */
    private int scanThrowable(@Nullable Throwable throwable, CodeSink sink, int budget, FailureReporter failures) {
        int counted = 0;
        Throwable current = throwable;
        for (int depth = 0; current != null && depth < MAX_CAUSE_DEPTH && counted < budget; depth++) {
            try {
                String message = current.getMessage();
                if (message != null) {
                    counted += scanText(message, sink, budget - counted);
                }
                Throwable cause = current.getCause();
                current = cause == current ? null : cause;
            } catch (Throwable e) {
                FailureReporter.rethrowIfFatal(e);
                failures.report("a throwable's getMessage() or getCause() threw " + e + "; it is skipped", e);
                return counted;
            }
        }
        return counted;
    }

    /** Whether {@code value} is a response code: 200, a catalog code or a value in the error range. */
    public boolean isResponseCode(int value) {
        return value == ErrorCode.SUCCESS || counts.catalog().contains(value) || unknownRange.contains(value);
    }

    /** Hands the values in {@code text} to {@code sink} until it has accepted {@code budget}; returns how many it accepted. */
    int scanText(CharSequence text, CodeSink sink, int budget) {
        return budget <= 0 ? 0 : scanner.scan(text, sink, budget);
    }

    /** Like {@link #scanText}, for an SLF4J message template with its arguments. */
    int scanTemplate(CharSequence template, @Nullable Object @Nullable [] args, CodeSink sink, int budget) {
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
    int scanObject(Object argument, CodeSink sink, int budget) {
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
    int scanKeyValue(@Nullable String key, @Nullable Object value, CodeSink sink, int budget) {
        return key != null && scanner.isKey(key) ? scanValue(value, sink, budget) : 0;
    }

    /**
     * Hands a value known to stand for a code (an MDC entry) to {@code sink}, when it is one
     * ({@link CodeScanner#codeValue}); returns 1 when the sink accepted it, else 0.
     */
    int scanValue(@Nullable Object value, CodeSink sink, int budget) {
        if (budget <= 0) {
            return 0;
        }
        int code = CodeScanner.codeValue(value);
        return code >= 0 && sink.accept(code) ? 1 : 0;
    }

    /** The readers of response objects, for tests. */
    ResponseObjects responseObjects() {
        return responseObjects;
    }

    /** The counts this recognizer adds to. */
    public ErrorCounts counts() {
        return counts;
    }

    /** How many characters of a text are read at most. */
    public int maxScanChars() {
        return scanner.maxScanChars();
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
