package dev.dcerrors.logback;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Context;
import dev.dcerrors.core.ErrorCounts;
import dev.dcerrors.core.ErrorRecognizer;
import dev.dcerrors.core.FailureReporter;
import dev.dcerrors.core.FirstCode;
import java.lang.ref.WeakReference;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The first response code of an event, for the pattern converters, found with the recognizer that counts it, so that
 * a printed code and its classification are the labels the metrics show. Counts nothing.
 *
 * <p>Which recognizer: that of the counting turbo filter of the event's logger context (for the converter's counts
 * name, when it has one: {@code %dcCode{counts}}), else that of a started {@link DevCenterErrorAppender} of those
 * counts, else the default options over those counts ({@link ContextRecognition}). One event is scanned once per thread
 * however many converters a pattern holds: the last result is kept per thread, weakly.
 */
final class EventCodes {

    /**
     * Per thread, the last event asked about: {@code [0]} a weak reference to the event, {@code [1]} the counts name,
     * {@code [2]} the code found, {@code [3]} a weak reference to the recognizer. JDK types only, held weakly, so that a
     * container thread keeps nothing of an undeployed application's class loader.
     */
    private static final ThreadLocal<Object[]> LAST = ThreadLocal.withInitial(() -> new Object[4]);

    /** What was found in an event: its first response code (200 included, or {@link FirstCode#NONE}) and the recognizer whose catalog classifies it. */
    record Found(int code, ErrorRecognizer recognizer) {
    }

    private EventCodes() {
    }

    /** Scans the event, or returns this thread's last result when it is the same event and counts name. */
    static Found find(ILoggingEvent event, @Nullable Context context, ContextRecognition recognition, @Nullable String countsName,
            FailureReporter failures) {
        Object[] last = LAST.get();
        if (last[0] instanceof WeakReference && ((WeakReference<?>) last[0]).get() == event && Objects.equals(last[1], countsName)
                && last[3] instanceof WeakReference && ((WeakReference<?>) last[3]).get() instanceof ErrorRecognizer) {
            return new Found((Integer) last[2], (ErrorRecognizer) ((WeakReference<?>) last[3]).get());
        }
        ErrorRecognizer recognizer = recognizerFor(context, recognition, countsName);
        FirstCode first = new FirstCode();
        recognizer.recognize(LoggingEventCall.WITHOUT_MDC, event, first, failures);
        last[0] = new WeakReference<>(event);
        last[1] = countsName;
        last[2] = first.code();
        last[3] = new WeakReference<>(recognizer);
        return new Found(first.code(), recognizer);
    }

    private static ErrorRecognizer recognizerFor(@Nullable Context context, ContextRecognition recognition, @Nullable String countsName) {
        DevCenterErrorTurboFilter filter = context instanceof LoggerContext
                ? DevCenterErrorTurboFilter.countingIn((LoggerContext) context, countsName) : null;
        ErrorRecognizer counting = filter == null ? null : filter.recognizer();
        if (counting != null) {
            return counting;
        }
        String name = countsName != null ? countsName : ErrorCounts.DEFAULT_NAME;
        ErrorRecognizer appender = recognition.appender(name);
        return appender != null ? appender : recognition.defaults(name);
    }
}
