package dev.dcerrors.logback;

import ch.qos.logback.classic.LoggerContext;
import dev.dcerrors.core.ErrorCounts;
import dev.dcerrors.core.NamedCounts;

/**
 * The counts that {@code <counts>name</counts>} names in a logger context: where the binder of a second set of counts
 * finds them, as Micrometer's {@code LogbackMetrics} is handed its context.
 *
 * <pre>{@code
 * LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
 * DevCenterErrorMetrics.builder().counts(LogbackCounts.named(context, "orders")).build().bindTo(registry);
 * }</pre>
 *
 * The default name is {@link ErrorCounts#shared()}. Named counts live as long as the context: they outlive
 * {@code reset()} and reconfiguration, and a context stopped and started again starts them afresh.
 */
public final class LogbackCounts {

    private LogbackCounts() {
    }

    /** The counts of this name in {@code context}, created on first use (by a filter's start or this call). */
    public static ErrorCounts named(LoggerContext context, String name) {
        return in(context).get(name);
    }

    /** Every count set named in {@code context}: where a recognizer built by code (the Spring Boot starter's) looks its counts up. */
    public static NamedCounts in(LoggerContext context) {
        return ContextRecognition.of(context).counts();
    }
}
