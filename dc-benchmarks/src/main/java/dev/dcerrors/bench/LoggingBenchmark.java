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
 * One logging call through a real LoggerContext with a no-op appender: no filter (baseline), Micrometer's
 * LogbackMetrics (the anchor for a turbo filter that counts), a regex turbo filter, and this project's filter.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
public class LoggingBenchmark {

    @Param({"none", "logbackMetrics", "regex", "dcTurboFilter"})
    public String filter;

    private LoggerContext context;
    private Logger logger;
    private final String withCode = Input.RESPONSE_1K_WITH_CODE.text();
    private final String withoutCode = Input.RESPONSE_1K_NO_CODE.text();
    /** A response object as services log it: a Lombok-style DTO passed as the argument, read through its getters. */
    /** A client exception with a cause, neither with a code: a timeout as HTTP clients throw it. */
    private final Exception exception = new IllegalStateException("I/O error on GET request for \"https://dc.example.com/api/v1/device/list\": Read timed out",
            new java.net.SocketTimeoutException("Read timed out"));
    private final Result dto = new Result(5147, "Your account has been temporarily locked. Please try again after 20 minutes.", null);

    /** A Lombok {@code @Data}-style response DTO. */
    public static final class Result {
        private final Integer code;
        private final String msg;
        private final Object data;

        Result(Integer code, String msg, Object data) {
            this.code = code;
            this.msg = msg;
            this.data = data;
        }

        public Integer getCode() {
            return code;
        }

        public String getMsg() {
            return msg;
        }

        public Object getData() {
            return data;
        }
    }

    @Setup
    public void setUp() {
        context = LoggingSetup.context(filter);
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

    @Benchmark
    public void infoWithoutCode() {
        logger.info("GET /api/v1/device/list -> {}", withoutCode);
    }

    @Benchmark
    public void infoWithDtoArgument() {
        logger.info("POST /api/v1/login -> {}", dto);
    }

    /**
     * An exception without a code, logged at INFO: what reading throwables by default ({@code scanThrowables}) costs.
     * Run with {@code -p filter=none,dcTurboFilter,dcTurboFilterNoThrowables} to compare with the option off.
     */
    @Benchmark
    public void infoWithExceptionWithoutCode() {
        logger.info("GET /api/v1/device/list failed", exception);
    }

    @Benchmark
    public void debugDisabled() {
        logger.debug("POST /api/v1/login -> {}", withCode);
    }
}
