package dev.dcerrors.logback;

import ch.qos.logback.core.spi.ContextAware;
import dev.dcerrors.core.ErrorRecognizer;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.event.KeyValuePair;

/**
 * Scanning of the parts of a log event that the turbo filter and the appender share: arguments,
 * throwables. Never throws: a part that fails (a {@code toString()} or {@code getMessage()} that throws)
 * is skipped, and the first such failure is reported through the component's status messages.
 */
final class EventScanning {

    /** How deep a throwable's cause chain is followed. */
    static final int MAX_CAUSE_DEPTH = 8;

    /** Set while this thread runs an argument's {@code toString()}, so that a log call made from it does not recurse into toString again. */
    private static final ThreadLocal<Boolean> IN_TO_STRING = new ThreadLocal<>();

    private final ContextAware reporter;
    private final String component;
    private final AtomicBoolean failureReported = new AtomicBoolean();

    EventScanning(ContextAware reporter, String component) {
        this.reporter = reporter;
        this.component = component;
    }

    /** Counts the codes in one argument; returns how many. */
    int scanArgument(ErrorRecognizer recognizer, @Nullable Object argument, RecognizerSettings.ArgumentScan mode, int budget) {
        if (argument instanceof CharSequence) {
            return recognizer.recognizeText((CharSequence) argument, budget);
        }
        if (mode != RecognizerSettings.ArgumentScan.ALL || argument == null || argument instanceof Number
                || argument instanceof Throwable || IN_TO_STRING.get() != null) {
            return 0;
        }
        String text;
        IN_TO_STRING.set(Boolean.TRUE);
        try {
            text = argument.toString();
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            reportOnce("an argument's toString() threw " + e + "; such arguments are skipped", e);
            return 0;
        } finally {
            IN_TO_STRING.remove();
        }
        return text == null ? 0 : recognizer.recognizeText(text, budget);
    }

    /** Counts SLF4J key-value pairs whose key is a code key and whose value is a code; returns how many. */
    int scanKeyValuePairs(ErrorRecognizer recognizer, @Nullable List<KeyValuePair> pairs, int budget) {
        int counted = 0;
        if (pairs != null) {
            for (int i = 0, n = pairs.size(); i < n && counted < budget; i++) {
                KeyValuePair pair = pairs.get(i);
                counted += recognizer.recognizeKeyValue(pair.key, pair.value, budget - counted);
            }
        }
        return counted;
    }

    /** Counts the codes in the messages of a throwable and its causes; returns how many. */
    int scanThrowable(ErrorRecognizer recognizer, @Nullable Throwable throwable, int budget) {
        int counted = 0;
        Throwable current = throwable;
        for (int depth = 0; current != null && depth < MAX_CAUSE_DEPTH && counted < budget; depth++) {
            try {
                String message = current.getMessage();
                if (message != null) {
                    counted += recognizer.recognizeText(message, budget - counted);
                }
                Throwable cause = current.getCause();
                current = cause == current ? null : cause;
            } catch (RuntimeException | LinkageError | StackOverflowError e) {
                reportOnce("a throwable's getMessage() or getCause() threw " + e + "; it is skipped", e);
                return counted;
            }
        }
        return counted;
    }

    /** Reports a problem of the logging path once, not per event: a status warning must not flood. */
    void reportOnce(String problem, Throwable cause) {
        if (failureReported.compareAndSet(false, true)) {
            reporter.addWarn(component + ": " + problem + " (reported once; counting goes on)", cause);
        }
    }
}
