package dev.dcerrors.log4j2;

import dev.dcerrors.core.CodeScanner;
import dev.dcerrors.core.ErrorCounts;
import dev.dcerrors.core.ErrorRecognizer;
import dev.dcerrors.core.FailureReporter;
import dev.dcerrors.core.NamedCounts;
import dev.dcerrors.core.RecognizerOptions;
import dev.dcerrors.core.RecognizerOptions.Option;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.Marker;
import org.apache.logging.log4j.core.Filter;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.Logger;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.Node;
import org.apache.logging.log4j.core.config.plugins.Plugin;
import org.apache.logging.log4j.core.config.plugins.PluginBuilderAttribute;
import org.apache.logging.log4j.core.config.plugins.PluginBuilderFactory;
import org.apache.logging.log4j.core.config.plugins.PluginConfiguration;
import org.apache.logging.log4j.core.filter.AbstractFilter;
import org.apache.logging.log4j.core.filter.CompositeFilter;
import org.apache.logging.log4j.message.MapMessage;
import org.apache.logging.log4j.message.Message;
import org.apache.logging.log4j.message.ObjectMessage;
import org.apache.logging.log4j.message.ParameterizedMessage;
import org.apache.logging.log4j.status.StatusLogger;
import org.apache.logging.log4j.util.IndexedReadOnlyStringMap;
import org.jspecify.annotations.Nullable;

/**
 * Counts the Developer Center error codes of every log call, on the caller's thread, before Log4j2 builds an event.
 * One line directly under {@code <Configuration>} in log4j2.xml installs it, found by Log4j2's plugin index (no
 * {@code packages} attribute):
 *
 * <pre>{@code <Configuration><DevCenterErrorFilter/> ... </Configuration>}</pre>
 *
 * <p>It always answers {@link Result#NEUTRAL}: the log output does not change. The options are the attributes of the
 * element, the same as the Logback turbo filter's ({@link RecognizerOptions.Option}, under the same names, lists
 * comma-separated), plus {@code includeDisabledLevels}; each bad one is reported through Log4j2's status logger naming
 * the attribute, and a filter with a bad option counts nothing while logging goes on.
 *
 * <h2>Exactly once</h2>
 * Log4j2 asks a context-wide filter once per log call, from {@code Logger.isEnabled} on the calling thread, before the
 * level check and before any event exists: through the {@code filter(Logger, ...)} overloads below. That holds for
 * synchronous loggers, {@code <AsyncLogger>} (the caller's {@code Logger} is synchronous; the queue comes after) and
 * all-async loggers ({@code AsyncLogger} inherits {@code isEnabled}). Logger configs, appender refs and appenders never
 * ask a context-wide filter again: {@code filter(LogEvent)} reaches this filter only when it is declared inside a
 * logger or an appender, where it would run once per logger config or appender (Micrometer's {@code Log4j2Metrics}
 * double counts came from there), so it counts nothing there and says so once. Calls without a message
 * ({@code isDebugEnabled()}, {@code catching(t)}) are probes and count nothing. The fluent {@code LogBuilder} is
 * asked once, by its {@code log(...)}, with the message: while a context-wide filter is configured, Log4j2's
 * {@code atLevel()} hands out a working builder without asking. Calls at levels the logger drops are not counted unless
 * {@code includeDisabledLevels}.
 *
 * <p>A reconfiguration builds a new filter; each logger switches to the new configuration at once, so every call goes
 * through exactly one of the two, and both count into the same {@link ErrorCounts} (by default
 * {@link ErrorCounts#shared()}, which {@code DevCenterErrorMetrics} exports; counts named by {@code counts="..."} are
 * the logger context's, {@link Log4j2Counts}). A filter counts whenever it is asked,
 * regardless of its lifecycle state, so that a call that picked up the old configuration just before the switch is
 * counted by the old filter; once the context stops no logger reaches it.
 *
 * <p>Each path puts the parts of its call in a per-thread carrier read by {@link Log4j2Call}, and dc-core's
 * {@link ErrorRecognizer#recognize} applies the rules of a log call to it, as for Logback. Nothing here locks,
 * allocates, touches a meter registry or throws into the application.
 */
