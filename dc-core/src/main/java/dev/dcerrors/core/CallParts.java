package dev.dcerrors.core;

import org.jspecify.annotations.Nullable;

/**
 * What a {@link LogCall} reader is handed to read the parts that its logging system structures itself (the structured
 * arguments and markers of logstash-logback-encoder): each value it finds goes through the rules of the call under way,
 * as a key-value pair or as an argument. Given by {@link ErrorRecognizer#recognize} for the length of one call; made
 * once per recognizer for counting, so reading through it allocates nothing.
 */
public interface CallParts {

    /** A key-value pair: its value counts when the key is a code key and the value a code. Returns how many codes were taken (0 or 1). */
    int keyValue(@Nullable String key, @Nullable Object value, int budget);

    /**
     * A value read as a log argument is read ({@code scanArguments}): text as text, a response object through its
     * accessors, others through {@code toString()} with {@code all}; what user code throws skips it and goes to
     * {@code failures}. Returns how many codes were taken.
     */
    int argument(@Nullable Object value, int budget, FailureReporter failures);

    /** Whether user code may run: false in a log call made by user code (an accessor that logs), which reads no objects. */
    boolean readsObjects();
}
