package dev.dcerrors.micrometer;

import dev.dcerrors.core.ErrorCatalog;
import dev.dcerrors.core.ErrorCounts;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashSet;
import java.util.Set;
import java.util.function.IntConsumer;

/**
 * What the metrics side has learnt of one {@link ErrorCounts} so far: the codes that have a count, whether
 * {@code other} has one, and the catalog in force. Shared by every {@link Publication} of those counts, so
 * that the counts are scanned once per round, whatever the number of registries.
 *
 * <p>A {@link #scan()} reads the counters (about a microsecond for the built-in catalog: one
 * {@code LongAdder.sum()} per catalog code and a walk of the unknown-code table) and raises the
 * {@link #generation()} when it finds a new code, {@code other}'s first count or another catalog object;
 * a publication that has applied the current generation has nothing to do. Owned by a {@link Registrar},
 * and only ever used under its lock.
 */
final class CountsWatch {

    /** Codes below this are remembered in a bit set (the catalog's range); others in a hash set. */
    private static final int SMALL_CODES = 100_000;

    private final ErrorCounts counts;
    private ErrorCatalog catalog;
    private final BitSet smallCodes = new BitSet();
    private final Set<Integer> largeCodes = new HashSet<>();
    private int[] seen = new int[64];
    private int seenSize;
    private boolean otherSeen;
    private long generation;
    private final IntConsumer see = this::see;

    CountsWatch(ErrorCounts counts) {
        this.counts = counts;
        this.catalog = counts.catalog();
    }

    /** The counts watched. */
    ErrorCounts counts() {
        return counts;
    }

    /** Reads the counts; raises the generation when something new needs a series or new labels. */
    void scan() {
        ErrorCatalog now = counts.catalog();
        if (now != catalog) { // ErrorCounts.addCatalog installs a new catalog object
            catalog = now;
            generation++;
        }
        counts.forEachCatalogCodeSeen(see);
        counts.forEachUnknownCode(see);
        if (!otherSeen && counts.otherCount() > 0) {
            otherSeen = true;
            generation++;
        }
    }

    private void see(int code) {
        boolean added;
        if (code >= 0 && code < SMALL_CODES) {
            added = !smallCodes.get(code);
            smallCodes.set(code);
        } else {
            added = largeCodes.add(code);
        }
        if (added) {
            if (seenSize == seen.length) {
                seen = Arrays.copyOf(seen, seenSize * 2);
            }
            seen[seenSize++] = code;
            generation++;
        }
    }

    /** The catalog as of the last scan. */
    ErrorCatalog catalog() {
        return catalog;
    }

    /** Changes with every scan that found something new. */
    long generation() {
        return generation;
    }

    /** Calls {@code action} with every code seen with a count so far, in the order they were found. */
    void forEachSeen(IntConsumer action) {
        for (int i = 0; i < seenSize; i++) {
            action.accept(seen[i]);
        }
    }

    /** Whether {@code other} has counted anything. */
    boolean otherSeen() {
        return otherSeen;
    }
}
