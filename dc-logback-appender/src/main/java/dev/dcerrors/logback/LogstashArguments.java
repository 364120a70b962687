package dev.dcerrors.logback;

import dev.dcerrors.core.CallParts;
import dev.dcerrors.core.FailureReporter;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Marker;

/**
 * Reads logstash-logback-encoder's structured arguments and markers without a compile-time dependency on it. Every one
 * of them is an SLF4J {@link Marker}, a subclass of one of these classes of {@code net.logstash.logback.marker}:
 * <ul>
 *   <li>{@code SingleFieldAppendingMarker}: a field name and its value. {@code kv}/{@code keyValue}, {@code v}/{@code value},
 *       {@code a}/{@code array} and {@code Markers.append}/{@code appendArray} ({@code ObjectAppendingMarker}), {@code r}/{@code raw}
 *       and {@code Markers.appendRaw} ({@code RawJsonAppendingMarker});</li>
 *   <li>{@code MapEntriesAppendingMarker}: {@code e}/{@code entries} and {@code Markers.appendEntries}, each entry a field;</li>
 *   <li>{@code ObjectFieldsAppendingMarker}: {@code f}/{@code fields} and {@code Markers.appendFields}, an object whose
 *       properties become fields.</li>
 * </ul>
 * A field is read like an SLF4J key-value pair ({@code kv("code", 5147)} counts 5147); a field whose key is not a code key,
 * and the object of {@code fields}, are read as a log argument would be ({@link CallParts#argument}): a DTO through
 * its accessors, a JSON text or raw JSON as text, each element of an {@code array}. Markers joined with {@code and(...)}
 * are read too. {@code defer(...)} and {@code Markers.defer(...)} are not: their supplier is meant to run only when an encoder
 * writes the event, and the filter runs before any encoder.
 *
 * <p>How to read a class is worked out once per class ({@link ClassValue}): the accessor {@code getFieldName()}, the
 * {@code getFieldValue()} every single-field marker implements, the {@code map} and {@code object} fields of the other two
 * (the same names from version 6 to 9). Only {@link Marker}s are looked up, so no JDK class gets an entry. Reading then
 * calls two method handles and allocates nothing, except the iterator of markers joined with {@code and(...)}. Where the
 * classes cannot be opened (a named module that does not open them), nothing is read and the first such event is reported.
 */
final class LogstashArguments {

    /** Markers read at most in one event, joined ones included: a bound on the work, whatever was joined. */
    static final int MAX_MARKERS = 32;
    /** How deep markers joined to markers are followed. */
    static final int MAX_MARKER_DEPTH = 4;
    /** Elements of an {@code array(...)} and entries of an {@code entries(...)} read at most. */
    static final int MAX_ELEMENTS = 64;

    private static final String MARKERS = "net.logstash.logback.marker.";

    private enum Kind {
        /** Not one of logstash-logback-encoder's markers, or one that holds nothing to read (empty, deferred). */
        NONE,
        SINGLE_FIELD,
        MAP_ENTRIES,
        OBJECT_FIELDS,
        /** One of them, whose accessors could not be opened. */
        UNREADABLE
    }

    /**
     * How to read one marker class: {@code name} (single fields only) and {@code value} take the marker, as
     * {@code (Object)Object}; for an unreadable class, the {@code problem} to report, made once.
     */
    private record Reader(Kind kind, @Nullable MethodHandle name, @Nullable MethodHandle value, @Nullable String problem,
            @Nullable Exception cause) {
    }

    private static final Reader NOT_LOGSTASH = new Reader(Kind.NONE, null, null, null, null);
    private static final MethodType READ = MethodType.methodType(Object.class, Object.class);
    private static final MethodType NAME = MethodType.methodType(String.class, Object.class);

    private static final ClassValue<Reader> READERS = new ClassValue<>() {
        @Override
        protected Reader computeValue(Class<?> type) {
            return readerOf(type);
        }
    };

    private LogstashArguments() {
    }

