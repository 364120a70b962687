package dev.dcerrors.logback;

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
     * throwable. The recognizer reads them before it runs any user code, so a nested call (an accessor that logs) may
     * overwrite them. An {@code Object[]}, emptied after each call, so that no thread keeps a reference into the class
     * loader of an undeployed application.
     */
    private static final ThreadLocal<@Nullable Object[]> CLASSIC_CARRIER = ThreadLocal.withInitial(() -> new Object[3]);

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
    };

    /** This thread's carrier, holding one classic call; {@link #clear} it after the call. */
    static @Nullable Object[] carry(String template, @Nullable Object @Nullable [] args, @Nullable Throwable t) {
        Object[] carrier = CLASSIC_CARRIER.get();
        carrier[0] = template;
        carrier[1] = args;
        carrier[2] = t;
        return carrier;
    }

    static void clear(@Nullable Object[] carrier) {
        carrier[0] = null;
        carrier[1] = null;
        carrier[2] = null;
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
    };
}
