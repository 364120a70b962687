package dev.dcerrors.logback;

import ch.qos.logback.core.Context;
import dev.dcerrors.core.ErrorRecognizer;
import dev.dcerrors.core.NamedCounts;
import dev.dcerrors.core.RecognizerOptions;
import java.lang.ref.WeakReference;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jspecify.annotations.Nullable;

/**
 * What the components of one logger context share about recognition: the counts that {@code <counts>} names, and the
 * appenders whose recognizers the pattern converters use when no turbo filter counts (else a recognizer with the
 * default options, made once). Kept per context, held weakly, for as long as the context lives: a context's objects
 * and listeners are cleared by {@code reset()} and {@code stop()}, and named counts must outlive both, as the binder
 * publishing them does.
 */
final class ContextRecognition {

    private static final Map<Context, ContextRecognition> BY_CONTEXT = Collections.synchronizedMap(new WeakHashMap<>());

    private final NamedCounts counts = new NamedCounts();
    /**
     * Per counts name, the appender started last: the converters use its recognizer while it runs. Held weakly: an
     * appender refers to its context, which must stay collectable (the key of {@link #BY_CONTEXT}).
     */
    private final ConcurrentMap<String, WeakReference<DevCenterErrorAppender>> appenders = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, ErrorRecognizer> defaults = new ConcurrentHashMap<>();

    /** The state of {@code context}, made on first use; a fresh one, shared by nothing, without a context. */
    static ContextRecognition of(@Nullable Context context) {
        return context == null ? new ContextRecognition() : BY_CONTEXT.computeIfAbsent(context, c -> new ContextRecognition());
    }

    /** The counts that {@code <counts>} names in this context. */
    NamedCounts counts() {
        return counts;
    }

    /**
     * {@code appender} of these counts starts with {@code recognizer}: it takes over the readers of the appender it
     * replaces (that of the configuration before a reset), and is the converters' appender from now on.
     */
    ErrorRecognizer appenderStarted(String countsName, DevCenterErrorAppender appender, ErrorRecognizer recognizer) {
        WeakReference<DevCenterErrorAppender> replaced = appenders.put(countsName, new WeakReference<>(appender));
        DevCenterErrorAppender previous = replaced == null ? null : replaced.get();
        return recognizer.reusingObjectReaders(previous == null ? null : previous.lastRecognizer());
    }

    /** The recognizer of the last appender started for these counts while it runs, or null. */
    @Nullable ErrorRecognizer appender(String countsName) {
        WeakReference<DevCenterErrorAppender> last = appenders.get(countsName);
        DevCenterErrorAppender appender = last == null ? null : last.get();
        return appender == null ? null : appender.recognizer();
    }

    /** A recognizer with the default options over the counts of this name, made once. */
    ErrorRecognizer defaults(String countsName) {
        return defaults.computeIfAbsent(countsName, name -> {
            RecognizerOptions options = new RecognizerOptions();
            options.setCounts(name);
            // a bad counts name throws IllegalArgumentException naming it (the defaults themselves are valid)
            return Objects.requireNonNull(options.build(counts, RecognizerOptions.Reporter.failing()));
        });
    }
}
