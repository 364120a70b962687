package dev.dcerrors.bench;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * An INFO call logging each response shape through a synchronous {@code FileAppender} with a
 * {@code PatternLayoutEncoder} (a temp file, emptied before each iteration), with no turbo filter and with this
 * project's: what the filter adds, set against what the appender spends on the same call (issue 22's target:
 * at most 50%).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
public class FileAppenderBenchmark {

    @Param({"none", "dcTurboFilter"})
    public String filter;

    @Param({"RESPONSE_1K_WITH_CODE", "R_MSG_AFTER_DATA_1K", "R_MSG_AFTER_DATA_64K", "SUCCESS_PAGE_1K", "SUCCESS_PAGE_64K",
        "REQUEST_CODE_LAST_1K", "REQUEST_CODE_LAST_64K", "LOGSTASH_ESCAPED_1K", "LOGSTASH_ESCAPED_64K", "CJK_SHORT"})
    public Input input;

    private Path file;
    private LoggerContext context;
    private Logger logger;
    private String text;

    @Setup
    public void setUp() throws IOException {
        file = Files.createTempFile("dc-bench-", ".log");
        context = LoggingSetup.fileContext(filter, file);
        logger = LoggingSetup.logger(context);
        text = input.text();
    }

    /** Empties the file (the appender appends, so it writes on from the new end): the disk holds one iteration at most. */
    @Setup(Level.Iteration)
    public void emptyFile() throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(0);
        }
    }

    @TearDown
    public void tearDown() throws IOException {
        context.stop();
        Files.deleteIfExists(file);
    }

    @Benchmark
    public void info() {
        logger.info("DC call -> {}", text);
    }
}