@Plugin(name = "DevCenterErrorFilter", category = Node.CATEGORY, elementType = Filter.ELEMENT_TYPE, printObject = true)
public final class DevCenterErrorFilter extends AbstractFilter {

    private static final String NAME = "DevCenterErrorFilter";

    /** Null when an option was bad: the filter counts nothing. */
    private final @Nullable ErrorRecognizer recognizer;
    private final String countsName;
    private final boolean includeDisabledLevels;
    /** The keys whose SLF4J fluent key-value pairs count: {@code code} and the extra keys. */
    private final String[] pairKeys;
    /** Where the counts of {@link #countsName} are: those of the logger context (see {@link Log4j2Counts}). */
    private final NamedCounts namedCounts;
    /** What user code threw while a call was read, reported once through the status logger. */
    private final FailureReporter failures = FailureReporter.once(
            (problem, cause) -> StatusLogger.getLogger().warn("{}: {} (reported once; counting goes on)", NAME, problem, cause));
    private final AtomicBoolean misplacementReported = new AtomicBoolean();
    /** The configuration that declares this filter, when Log4j2 built it from one. */
    private final @Nullable Configuration configuration;

    private DevCenterErrorFilter(@Nullable ErrorRecognizer recognizer, NamedCounts namedCounts, String countsName, boolean includeDisabledLevels,
            String[] pairKeys, @Nullable Configuration configuration) {
        super(Result.NEUTRAL, Result.NEUTRAL);
        this.configuration = configuration;
        this.namedCounts = namedCounts;
        this.recognizer = recognizer;
        this.countsName = countsName;
        this.includeDisabledLevels = includeDisabledLevels;
        this.pairKeys = pairKeys;
    }

    /**
     * A filter that counts with {@code recognizer}, built by code ({@link InstalledFilter}): SLF4J fluent pairs count
     * under {@code code} and the {@code extraKeys} the recognizer was built with.
     */
    static DevCenterErrorFilter counting(ErrorRecognizer recognizer, NamedCounts namedCounts, List<String> extraKeys, boolean includeDisabledLevels,
            Configuration configuration) {
        return new DevCenterErrorFilter(recognizer, namedCounts, recognizer.counts().name(), includeDisabledLevels, pairKeys(extraKeys),
                configuration);
    }

    /** The keys whose SLF4J fluent pairs count: {@code code} and the extra keys. */
    private static String[] pairKeys(List<String> extraKeys) {
        List<String> keys = new ArrayList<>();
        keys.add(CodeScanner.DEFAULT_KEY);
        extraKeys.forEach(k -> keys.add(k.trim()));
        return keys.toArray(new String[0]);
    }

    @PluginBuilderFactory
    public static Builder newBuilder() {
        return new Builder();
    }

    /**
     * Starts with its configuration. Several context-wide filters run in declaration order and Log4j2 stops at the first
     * that accepts or denies a call: a filter declared before this one can hide responses that happened from the counts,
     * so that is reported.
     */
    @Override
    public void start() {
        super.start();
        Configuration config = configuration;
        if (config != null && config.getFilter() instanceof CompositeFilter) {
            Filter[] filters = ((CompositeFilter) config.getFilter()).getFiltersArray();
            if (filters.length > 0 && filters[0] != this && Arrays.asList(filters).contains(this)) {
                StatusLogger.getLogger().warn("{} is not the first context-wide filter: a call that {} accepts or denies is not counted. "
                        + "Declare <{}/> first.", NAME, filters[0].getClass().getSimpleName(), NAME);
            }
        }
    }

    /** Whether this filter counts (its options were good). */
    public boolean isCounting() {
        return recognizer != null;
    }

    /** The counts this filter writes to. */
    public ErrorCounts counts() {
        ErrorRecognizer r = recognizer;
        return r != null ? r.counts() : countsName.isBlank() ? ErrorCounts.shared() : namedCounts.get(countsName);
    }

