package dev.dcerrors.core;

import org.jspecify.annotations.Nullable;

/** Counts one part of a log call as a whole log call, as the turbo filter brackets its parts: for tests of the recognizer. */
final class OneCall {

    private OneCall() {
    }

    /** Counts the codes in {@code text}, at most {@code budget}; returns how many were counted. */
    static int text(ErrorRecognizer recognizer, CharSequence text, int budget) {
        long enclosing = recognizer.beginCall();
        try {
            return recognizer.scanText(text, recognizer.counter(), budget);
        } finally {
            recognizer.endCall(enclosing);
        }
    }

    /** Counts the codes of an SLF4J message template with its arguments. */
    static int template(ErrorRecognizer recognizer, CharSequence template, @Nullable Object @Nullable [] args, int budget) {
        long enclosing = recognizer.beginCall();
        try {
            return recognizer.scanTemplate(template, args, recognizer.counter(), budget);
        } finally {
            recognizer.endCall(enclosing);
        }
    }

    /** Counts a key-value pair of the fluent API. */
    static int keyValue(ErrorRecognizer recognizer, @Nullable String key, @Nullable Object value, int budget) {
        long enclosing = recognizer.beginCall();
        try {
            return recognizer.scanKeyValue(key, value, recognizer.counter(), budget);
        } finally {
            recognizer.endCall(enclosing);
        }
    }
}
