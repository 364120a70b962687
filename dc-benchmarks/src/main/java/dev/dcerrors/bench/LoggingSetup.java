package dev.dcerrors.bench;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import dev.dcerrors.logback.DevCenterErrorAppender;
import dev.dcerrors.logback.DevCenterErrorTurboFilter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.logging.LogbackMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** Real logger contexts, one per variant, with a no-op appender on the root at INFO. */
final class LoggingSetup {

    private LoggingSetup() {
    }

    /** A context with the given turbo filter variant: none, logbackMetrics, regex, dcTurboFilter or dcTurboFilterNoThrowables (scanThrowables off). */
    static LoggerContext context(String filter) {
        LoggerContext context = newContext();
        switch (filter) {
            case "none" -> { }
            case "logbackMetrics" -> new LogbackMetrics(Tags.empty(), context).bindTo(new SimpleMeterRegistry());
            case "regex" -> {
                RegexTurboFilter regex = new RegexTurboFilter();
                regex.setContext(context);
                regex.start();
                context.addTurboFilter(regex);
            }
            case "dcTurboFilter", "dcTurboFilterNoThrowables" -> {
                DevCenterErrorTurboFilter dc = new DevCenterErrorTurboFilter();
                dc.setContext(context);
                dc.setCounts("benchmark");
                dc.setScanThrowables(!filter.equals("dcTurboFilterNoThrowables")); // the default is true
                dc.start();
                context.addTurboFilter(dc);
            }
            default -> throw new IllegalArgumentException("unknown filter variant " + filter);
        }
        attach(context, new NoOpAppender());
        return context;
    }

    /**
     * A context with no turbo filter ({@code none}) or this project's ({@code dcTurboFilter}) whose root writes through
     * a synchronous FileAppender with a PatternLayoutEncoder into {@code file}.
     */
    static LoggerContext fileContext(String filter, java.nio.file.Path file) {
        LoggerContext context = newContext();
        switch (filter) {
            case "none" -> { }
            case "dcTurboFilter" -> {
                DevCenterErrorTurboFilter dc = new DevCenterErrorTurboFilter();
                dc.setContext(context);
                dc.setCounts("benchmark-file");
                dc.start();
                context.addTurboFilter(dc);
            }
            default -> throw new IllegalArgumentException("unknown filter variant " + filter);
        }
        ch.qos.logback.classic.encoder.PatternLayoutEncoder encoder = new ch.qos.logback.classic.encoder.PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n");
        encoder.start();
        ch.qos.logback.core.FileAppender<ILoggingEvent> appender = new ch.qos.logback.core.FileAppender<>();
        appender.setContext(context);
        appender.setName("file");
        appender.setFile(file.toString());
        appender.setAppend(true);
        appender.setEncoder(encoder);
        appender.start();
        attach(context, appender);
        return context;
    }

    /** A context whose root logs through an AsyncAppender into a DevCenterErrorAppender: the scan off the caller's thread. */
    static LoggerContext asyncAppenderContext() {
        LoggerContext context = newContext();
        DevCenterErrorAppender dc = new DevCenterErrorAppender();
        dc.setContext(context);
        dc.setName("dc");
        dc.setCounts("benchmark-async");
        dc.start();
        AsyncAppender async = new AsyncAppender();
        async.setContext(context);
        async.setName("async");
        async.setQueueSize(4096);
        async.setDiscardingThreshold(0);
        async.setNeverBlock(false);
        async.addAppender(dc);
        async.start();
        attach(context, async);
        attach(context, new NoOpAppender());
        return context;
    }

    private static LoggerContext newContext() {
        LoggerContext context = new LoggerContext();
        context.setName("benchmark");
        context.start();
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(Level.INFO);
        return context;
    }

    private static void attach(LoggerContext context, Appender<ILoggingEvent> appender) {
        if (!appender.isStarted()) {
            appender.setContext(context);
            appender.setName(appender.getClass().getSimpleName());
            appender.start();
        }
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(appender);
    }

    static Logger logger(LoggerContext context) {
        return context.getLogger("com.example.backend.LoginController");
    }
}
