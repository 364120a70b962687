package dev.dcerrors.log4j2;

import dev.dcerrors.core.ErrorCounts;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.async.AsyncLoggerContext;
import org.apache.logging.slf4j.Log4jLogger;
import org.apache.logging.slf4j.Log4jMarkerFactory;

/**
 * A real Log4j2 logger context of its own, configured from one of the test log4j2 XML files beside this class: the
 * file is copied with its counts name made unique (so tests count apart) and its log file put in a temporary directory.
 */
final class Log4j2Setup implements AutoCloseable {

    final LoggerContext context;
    final String countsName;
    final ErrorCounts counts;
    final Path configFile;
    final Path logFile;

    private Log4j2Setup(LoggerContext context, String countsName, Path configFile, Path logFile) {
        this.context = context;
        this.countsName = countsName;
        this.counts = Log4j2Counts.named(context, countsName);
        this.configFile = configFile;
        this.logFile = logFile;
    }

    /** Synchronous loggers (and {@code <AsyncLogger>} where the file declares it), as Log4j2's default selector makes them. */
    static Log4j2Setup of(String resource) {
        return start(resource, false);
    }

    /** All loggers asynchronous: the {@link AsyncLoggerContext} that {@code AsyncLoggerContextSelector} creates. */
    static Log4j2Setup allAsync(String resource) {
        return start(resource, true);
    }

    private static Log4j2Setup start(String resource, boolean allAsync) {
        try {
            Path dir = Files.createTempDirectory("dc-log4j2");
            String countsName = "log4j2-" + UUID.randomUUID();
            Path logFile = dir.resolve("app.log");
            Path config = dir.resolve(resource);
            Files.writeString(config, xml(resource).replace("COUNTS", countsName).replace("LOGFILE", logFile.toString()));
            LoggerContext context = allAsync ? new AsyncLoggerContext(countsName, null, config.toUri()) : new LoggerContext(countsName, null, config.toUri());
            context.start();
            return new Log4j2Setup(context, countsName, config, logFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String xml(String resource) throws IOException {
        try (InputStream in = Log4j2Setup.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test configuration " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    org.apache.logging.log4j.Logger logger(String name) {
        return context.getLogger(name);
    }

    /** The SLF4J API bound to this context as log4j-slf4j2-impl binds it. */
    org.slf4j.Logger slf4j(String name) {
        return new Log4jLogger(new Log4jMarkerFactory(), context.getLogger(name), name);
    }

    /** The context-wide filter of the configuration in use. */
    DevCenterErrorFilter filter() {
        return (DevCenterErrorFilter) context.getConfiguration().getFilter();
    }

    List<String> loggedLines() {
        try {
            return Files.exists(logFile) ? Files.readAllLines(logFile) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        context.stop();
    }
}