    /**
     * The codes of a log argument that is an SLF4J {@link Marker}: one of logstash-logback-encoder's structured arguments
     * and what is joined to it.
     *
     * @return how many the sink accepted, or -1 when {@code argument} is none of logstash-logback-encoder's
     */
    static int scanArgument(CallParts parts, FailureReporter failures, Object argument, int budget) {
        if (!(argument instanceof Marker)) {
            return -1;
        }
        Marker marker = (Marker) argument;
        if (READERS.get(marker.getClass()).kind == Kind.NONE && !marker.hasReferences()) {
            return -1;
        }
        return counted(scanMarker(parts, failures, marker, budget, 0, 0));
    }

    /**
     * The codes of the markers of a log call: {@code markers} is the {@link Marker} the turbo filter is given, or the
     * {@code List<Marker>} of an event (the fluent API, the appender, the converters), or null.
     *
     * @return how many the sink accepted
     */
    static int scanMarkers(CallParts parts, FailureReporter failures, @Nullable Object markers, int budget) {
        if (markers == null || budget <= 0) {
            return 0;
        }
        if (markers instanceof Marker) {
            Marker marker = (Marker) markers;
            if (READERS.get(marker.getClass()).kind == Kind.NONE && !marker.hasReferences()) {
                return 0; // a plain SLF4J marker: nothing allocated
            }
            return counted(scanMarker(parts, failures, marker, budget, 0, 0));
        }
        if (!(markers instanceof List)) {
            return 0;
        }
        List<?> list = (List<?>) markers;
        int counted = 0;
        int seen = 0;
        for (int i = 0, n = list.size(); i < n && counted < budget && seen < MAX_MARKERS; i++) {
            Object marker = list.get(i);
            if (marker instanceof Marker && (READERS.get(marker.getClass()).kind != Kind.NONE || ((Marker) marker).hasReferences())) {
                long result = scanMarker(parts, failures, (Marker) marker, budget - counted, 0, seen);
                counted += counted(result);
                seen = seen(result);
            }
        }
        return counted;
    }

    /**
     * One marker, then those joined to it, {@code seen} markers read before it in this event. Never throws. Returns the
     * codes counted and the markers seen after it, packed without allocating: {@link #counted}, {@link #seen}.
     */
    private static long scanMarker(CallParts parts, FailureReporter failures, Marker marker, int budget,
            int depth, int seen) {
        if (seen >= MAX_MARKERS) {
            return pack(seen, 0);
        }
        seen++;
        int counted = 0;
        try {
            counted = scanOwnFields(parts, failures, marker, budget);
        } catch (Throwable e) {
            FailureReporter.rethrowIfFatal(e);
            failures.report("reading a " + marker.getClass().getName() + " (logstash-logback-encoder) threw " + e + "; it is skipped", e);
        }
        try {
            if (depth < MAX_MARKER_DEPTH && counted < budget && marker.hasReferences()) {
                for (Iterator<Marker> joined = marker.iterator(); joined.hasNext() && counted < budget && seen < MAX_MARKERS;) {
                    Marker next = joined.next();
                    if (next != null) {
                        long result = scanMarker(parts, failures, next, budget - counted, depth + 1, seen);
                        counted += counted(result);
                        seen = seen(result);
                    }
                }
            }
        } catch (Throwable e) {
            FailureReporter.rethrowIfFatal(e);
            failures.report("the markers joined to a " + marker.getClass().getName() + " threw " + e + "; they are skipped", e);
        }
        return pack(seen, counted);
    }

