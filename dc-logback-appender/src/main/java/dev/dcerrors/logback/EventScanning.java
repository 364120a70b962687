package dev.dcerrors.logback;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.spi.ContextAware;
import dev.dcerrors.core.ArgumentMode;
import dev.dcerrors.core.CodeSink;
import dev.dcerrors.core.ErrorRecognizer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Marker;
import org.slf4j.event.KeyValuePair;

/**
 * The walk over the parts of one log call that the turbo filter, the appender and the pattern converters share:
 * the message template with its arguments, SLF4J key-value pairs, logstash-logback-encoder's markers and structured
 * arguments ({@link LogstashArguments}), chosen MDC entries, the throwable and its causes. Every value found goes to a {@link CodeSink} (the recognizer's counter, or a converter's probe), until
 * the sink has accepted {@code budget} values. Never throws: a part that fails (a {@code toString()} or
 * {@code getMessage()} that throws) is skipped, and the first such failure is reported through the component's
 * status messages.
 */
final class EventScanning {

    /** How deep a throwable's cause chain is followed. */
    static final int MAX_CAUSE_DEPTH = 8;


    private final ContextAware reporter;
    private final String component;
    private final AtomicBoolean failureReported = new AtomicBoolean();

    EventScanning(ContextAware reporter, String component) {
        this.reporter = reporter;
        this.component = component;
    }

    /**
     * Counts one log call as the turbo filter sees it, each distinct code once; returns how many were counted. An
     * exception passed as the last argument ({@code log.error("failed {}", id, ex)}, which Logback hands to turbo
     * filters as an argument) is read like {@code t}. {@code markers} is the call's {@link Marker}, or the
     * {@code List<Marker>} of a fluent call, or null.
     */
    int countCall(ErrorRecognizer r, @Nullable String template, @Nullable Object @Nullable [] params, @Nullable List<KeyValuePair> pairs,
            @Nullable Throwable t, @Nullable Object markers) {
        long enclosing = r.beginCall();
        try {
            CodeSink sink = r.counter();
            int budget = r.maxCodesPerEvent();
            int counted = scanMessageAndPairs(r, sink, template, params, pairs, budget, !ErrorRecognizer.isNested(enclosing));
            counted += LogstashArguments.scanMarkers(this, r, sink, markers, budget - counted, !ErrorRecognizer.isNested(enclosing));
            if (r.scanThrowables()) {
                Throwable thrown = t != null ? t : lastArgumentThrowable(params);
                counted += scanThrowable(r, sink, thrown, budget - counted);
            }
            return counted;
        } finally {
            r.endCall(enclosing);
        }
    }

    /** Counts one event as the appender sees it, each distinct code once; returns how many were counted. */
    int countEvent(ErrorRecognizer r, ILoggingEvent event, List<String> mdcKeys) {
        long enclosing = r.beginCall();
        try {
            return scanEvent(r, r.counter(), event, mdcKeys, r.maxCodesPerEvent(), !ErrorRecognizer.isNested(enclosing));
        } finally {
            r.endCall(enclosing);
        }
    }

    private static @Nullable Throwable lastArgumentThrowable(@Nullable Object @Nullable [] params) {
        Object last = params == null || params.length == 0 ? null : params[params.length - 1];
        return last instanceof Throwable ? (Throwable) last : null;
    }

    /** One event as an appender or a converter sees it: the same parts, the MDC entries of {@code mdcKeys}, a throwable proxy. */
    int scanEvent(ErrorRecognizer r, CodeSink sink, ILoggingEvent event, List<String> mdcKeys, int budget, boolean readObjects) {
        int counted = scanMessageAndPairs(r, sink, event.getMessage(), event.getArgumentArray(), event.getKeyValuePairs(), budget, readObjects);
        counted += LogstashArguments.scanMarkers(this, r, sink, event.getMarkerList(), budget - counted, readObjects);
        if (!mdcKeys.isEmpty() && counted < budget) {
            counted += scanMdc(r, sink, event.getMDCPropertyMap(), mdcKeys, budget - counted);
        }
        if (r.scanThrowables()) {
            IThrowableProxy proxy = event.getThrowableProxy();
            for (int depth = 0; proxy != null && depth < MAX_CAUSE_DEPTH && counted < budget; depth++, proxy = proxy.getCause()) {
                String message = proxy.getMessage();
                if (message != null) {
                    counted += r.scanText(message, sink, budget - counted);
                }
            }
        }
        return counted;
    }

