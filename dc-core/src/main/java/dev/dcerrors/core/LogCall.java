package dev.dcerrors.core;

import org.jspecify.annotations.Nullable;

/**
 * How the parts of one logging system's log call are read, whatever that system is: Logback's turbo-filter call or
 * {@code ILoggingEvent}, a line of a log file, a call counted at its source. An adapter implements it once, as a
 * stateless reader over its own event type {@code E}, and hands each call to
 * {@link ErrorRecognizer#recognize(LogCall, Object, CodeSink, FailureReporter)}, which applies the rules of one log
 * call to the parts in this order: template, text, arguments (structured ones through {@link #structuredArgument}),
 * key-value pairs, {@link #markers}, context values, throwable, thrown messages. No part is copied: nothing is
 * allocated per call.
 *
 * <p>The recognizer reads {@link #template}, {@link #arguments} and {@link #throwable} once, before it runs any user
 * code (an accessor, a {@code toString()}) that could make a log call of its own: an adapter may keep these three in a
 * per-thread carrier that a nested call reuses. The other parts are read later, from {@code call} itself.
 *
 * <p>Every part but the template is optional: the defaults say there is none.
 *
 * @param <E> the logging system's description of one call
 */
public interface LogCall<E> {

    /** The message template, whose {@code {}} placeholders take the {@link #arguments}; null when there is none. */
    @Nullable CharSequence template(E call);

    /** The arguments of the template, or null. */
    default @Nullable Object @Nullable [] arguments(E call) {
        return null;
    }

    /** Text already formatted (a line of a log file), read as text, not as a template; null when there is none. */
    default @Nullable CharSequence text(E call) {
        return null;
    }

    /** How many key-value pairs the call carries (SLF4J's fluent {@code addKeyValue}). */
    default int keyValueCount(E call) {
        return 0;
    }

    /** The key of pair {@code index}. */
    default @Nullable String key(E call, int index) {
        throw new IndexOutOfBoundsException(index);
    }

    /** The value of pair {@code index}. */
    default @Nullable Object value(E call, int index) {
        throw new IndexOutOfBoundsException(index);
    }

    /**
     * How many values of the logging context (chosen MDC entries) the call carries: each is read as a bare code value
     * ({@code 5147}) or else as text.
     */
    default int contextValueCount(E call) {
        return 0;
    }

    /** Context value {@code index}, null when it is not set. */
    default @Nullable String contextValue(E call, int index) {
        throw new IndexOutOfBoundsException(index);
    }

    /**
     * The throwable of the call, when the adapter holds it live: its messages and those of its causes are read (with
     * {@code scanThrowables}), up to {@link ErrorRecognizer#MAX_CAUSE_DEPTH}, through {@code getMessage()} and
     * {@code getCause()}, which are user code. When null, a throwable passed as the last argument is read instead
     * (SLF4J's {@code log.error("failed {}", id, ex)}), unless the call has {@link #thrownMessageCount thrown messages}.
     */
    default @Nullable Throwable throwable(E call) {
        return null;
    }

    /**
     * How many messages of a throwable the logging system took apart already (Logback's {@code IThrowableProxy}, a
     * stack trace printed in a log file) the call carries: the throwable's, then its causes', at most
     * {@link ErrorRecognizer#MAX_CAUSE_DEPTH} of one chain. Read with {@code scanThrowables} only.
     */
    default int thrownMessageCount(E call) {
        return 0;
    }

    /** Thrown message {@code index}, null when that throwable has none. */
    default @Nullable String thrownMessage(E call, int index) {
        throw new IndexOutOfBoundsException(index);
    }

    /**
     * Reads {@code argument} when the logging system structures it itself (logstash-logback-encoder's {@code kv()},
     * which is an SLF4J marker): hands its fields to {@code parts} as key-value pairs or arguments, at most
     * {@code budget} codes. Called for each argument that is neither text nor a number, in any {@code scanArguments}
     * mode, before it is read as a plain argument; must allocate nothing for a plain one.
     *
     * @return how many codes were taken, or -1 when {@code argument} is not structured, to be read as a plain argument
     */
    default int structuredArgument(E call, Object argument, CallParts parts, int budget, FailureReporter failures) {
        return -1;
    }

    /**
     * Reads the markers of the call, for a logging system that keeps values in them (logstash-logback-encoder's
     * {@code Markers.append}): hands them to {@code parts}, at most {@code budget} codes. Called after the key-value
     * pairs; none by default.
     *
     * @return how many codes were taken
     */
    default int markers(E call, CallParts parts, int budget, FailureReporter failures) {
        return 0;
    }
}
