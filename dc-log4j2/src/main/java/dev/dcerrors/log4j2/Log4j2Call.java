package dev.dcerrors.log4j2;

import dev.dcerrors.core.CodeScanner;
import dev.dcerrors.core.LogCall;
import org.apache.logging.log4j.ThreadContext;
import org.apache.logging.log4j.message.Message;
import org.apache.logging.log4j.util.IndexedReadOnlyStringMap;
import org.jspecify.annotations.Nullable;

/**
 * The calls Log4j2 hands to a context-wide filter, as one {@link LogCall} read from a per-thread carrier: Log4j2 has no
 * event object at that point, only the parts of the call as parameters. {@link DevCenterErrorFilter} puts the parts of
 * each path into the carrier ({@link #fill}), has dc-core's recognizer read them, and puts back what a call under way on
 * this thread had there (the call may be made by an accessor of that call's argument), as the Logback turbo filter
 * does. Every rule of a log call (once per code, the budget, the cause depth, nested calls) is dc-core's.
 *
 * <p>The carrier is an {@code Object[]} of JDK-typed slots, emptied after the outermost call, so that no thread keeps a
 * reference into the class loader of an undeployed application. It also holds one array per argument count of Log4j2's
 * unrolled {@code filter(..., p0..p9)} overloads, so that their parameters become arguments without allocating.
 */
final class Log4j2Call {

    /** Log4j2's unrolled overloads take up to ten parameters. */
    static final int MAX_UNROLLED = 10;

    /** The template ({@code String}), or null. */
    private static final int TEMPLATE = 0;
    /** The arguments ({@code Object[]}), or null. */
    private static final int ARGUMENTS = 1;
    /** The throwable, or null. */
    private static final int THROWABLE = 2;
    /** Text already formatted: a {@code CharSequence}, or a {@link Message} whose formatted text is read; or null. */
    private static final int TEXT = 3;
    /** A map message's entries ({@link IndexedReadOnlyStringMap}), read as key-value pairs; or null. */
    private static final int MAP = 4;
    /** The keys whose SLF4J fluent pairs are read from the thread context ({@code String[]}); or null. */
    private static final int FLUENT_KEYS = 5;
    /** {@link #UNDER_WAY} while a call is recognized on this thread, else null. */
    private static final int STATE = 6;
    /** How many slots describe one call: what {@link DevCenterErrorFilter} saves and puts back around a call. */
    static final int SLOTS = 7;
    /** The arrays for the unrolled overloads ({@code Object[][]}, one per parameter count); kept, never put back. */
    private static final int UNROLLED = SLOTS;

    private static final Object UNDER_WAY = Boolean.TRUE;

    private static final ThreadLocal<@Nullable Object[]> CARRIER = ThreadLocal.withInitial(() -> {
        Object[][] unrolled = new Object[MAX_UNROLLED + 1][];
        for (int n = 0; n <= MAX_UNROLLED; n++) {
            unrolled[n] = new Object[n];
        }
        Object[] carrier = new Object[SLOTS + 1];
        carrier[UNROLLED] = unrolled;
        return carrier;
    });

    private static final String SLF4J_EVENT_BUILDER = "org.apache.logging.slf4j.Log4jEventBuilder";

    private Log4j2Call() {
    }

    /** This thread's carrier. */
    static @Nullable Object[] carrier() {
        return CARRIER.get();
    }

    /** Whether a call is being recognized on this thread: a call now is made from inside it (an accessor that logs). */
    static boolean underWay(@Nullable Object[] carrier) {
        return carrier[STATE] != null;
    }

    /**
     * An array for {@code n} parameters of an unrolled overload: this thread's, or a fresh one when a call is under way
     * on this thread, whose arguments may be this thread's array.
     */
    static @Nullable Object[] argumentArray(@Nullable Object[] carrier, int n) {
        return underWay(carrier) ? new Object[n] : ((Object[][]) carrier[UNROLLED])[n];
    }