    /** Whether a call at {@code level} is one to count: not a probe, and at an enabled level unless disabled ones count too. */
    private boolean counts(@Nullable Logger logger, @Nullable Level level) {
        if (includeDisabledLevels) {
            return true;
        }
        // Not logger.isEnabled(level): that asks this filter again.
        return level != null && logger != null && logger.getLevel().intLevel() >= level.intLevel();
    }

    // --------------------------------------------------------------------------------- the paths of a log call

    @Override
    public Result filter(Logger logger, Level level, Marker marker, String msg, Object... params) {
        ErrorRecognizer r = recognizer;
        if (r != null && msg != null && counts(logger, level)) {
            recognize(r, Log4j2Call.carrier(), msg, params, null, null, null, pairKeys);
        }
        return Result.NEUTRAL;
    }

    @Override
    public Result filter(Logger logger, Level level, Marker marker, String msg, Object p0) {
        ErrorRecognizer r = recognizer;
        if (r != null && msg != null && counts(logger, level)) {
            unrolled(r, msg, 1, p0, null, null, null, null, null, null, null, null, null);
        }
        return Result.NEUTRAL;
    }

    @Override
    public Result filter(Logger logger, Level level, Marker marker, String msg, Object p0, Object p1) {
        ErrorRecognizer r = recognizer;
        if (r != null && msg != null && counts(logger, level)) {
            unrolled(r, msg, 2, p0, p1, null, null, null, null, null, null, null, null);
        }
        return Result.NEUTRAL;
    }

    @Override
    public Result filter(Logger logger, Level level, Marker marker, String msg, Object p0, Object p1, Object p2) {
        ErrorRecognizer r = recognizer;
        if (r != null && msg != null && counts(logger, level)) {
            unrolled(r, msg, 3, p0, p1, p2, null, null, null, null, null, null, null);
        }
        return Result.NEUTRAL;
    }

    @Override
    public Result filter(Logger logger, Level level, Marker marker, String msg, Object p0, Object p1, Object p2, Object p3) {
        ErrorRecognizer r = recognizer;
        if (r != null && msg != null && counts(logger, level)) {
            unrolled(r, msg, 4, p0, p1, p2, p3, null, null, null, null, null, null);
        }
        return Result.NEUTRAL;
    }

    @Override
    public Result filter(Logger logger, Level level, Marker marker, String msg, Object p0, Object p1, Object p2, Object p3, Object p4) {
        ErrorRecognizer r = recognizer;
        if (r != null && msg != null && counts(logger, level)) {
            unrolled(r, msg, 5, p0, p1, p2, p3, p4, null, null, null, null, null);
        }
        return Result.NEUTRAL;
    }

    @Override
    public Result filter(Logger logger, Level level, Marker marker, String msg, Object p0, Object p1, Object p2, Object p3, Object p4,
            Object p5) {
        ErrorRecognizer r = recognizer;
        if (r != null && msg != null && counts(logger, level)) {
            unrolled(r, msg, 6, p0, p1, p2, p3, p4, p5, null, null, null, null);
        }
        return Result.NEUTRAL;
    }

    @Override
    public Result filter(Logger logger, Level level, Marker marker, String msg, Object p0, Object p1, Object p2, Object p3, Object p4,
            Object p5, Object p6) {
        ErrorRecognizer r = recognizer;
        if (r != null && msg != null && counts(logger, level)) {
            unrolled(r, msg, 7, p0, p1, p2, p3, p4, p5, p6, null, null, null);
        }
        return Result.NEUTRAL;
    }

    @Override
    public Result filter(Logger logger, Level level, Marker marker, String msg, Object p0, Object p1, Object p2, Object p3, Object p4,
            Object p5, Object p6, Object p7) {
        ErrorRecognizer r = recognizer;
        if (r != null && msg != null && counts(logger, level)) {
            unrolled(r, msg, 8, p0, p1, p2, p3, p4, p5, p6, p7, null, null);
        }
        return Result.NEUTRAL;
    }

