package dev.dcerrors.logback;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import dev.dcerrors.core.ErrorRecognizer;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.event.KeyValuePair;

/**
 * An {@link ILoggingEvent} as a {@link dev.dcerrors.core.LogCall}, as the appender and the pattern converters see it: the message template
 * and its arguments, the SLF4J key-value pairs, the MDC entries of {@code mdcKeys} (the appender's {@code <mdcKey>}),
 * and the messages of the throwable proxy and its causes (Logback took the throwable apart already: no user code runs).
 */
final class LoggingEventCall extends Slf4jCall<ILoggingEvent> {

    /** The converters' reader: no MDC entries. */
    static final LoggingEventCall WITHOUT_MDC = new LoggingEventCall(List.of());

    private final List<String> mdcKeys;

    /** A reader that also reads the MDC entries of {@code mdcKeys}, a live list. */
    LoggingEventCall(List<String> mdcKeys) {
        this.mdcKeys = mdcKeys;
    }

    @Override
    public @Nullable CharSequence template(ILoggingEvent event) {
        return event.getMessage();
    }

    @Override
    public @Nullable Object @Nullable [] arguments(ILoggingEvent event) {
        return event.getArgumentArray();
    }

    @Override
    @Nullable List<KeyValuePair> pairs(ILoggingEvent event) {
        return event.getKeyValuePairs();
    }

    @Override
    @Nullable Object markerList(ILoggingEvent event) {
        return event.getMarkerList();
    }

    @Override
    public int contextValueCount(ILoggingEvent event) {
        return mdcKeys.size();
    }

    @Override
    public @Nullable String contextValue(ILoggingEvent event, int index) {
        Map<String, String> mdc = event.getMDCPropertyMap();
        return mdc == null ? null : mdc.get(mdcKeys.get(index));
    }

    @Override
    public int thrownMessageCount(ILoggingEvent event) {
        int depth = 0;
        for (IThrowableProxy proxy = event.getThrowableProxy(); proxy != null && depth < ErrorRecognizer.MAX_CAUSE_DEPTH; proxy = proxy.getCause()) {
            depth++;
        }
        return depth;
    }

    @Override
    public @Nullable String thrownMessage(ILoggingEvent event, int index) {
        IThrowableProxy proxy = event.getThrowableProxy();
        for (int i = 0; i < index && proxy != null; i++) {
            proxy = proxy.getCause();
        }
        return proxy == null ? null : proxy.getMessage();
    }
}
