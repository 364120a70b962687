package dev.dcerrors.bench;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/** 1, 2 and 4 threads logging matching events into the same counts: the time per call should not grow with threads. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
public class ConcurrencyBenchmark {

    private LoggerContext context;
    private Logger logger;
    private final String withCode = Input.RESPONSE_1K_WITH_CODE.text();

    @Setup
    public void setUp() {
        context = LoggingSetup.context("dcTurboFilter");
        logger = LoggingSetup.logger(context);
    }

    @TearDown
    public void tearDown() {
        context.stop();
    }

    @Benchmark
    @Threads(1)
    public void threads1() {
        logger.info("POST /api/v1/login -> {}", withCode);
    }

    @Benchmark
    @Threads(2)
    public void threads2() {
        logger.info("POST /api/v1/login -> {}", withCode);
    }

    @Benchmark
    @Threads(4)
    public void threads4() {
        logger.info("POST /api/v1/login -> {}", withCode);
    }
}
