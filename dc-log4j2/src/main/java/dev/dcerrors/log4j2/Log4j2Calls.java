package dev.dcerrors.log4j2;

import dev.dcerrors.core.ArgumentMode;
import dev.dcerrors.core.CodeSink;
import dev.dcerrors.core.ErrorRecognizer;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.logging.log4j.ThreadContext;
import org.apache.logging.log4j.message.MapMessage;
import org.apache.logging.log4j.message.Message;
import org.apache.logging.log4j.message.ObjectMessage;
import org.apache.logging.log4j.message.ParameterizedMessage;
import org.apache.logging.log4j.status.StatusLogger;
import org.apache.logging.log4j.util.IndexedReadOnlyStringMap;
import org.jspecify.annotations.Nullable;

/**
 * The one place where this module calls into dc-core's recognition: each method counts one log call, each distinct
 * code once ({@link ErrorRecognizer#beginCall}/{@link ErrorRecognizer#endCall}), from the parts Log4j2 hands to a
 * filter before it builds an event. Logging-agnostic per-call logic (arguments, response objects, the throwable and its
 * causes) is kept to the minimum here, so that it can be pointed at a log-call API of dc-core as a whole.
 *
 * <p>Never throws: what a user's accessor, {@code toString()} or {@code getMessage()} throws skips that part, reported
 * once through Log4j2's status logger. Allocates nothing: the parameters of Log4j2's unrolled {@code filter} overloads go
 * into an array kept per thread (a fresh one only for a log call made while another is scanned on the same thread).
 */
final class Log4j2Calls {

    /** How deep a throwable's cause chain is followed. */
    static final int MAX_CAUSE_DEPTH = 8;
    /** Log4j2's unrolled overloads take up to ten parameters. */
    private static final int MAX_UNROLLED = 10;
    /** Per thread, one array per parameter count; JDK types only, emptied after each call, so nothing pins a class loader. */
    private static final ThreadLocal<Object[][]> ARGUMENTS = ThreadLocal.withInitial(() -> {
        Object[][] arrays = new Object[MAX_UNROLLED + 1][];
        for (int n = 0; n <= MAX_UNROLLED; n++) {
            arrays[n] = new Object[n];
        }
        return arrays;
    });

    private final AtomicBoolean failureReported = new AtomicBoolean();

    /**
     * A call with a message template and its parameters as an array (the varargs overload). With {@code fluentKeys},
     * also the thread-context entries under those keys when the call comes from SLF4J's fluent API: log4j-slf4j2-impl
     * hands {@code addKeyValue} pairs over as thread-context entries for the time of the call.
     */
    int count(ErrorRecognizer r, @Nullable String template, @Nullable Object @Nullable [] params, @Nullable Throwable t,
            String @Nullable [] fluentKeys) {
        long enclosing = r.beginCall();
        try {
            int counted = countParts(r, template, params, t, !ErrorRecognizer.isNested(enclosing));
            return fluentKeys == null ? counted : counted + scanFluentPairs(r, fluentKeys, r.maxCodesPerEvent() - counted);
        } catch (Throwable e) {
            rethrowIfFatal(e);
            reportOnce("counting a log call failed with " + e, e);
            return 0;
        } finally {
            r.endCall(enclosing);
        }
    }

    /** A call through one of Log4j2's unrolled overloads: {@code n} parameters, the rest ignored. */
    @SuppressWarnings("fallthrough")
    int count(ErrorRecognizer r, String template, int n, @Nullable Object p0, @Nullable Object p1, @Nullable Object p2, @Nullable Object p3,
            @Nullable Object p4, @Nullable Object p5, @Nullable Object p6, @Nullable Object p7, @Nullable Object p8, @Nullable Object p9) {
        long enclosing = r.beginCall();
        Object[] args = null;
        try {
            boolean nested = ErrorRecognizer.isNested(enclosing);
            args = nested ? new Object[n] : ARGUMENTS.get()[n];
            switch (n) { // falls through: fills args[n - 1] down to args[0]
                case 10: args[9] = p9;
                case 9: args[8] = p8;
                case 8: args[7] = p7;
                case 7: args[6] = p6;
                case 6: args[5] = p5;
                case 5: args[4] = p4;
                case 4: args[3] = p3;
                case 3: args[2] = p2;
                case 2: args[1] = p1;
                case 1: args[0] = p0;
                default:
            }
            return countParts(r, template, args, null, !nested);
        } catch (Throwable e) {
            rethrowIfFatal(e);
            reportOnce("counting a log call failed with " + e, e);
            return 0;
        } finally {
            if (args != null) {
                Arrays.fill(args, null); // the thread keeps no reference to the application's objects
            }
            r.endCall(enclosing);
        }
    }

