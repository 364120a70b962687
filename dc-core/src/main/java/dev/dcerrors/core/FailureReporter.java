package dev.dcerrors.core;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;

/**
 * Where a recognizer reports user code that failed while it read a log call: an accessor, a {@code toString()} or a
 * {@code getMessage()} that threw. The part is skipped and recognition goes on; the logging system is told through
 * its own status channel, once per component ({@link #once}), so that a failing object logged per request does not
 * flood it.
 */
@FunctionalInterface
public interface FailureReporter {

    /** Reports a problem of the logging path: {@code problem} says what failed, {@code cause} is what was thrown. */
    void report(String problem, Throwable cause);

    /** A reporter that passes on its first problem only, to {@code warn}; thread-safe. */
    static FailureReporter once(BiConsumer<String, Throwable> warn) {
        AtomicBoolean reported = new AtomicBoolean();
        return (problem, cause) -> {
            if (reported.compareAndSet(false, true)) {
                warn.accept(problem, cause);
            }
        };
    }

    /**
     * Lets out of the logging path only what the JVM cannot go on after (out of memory, an internal error). Everything
     * else a user's accessor, {@code toString()} or {@code getMessage()} throws, an {@code AssertionError} or Kotlin's
     * {@code NotImplementedError} included, stays inside: the call is logged and counting goes on.
     */
    static void rethrowIfFatal(Throwable e) {
        if (e instanceof VirtualMachineError && !(e instanceof StackOverflowError)) {
            throw (VirtualMachineError) e;
        }
    }
}
