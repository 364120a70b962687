package dev.dcerrors.logback;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import ch.qos.logback.core.status.Status;
import dev.dcerrors.core.ErrorCounts;
import dev.dcerrors.core.ErrorRecognizer;
import dev.dcerrors.core.RecognizerOptions;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Marker;
import org.slf4j.event.KeyValuePair;

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
 * below; they are validated in {@link #start()}, each bad one reported with {@code addError} naming its
 * element, and a filter with a bad option does not start: it answers NEUTRAL and counts nothing.
 *
 * <p>Counts go to {@link ErrorCounts#shared()} unless {@code <counts>} names another instance; they outlive the
 * filter. Across {@code LoggerContext.reset()} and reconfiguration exactly one filter per context and counts
 * counts, without a gap: see {@link FilterSeat}.
 */
public class DevCenterErrorTurboFilter extends TurboFilter {

    private final RecognizerOptions options;
    private boolean includeDisabledLevels;
    private boolean installedByCode;
    private final EventScanning scanning = new EventScanning(this, "DevCenterErrorTurboFilter");

    /** What a counting filter counts with; replaced as a whole, read once per log call. */
    record Counting(ErrorRecognizer recognizer, boolean includeDisabledLevels) {
    }

    /** Set while this filter counts; null when it does not (not started, stopped, or another filter holds the seat). */
    private volatile @Nullable Counting counting;

    public DevCenterErrorTurboFilter() {
        this(new RecognizerOptions());
    }

    private DevCenterErrorTurboFilter(RecognizerOptions options) {
        this.options = options;
    }

    /**
     * Installs a filter by code, as the Spring Boot starter does: configured from {@code options}, started, added to
     * {@code context}, and kept across reconfigurations that do not declare it. Remove it with {@link #uninstall()}.
     *
     * @return the filter, or null when a filter counting into the same counts is in the context already
     * @throws IllegalArgumentException listing every bad option
     */
    public static @Nullable DevCenterErrorTurboFilter install(LoggerContext context, RecognizerOptions options, boolean includeDisabledLevels) {
        for (Object existing : context.getTurboFilterList()) {
            if (existing instanceof DevCenterErrorTurboFilter && ((DevCenterErrorTurboFilter) existing).isCounting()
                    && ((DevCenterErrorTurboFilter) existing).options.getCounts().equals(options.getCounts())) {
                return null;
            }
        }
        DevCenterErrorTurboFilter filter = new DevCenterErrorTurboFilter(options);
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
        FilterSeat.of(context, options.getCounts()).placeFirst(filter);
        return filter;
    }

    @Override
    public void start() {
        ErrorRecognizer recognizer = options.build(new OptionReporter(this));
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
            try {
                count(now, logger, level, format, params, null, t, marker);
            } catch (Throwable e) {
                EventScanning.rethrowIfFatal(e);
                scanning.reportOnce("counting a log event failed with " + e, e);
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
                count(now, logger, Level.convertAnSLF4JLevel(event.getLevel()), event.getMessage(), event.getArgumentArray(),
                        event.getKeyValuePairs(), event.getThrowable(), event.getMarkers());
            } catch (Throwable e) {
                EventScanning.rethrowIfFatal(e);
                scanning.reportOnce("counting a log event failed with " + e, e);
            }
        }
        return FilterReply.NEUTRAL;
    }

    /** Counts the codes of one log call, both paths alike: template, arguments, key-value pairs, throwable. */
    private void count(Counting now, Logger logger, Level level, @Nullable String template, @Nullable Object @Nullable [] params,
            @Nullable List<KeyValuePair> pairs, @Nullable Throwable t, @Nullable Object markers) {
        // Not logger.isEnabledFor(level): that calls the turbo filters again.
        if (now.includeDisabledLevels() || level.isGreaterOrEqual(logger.getEffectiveLevel())) {
            scanning.countCall(now.recognizer(), template, params, pairs, t, markers);
        }
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
        return now != null ? now.counts() : ErrorCounts.named(options.getCounts());
    }

    // ------------------------------------------- logback.xml elements: thin setters over RecognizerOptions

    /** {@code <maxScanChars>}: see {@link RecognizerOptions.Option#MAX_SCAN_CHARS}. */
    public void setMaxScanChars(int maxScanChars) {
        options.setMaxScanChars(maxScanChars);
    }

    /** {@code <maxCodesPerEvent>}: see {@link RecognizerOptions.Option#MAX_CODES_PER_EVENT}. */
    public void setMaxCodesPerEvent(int maxCodesPerEvent) {
        options.setMaxCodesPerEvent(maxCodesPerEvent);
    }

    /** {@code <errorCodeRange>}: see {@link RecognizerOptions.Option#ERROR_CODE_RANGE}. */
    public void setErrorCodeRange(String errorCodeRange) {
        options.setErrorCodeRange(errorCodeRange);
    }

    /** {@code <extraKey>}, repeatable: see {@link RecognizerOptions.Option#EXTRA_KEY}. */
    public void addExtraKey(String extraKey) {
        options.addExtraKey(extraKey);
    }

    /** {@code <messageKey>}, repeatable: see {@link RecognizerOptions.Option#MESSAGE_KEY}. */
    public void addMessageKey(String messageKey) {
        options.addMessageKey(messageKey);
    }

    /** {@code <ignoreKeyCase>}: see {@link RecognizerOptions.Option#IGNORE_KEY_CASE}. */
    public void setIgnoreKeyCase(boolean ignoreKeyCase) {
        options.setIgnoreKeyCase(ignoreKeyCase);
    }

    /** {@code <scanArguments>}: see {@link RecognizerOptions.Option#SCAN_ARGUMENTS}. */
    public void setScanArguments(String scanArguments) {
        options.setScanArguments(scanArguments);
    }

    /** {@code <scanThrowables>}: see {@link RecognizerOptions.Option#SCAN_THROWABLES}. */
    public void setScanThrowables(boolean scanThrowables) {
        options.setScanThrowables(scanThrowables);
    }

    /** {@code <catalog>}: see {@link RecognizerOptions.Option#CATALOG}. */
    public void setCatalog(String catalog) {
        options.setCatalog(catalog);
    }

    /** {@code <counts>}: see {@link RecognizerOptions.Option#COUNTS}. */
    public void setCounts(String counts) {
        options.setCounts(counts);
    }

    /** {@code <maxUnknownCodes>}: see {@link RecognizerOptions.Option#MAX_UNKNOWN_CODES}. */
    public void setMaxUnknownCodes(int maxUnknownCodes) {
        options.setMaxUnknownCodes(maxUnknownCodes);
    }

    /** {@code <includeDisabledLevels>}: whether calls at levels the logger drops are counted too; default false. This filter's own option. */
    public void setIncludeDisabledLevels(boolean includeDisabledLevels) {
        this.includeDisabledLevels = includeDisabledLevels;
    }
}
