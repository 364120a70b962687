package dev.dcerrors.logback;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import dev.dcerrors.core.ErrorCounts;
import dev.dcerrors.core.ErrorRecognizer;
import dev.dcerrors.core.RecognizerOptions;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Counts the Developer Center error codes of the events it receives: the same parts as the turbo filter
 * (message template and arguments, SLF4J key-value pairs, optionally throwable messages), plus chosen MDC
 * entries. Use it instead of the turbo filter to keep scanning off the application's thread (put it behind an
 * {@code AsyncAppender}), or to count only the events of some loggers (attach it to those loggers).
 *
 * <p>Its options are those of {@link RecognizerOptions}, through the thin setters below, plus its own
 * {@code <mdcKey>}.
 *
 * <p>Using both: when the logger context also runs a counting {@link DevCenterErrorTurboFilter} that writes
 * to the same counts, the turbo filter has counted every event already, so this appender counts nothing. An
 * appender with counts of its own ({@code <counts>}) counts beside the turbo filter.
 */
public class DevCenterErrorAppender extends UnsynchronizedAppenderBase<ILoggingEvent> {

    /** The context object under which a started appender leaves its recognizer for the pattern converters: prefix + counts name. */
    static final String RECOGNIZER_KEY_PREFIX = "dev.dcerrors.appender.recognizer.";

    private final RecognizerOptions options = new RecognizerOptions();
    private final List<String> mdcKeys = new ArrayList<>();
    private final EventScanning scanning = new EventScanning(this, "DevCenterErrorAppender");
    private volatile @Nullable ErrorRecognizer recognizer;

    @Override
    public void start() {
        ErrorRecognizer built = options.build(new OptionReporter(this));
        if (built == null) {
            addError("DevCenterErrorAppender[" + getName() + "] not started: fix the options above. No codes are counted.");
            return;
        }
        recognizer = built;
        if (getContext() != null) {
            getContext().putObject(RECOGNIZER_KEY_PREFIX + options.getCounts(), built);
        }
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
        if (r == null || turboFilterCounts(r.counts())) {
            return;
        }
        try {
            scanning.countEvent(r, event, mdcKeys);
        } catch (Throwable e) {
            EventScanning.rethrowIfFatal(e);
            scanning.reportOnce("counting a log event failed with " + e, e);
        }
    }

    /** Whether a counting turbo filter of this context writes to {@code counts} already. */
    private boolean turboFilterCounts(ErrorCounts counts) {
        if (!(getContext() instanceof LoggerContext)) {
            return false;
        }
        for (TurboFilter filter : ((LoggerContext) getContext()).getTurboFilterList()) {
            if (filter instanceof DevCenterErrorTurboFilter && ((DevCenterErrorTurboFilter) filter).recognizer() != null
                    && ((DevCenterErrorTurboFilter) filter).counts() == counts) {
                return true;
            }
        }
        return false;
    }

    /** The counts this appender writes to. */
    public ErrorCounts counts() {
        ErrorRecognizer r = recognizer;
        return r != null ? r.counts() : ErrorCounts.named(options.getCounts());
    }

    /** The recognizer, while started. */
    @Nullable ErrorRecognizer recognizer() {
        return recognizer;
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

    /** {@code <mdcKey>}, repeatable: an MDC entry to scan, as text or as a bare code value. This appender's own option. */
    public void addMdcKey(String mdcKey) {
        mdcKeys.add(mdcKey);
    }
}