    /**
     * A call with a {@link Message}: by its type, a map's entries, an object, a template with its parameters, or else
     * the message's text ({@code getFormat()} has no reliable meaning across message types).
     */
    int count(ErrorRecognizer r, Message message, @Nullable Throwable t) {
        long enclosing = r.beginCall();
        try {
            boolean readObjects = !ErrorRecognizer.isNested(enclosing);
            if (message instanceof MapMessage) {
                int budget = r.maxCodesPerEvent();
                int counted = scanMap(r, ((MapMessage<?, ?>) message).getIndexedReadOnlyStringMap(), budget);
                return counted + scanThrowable(r, t != null ? t : message.getThrowable(), budget - counted);
            }
            if (message instanceof ObjectMessage) {
                return countObject(r, ((ObjectMessage) message).getParameter(), t != null ? t : message.getThrowable(), readObjects);
            }
            Throwable thrown = t != null ? t : message.getThrowable();
            if (message instanceof ParameterizedMessage) { // the template and its arguments, as for a parameterized call
                return countParts(r, ((ParameterizedMessage) message).getFormat(), message.getParameters(), thrown, readObjects);
            }
            // SimpleMessage hands back its text; other kinds (String.format-style, custom) format themselves.
            return countParts(r, message.getFormattedMessage(), null, thrown, readObjects);
        } catch (Throwable e) {
            rethrowIfFatal(e);
            reportOnce("counting a log call failed with " + e, e);
            return 0;
        } finally {
            r.endCall(enclosing);
        }
    }

    /** A call with an object as its message ({@code logger.info(dto)}, {@code logger.info("text", ex)}). */
    int count(ErrorRecognizer r, Object message, @Nullable Throwable t) {
        if (message instanceof Message) {
            return count(r, (Message) message, t);
        }
        long enclosing = r.beginCall();
        try {
            if (message instanceof String) {
                return countParts(r, (String) message, null, t, !ErrorRecognizer.isNested(enclosing));
            }
            return countObject(r, message, t, !ErrorRecognizer.isNested(enclosing));
        } catch (Throwable e) {
            rethrowIfFatal(e);
            reportOnce("counting a log call failed with " + e, e);
            return 0;
        } finally {
            r.endCall(enclosing);
        }
    }

    /** Accepts without counting: whether a value is a code at all. */
    private static final CodeSink PROBE = value -> true;
    private static final String SLF4J_EVENT_BUILDER = "org.apache.logging.slf4j.Log4jEventBuilder";

    /**
     * SLF4J fluent key-value pairs. The thread context holds them during the call, beside whatever the application put
     * there for longer (a code kept in the MDC must not count on every line): so they count only when a code key holds
     * a code and the call comes from log4j-slf4j2-impl's event builder. The stack is looked at only then.
     */
    private static int scanFluentPairs(ErrorRecognizer r, String[] keys, int budget) {
        if (budget <= 0 || ThreadContext.isEmpty()) {
            return 0;
        }
        boolean found = false;
        for (String key : keys) {
            found |= r.scanKeyValue(key, ThreadContext.get(key), PROBE, 1) > 0;
        }
        if (!found || !StackWalker.getInstance().walk(frames -> frames.limit(24).anyMatch(f -> f.getClassName().equals(SLF4J_EVENT_BUILDER)))) {
            return 0;
        }
        int counted = 0;
        for (int i = 0; i < keys.length && counted < budget; i++) {
            counted += r.scanKeyValue(keys[i], ThreadContext.get(keys[i]), r.counter(), budget - counted);
        }
        return counted;
    }

    private int countObject(ErrorRecognizer r, @Nullable Object object, @Nullable Throwable t, boolean readObjects) {
        int budget = r.maxCodesPerEvent();
        int counted = object instanceof CharSequence ? r.scanText((CharSequence) object, r.counter(), budget)
                : scanArgument(r, r.counter(), object, budget, readObjects);
        return counted + scanThrowable(r, t, budget - counted);
    }