    @Override
    public Result filter(Logger logger, Level level, Marker marker, String msg, Object p0, Object p1, Object p2, Object p3, Object p4,
            Object p5, Object p6, Object p7, Object p8) {
        ErrorRecognizer r = recognizer;
        if (r != null && msg != null && counts(logger, level)) {
            unrolled(r, msg, 9, p0, p1, p2, p3, p4, p5, p6, p7, p8, null);
        }
        return Result.NEUTRAL;
    }

    @Override
    public Result filter(Logger logger, Level level, Marker marker, String msg, Object p0, Object p1, Object p2, Object p3, Object p4,
            Object p5, Object p6, Object p7, Object p8, Object p9) {
        ErrorRecognizer r = recognizer;
        if (r != null && msg != null && counts(logger, level)) {
            unrolled(r, msg, 10, p0, p1, p2, p3, p4, p5, p6, p7, p8, p9);
        }
        return Result.NEUTRAL;
    }

    /** {@code logger.info(dto)}, {@code logger.info("text", ex)}, {@code logger.info(charSequence)}. */
    @Override
    public Result filter(Logger logger, Level level, Marker marker, Object msg, Throwable t) {
        ErrorRecognizer r = recognizer;
        if (r != null && msg != null && counts(logger, level)) {
            if (msg instanceof Message) {
                message(r, (Message) msg, t);
            } else {
                object(r, msg, t);
            }
        }
        return Result.NEUTRAL;
    }

    /** {@code logger.info(message)} with any {@link Message}, and the fluent {@code LogBuilder}'s {@code log(message)}. */
    @Override
    public Result filter(Logger logger, Level level, Marker marker, Message msg, Throwable t) {
        ErrorRecognizer r = recognizer;
        if (r != null && msg != null && counts(logger, level)) {
            message(r, msg, t);
        }
        return Result.NEUTRAL;
    }

    /**
     * Has dc-core's recognizer read one call, put in this thread's carrier for the time of the call; puts back what a
     * call under way on this thread had there (this call may be made by its accessor).
     */
    private void recognize(ErrorRecognizer r, @Nullable Object[] carrier, @Nullable String template, @Nullable Object @Nullable [] args,
            @Nullable Throwable t, @Nullable Object text, @Nullable IndexedReadOnlyStringMap map, String @Nullable [] fluentKeys) {
        // What a call under way on this thread left there: put back after (all null for the outermost call).
        Object outer0 = carrier[0];
        Object outer1 = carrier[1];
        Object outer2 = carrier[2];
        Object outer3 = carrier[3];
        Object outer4 = carrier[4];
        Object outer5 = carrier[5];
        Object outer6 = carrier[6];
        Log4j2Call.fill(carrier, template, args, t, text, map, fluentKeys);
        try {
            r.recognize(Log4j2Call.READER, carrier, r.counter(), failures);
        } catch (Throwable e) {
            FailureReporter.rethrowIfFatal(e);
            failures.report("counting a log call failed with " + e, e);
        } finally {
            Log4j2Call.restore(carrier, outer0, outer1, outer2, outer3, outer4, outer5, outer6);
        }
    }

    /** A call through one of Log4j2's unrolled overloads: {@code n} parameters, the rest ignored. */
    @SuppressWarnings("fallthrough")
    private void unrolled(ErrorRecognizer r, String template, int n, @Nullable Object p0, @Nullable Object p1, @Nullable Object p2,
            @Nullable Object p3, @Nullable Object p4, @Nullable Object p5, @Nullable Object p6, @Nullable Object p7, @Nullable Object p8,
            @Nullable Object p9) {
        Object[] carrier = Log4j2Call.carrier();
        Object[] args = Log4j2Call.argumentArray(carrier, n);
        switch (n) { // falls through: fills args[n - 1] down to args[0]
            case 10: args[9] = p9;
            case 9: args[8] = p8;
            case 8: args[7] = p7;
            case 7: args[6] = p6;
            case 6: args[5] = p5;
            case 5: args[4] = p4;
            case 4: args[3] = p3;
            case 3: args[2] = p2;
            case 2: args[1] = p1;
            case 1: args[0] = p0;
            default:
        }
        try {
            recognize(r, carrier, template, args, null, null, null, null);
        } finally {
            Arrays.fill(args, null); // the thread keeps no reference to the application's objects
        }
    }

