package dev.dcerrors.logback;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.Context;
import dev.dcerrors.core.CodeSink;
import dev.dcerrors.core.ErrorCounts;
import dev.dcerrors.core.ErrorRecognizer;
import dev.dcerrors.core.RecognizerOptions;
import java.lang.ref.WeakReference;
import java.util.List;
import java.util.Objects;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The first response code of an event, for the pattern converters, found with the recognizer that counts it, so that
 * a printed code and its classification are the labels the metrics show. Counts nothing.
 *
 * <p>Which recognizer: that of the counting turbo filter of the event's logger context (for the converter's counts
 * name, when it has one: {@code %dcCode{counts}}), else that of a started {@link DevCenterErrorAppender} of those
 * counts, else the default options over those counts. One event is scanned once per thread however many converters a
 * pattern holds: the last result is kept per thread, weakly.
 */
final class EventCodes {

    /** No code in the event. */
    static final int NONE = -1;

    /**
     * Per thread, the last event asked about: {@code [0]} a weak reference to the event, {@code [1]} the counts name,
     * {@code [2]} the code found, {@code [3]} a weak reference to the recognizer. JDK types only, held weakly, so that a
     * container thread keeps nothing of an undeployed application's class loader.
     */
    private static final ThreadLocal<Object[]> LAST = ThreadLocal.withInitial(() -> new Object[4]);
    private static final Map<String, ErrorRecognizer> DEFAULTS = new ConcurrentHashMap<>();

    /** What was found in an event: its first response code (200 included, or {@link #NONE}) and the recognizer whose catalog classifies it. */
    record Found(int code, ErrorRecognizer recognizer) {
    }

    /** The sink of one scan: keeps the first value that is a response code. */
    private static final class FirstCode implements CodeSink {
        private final ErrorRecognizer recognizer;
        private int code = NONE;

        FirstCode(ErrorRecognizer recognizer) {
            this.recognizer = recognizer;
        }

        @Override
        public boolean accept(int value) {
            if (recognizer.isResponseCode(value)) {
                code = value;
                return true;
            }
            return false;
        }
    }

    private EventCodes() {
    }

    /** Scans the event, or returns this thread's last result when it is the same event and counts name. */
    static Found find(ILoggingEvent event, @Nullable Context context, @Nullable String countsName, EventScanning scanning) {
        Object[] last = LAST.get();
        if (last[0] instanceof WeakReference && ((WeakReference<?>) last[0]).get() == event && Objects.equals(last[1], countsName)
                && last[3] instanceof WeakReference && ((WeakReference<?>) last[3]).get() instanceof ErrorRecognizer) {
            return new Found((Integer) last[2], (ErrorRecognizer) ((WeakReference<?>) last[3]).get());
        }
        ErrorRecognizer recognizer = recognizerFor(context, countsName);
        FirstCode first = new FirstCode(recognizer);
        long enclosing = recognizer.beginCall(); // counts nothing: marks the scan, so that a log call made by an accessor reads no objects
        try {
            scanning.scanEvent(recognizer, first, event, List.of(), 1, !ErrorRecognizer.isNested(enclosing));
        } finally {
            recognizer.endCall(enclosing);
        }
        last[0] = new WeakReference<>(event);
        last[1] = countsName;
        last[2] = first.code;
        last[3] = new WeakReference<>(recognizer);
        return new Found(first.code, recognizer);
    }

    private static ErrorRecognizer recognizerFor(@Nullable Context context, @Nullable String countsName) {
        if (context instanceof LoggerContext) {
            for (TurboFilter filter : ((LoggerContext) context).getTurboFilterList()) {
                ErrorRecognizer r = filter instanceof DevCenterErrorTurboFilter ? ((DevCenterErrorTurboFilter) filter).recognizer() : null;
                if (r != null && (countsName == null || r.counts().name().equals(countsName))) {
                    return r;
                }
            }
        }
        String name = countsName != null ? countsName : ErrorCounts.DEFAULT_NAME;
        Object appenders = context == null ? null : context.getObject(DevCenterErrorAppender.RECOGNIZER_KEY_PREFIX + name);
        if (appenders instanceof ErrorRecognizer) {
            return (ErrorRecognizer) appenders;
        }
        return DEFAULTS.computeIfAbsent(name, EventCodes::defaultRecognizer);
    }

    private static ErrorRecognizer defaultRecognizer(String countsName) {
        RecognizerOptions options = new RecognizerOptions();
        options.setCounts(countsName);
        ErrorRecognizer r = options.build(new RecognizerOptions.Reporter() {
            @Override
            public void error(RecognizerOptions.Option option, String message) {
            }

            @Override
            public void warn(RecognizerOptions.Option option, String message) {
            }
        });
        if (r == null) {
            throw new IllegalArgumentException("'" + countsName + "' is not a counts name");
        }
        return r;
    }
}