    private int countParts(ErrorRecognizer r, @Nullable String template, @Nullable Object @Nullable [] params, @Nullable Throwable t,
            boolean readObjects) {
        CodeSink sink = r.counter();
        int budget = r.maxCodesPerEvent();
        int counted = template == null ? 0 : r.scanTemplate(template, params, sink, budget);
        if (params != null && r.argumentMode() != ArgumentMode.NONE) {
            for (int i = 0; i < params.length && counted < budget; i++) {
                counted += scanArgument(r, sink, params[i], budget - counted, readObjects);
            }
        }
        if (r.scanThrowables()) {
            // log.error("failed {}", id, ex): Log4j2 hands the exception to filters as the last parameter.
            Object last = t != null || params == null || params.length == 0 ? null : params[params.length - 1];
            counted += scanThrowable(r, t != null ? t : last instanceof Throwable ? (Throwable) last : null, budget - counted);
        }
        return counted;
    }

    /** A map message's entries, read like key-value pairs: a value under a code key counts. */
    private static int scanMap(ErrorRecognizer r, IndexedReadOnlyStringMap map, int budget) {
        int counted = 0;
        for (int i = 0, n = map.size(); i < n && counted < budget; i++) {
            counted += r.scanKeyValue(map.getKeyAt(i), map.getValueAt(i), r.counter(), budget - counted);
        }
        return counted;
    }

    /**
     * The codes in one argument: text as text; with {@code envelopes} and {@code all}, a response object read through
     * its accessors; with {@code all}, any other object through its toString(). User code runs only when
     * {@code readObjects} (not in a log call made from inside an accessor); what it throws skips the argument.
     */
    private int scanArgument(ErrorRecognizer r, CodeSink sink, @Nullable Object argument, int budget, boolean readObjects) {
        if (argument instanceof CharSequence) {
            return r.scanText((CharSequence) argument, sink, budget);
        }
        ArgumentMode mode = r.argumentMode();
        if (!readObjects || mode == ArgumentMode.STRINGS || mode == ArgumentMode.NONE || argument == null || argument instanceof Number
                || argument instanceof Throwable) {
            return 0;
        }
        int read;
        try {
            read = r.scanObject(argument, sink, budget);
        } catch (Throwable e) {
            rethrowIfFatal(e);
            reportOnce("an accessor of a " + argument.getClass().getName() + " argument threw " + e + "; such arguments are skipped", e);
            return 0;
        }
        if (read >= 0 || mode != ArgumentMode.ALL) {
            return Math.max(read, 0);
        }
        String text;
        try {
            text = argument.toString();
        } catch (Throwable e) {
            rethrowIfFatal(e);
            reportOnce("an argument's toString() threw " + e + "; such arguments are skipped", e);
            return 0;
        }
        return text == null ? 0 : r.scanText(text, sink, budget);
    }

    /** The messages of a throwable and its causes, when the recognizer reads throwables. */
    private int scanThrowable(ErrorRecognizer r, @Nullable Throwable throwable, int budget) {
        if (!r.scanThrowables()) {
            return 0;
        }
        int counted = 0;
        Throwable current = throwable;
        for (int depth = 0; current != null && depth < MAX_CAUSE_DEPTH && counted < budget; depth++) {
            try {
                String message = current.getMessage();
                if (message != null) {
                    counted += r.scanText(message, r.counter(), budget - counted);
                }
                Throwable cause = current.getCause();
                current = cause == current ? null : cause;
            } catch (Throwable e) {
                rethrowIfFatal(e);
                reportOnce("a throwable's getMessage() or getCause() threw " + e + "; it is skipped", e);
                return counted;
            }
        }
        return counted;
    }

    /** Lets out of the logging path only what the JVM cannot go on after; everything else stays inside. */
    static void rethrowIfFatal(Throwable e) {
        if (e instanceof VirtualMachineError && !(e instanceof StackOverflowError)) {
            throw (VirtualMachineError) e;
        }
    }

    /** Reports a problem of the logging path once, not per event. */
    void reportOnce(String problem, Throwable cause) {
        if (failureReported.compareAndSet(false, true)) {
            StatusLogger.getLogger().warn("DevCenterErrorFilter: {} (reported once; counting goes on)", problem, cause);
        }
    }
}
