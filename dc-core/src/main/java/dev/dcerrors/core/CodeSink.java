package dev.dcerrors.core;

/**
 * Receives the values that {@link CodeScanner} finds after a code key. Implementations run on the
 * logging thread: they must not block, allocate or throw.
 */
@FunctionalInterface
public interface CodeSink {

    /**
     * Takes one value found in the text.
     *
     * @param value a non-negative integer of at most nine digits
     * @return whether the value was counted; the scanner stops when the budget of counted values is used up
     */
    boolean accept(int value);
}
