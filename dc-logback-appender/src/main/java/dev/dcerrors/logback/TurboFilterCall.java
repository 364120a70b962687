package dev.dcerrors.logback;

import dev.dcerrors.core.CallParts;
import dev.dcerrors.core.FailureReporter;
import dev.dcerrors.core.LogCall;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.event.KeyValuePair;
import org.slf4j.event.LoggingEvent;

/**
 * The two calls a turbo filter sees, as {@link LogCall}s: the classic {@code decide(marker, logger, level, format,
 * params, t)}, which has no event object, and SLF4J 2's fluent {@link LoggingEvent}, the only one with key-value pairs.
 */
final class TurboFilterCall {

    private TurboFilterCall() {
    }

    /**
     * The classic call's carrier, per thread: {@code [0]} the template, {@code [1]} the arguments, {@code [2]} the
     * throwable, {@code [3]} the marker. A nested call (an accessor that logs) fills it with its own and puts the
     * enclosing call's parts back when it ends, so the markers, read after the arguments, are the enclosing call's. An
     * {@code Object[]}, emptied after the outermost call, so that no thread keeps a reference into the class loader of an
     * undeployed application.
     */
    private static final ThreadLocal<@Nullable Object[]> CLASSIC_CARRIER = ThreadLocal.withInitial(() -> new Object[4]);

    /** Reads the classic call from its carrier. */
    static final LogCall<@Nullable Object[]> CLASSIC = new LogCall<>() {
        @Override
        public @Nullable CharSequence template(@Nullable Object[] carrier) {
            return (CharSequence) carrier[0];
        }

        @Override
        public @Nullable Object @Nullable [] arguments(@Nullable Object[] carrier) {
            return (Object[]) carrier[1];
        }

        @Override
        public @Nullable Throwable throwable(@Nullable Object[] carrier) {
            return (Throwable) carrier[2];
        }

        @Override
        public int structuredArgument(@Nullable Object[] carrier, Object argument, CallParts parts, int budget, FailureReporter failures) {
            return LogstashArguments.scanArgument(parts, failures, argument, budget);
        }

        @Override
        public int markers(@Nullable Object[] carrier, CallParts parts, int budget, FailureReporter failures) {
            return LogstashArguments.scanMarkers(parts, failures, carrier[3], budget);
        }
    };

    /** This thread's carrier of classic calls. */
    static @Nullable Object[] carrier() {
        return CLASSIC_CARRIER.get();
    }

    /** Puts one classic call's parts in {@code carrier} (nulls empty it). */
    static void fill(@Nullable Object[] carrier, @Nullable Object template, @Nullable Object args, @Nullable Object t, @Nullable Object marker) {
        carrier[0] = template;
        carrier[1] = args;
        carrier[2] = t;
        carrier[3] = marker;
    }

    /** Reads SLF4J 2's fluent call. */
    static final LogCall<LoggingEvent> FLUENT = new Slf4jCall<>() {
        @Override
        public @Nullable CharSequence template(LoggingEvent event) {
            return event.getMessage();
        }

        @Override
        public @Nullable Object @Nullable [] arguments(LoggingEvent event) {
            return event.getArgumentArray();
        }

        @Override
        @Nullable List<KeyValuePair> pairs(LoggingEvent event) {
            return event.getKeyValuePairs();
        }

        @Override
        public @Nullable Throwable throwable(LoggingEvent event) {
            return event.getThrowable();
        }

        @Override
        @Nullable Object markerList(LoggingEvent event) {
            return event.getMarkers();
        }
    };
}
