package dev.dcerrors.bench;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Application-thread cost of a logging call with a code: the turbo filter (scan on the caller's thread)
 * against the appender behind an AsyncAppender (scan on the worker thread; the caller pays the enqueue
 * and, when the queue is full, waits for the worker).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
public class AsyncAppenderBenchmark {

    @Param({"dcTurboFilter", "asyncAppender"})
    public String mode;

    private LoggerContext context;
    private Logger logger;
    private final String withCode = Input.RESPONSE_1K_WITH_CODE.text();

    @Setup
    public void setUp() {
        context = mode.equals("asyncAppender") ? LoggingSetup.asyncAppenderContext() : LoggingSetup.context("dcTurboFilter");
        logger = LoggingSetup.logger(context);
    }

    @TearDown
    public void tearDown() {
        context.stop();
    }

    @Benchmark
    public void infoWithCode() {
        logger.info("POST /api/v1/login -> {}", withCode);
    }
}
