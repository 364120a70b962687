package dev.dcerrors.logback;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import ch.qos.logback.core.status.Status;
import dev.dcerrors.core.ErrorCounts;
import dev.dcerrors.core.ErrorRecognizer;
import dev.dcerrors.core.FailureReporter;
import dev.dcerrors.core.RecognizerOptions;
import org.jspecify.annotations.Nullable;
import org.slf4j.Marker;

/**
 * Counts the Developer Center error codes of every log call, on the caller's thread, before any
 * appender runs. One line in logback.xml installs it:
 *
 * <pre>{@code <turboFilter class="dev.dcerrors.logback.DevCenterErrorTurboFilter"/>}</pre>
 *
 * <p>It always answers {@link FilterReply#NEUTRAL}: it observes and never changes what is logged. It
 * skips {@code isXxxEnabled()} probes (no message) and, unless {@link #setIncludeDisabledLevels}, calls
 * at levels the logger drops, as Micrometer's {@code LogbackMetrics} does. Otherwise it scans the message
 * template (resolving {@code code={}} from its argument), the arguments ({@code scanArguments}), SLF4J
 * key-value pairs of the fluent API, logstash-logback-encoder's structured arguments and markers
 * ({@code LogstashArguments}), and the messages of the throwable and its causes ({@code scanThrowables}, on by
 * default). Each log call is counted once, however many appenders it reaches.
 *
 * <p>Nothing here locks, allocates when nothing matches, touches a meter registry, or throws into the
 * application: a failure inside the filter is reported once through Logback's status messages and the
 * event goes on unchanged. The options are those of {@link RecognizerOptions}, set through the thin setters
 * of {@link RecognizerOptionsElements}; they are validated in {@link #start()}, each bad one reported with {@code addError} naming its
 * element, and a filter with a bad option does not start: it answers NEUTRAL and counts nothing.
 *
 * <p>Counts go to {@link ErrorCounts#shared()} unless {@code <counts>} names others, which live in the logger context
 * ({@link LogbackCounts}); they outlive the filter. Across {@code LoggerContext.reset()} and reconfiguration exactly one filter per context and counts
 * counts, without a gap: see {@link FilterSeat}.
 */
public class DevCenterErrorTurboFilter extends TurboFilter implements RecognizerOptionsElements {

    private final RecognizerOptions options;
    /** The recognizer given to {@link #install(LoggerContext, ErrorRecognizer, boolean)}, used instead of building one from the options. */
    private final @Nullable ErrorRecognizer given;
    private boolean includeDisabledLevels;
    private boolean installedByCode;
    private final FailureReporter failures = OptionReporter.userCodeFailures(this, "DevCenterErrorTurboFilter");

    /** What a counting filter counts with; replaced as a whole, read once per log call. */
    record Counting(ErrorRecognizer recognizer, boolean includeDisabledLevels) {
    }

    /** Set while this filter counts; null when it does not (not started, stopped, or another filter holds the seat). */
    private volatile @Nullable Counting counting;

    public DevCenterErrorTurboFilter() {
        this(new RecognizerOptions(), null);
    }

    private DevCenterErrorTurboFilter(RecognizerOptions options, @Nullable ErrorRecognizer given) {
        this.options = options;
        this.given = given;
    }

    /**
     * Installs a filter by code, as the Spring Boot starter does: configured from {@code options}, started, added to
     * {@code context}, and kept across reconfigurations that do not declare it. Remove it with {@link #uninstall()}.
     *
     * @return the filter, or null when a filter counting into the same counts is in the context already
     * @throws IllegalArgumentException listing every bad option
     */
    public static @Nullable DevCenterErrorTurboFilter install(LoggerContext context, RecognizerOptions options, boolean includeDisabledLevels) {
        return install(new DevCenterErrorTurboFilter(options, null), context, includeDisabledLevels);
    }

    /**
     * Installs a filter that counts with {@code recognizer}, built by its caller (the Spring Boot starter, over the counts
     * of this context's {@link LogbackCounts} of its name), as {@link #install(LoggerContext, RecognizerOptions, boolean)}
     * does.
     *
     * @return the filter, or null when a filter counting into the same counts is in the context already
     */
    public static @Nullable DevCenterErrorTurboFilter install(LoggerContext context, ErrorRecognizer recognizer, boolean includeDisabledLevels) {
        RecognizerOptions named = new RecognizerOptions();
        named.setCounts(recognizer.counts().name());
        return install(new DevCenterErrorTurboFilter(named, recognizer), context, includeDisabledLevels);
    }

    private static @Nullable DevCenterErrorTurboFilter install(DevCenterErrorTurboFilter filter, LoggerContext context, boolean includeDisabledLevels) {
        if (countingIn(context, filter.options.getCounts()) != null) {
            return null;
        }
        filter.includeDisabledLevels = includeDisabledLevels;
        filter.installedByCode = true;
        filter.setContext(context);
        filter.setName("devcenter-errors");
        long statusesBefore = context.getStatusManager().getCount();
        filter.start();
        if (!filter.isStarted()) {
            StringBuilder problems = new StringBuilder("DevCenterErrorTurboFilter could not start:");
            context.getStatusManager().getCopyOfStatusList().stream().skip(statusesBefore).filter(s -> s.getLevel() == Status.ERROR)
                    .forEach(s -> problems.append("\n  ").append(s.getMessage()));
            throw new IllegalArgumentException(problems.toString());
        }
        context.addTurboFilter(filter);
        FilterSeat.of(context, filter.options.getCounts()).placeFirst(filter);
        return filter;
    }

