package dev.dcerrors.core;

/**
 * The sink that keeps the first response code of a log call and stops the recognizer there, for code that shows a
 * call's code without counting it (the pattern converters). One instance per call: it is not thread-safe.
 */
public final class FirstCode implements CodeSink {

    /** What {@link #code()} returns when the call has no response code. */
    public static final int NONE = -1;

    private int code = NONE;

    @Override
    public boolean accept(int value) {
        if (code == NONE) {
            code = value;
        }
        return true;
    }

    @Override
    public int capacity() {
        return 1;
    }

    /** The first response code of the call (200 included), or {@link #NONE}. */
    public int code() {
        return code;
    }
}