    private int scanMessageAndPairs(ErrorRecognizer r, CodeSink sink, @Nullable String template, @Nullable Object @Nullable [] params,
            @Nullable List<KeyValuePair> pairs, int budget, boolean readObjects) {
        int counted = template == null ? 0 : r.scanTemplate(template, params, sink, budget);
        if (params != null && r.argumentMode() != ArgumentMode.NONE) {
            for (int i = 0; i < params.length && counted < budget; i++) {
                counted += scanArgument(r, sink, params[i], budget - counted, readObjects);
            }
        }
        if (pairs != null) {
            for (int i = 0, n = pairs.size(); i < n && counted < budget; i++) {
                KeyValuePair pair = pairs.get(i);
                counted += r.scanKeyValue(pair.key, pair.value, sink, budget - counted);
            }
        }
        return counted;
    }

    /**
     * The codes in one argument: text as text; with {@code envelopes} and {@code all}, a response object read through
     * its accessors; with {@code all}, any other object through its toString(). User code (accessors, toString()) runs
     * only when {@code readObjects}: a log call it makes is nested ({@link ErrorRecognizer#isNested}) and reads no
     * objects, so an object that logs itself cannot recurse; what it throws skips the argument.
     */
    int scanArgument(ErrorRecognizer r, CodeSink sink, @Nullable Object argument, int budget, boolean readObjects) {
        if (argument instanceof CharSequence) {
            return r.scanText((CharSequence) argument, sink, budget);
        }
        int structured = argument instanceof Marker ? LogstashArguments.scanArgument(this, r, sink, (Marker) argument, budget, readObjects) : -1;
        if (structured >= 0) { // logstash-logback-encoder's kv(), value(), fields(), raw(), entries(), array()
            return structured;
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

    /** MDC entries, each read as a bare code value or else as text. */
    private static int scanMdc(ErrorRecognizer r, CodeSink sink, @Nullable Map<String, String> mdc, List<String> keys, int budget) {
        int counted = 0;
        for (int i = 0, n = keys.size(); i < n && counted < budget && mdc != null; i++) {
            String value = mdc.get(keys.get(i));
            if (value != null) {
                int asCode = r.scanValue(value, sink, budget - counted);
                counted += asCode > 0 ? asCode : r.scanText(value, sink, budget - counted);
            }
        }
        return counted;
    }

    /** The messages of a throwable and its causes. */
    private int scanThrowable(ErrorRecognizer r, CodeSink sink, @Nullable Throwable throwable, int budget) {
        int counted = 0;
        Throwable current = throwable;
        for (int depth = 0; current != null && depth < MAX_CAUSE_DEPTH && counted < budget; depth++) {
            try {
                String message = current.getMessage();
                if (message != null) {
                    counted += r.scanText(message, sink, budget - counted);
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

    /**
     * Lets out of the logging path only what the JVM cannot go on after (out of memory, an internal error). Everything
     * else a user's accessor, {@code toString()} or {@code getMessage()} throws, an {@code AssertionError} or Kotlin's
     * {@code NotImplementedError} included, stays inside: the call is logged and counting goes on.
     */
    static void rethrowIfFatal(Throwable e) {
        if (e instanceof VirtualMachineError && !(e instanceof StackOverflowError)) {
            throw (VirtualMachineError) e;
        }
    }

    /** Reports a problem of the logging path once, not per event: a status warning must not flood. */
    void reportOnce(String problem, Throwable cause) {
        if (failureReported.compareAndSet(false, true)) {
            reporter.addWarn(component + ": " + problem + " (reported once; counting goes on)", cause);
        }
    }
}
