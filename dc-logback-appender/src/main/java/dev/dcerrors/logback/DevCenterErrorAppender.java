package dev.dcerrors.logback;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import dev.dcerrors.core.ErrorCounts;
import dev.dcerrors.core.ErrorRecognizer;
import dev.dcerrors.core.FailureReporter;
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
 * <p>Its options are those of {@link RecognizerOptions}, through the thin setters of {@link RecognizerOptionsElements},
 * plus its own {@code <mdcKey>}.
 *
 * <p>Using both: when the logger context also runs a counting {@link DevCenterErrorTurboFilter} that writes
 * to the same counts, the turbo filter has counted every event already, so this appender counts nothing. An
 * appender with counts of its own ({@code <counts>}) counts beside the turbo filter.
 */
public class DevCenterErrorAppender extends UnsynchronizedAppenderBase<ILoggingEvent> implements RecognizerOptionsElements {

    private final RecognizerOptions options = new RecognizerOptions();
    private final List<String> mdcKeys = new ArrayList<>();
    private final LoggingEventCall reader = new LoggingEventCall(mdcKeys);
    private final FailureReporter failures = OptionReporter.userCodeFailures(this, "DevCenterErrorAppender");
    private volatile @Nullable ErrorRecognizer recognizer;
    /** The recognizer of the last start, kept after stop(): the appender that replaces this one takes over its readers. */
    private volatile @Nullable ErrorRecognizer lastRecognizer;

    @Override
    public void start() {
        ContextRecognition recognition = ContextRecognition.of(getContext());
        ErrorRecognizer built = options.build(recognition.counts(), new OptionReporter(this));
        if (built == null) {
            addError("DevCenterErrorAppender[" + getName() + "] not started: fix the options above. No codes are counted.");
            return;
        }
        ErrorRecognizer started = recognition.appenderStarted(options.getCounts(), this, built); // the converters' recognizer too
        recognizer = started;
        lastRecognizer = started;
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
        if (r == null || getContext() instanceof LoggerContext
                && DevCenterErrorTurboFilter.countingIn((LoggerContext) getContext(), r.counts().name()) != null) {
            return; // a counting turbo filter of this context writes to these counts already
        }
        try {
            r.recognize(reader, event, r.counter(), failures);
        } catch (Throwable e) {
            FailureReporter.rethrowIfFatal(e);
            failures.report("counting a log event failed with " + e, e);
        }
    }

    /** The counts this appender writes to. */
    public ErrorCounts counts() {
        ErrorRecognizer r = recognizer;
        return r != null ? r.counts() : ContextRecognition.of(getContext()).counts().get(options.getCounts());
    }

    /** The recognizer, while started. */
    @Nullable ErrorRecognizer recognizer() {
        return recognizer;
    }

    @Nullable ErrorRecognizer lastRecognizer() {
        return lastRecognizer;
    }

    /** The options that the logback.xml elements ({@link RecognizerOptionsElements}) fill in. */
    @Override
    public RecognizerOptions recognizerOptions() {
        return options;
    }

    /** {@code <mdcKey>}, repeatable: an MDC entry to scan, as text or as a bare code value. This appender's own option. */
    public void addMdcKey(String mdcKey) {
        mdcKeys.add(mdcKey);
    }
}
