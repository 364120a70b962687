package dev.dcerrors.logback;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
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
 * outlive the filter, so a {@code LoggerContext.reset()} and reconfiguration loses nothing.
 */
public class DevCenterErrorTurboFilter extends TurboFilter {

    private final RecognizerSettings settings = new RecognizerSettings();
    private boolean includeDisabledLevels;
    private final EventScanning scanning = new EventScanning(this, "DevCenterErrorTurboFilter");

    /** Set by {@link #start()}, cleared by {@link #stop()}; null means: not counting. */
    private volatile @Nullable ErrorRecognizer recognizer;
    private volatile RecognizerSettings.ArgumentScan argumentScan = RecognizerSettings.ArgumentScan.STRINGS;
    private volatile boolean scanThrowables;

    @Override
    public void start() {
        ErrorRecognizer built = settings.build(this);
        if (built == null) {
            addError("DevCenterErrorTurboFilter not started: fix the options above. Logging goes on; no codes are counted.");
            return;
        }
        argumentScan = settings.argumentScan();
        scanThrowables = settings.scanThrowables;
        recognizer = built;
        super.start();
    }

    @Override
    public void stop() {
        recognizer = null;
        super.stop();
    }

    @Override
    public FilterReply decide(@Nullable Marker marker, Logger logger, Level level, @Nullable String format,
            @Nullable Object @Nullable [] params, @Nullable Throwable t) {
        ErrorRecognizer r = recognizer;
        if (r == null || format == null || !levelCounts(logger, level)) {
            return FilterReply.NEUTRAL;
        }
        try {
            int budget = r.maxCodesPerEvent();
            budget -= r.recognizeTemplate(format, params, budget);
            budget -= scanArguments(r, params, budget);
            if (scanThrowables) {
                scanning.scanThrowable(r, t, budget);
            }
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            scanning.reportOnce("counting a log event failed with " + e, e);
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
        ErrorRecognizer r = recognizer;
        if (r == null) {
            return FilterReply.NEUTRAL;
        }
        try {
            if (!levelCounts(logger, Level.convertAnSLF4JLevel(event.getLevel()))) {
                return FilterReply.NEUTRAL;
            }
            int budget = r.maxCodesPerEvent();
            Object[] params = event.getArgumentArray();
            String message = event.getMessage();
            if (message != null) {
                budget -= r.recognizeTemplate(message, params, budget);
            }
            budget -= scanArguments(r, params, budget);
            List<KeyValuePair> pairs = event.getKeyValuePairs();
            if (pairs != null) {
                for (int i = 0, n = pairs.size(); i < n && budget > 0; i++) {
                    KeyValuePair pair = pairs.get(i);
                    budget -= r.recognizeKeyValue(pair.key, pair.value, budget);
                }
            }
            if (scanThrowables) {
                scanning.scanThrowable(r, event.getThrowable(), budget);
            }
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            scanning.reportOnce("counting a log event failed with " + e, e);
        }
        return FilterReply.NEUTRAL;
    }

    private boolean levelCounts(Logger logger, Level level) {
        // Not logger.isEnabledFor(level): that calls the turbo filters again.
        return includeDisabledLevels || level.isGreaterOrEqual(logger.getEffectiveLevel());
    }

    private int scanArguments(ErrorRecognizer r, @Nullable Object @Nullable [] params, int budget) {
        if (params == null || argumentScan == RecognizerSettings.ArgumentScan.NONE) {
            return 0;
        }
        int counted = 0;
        for (int i = 0; i < params.length && counted < budget; i++) {
            counted += scanning.scanArgument(r, params[i], argumentScan, budget - counted);
        }
        return counted;
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

    /** {@code <counts>}: the name of the {@link ErrorCounts} instance to write to; default {@code default}, the shared one. */
    public void setCounts(String counts) {
        settings.counts = counts;
    }
}
