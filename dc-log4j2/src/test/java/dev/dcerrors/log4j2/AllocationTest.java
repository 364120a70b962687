package dev.dcerrors.log4j2;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.function.Consumer;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.Filter;
import org.apache.logging.log4j.core.Logger;
import org.apache.logging.log4j.message.Message;
import org.apache.logging.log4j.message.ParameterizedMessage;
import org.apache.logging.log4j.message.StringMapMessage;
import org.junit.jupiter.api.Test;

/** The filter's hot path allocates nothing, on every path Log4j2 calls it through, matching or not. */
class AllocationTest {

    private static final int WARM_UP = 200_000;
    private static final int MEASURED = 20_000;
    private static final int ROUNDS = 5;

    /**
     * Warms {@code call} up (the JIT compiles it), then returns the bytes this thread allocates over more calls: the
     * fewest of up to five rounds, since on a busy machine the compiled code may come only after the first rounds.
     */
    private static long bytesAllocated(Consumer<DevCenterErrorFilter> call, DevCenterErrorFilter filter) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        long fewest = Long.MAX_VALUE;
        for (int round = 0; round < ROUNDS && fewest > 0; round++) {
            for (int i = 0; i < WARM_UP; i++) {
                call.accept(filter);
            }
            long before = threads.getThreadAllocatedBytes(thread);
            for (int i = 0; i < MEASURED; i++) {
                call.accept(filter);
            }
            fewest = Math.min(fewest, threads.getThreadAllocatedBytes(thread) - before);
        }
        return fewest;
    }

    @Test
    void noPathOfTheFilterAllocates() {
        try (Log4j2Setup setup = Log4j2Setup.of("sync.xml")) {
            DevCenterErrorFilter filter = setup.filter();
            Logger logger = (Logger) setup.logger("alloc");
            Object dto = new Corpus.LoginResponse(5147, "Your account has been temporarily locked.");
            Object[] eleven = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, Corpus.LOCKED};
            Message parameterized = new ParameterizedMessage("response {}", Corpus.ATTEMPTS);
            Message map = new StringMapMessage().with("code", "5148").with("msg", "blocked");
            // A baseline: the measuring loop alone.
            long loop = bytesAllocated(f -> { }, filter);
            assertThat(bytesAllocated(f -> f.filter(logger, Level.INFO, null, "response {}", (Object) Corpus.LOCKED), filter))
                    .as("one text argument with a code").isEqualTo(loop);
            assertThat(bytesAllocated(f -> f.filter(logger, Level.INFO, null, "login {}", dto), filter)).as("a DTO argument").isEqualTo(loop);
            assertThat(bytesAllocated(f -> f.filter(logger, Level.INFO, null, "user {} got {} in {}", "u-17", Corpus.LOCKED, "x"), filter))
                    .as("three arguments").isEqualTo(loop);
            assertThat(bytesAllocated(f -> f.filter(logger, Level.INFO, null, "{} {} {} {} {} {} {} {} {} {} {}", eleven), filter))
                    .as("varargs").isEqualTo(loop);
            assertThat(bytesAllocated(f -> f.filter(logger, Level.INFO, null, "GET /orders took {} ms", (Object) "12"), filter))
                    .as("no code").isEqualTo(loop);
            assertThat(bytesAllocated(f -> f.filter(logger, Level.INFO, null, parameterized, null), filter)).as("a Message").isEqualTo(loop);
            assertThat(bytesAllocated(f -> f.filter(logger, Level.INFO, null, map, null), filter)).as("a MapMessage").isEqualTo(loop);
            assertThat(bytesAllocated(f -> f.filter(logger, Level.INFO, null, dto, null), filter)).as("a DTO as the message").isEqualTo(loop);
            assertThat(bytesAllocated(f -> f.filter(logger, Level.DEBUG, null, "response {}", (Object) Corpus.LOCKED), filter))
                    .as("a disabled level").isEqualTo(loop);
            assertThat(bytesAllocated(f -> f.filter(logger, Level.INFO, null, (Object) null, null), filter)).as("a probe").isEqualTo(loop);
            long calls = (long) WARM_UP + MEASURED;
            // Every call counted, not only allocation-free: each path ran whole rounds of calls; five paths carry 5147.
            assertThat(setup.counts.count(5147) % calls).isZero();
            assertThat(setup.counts.count(5147)).isGreaterThanOrEqualTo(5 * calls);
            assertThat(setup.counts.count(5146) % calls).isZero();
            assertThat(setup.counts.count(5146)).isGreaterThanOrEqualTo(calls);
            assertThat(setup.counts.count(5148) % calls).isZero();
            assertThat(setup.counts.count(5148)).isGreaterThanOrEqualTo(calls);
            assertThat(filter.filter(logger, Level.INFO, null, "response {}", (Object) Corpus.LOCKED)).isEqualTo(Filter.Result.NEUTRAL);
        }
    }
}
