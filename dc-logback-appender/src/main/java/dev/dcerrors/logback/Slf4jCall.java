package dev.dcerrors.logback;

import dev.dcerrors.core.CallParts;
import dev.dcerrors.core.FailureReporter;
import dev.dcerrors.core.LogCall;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.event.KeyValuePair;

/** A {@link LogCall} over an event that carries SLF4J 2 key-value pairs and markers: Logback's {@code ILoggingEvent}, SLF4J's fluent {@code LoggingEvent}. */
abstract class Slf4jCall<E> implements LogCall<E> {

    /** The event's key-value pairs, or null. */
    abstract @Nullable List<KeyValuePair> pairs(E event);

    /** The event's {@code List<Marker>}, or null. */
    abstract @Nullable Object markerList(E event);

    /** logstash-logback-encoder's structured arguments ({@code kv}, {@code value}, {@code fields}, {@code raw}...). */
    @Override
    public final int structuredArgument(E event, Object argument, CallParts parts, int budget, FailureReporter failures) {
        return LogstashArguments.scanArgument(parts, failures, argument, budget);
    }

    /** logstash-logback-encoder's {@code Markers.append*} markers, and those joined to them. */
    @Override
    public final int markers(E event, CallParts parts, int budget, FailureReporter failures) {
        return LogstashArguments.scanMarkers(parts, failures, markerList(event), budget);
    }

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
