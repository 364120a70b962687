package dev.dcerrors.core;

/**
 * Receives values: from {@link CodeScanner}, each value found after a code key; from
 * {@link ErrorRecognizer#recognize}, each distinct response code of one log call. Implementations run on the
 * logging thread: they must not block, allocate or throw.
 */
@FunctionalInterface
public interface CodeSink {

    /**
     * Takes one value.
     *
     * @param value a non-negative integer of at most nine digits
     * @return whether the value was taken (counted); the scanner stops when the budget of taken values is used up
     */
    boolean accept(int value);

    /**
     * How many values this sink takes from one log call at most; the recognizer stops reading the call there, and
     * never goes past its own {@code maxCodesPerEvent}. Unbounded by default.
     */
    default int capacity() {
        return Integer.MAX_VALUE;
    }
}