    /** An object as the message ({@code logger.info(dto)}, {@code logger.info("text", ex)}): text as text, others as an argument. */
    private void object(ErrorRecognizer r, Object message, @Nullable Throwable t) {
        Object[] carrier = Log4j2Call.carrier();
        if (message instanceof String) {
            recognize(r, carrier, (String) message, null, t, null, null, null);
        } else if (message instanceof CharSequence) {
            recognize(r, carrier, null, null, t, message, null, null);
        } else {
            Object[] args = Log4j2Call.argumentArray(carrier, 1);
            args[0] = message;
            try {
                recognize(r, carrier, null, args, t, null, null, null);
            } finally {
                args[0] = null;
            }
        }
    }

    /**
     * A {@link Message}, read by its kind: a map's entries as key-value pairs, an object as the message, a template with
     * its parameters, or else the message's text ({@code getFormat()} has no reliable meaning across message kinds).
     */
    private void message(ErrorRecognizer r, Message message, @Nullable Throwable t) {
        Throwable thrown;
        try {
            thrown = t != null ? t : message.getThrowable();
        } catch (Throwable e) {
            FailureReporter.rethrowIfFatal(e);
            failures.report("a message's getThrowable() threw " + e + "; the throwable is skipped", e);
            thrown = null;
        }
        if (message instanceof MapMessage) {
            recognize(r, Log4j2Call.carrier(), null, null, thrown, null, ((MapMessage<?, ?>) message).getIndexedReadOnlyStringMap(), null);
        } else if (message instanceof ObjectMessage) {
            Object object = ((ObjectMessage) message).getParameter();
            if (object != null) {
                object(r, object, thrown);
            } else {
                recognize(r, Log4j2Call.carrier(), null, null, thrown, null, null, null);
            }
        } else if (message instanceof ParameterizedMessage) { // the template and its arguments, as for a parameterized call
            recognize(r, Log4j2Call.carrier(), ((ParameterizedMessage) message).getFormat(), message.getParameters(), thrown, null, null, null);
        } else { // SimpleMessage hands back its text; other kinds format themselves, read under the call's rules
            recognize(r, Log4j2Call.carrier(), null, null, thrown, message, null, null);
        }
    }

    /**
     * Counts nothing. Log4j2 asks a context-wide filter before the event exists, through the overloads above; it calls
     * this one on filters declared inside a logger, an appender reference or an appender, once per each of them, where
     * counting would count one call several times.
     */
    @Override
    public Result filter(LogEvent event) {
        if (misplacementReported.compareAndSet(false, true)) {
            StatusLogger.getLogger().warn("{} counts only as a context-wide filter, directly under <Configuration>: declared inside a logger "
                    + "or an appender it counts nothing (it would count a call once per logger config or appender)", NAME);
        }
        return Result.NEUTRAL;
    }

    @Override
    public String toString() {
        return NAME + "[" + (recognizer != null ? recognizer : "not counting: bad options") + ", includeDisabledLevels=" + includeDisabledLevels + "]";
    }

    // ------------------------------------------------------------------------------------ log4j2.xml attributes

    /**
     * The attributes of {@code <DevCenterErrorFilter/>}: those of {@link RecognizerOptions.Option}, under their
     * {@link Option#element()} names (checked by a test), plus {@code includeDisabledLevels}. All are read as text and
     * checked here, so that a bad value is reported naming its attribute.
     */
    public static final class Builder implements org.apache.logging.log4j.core.util.Builder<DevCenterErrorFilter> {

