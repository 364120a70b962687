package dev.dcerrors.logback;

import dev.dcerrors.core.LogCall;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.event.KeyValuePair;

/** A {@link LogCall} over an event that carries SLF4J 2 key-value pairs: Logback's {@code ILoggingEvent}, SLF4J's fluent {@code LoggingEvent}. */
abstract class Slf4jCall<E> implements LogCall<E> {

    /** The event's key-value pairs, or null. */
    abstract @Nullable List<KeyValuePair> pairs(E event);

    @Override
    public final int keyValueCount(E event) {
        List<KeyValuePair> pairs = pairs(event);
        return pairs == null ? 0 : pairs.size();
    }

    @Override
    public final @Nullable String key(E event, int index) {
        return pairs(event).get(index).key;
    }

    @Override
    public final @Nullable Object value(E event, int index) {
        return pairs(event).get(index).value;
    }
}