    /**
     * The filter of {@code context} that counts into the counts of this name (any counts when null), or null: the one
     * place that looks for it (the appender steps back for it, the converters use its recognizer, install() does not
     * install twice).
     */
    static @Nullable DevCenterErrorTurboFilter countingIn(LoggerContext context, @Nullable String countsName) {
        for (TurboFilter filter : context.getTurboFilterList()) {
            if (filter instanceof DevCenterErrorTurboFilter) {
                ErrorRecognizer r = ((DevCenterErrorTurboFilter) filter).recognizer();
                if (r != null && (countsName == null || r.counts().name().equals(countsName))) {
                    return (DevCenterErrorTurboFilter) filter;
                }
            }
        }
        return null;
    }

    @Override
    public void start() {
        ErrorRecognizer recognizer = given != null ? given : options.build(ContextRecognition.of(getContext()).counts(), new OptionReporter(this));
        if (recognizer == null) {
            addError("DevCenterErrorTurboFilter not started: fix the options above. Logging goes on; no codes are counted.");
            return;
        }
        Counting wanted = new Counting(recognizer, includeDisabledLevels);
        super.start();
        if (getContext() instanceof LoggerContext) {
            FilterSeat.of((LoggerContext) getContext(), options.getCounts()).take(this, wanted);
        } else {
            countWith(wanted);
        }
    }

    /** Stops counting. {@code LoggerContext.reset()} calls this too; the {@link FilterSeat} then puts the filter back. */
    @Override
    public void stop() {
        counting = null;
        super.stop();
    }

    /** Stops this filter and takes it out of its logger context for good: a later reset does not put it back. */
    public void uninstall() {
        if (getContext() instanceof LoggerContext) {
            FilterSeat.of((LoggerContext) getContext(), options.getCounts()).vacate(this);
        }
        stop();
    }

    /** Set by the {@link FilterSeat} only. */
    void countWith(@Nullable Counting wanted) {
        counting = wanted;
    }

    /** Counts again after a reset stopped this filter; by the {@link FilterSeat} only. */
    void resume(Counting wanted) {
        counting = wanted;
        super.start();
    }

    boolean installedByCode() {
        return installedByCode;
    }

    @Override
    public FilterReply decide(@Nullable Marker marker, Logger logger, Level level, @Nullable String format,
            @Nullable Object @Nullable [] params, @Nullable Throwable t) {
        Counting now = counting;
        if (now != null && format != null) { // no message: an isXxxEnabled() probe
            // Not logger.isEnabledFor(level): that calls the turbo filters again.
            if (now.includeDisabledLevels() || level.isGreaterOrEqual(logger.getEffectiveLevel())) {
                Object[] carrier = TurboFilterCall.carrier();
                // What a call under way on this thread left there (this call may be made by its accessor): put back after.
                Object outerTemplate = carrier[0];
                Object outerArguments = carrier[1];
                Object outerThrowable = carrier[2];
                Object outerMarker = carrier[3];
                TurboFilterCall.fill(carrier, format, params, t, marker);
                try {
                    now.recognizer().recognize(TurboFilterCall.CLASSIC, carrier, now.recognizer().counter(), failures);
                } catch (Throwable e) {
                    FailureReporter.rethrowIfFatal(e);
                    failures.report("counting a log event failed with " + e, e);
                } finally {
                    TurboFilterCall.fill(carrier, outerTemplate, outerArguments, outerThrowable, outerMarker);
                }
            }
        }
        return FilterReply.NEUTRAL;
    }

    /**
     * The SLF4J 2 fluent API's path (Logback 1.5.21 and later): the only one that sees key-value pairs.
     * Overridden so that a fluent call is counted here, once, and not again through the other
     * {@code decide}.
     */
    @Override
    public FilterReply decide(Logger logger, org.slf4j.event.LoggingEvent event) {
        Counting now = counting;
        if (now != null) {
            try {
                if (now.includeDisabledLevels() || Level.convertAnSLF4JLevel(event.getLevel()).isGreaterOrEqual(logger.getEffectiveLevel())) {
                    now.recognizer().recognize(TurboFilterCall.FLUENT, event, now.recognizer().counter(), failures);
                }
            } catch (Throwable e) {
                FailureReporter.rethrowIfFatal(e);
                failures.report("counting a log event failed with " + e, e);
            }
        }
        return FilterReply.NEUTRAL;
    }

    /** Whether this instance counts now (started, and holding its context's seat). */
    public boolean isCounting() {
        return counting != null;
    }

    /** The recognizer this filter counts with, or null when it does not count. */
    @Nullable ErrorRecognizer recognizer() {
        Counting now = counting;
        return now == null ? null : now.recognizer();
    }

    /** The counts this filter writes to. */
    public ErrorCounts counts() {
        ErrorRecognizer now = recognizer();
        return now != null ? now.counts() : ContextRecognition.of(getContext()).counts().get(options.getCounts());
    }

    /** The options that the logback.xml elements ({@link RecognizerOptionsElements}) fill in. */
    @Override
    public RecognizerOptions recognizerOptions() {
        return options;
    }

    /** {@code <includeDisabledLevels>}: whether calls at levels the logger drops are counted too; default false. This filter's own option. */
    public void setIncludeDisabledLevels(boolean includeDisabledLevels) {
        this.includeDisabledLevels = includeDisabledLevels;
    }
}
