package dev.dcerrors.core;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One log call for tests of the recognizer: its parts, read through {@link #READER} as an adapter reads a logging
 * system's call, and counted through {@link ErrorRecognizer#recognize}.
 */
record OneCall(@Nullable String template, @Nullable Object @Nullable [] args, @Nullable String text, List<String> keys, List<Object> values,
        @Nullable Throwable throwable) {

    /** Reads a {@link OneCall}. */
    static final LogCall<OneCall> READER = new LogCall<>() {
        @Override
        public @Nullable CharSequence template(OneCall call) {
            return call.template;
        }

        @Override
        public @Nullable Object @Nullable [] arguments(OneCall call) {
            return call.args;
        }

        @Override
        public @Nullable CharSequence text(OneCall call) {
            return call.text;
        }

        @Override
        public int keyValueCount(OneCall call) {
            return call.keys.size();
        }

        @Override
        public @Nullable String key(OneCall call, int index) {
            return call.keys.get(index);
        }

        @Override
        public @Nullable Object value(OneCall call, int index) {
            return call.values.get(index);
        }

        @Override
        public @Nullable Throwable throwable(OneCall call) {
            return call.throwable;
        }
    };

    /** Fails a test on any user-code failure. */
    static final FailureReporter FAIL = (problem, cause) -> {
        throw new AssertionError(problem, cause);
    };

    /** Counts the codes of this call, at most {@code budget}; returns how many were counted. */
    int count(ErrorRecognizer recognizer, int budget) {
        CodeSink counter = recognizer.counter();
        CodeSink bounded = new CodeSink() {
            @Override
            public boolean accept(int value) {
                return counter.accept(value);
            }

            @Override
            public int capacity() {
                return budget;
            }
        };
        return recognizer.recognize(READER, this, budget >= recognizer.maxCodesPerEvent() ? counter : bounded, FAIL);
    }

    /** Counts the codes in {@code text}, at most {@code budget}; returns how many were counted. */
    static int text(ErrorRecognizer recognizer, CharSequence text, int budget) {
        return new OneCall(null, null, text.toString(), List.of(), List.of(), null).count(recognizer, budget);
    }

    /** Counts the codes of an SLF4J message template with its arguments. */
    static int template(ErrorRecognizer recognizer, CharSequence template, @Nullable Object @Nullable [] args, int budget) {
        return new OneCall(template.toString(), args, null, List.of(), List.of(), null).count(recognizer, budget);
    }

    /** Counts a key-value pair of the fluent API. */
    static int keyValue(ErrorRecognizer recognizer, @Nullable String key, @Nullable Object value, int budget) {
        return new OneCall(null, null, null, java.util.Collections.singletonList(key), java.util.Collections.singletonList(value), null)
                .count(recognizer, budget);
    }
}
