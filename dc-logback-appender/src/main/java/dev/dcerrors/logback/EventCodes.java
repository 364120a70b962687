package dev.dcerrors.logback;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.Context;
import dev.dcerrors.core.CodeSink;
import dev.dcerrors.core.ErrorCounts;
import dev.dcerrors.core.ErrorRecognizer;
import dev.dcerrors.core.RecognizerOptions;
import java.util.List;
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
 * pattern holds: the last result is kept per thread.
 */
final class EventCodes {

    /** No code in the event. */
    static final int NONE = -1;

    private static final ThreadLocal<Found> LAST = ThreadLocal.withInitial(Found::new);
    private static final Map<String, ErrorRecognizer> DEFAULTS = new ConcurrentHashMap<>();

    /** What was found in the last event this thread asked about; valid until the thread asks about another. */
    static final class Found implements CodeSink {
        private @Nullable ILoggingEvent event;
        private @Nullable String countsName;
        private @Nullable ErrorRecognizer recognizer;
        private int code = NONE;

        /** The first response code (200 included), or {@link #NONE}. */
        int code() {
            return code;
        }

        /** The recognizer whose catalog classifies the code. */
        ErrorRecognizer recognizer() {
            ErrorRecognizer r = recognizer;
            if (r == null) {
                throw new IllegalStateException("no event scanned yet");
            }
            return r;
        }

        @Override
        public boolean accept(int value) {
            if (recognizer().isResponseCode(value)) {
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
        Found found = LAST.get();
        if (found.event == event && java.util.Objects.equals(found.countsName, countsName)) {
            return found;
        }
        found.event = event;
        found.countsName = countsName;
        found.recognizer = recognizerFor(context, countsName);
        found.code = NONE;
        scanning.scanEvent(found.recognizer, found, event, List.of(), 1);
        return found;
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