    /** Puts one call's parts in {@code carrier} and marks it under way. */
    static void fill(@Nullable Object[] carrier, @Nullable String template, @Nullable Object @Nullable [] args, @Nullable Throwable t,
            @Nullable Object text, @Nullable IndexedReadOnlyStringMap map, String @Nullable [] fluentKeys) {
        carrier[TEMPLATE] = template;
        carrier[ARGUMENTS] = args;
        carrier[THROWABLE] = t;
        carrier[TEXT] = text;
        carrier[MAP] = map;
        carrier[FLUENT_KEYS] = fluentKeys;
        carrier[STATE] = UNDER_WAY;
    }

    /** Puts back the {@link #SLOTS} slots saved before a call: the enclosing call's parts, or nulls after the outermost. */
    static void restore(@Nullable Object[] carrier, @Nullable Object s0, @Nullable Object s1, @Nullable Object s2, @Nullable Object s3,
            @Nullable Object s4, @Nullable Object s5, @Nullable Object s6) {
        carrier[0] = s0;
        carrier[1] = s1;
        carrier[2] = s2;
        carrier[3] = s3;
        carrier[4] = s4;
        carrier[5] = s5;
        carrier[6] = s6;
    }

    /** Reads a call from its carrier. */
    static final LogCall<@Nullable Object[]> READER = new LogCall<>() {
        @Override
        public @Nullable CharSequence template(@Nullable Object[] carrier) {
            return (CharSequence) carrier[TEMPLATE];
        }

        @Override
        public @Nullable Object @Nullable [] arguments(@Nullable Object[] carrier) {
            return (Object[]) carrier[ARGUMENTS];
        }

        @Override
        public @Nullable Throwable throwable(@Nullable Object[] carrier) {
            return (Throwable) carrier[THROWABLE];
        }

        /** A {@code SimpleMessage}'s text; other message kinds (String.format-style, custom) format themselves. */
        @Override
        public @Nullable CharSequence text(@Nullable Object[] carrier) {
            Object text = carrier[TEXT];
            return text instanceof Message ? ((Message) text).getFormattedMessage() : (CharSequence) text;
        }

        @Override
        public int keyValueCount(@Nullable Object[] carrier) {
            Object map = carrier[MAP];
            if (map != null) {
                return ((IndexedReadOnlyStringMap) map).size();
            }
            String[] keys = (String[]) carrier[FLUENT_KEYS];
            return keys != null && fluentPairs(keys) ? keys.length : 0;
        }

        @Override
        public @Nullable String key(@Nullable Object[] carrier, int index) {
            Object map = carrier[MAP];
            return map != null ? ((IndexedReadOnlyStringMap) map).getKeyAt(index) : ((String[]) carrier[FLUENT_KEYS])[index];
        }

        @Override
        public @Nullable Object value(@Nullable Object[] carrier, int index) {
            Object map = carrier[MAP];
            return map != null ? ((IndexedReadOnlyStringMap) map).getValueAt(index) : ThreadContext.get(((String[]) carrier[FLUENT_KEYS])[index]);
        }
    };

    /**
     * Whether the thread context holds SLF4J fluent key-value pairs of this call. log4j-slf4j2-impl hands
     * {@code addKeyValue} pairs over as thread-context entries for the time of the call, beside whatever the application
     * put there for longer (a code kept in the MDC must not count on every line): so they are read only when a code key
     * holds a code and the call comes from log4j-slf4j2-impl's event builder. The stack is looked at only then.
     */
    private static boolean fluentPairs(String[] keys) {
        if (ThreadContext.isEmpty()) {
            return false;
        }
        boolean found = false;
        for (int i = 0; i < keys.length && !found; i++) {
            found = CodeScanner.codeValue(ThreadContext.get(keys[i])) >= 0;
        }
        return found && StackWalker.getInstance().walk(frames -> frames.limit(24).anyMatch(f -> f.getClassName().equals(SLF4J_EVENT_BUILDER)));
    }
}