    /** What the marker itself holds, without the markers joined to it. */
    private static int scanOwnFields(CallParts parts, FailureReporter failures, Marker marker, int budget)
            throws Throwable {
        Reader reader = READERS.get(marker.getClass());
        switch (reader.kind) {
            case SINGLE_FIELD:
                return scanField(parts, failures, (String) reader.name.invokeExact((Object) marker), (Object) reader.value.invokeExact((Object) marker),
                        budget);
            case MAP_ENTRIES:
                Object map = (Object) reader.value.invokeExact((Object) marker);
                // a Map's entrySet() may be the application's code: not in a log call made by an accessor
                return parts.readsObjects() && map instanceof Map ? scanEntries(parts, failures, (Map<?, ?>) map, budget) : 0;
            case OBJECT_FIELDS:
                Object object = (Object) reader.value.invokeExact((Object) marker);
                return object == null ? 0 : scanValue(parts, failures, object, budget);
            case UNREADABLE:
                failures.report(reader.problem, reader.cause);
                return 0;
            default:
                return 0;
        }
    }

    private static long pack(int seen, int counted) {
        return ((long) seen << 32) | (counted & 0xFFFFFFFFL);
    }

    private static int counted(long packed) {
        return (int) packed;
    }

    private static int seen(long packed) {
        return (int) (packed >>> 32);
    }

    /** A named field: a key-value pair when its key is a code key and its value a code, else its value as an argument. */
    private static int scanField(CallParts parts, FailureReporter failures, @Nullable String name, @Nullable Object value,
            int budget) {
        int asPair = parts.keyValue(name, value, budget);
        if (asPair > 0 || value == null) {
            return asPair;
        }
        return scanValue(parts, failures, value, budget);
    }

    private static int scanEntries(CallParts parts, FailureReporter failures, Map<?, ?> map, int budget) {
        int counted = 0;
        int read = 0;
        for (Iterator<? extends Map.Entry<?, ?>> i = map.entrySet().iterator(); i.hasNext() && counted < budget && read++ < MAX_ELEMENTS;) {
            Map.Entry<?, ?> entry = i.next();
            Object key = entry.getKey();
            counted += scanField(parts, failures, key instanceof String ? (String) key : null, entry.getValue(), budget - counted);
        }
        return counted;
    }

    /** A wrapped value as a log argument is read; the elements of an array ({@code array(...)}) each so. */
    private static int scanValue(CallParts parts, FailureReporter failures, Object value, int budget) {
        if (value instanceof Object[]) {
            Object[] elements = (Object[]) value;
            int counted = 0;
            for (int i = 0; i < elements.length && i < MAX_ELEMENTS && counted < budget; i++) {
                counted += parts.argument(elements[i], budget - counted, failures);
            }
            return counted;
        }
        return parts.argument(value, budget, failures);
    }

    private static Reader readerOf(Class<?> type) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            String name = c.getName();
            if (!name.startsWith(MARKERS)) {
                continue;
            }
            try {
                switch (name.substring(MARKERS.length())) {
                    case "SingleFieldAppendingMarker":
                        return new Reader(Kind.SINGLE_FIELD, handle(c.getMethod("getFieldName"), NAME), handle(c.getDeclaredMethod("getFieldValue"), READ), null,
                                null);
                    case "MapEntriesAppendingMarker":
                        return new Reader(Kind.MAP_ENTRIES, null, handle(c.getDeclaredField("map")), null, null);
                    case "ObjectFieldsAppendingMarker":
                        return new Reader(Kind.OBJECT_FIELDS, null, handle(c.getDeclaredField("object")), null, null);
                    default:
                        break; // LogstashMarker, DeferredLogstashMarker, EmptyLogstashMarker: nothing of their own to read
                }
            } catch (ReflectiveOperationException | RuntimeException e) {
                return new Reader(Kind.UNREADABLE, null, null,
                        "cannot read " + c.getName() + " of logstash-logback-encoder (" + e + "); such arguments and markers are not read", e);
            }
        }
        return NOT_LOGSTASH;
    }

    private static MethodHandle handle(Method method, MethodType type) throws IllegalAccessException {
        method.setAccessible(true); // getFieldValue() is protected since version 7
        return MethodHandles.lookup().unreflect(method).asType(type);
    }

    private static MethodHandle handle(Field field) throws IllegalAccessException {
        field.setAccessible(true);
        return MethodHandles.lookup().unreflectGetter(field).asType(READ);
    }
}
