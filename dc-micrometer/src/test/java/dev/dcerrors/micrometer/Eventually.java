package dev.dcerrors.micrometer;

import static org.assertj.core.api.Assertions.fail;

import java.time.Duration;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/** Polls for what the binder promises to publish within a bound; the only timing the tests assert. */
final class Eventually {

    private static final long POLL_MILLIS = 10;

    private Eventually() {
    }

    /**
     * What {@code probe} returns once it returns something other than null or {@code false}, polled from
     * {@code since} (a {@link System#nanoTime()} taken before the action) until {@code bound} has passed.
     */
    static <T> T within(Duration bound, long since, String what, Supplier<@Nullable T> probe) {
        long deadline = since + bound.toNanos();
        while (true) {
            long probed = System.nanoTime();
            T value = probe.get();
            if (value != null && !Boolean.FALSE.equals(value)) {
                return value;
            }
            if (probed - deadline > 0) {
                return fail("not within %s: %s", bound, what);
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return fail("interrupted while waiting for %s", what);
            }
        }
    }

    /** {@link #within} the binder's bound, {@link DevCenterErrorMetrics#PUBLISHED_WITHIN}. */
    static <T> T published(long since, String what, Supplier<@Nullable T> probe) {
        return within(DevCenterErrorMetrics.PUBLISHED_WITHIN, since, what, probe);
    }
}
