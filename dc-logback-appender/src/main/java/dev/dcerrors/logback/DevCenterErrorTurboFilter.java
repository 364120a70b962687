package dev.dcerrors.logback;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import dev.dcerrors.core.ErrorCounts;
import dev.dcerrors.core.ErrorRecognizer;
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
 * template (resolving {@code code={}} from its argument), the {@code String} arguments, SLF4J key-value
 * pairs of the fluent API, and optionally other arguments through {@code toString()} and the messages of
 * the throwable and its causes. Each log call is counted once, however many appenders it reaches.
 *
 * <p>Nothing here locks, allocates when nothing matches, touches a meter registry, or throws into the
 * application: a failure inside the filter is reported once through Logback's status messages and the
 * event goes on unchanged. Options are validated in {@link #start()}; a filter with a bad option reports
 * each through {@code addError}, naming the element, and does not start: it then answers NEUTRAL and
 * counts nothing.
 *
 * <p>Counts go to {@link ErrorCounts#shared()} unless {@link #setCounts} names another instance; they
 * outlive the filter. Across {@code LoggerContext.reset()} and reconfiguration (scan="true", a JoranConfigurator
 * re-run) the counting filter is put back right after the reset and counts on while the new configuration is
 * read; a re-declared filter hands its options to it, so exactly one instance counts (see {@link FilterHandover}).
 */
public class DevCenterErrorTurboFilter extends TurboFilter {

    private final RecognizerSettings settings = new RecognizerSettings();
    private boolean includeDisabledLevels;
    private final EventScanning scanning = new EventScanning(this, "DevCenterErrorTurboFilter");

    /** What a started filter counts with; replaced as a whole, read once per log call. */
    record Config(ErrorRecognizer recognizer, RecognizerSettings.ArgumentScan argumentScan, boolean scanThrowables,
            boolean includeDisabledLevels) {
    }

    /** Set while the filter counts; null means: not counting. */
    private volatile @Nullable Config active;
    /** The configuration of the last start, kept for {@link #rejoin()} after a reset. */
    private volatile @Nullable Config last;
    private volatile boolean keptAcrossReconfiguration;

    @Override
    public void start() {
        ErrorRecognizer built = settings.build(this);
        if (built == null) {
            addError("DevCenterErrorTurboFilter not started: fix the options above. Logging goes on; no codes are counted.");
            return;
        }
        Config config = new Config(built, settings.argumentScan(), settings.scanThrowables, includeDisabledLevels);
        last = config;
        if (getContext() instanceof LoggerContext && !FilterHandover.of((LoggerContext) getContext(), settings.counts).claim(this, config)) {
            // Another instance counts into the same counts in this context (it survived a reset): it took over
            // this configuration, and this one stays out of the way, so that no log call counts twice.
            addInfo("DevCenterErrorTurboFilter: the instance already counting into '" + settings.counts + "' takes over this configuration");
            super.start();
            return;
        }
        active = config;
        super.start();
    }

    @Override
    public void stop() {
        active = null;
        super.stop();
    }

    /** Takes over a newer instance's configuration (see {@link FilterHandover}). */
    void adopt(Config config) {
        last = config;
        if (active != null) {
            active = config;
        }
    }

    /** Counts again after {@code LoggerContext.reset()} stopped this filter; false when it never started. */
    boolean rejoin() {
        Config config = last;
        if (config == null) {
            return false;
        }
        active = config;
        super.start();
        return true;
    }

    @Override
    public FilterReply decide(@Nullable Marker marker, Logger logger, Level level, @Nullable String format,
            @Nullable Object @Nullable [] params, @Nullable Throwable t) {
        Config config = active;
        if (config != null && format != null) { // no message: an isXxxEnabled() probe
            try {
                count(config, logger, level, format, params, null, t);
            } catch (RuntimeException | LinkageError | StackOverflowError e) {
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
        Config config = active;
        if (config != null) {
            try {
                count(config, logger, Level.convertAnSLF4JLevel(event.getLevel()), event.getMessage(), event.getArgumentArray(),
                        event.getKeyValuePairs(), event.getThrowable());
            } catch (RuntimeException | LinkageError | StackOverflowError e) {
                scanning.reportOnce("counting a log event failed with " + e, e);
            }
        }
        return FilterReply.NEUTRAL;
    }

    /** Counts the codes of one log call, both paths alike: template, arguments, key-value pairs, throwable. */
    private void count(Config config, Logger logger, Level level, @Nullable String template, @Nullable Object @Nullable [] params,
            @Nullable List<KeyValuePair> pairs, @Nullable Throwable t) {
        if (!levelCounts(config, logger, level)) {
            return;
        }
        ErrorRecognizer r = config.recognizer();
        int budget = r.maxCodesPerEvent();
        if (template != null) {
            budget -= r.recognizeTemplate(template, params, budget);
        }
        budget -= scanArguments(config, params, budget);
        budget -= scanning.scanKeyValuePairs(r, pairs, budget);
        if (config.scanThrowables()) {
            scanning.scanThrowable(r, t, budget);
        }
    }

    private static boolean levelCounts(Config config, Logger logger, Level level) {
        // Not logger.isEnabledFor(level): that calls the turbo filters again.
        return config.includeDisabledLevels() || level.isGreaterOrEqual(logger.getEffectiveLevel());
    }

    private int scanArguments(Config config, @Nullable Object @Nullable [] params, int budget) {
        if (params == null || config.argumentScan() == RecognizerSettings.ArgumentScan.NONE) {
            return 0;
        }
        int counted = 0;
        for (int i = 0; i < params.length && counted < budget; i++) {
            counted += scanning.scanArgument(config.recognizer(), params[i], config.argumentScan(), budget - counted);
        }
        return counted;
    }

    /** Whether this instance counts now (started, and not standing aside for another instance). */
    public boolean isCounting() {
        return active != null;
    }

    /** The counts this filter writes to; meaningful once started. */
    public ErrorCounts counts() {
        return settings.resolveCounts();
    }

    // ---------------------------------------------------------------- options (logback.xml elements)

    /** {@code <maxScanChars>}: how many characters of one text are read at most; default 65536. */
    public void setMaxScanChars(int maxScanChars) {
        settings.maxScanChars = maxScanChars;
    }

    /** {@code <maxCodesPerEvent>}: how many codes one log call counts at most (batch responses); default 16. */
    public void setMaxCodesPerEvent(int maxCodesPerEvent) {
        settings.maxCodesPerEvent = maxCodesPerEvent;
    }

    /** {@code <errorCodeRange>}: values outside the catalog that count as unknown errors, e.g. {@code 4000-5999} (default) or {@code 4000-4999,7001}. */
    public void setErrorCodeRange(String errorCodeRange) {
        settings.errorCodeRange = errorCodeRange;
    }

    /** {@code <extraKey>}, repeatable: a key besides {@code code}, e.g. {@code errorCode}. */
    public void addExtraKey(String extraKey) {
        settings.extraKeys.add(extraKey);
    }

    /** {@code <ignoreKeyCase>}: whether keys match regardless of ASCII case; default false. */
    public void setIgnoreKeyCase(boolean ignoreKeyCase) {
        settings.ignoreKeyCase = ignoreKeyCase;
    }

    /** {@code <includeDisabledLevels>}: whether calls at levels the logger drops are counted too; default false. */
    public void setIncludeDisabledLevels(boolean includeDisabledLevels) {
        this.includeDisabledLevels = includeDisabledLevels;
    }

    /** {@code <scanArguments>}: {@code strings} (default: String and CharSequence arguments), {@code all} (others through toString()), or {@code none}. */
    public void setScanArguments(String scanArguments) {
        settings.scanArguments = scanArguments;
    }

    /** {@code <scanThrowables>}: whether the messages of the throwable and its causes are scanned; default false. */
    public void setScanThrowables(boolean scanThrowables) {
        settings.scanThrowables = scanThrowables;
    }

    /** {@code <catalog>}: a file path or {@code classpath:resource} of extra catalog rows (codes outside the table, overrides). */
    public void setCatalog(String catalog) {
        settings.catalog = catalog;
    }

    /**
     * For a filter installed by code rather than declared in logback.xml (the Spring Boot starter does this):
     * a later configuration that does not declare the filter keeps it instead of retiring it. Default false.
     */
    public void setKeptAcrossReconfiguration(boolean keptAcrossReconfiguration) {
        this.keptAcrossReconfiguration = keptAcrossReconfiguration;
    }

    boolean keptAcrossReconfiguration() {
        return keptAcrossReconfiguration;
    }

    /** {@code <counts>}: the name of the {@link ErrorCounts} instance to write to; default {@code default}, the shared one. */
    public void setCounts(String counts) {
        settings.counts = counts;
    }
}
