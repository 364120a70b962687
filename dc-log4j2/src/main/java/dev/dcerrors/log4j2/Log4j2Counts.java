package dev.dcerrors.log4j2;

import dev.dcerrors.core.ErrorCounts;
import dev.dcerrors.core.NamedCounts;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configuration;
import org.jspecify.annotations.Nullable;

/**
 * The counts that {@code counts="name"} names in a Log4j2 logger context: where the binder of a second set of counts
 * finds them, as Micrometer's {@code Log4j2Metrics} is handed its context.
 *
 * <pre>{@code
 * LoggerContext context = (LoggerContext) LogManager.getContext(false);
 * DevCenterErrorMetrics.builder().counts(Log4j2Counts.named(context, "orders")).build().bindTo(registry);
 * }</pre>
 *
 * The default name is {@link ErrorCounts#shared()}. Named counts are kept in the logger context (its
 * {@link LoggerContext#putObjectIfAbsent objects}): they live as long as the context and outlive reconfiguration, so a
 * filter that a reconfiguration builds anew counts into the same counts.
 */
public final class Log4j2Counts {

    /** The key of the counts in the logger context's objects. */
    static final String KEY = NamedCounts.class.getName();

    private Log4j2Counts() {
    }

    /** The counts of this name in {@code context}, created on first use (by a filter or this call). */
    public static ErrorCounts named(LoggerContext context, String name) {
        return in(context).get(name);
    }

    /** Every count set named in {@code context}: where a recognizer built by code (the Spring Boot starter's) looks its counts up. */
    public static NamedCounts in(LoggerContext context) {
        Object there = context.getObject(KEY);
        if (there == null) {
            NamedCounts created = new NamedCounts();
            there = context.putObjectIfAbsent(KEY, created);
            if (there == null) {
                return created;
            }
        }
        // Another copy of this library in another class loader may have put its own there: keep to one's own then.
        return there instanceof NamedCounts ? (NamedCounts) there : new NamedCounts();
    }

    /** The counts of the context of {@code configuration}; counts of their own when it has none (a filter built by code). */
    static NamedCounts of(@Nullable Configuration configuration) {
        LoggerContext context = configuration == null ? null : configuration.getLoggerContext();
        return context != null ? in(context) : new NamedCounts();
    }
}
