package dev.dcerrors.logback;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.read.ListAppender;
import ch.qos.logback.core.status.Status;
import dev.dcerrors.core.ErrorCounts;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.MDC;

/** A real LoggerContext configured from a test logback.xml, with counts of its own. */
final class LoggingSetup {

    final LoggerContext context = new LoggerContext();
    final String countsName = "test-" + UUID.randomUUID();
    final ErrorCounts counts = LogbackCounts.named(context, countsName);

    LoggingSetup(String resource) {
        this(resource, Map.of());
    }

    LoggingSetup(String resource, Map<String, String> properties) {
        this();
        configure(resource, properties);
    }

    void configure(String resource, Map<String, String> properties) {
        URL url = Objects.requireNonNull(getClass().getClassLoader().getResource(resource), resource);
        try (InputStream in = url.openStream()) {
            configureXml(new String(in.readAllBytes(), StandardCharsets.UTF_8), properties);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A context configured from logback.xml text. */
    static LoggingSetup fromXml(String xml) {
        LoggingSetup setup = new LoggingSetup();
        setup.configureXml(xml, Map.of());
        return setup;
    }

    /** A context not configured yet. */
    static LoggingSetup empty() {
        return new LoggingSetup();
    }

    private LoggingSetup() {
        context.setName(countsName);
        context.setMDCAdapter(MDC.getMDCAdapter()); // the adapter org.slf4j.MDC writes to
    }

    private void configureXml(String xml, Map<String, String> properties) {
        context.putProperty("countsName", countsName);
        properties.forEach(context::putProperty);
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        try {
            configurator.doConfigure(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (JoranException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Resets the context and configures it again from the resource, as scan="true" does on a change. */
    void reconfigure(String resource) {
        context.reset();
        configure(resource, Map.of());
    }

    /** Resets the context and configures it again from logback.xml text. */
    void reconfigureXml(String xml) {
        context.reset();
        configureXml(xml, Map.of());
    }

    ch.qos.logback.classic.Logger logger(String name) {
        return context.getLogger(name);
    }

    @SuppressWarnings("unchecked")
    ListAppender<ILoggingEvent> list(String name) {
        return (ListAppender<ILoggingEvent>) context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender(name);
    }

    List<String> statusMessages(int level) {
        return context.getStatusManager().getCopyOfStatusList().stream()
                .filter(s -> s.getEffectiveLevel() >= level)
                .map(Status::getMessage)
                .collect(Collectors.toList());
    }

    List<String> errors() {
        return statusMessages(Status.ERROR);
    }

    long turboFilters() {
        return context.getTurboFilterList().stream().filter(f -> f instanceof DevCenterErrorTurboFilter).count();
    }

    void stop() {
        context.stop();
    }
}