        @PluginBuilderAttribute("maxScanChars")
        private @Nullable String maxScanChars;
        @PluginBuilderAttribute("maxCodesPerEvent")
        private @Nullable String maxCodesPerEvent;
        @PluginBuilderAttribute("errorCodeRange")
        private @Nullable String errorCodeRange;
        @PluginBuilderAttribute("extraKey")
        private @Nullable String extraKey;
        @PluginBuilderAttribute("messageKey")
        private @Nullable String messageKey;
        @PluginBuilderAttribute("ignoreKeyCase")
        private @Nullable String ignoreKeyCase;
        @PluginBuilderAttribute("scanArguments")
        private @Nullable String scanArguments;
        @PluginBuilderAttribute("scanThrowables")
        private @Nullable String scanThrowables;
        @PluginBuilderAttribute("catalog")
        private @Nullable String catalog;
        @PluginBuilderAttribute("counts")
        private @Nullable String counts;
        @PluginBuilderAttribute("maxUnknownCodes")
        private @Nullable String maxUnknownCodes;
        /** This filter's own option: whether calls at levels the logger drops count too; default false. */
        @PluginBuilderAttribute("includeDisabledLevels")
        private @Nullable String includeDisabledLevels;
        @PluginConfiguration
        private @Nullable Configuration configuration;

        Builder() {
        }

        /** {@code maxScanChars}: see {@link Option#MAX_SCAN_CHARS}. */
        public Builder setMaxScanChars(@Nullable String maxScanChars) {
            this.maxScanChars = maxScanChars;
            return this;
        }

        /** {@code maxCodesPerEvent}: see {@link Option#MAX_CODES_PER_EVENT}. */
        public Builder setMaxCodesPerEvent(@Nullable String maxCodesPerEvent) {
            this.maxCodesPerEvent = maxCodesPerEvent;
            return this;
        }

        /** {@code errorCodeRange}: see {@link Option#ERROR_CODE_RANGE}. */
        public Builder setErrorCodeRange(@Nullable String errorCodeRange) {
            this.errorCodeRange = errorCodeRange;
            return this;
        }

        /** {@code extraKey} (comma-separated): see {@link Option#EXTRA_KEY}. */
        public Builder setExtraKey(@Nullable String extraKey) {
            this.extraKey = extraKey;
            return this;
        }

        /** {@code messageKey} (comma-separated): see {@link Option#MESSAGE_KEY}. */
        public Builder setMessageKey(@Nullable String messageKey) {
            this.messageKey = messageKey;
            return this;
        }

        /** {@code ignoreKeyCase}: see {@link Option#IGNORE_KEY_CASE}. */
        public Builder setIgnoreKeyCase(@Nullable String ignoreKeyCase) {
            this.ignoreKeyCase = ignoreKeyCase;
            return this;
        }

        /** {@code scanArguments}: see {@link Option#SCAN_ARGUMENTS}. */
        public Builder setScanArguments(@Nullable String scanArguments) {
            this.scanArguments = scanArguments;
            return this;
        }

        /** {@code scanThrowables}: see {@link Option#SCAN_THROWABLES}. */
        public Builder setScanThrowables(@Nullable String scanThrowables) {
            this.scanThrowables = scanThrowables;
            return this;
        }

        /** {@code catalog}: see {@link Option#CATALOG}. */
        public Builder setCatalog(@Nullable String catalog) {
            this.catalog = catalog;
            return this;
        }

        /** {@code counts}: see {@link Option#COUNTS}. */
        public Builder setCounts(@Nullable String counts) {
            this.counts = counts;
            return this;
        }

        /** {@code maxUnknownCodes}: see {@link Option#MAX_UNKNOWN_CODES}. */
        public Builder setMaxUnknownCodes(@Nullable String maxUnknownCodes) {
            this.maxUnknownCodes = maxUnknownCodes;
            return this;
        }

        /** The configuration that declares the filter; Log4j2 sets it. */
        public Builder setConfiguration(@Nullable Configuration configuration) {
            this.configuration = configuration;
            return this;
        }

