package dev.dcerrors.bench;

import dev.dcerrors.log4j2.DevCenterErrorFilter;
import io.micrometer.core.instrument.binder.logging.Log4j2Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.NullAppender;
import org.apache.logging.log4j.core.config.DefaultConfiguration;
import org.apache.logging.log4j.core.config.LoggerConfig;
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
 * One logging call through a real Log4j2 LoggerContext (synchronous loggers, a no-op appender, root at INFO): no
 * filter (baseline), Micrometer's {@code Log4j2Metrics} (the anchor: a filter on the logger configs that counts
 * events), and this project's context-wide {@code DevCenterErrorFilter}. The same calls as {@link LoggingBenchmark}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
public class Log4j2Benchmark {

    @Param({"none", "log4j2Metrics", "dcFilter"})
    public String filter;

    private LoggerContext context;
    private Log4j2Metrics metrics;
    private Logger logger;
    private final String withCode = Input.RESPONSE_1K_WITH_CODE.text();
    private final String withoutCode = Input.RESPONSE_1K_NO_CODE.text();
    private final LoggingBenchmark.Result dto = new LoggingBenchmark.Result(5147,
            "Your account has been temporarily locked. Please try again after 20 minutes.", null);

    @Setup
    public void setUp() {
        context = new LoggerContext("bench-" + filter);
        DefaultConfiguration config = new DefaultConfiguration();
        context.start(config);
        LoggerConfig root = config.getRootLogger();
        for (String name : new ArrayList<>(root.getAppenders().keySet())) {
            root.removeAppender(name);
        }
        Appender noop = NullAppender.createAppender("noop");
        noop.start();
        config.addAppender(noop);
        root.addAppender(noop, null, null);
        root.setLevel(Level.INFO);
        if (filter.equals("dcFilter")) {
            config.addFilter(DevCenterErrorFilter.newBuilder().build()); // what <DevCenterErrorFilter/> under <Configuration> does
        } else if (filter.equals("log4j2Metrics")) {
            metrics = new Log4j2Metrics(List.of(), context);
            metrics.bindTo(new SimpleMeterRegistry());
        }
        context.updateLoggers();
        logger = context.getLogger("dev.dcerrors.bench.Log4j2Benchmark");
    }

    @TearDown
    public void tearDown() {
        if (metrics != null) {
            metrics.close();
        }
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

    @Benchmark
    public void debugDisabled() {
        logger.debug("POST /api/v1/login -> {}", withCode);
    }
}
