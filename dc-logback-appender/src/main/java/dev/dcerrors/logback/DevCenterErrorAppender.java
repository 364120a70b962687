package dev.dcerrors.logback;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import dev.dcerrors.core.ErrorCounts;
import dev.dcerrors.core.ErrorRecognizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Counts the Developer Center error codes of the events it receives: their formatted message, SLF4J
 * key-value pairs, chosen MDC entries and, optionally, throwable messages. Use it instead of the turbo
 * filter to keep scanning off the application's thread (put it behind an {@code AsyncAppender}), or to
 * count only the events of some loggers (attach it to those loggers).
 *
 * <p>Using both: when the logger context also runs a started {@link DevCenterErrorTurboFilter} that writes
 * to the same counts, the turbo filter has counted every event already, so this appender counts nothing
 * (unless {@link #setCountAlongsideTurboFilter} is set, for counts that are meant to be kept apart).
 */
public class DevCenterErrorAppender extends UnsynchronizedAppenderBase<ILoggingEvent> {

    private final RecognizerSettings settings = new RecognizerSettings();
    private final List<String> mdcKeys = new ArrayList<>();
    private boolean countAlongsideTurboFilter;
    private final EventScanning scanning = new EventScanning(this, "DevCenterErrorAppender");
    private volatile @Nullable ErrorRecognizer recognizer;

    @Override
    public void start() {
        ErrorRecognizer built = settings.build(this);
        if (built == null) {
            addError("DevCenterErrorAppender[" + getName() + "] not started: fix the options above. No codes are counted.");
            return;
        }
        recognizer = built;
        super.start();
    }

    @Override
    public void stop() {
        recognizer = null;
        super.stop();
    }

    @Override
    protected void append(ILoggingEvent event) {
        ErrorRecognizer r = recognizer;
        if (r == null || (!countAlongsideTurboFilter && turboFilterCounts(r.counts()))) {
            return;
        }
        try {
            int budget = r.maxCodesPerEvent();
            budget -= r.recognizeText(event.getFormattedMessage(), budget);
            budget -= scanning.scanKeyValuePairs(r, event.getKeyValuePairs(), budget);
            if (!mdcKeys.isEmpty()) {
                Map<String, String> mdc = event.getMDCPropertyMap();
                for (int i = 0, n = mdcKeys.size(); i < n && budget > 0 && mdc != null; i++) {
                    String value = mdc.get(mdcKeys.get(i));
                    if (value != null) {
                        int asCode = r.recognizeValue(value, budget);
                        budget -= asCode > 0 ? asCode : r.recognizeText(value, budget);
                    }
                }
            }
            if (settings.scanThrowables) {
                IThrowableProxy proxy = event.getThrowableProxy();
                for (int depth = 0; proxy != null && depth < EventScanning.MAX_CAUSE_DEPTH && budget > 0; depth++, proxy = proxy.getCause()) {
                    String message = proxy.getMessage();
                    if (message != null) {
                        budget -= r.recognizeText(message, budget);
                    }
                }
            }
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            scanning.reportOnce("counting a log event failed with " + e, e);
        }
    }

    /** Whether a started turbo filter of this context counts into {@code counts} already. */
    private boolean turboFilterCounts(ErrorCounts counts) {
        if (!(getContext() instanceof LoggerContext)) {
            return false;
        }
        for (TurboFilter filter : ((LoggerContext) getContext()).getTurboFilterList()) {
            if (filter instanceof DevCenterErrorTurboFilter && ((DevCenterErrorTurboFilter) filter).isCounting() && ((DevCenterErrorTurboFilter) filter).counts() == counts) {
                return true;
            }
        }
        return false;
    }

    /** The counts this appender writes to; meaningful once started. */
    public ErrorCounts counts() {
        return settings.resolveCounts();
    }

    // ---------------------------------------------------------------- options (logback.xml elements)

    /** {@code <maxScanChars>}: how many characters of one text are read at most; default 65536. */
    public void setMaxScanChars(int maxScanChars) {
        settings.maxScanChars = maxScanChars;
    }

    /** {@code <maxCodesPerEvent>}: how many codes one event counts at most; default 16. */
    public void setMaxCodesPerEvent(int maxCodesPerEvent) {
        settings.maxCodesPerEvent = maxCodesPerEvent;
    }

    /** {@code <errorCodeRange>}: values outside the catalog that count as unknown errors; default {@code 4000-5999}. */
    public void setErrorCodeRange(String errorCodeRange) {
        settings.errorCodeRange = errorCodeRange;
    }

    /** {@code <extraKey>}, repeatable: a key besides {@code code}. */
    public void addExtraKey(String extraKey) {
        settings.extraKeys.add(extraKey);
    }

    /** {@code <ignoreKeyCase>}: whether keys match regardless of ASCII case; default false. */
    public void setIgnoreKeyCase(boolean ignoreKeyCase) {
        settings.ignoreKeyCase = ignoreKeyCase;
    }

    /** {@code <scanThrowables>}: whether throwable messages (and their causes) are scanned; default false. */
    public void setScanThrowables(boolean scanThrowables) {
        settings.scanThrowables = scanThrowables;
    }

    /** {@code <catalog>}: a file path or {@code classpath:resource} of extra catalog rows. */
    public void setCatalog(String catalog) {
        settings.catalog = catalog;
    }

    /** {@code <counts>}: the name of the {@link ErrorCounts} instance to write to; default {@code default}. */
    public void setCounts(String counts) {
        settings.counts = counts;
    }

    /** {@code <mdcKey>}, repeatable: an MDC entry to scan, as text or as a bare code value. */
    public void addMdcKey(String mdcKey) {
        mdcKeys.add(mdcKey);
    }

    /** {@code <countAlongsideTurboFilter>}: count even when a turbo filter counts into the same counts; default false. */
    public void setCountAlongsideTurboFilter(boolean countAlongsideTurboFilter) {
        this.countAlongsideTurboFilter = countAlongsideTurboFilter;
    }
}