        /** {@code includeDisabledLevels}: whether calls at levels the logger drops count too; default false. */
        public Builder setIncludeDisabledLevels(@Nullable String includeDisabledLevels) {
            this.includeDisabledLevels = includeDisabledLevels;
            return this;
        }

        /** The filter; with a bad option reported through the status logger, one that counts nothing. */
        @Override
        public DevCenterErrorFilter build() {
            RecognizerOptions options = new RecognizerOptions();
            StatusReporter reporter = new StatusReporter();
            Integer n;
            if ((n = integer(Option.MAX_SCAN_CHARS, maxScanChars, reporter)) != null) {
                options.setMaxScanChars(n);
            }
            if ((n = integer(Option.MAX_CODES_PER_EVENT, maxCodesPerEvent, reporter)) != null) {
                options.setMaxCodesPerEvent(n);
            }
            if ((n = integer(Option.MAX_UNKNOWN_CODES, maxUnknownCodes, reporter)) != null) {
                options.setMaxUnknownCodes(n);
            }
            Boolean b;
            if ((b = bool(Option.IGNORE_KEY_CASE.element(), ignoreKeyCase, reporter)) != null) {
                options.setIgnoreKeyCase(b);
            }
            if ((b = bool(Option.SCAN_THROWABLES.element(), scanThrowables, reporter)) != null) {
                options.setScanThrowables(b);
            }
            Boolean disabled = bool("includeDisabledLevels", includeDisabledLevels, reporter);
            if (errorCodeRange != null) {
                options.setErrorCodeRange(errorCodeRange);
            }
            if (scanArguments != null) {
                options.setScanArguments(scanArguments.trim());
            }
            if (catalog != null) {
                options.setCatalog(catalog);
            }
            if (counts != null) {
                options.setCounts(counts.trim());
            }
            options.setExtraKeys(list(extraKey));
            options.setMessageKeys(list(messageKey));
            ErrorRecognizer recognizer = null;
            NamedCounts where = Log4j2Counts.of(configuration);
            if (reporter.errors == 0) {
                recognizer = options.build(where, reporter);
            } else {
                options.validate(reporter); // reports the other bad options too
            }
            if (recognizer == null) {
                StatusLogger.getLogger().error("{} counts nothing: fix the attributes above. Logging goes on.", NAME);
            }
            return new DevCenterErrorFilter(recognizer, where, options.getCounts(), Boolean.TRUE.equals(disabled), pairKeys(options.getExtraKeys()),
                    configuration);
        }

        private static List<String> list(@Nullable String commaSeparated) {
            List<String> items = new ArrayList<>();
            if (commaSeparated != null) {
                for (String item : commaSeparated.split(",")) {
                    if (!item.isBlank()) {
                        items.add(item.trim());
                    }
                }
            }
            return items;
        }

        private static @Nullable Integer integer(Option option, @Nullable String value, StatusReporter reporter) {
            if (value == null) {
                return null;
            }
            try {
                return Integer.valueOf(value.trim());
            } catch (NumberFormatException e) {
                reporter.error(option, "'" + value + "' is not a whole number; default " + option.defaultValue() + ". " + option.description());
                return null;
            }
        }

        private static @Nullable Boolean bool(String attribute, @Nullable String value, StatusReporter reporter) {
            if (value == null) {
                return null;
            }
            String v = value.trim();
            if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
                return Boolean.valueOf(v);
            }
            reporter.error(attribute, "'" + value + "' is not true or false");
            return null;
        }
    }

    /** Problems of the attributes, through Log4j2's status logger, naming the attribute. */
    private static final class StatusReporter implements RecognizerOptions.Reporter {

        int errors;

        @Override
        public void error(Option option, String message) {
            error(option.element(), message);
        }

        void error(String attribute, String message) {
            errors++;
            StatusLogger.getLogger().error("{} attribute {}: {}", NAME, attribute, message);
        }

        @Override
        public void warn(Option option, String message) {
            StatusLogger.getLogger().warn("{} attribute {}: {}", NAME, option.element(), message);
        }
    }
}
