package dev.dcerrors.core;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntConsumer;

/**
 * The lock-free counts that the logging side increments and the metrics side reads.
 *
 * <p>There is one {@link LongAdder} per catalog code, created up front; up to
 * {@link #maxUnknownCodes()} distinct codes outside the catalog get a counter of their own on first
 * sight, and any further unknown code is counted under {@code other}. Successful responses (code 200)
 * have a counter of their own. Recording never locks, never allocates (but for the cells a
 * {@code LongAdder} adds under contention) and never throws; reading is safe from any thread at any
 * time. Counts only grow: a reader computes rates from them, as from any counter.
 *
 * <p>The logging side and the metrics side usually meet at {@link #shared()}, the instance that a
 * turbo filter configured with no options writes to and that a binder created with no arguments
 * publishes. Other instances are made where a configuration names them ({@link NamedCounts}: a Logback context, a
 * Spring application) or by whoever holds them ({@code new ErrorCounts()}), and handed to the binder explicitly.
 */
public final class ErrorCounts {

    /** The default bound on distinct unknown codes counted separately. */
    public static final int DEFAULT_MAX_UNKNOWN_CODES = 50;
    /** The largest bound on distinct unknown codes that can be configured. */
    public static final int MAX_UNKNOWN_CODES_LIMIT = 10_000;
    /**
     * The message that labels a code outside the catalog (category {@code unknown}, severity {@code error}) wherever
     * counts are published: the binder's series, dc-cli's backfill.
     */
    public static final String UNKNOWN_MESSAGE = "Not in the catalog.";
    /** The code label of the unknown codes counted under {@code other}: those beyond {@link #maxUnknownCodes()}. */
    public static final String OTHER = "other";
    /** The message that labels {@link #OTHER}. */
    public static final String OTHER_MESSAGE = "Unknown codes beyond the limit of distinct unknown codes.";
    /** The name of {@link #shared()}. */
    public static final String DEFAULT_NAME = "default";

    /** Declared before {@link #SHARED}, which takes the first. */
    private static final AtomicInteger IDS = new AtomicInteger();
    private static final ErrorCounts SHARED = new ErrorCounts(DEFAULT_NAME, ErrorCatalog.builtIn(), DEFAULT_MAX_UNKNOWN_CODES);

    private final String name;
    /** Tells these counts apart from others in the per-thread state of an {@link Exchange}. */
    private final int id = IDS.incrementAndGet();
    private volatile Layout layout;
    private final LongAdder success = new LongAdder();
    private final LongAdder other = new LongAdder();
    private final int maxUnknownCodes;
    // Unknown codes: an open-addressing table of (code + 1) keys, 0 for empty, with adders made up front.
    private final AtomicIntegerArray unknownKeys;
    private final LongAdder[] unknownAdders;
    private final AtomicInteger unknownClaimed = new AtomicInteger();

    /** The catalog and one adder per catalog slot; replaced as a whole when the catalog grows. */
    private static final class Layout {
        final ErrorCatalog catalog;
        final LongAdder[] adders;

        Layout(ErrorCatalog catalog, LongAdder[] adders) {
            this.catalog = catalog;
            this.adders = adders;
        }
    }

    /** Counts over the built-in catalog with the default bound on unknown codes. */
    public ErrorCounts() {
        this(ErrorCatalog.builtIn(), DEFAULT_MAX_UNKNOWN_CODES);
    }

    /**
     * Counts over {@code catalog}, keeping at most {@code maxUnknownCodes} distinct unknown codes apart.
     *
     * @throws IllegalArgumentException when {@code maxUnknownCodes} is negative or above {@value #MAX_UNKNOWN_CODES_LIMIT}
     */
    public ErrorCounts(ErrorCatalog catalog, int maxUnknownCodes) {
        this("unnamed", catalog, maxUnknownCodes);
    }

    /**
     * Counts named {@code name} (the {@code <counts>} a configuration gives, see {@link NamedCounts}) over {@code catalog}.
     *
     * @throws IllegalArgumentException when {@code maxUnknownCodes} is negative or above {@value #MAX_UNKNOWN_CODES_LIMIT}
     */
    public ErrorCounts(String name, ErrorCatalog catalog, int maxUnknownCodes) {
        if (maxUnknownCodes < 0 || maxUnknownCodes > MAX_UNKNOWN_CODES_LIMIT) {
            // A plain precondition: RecognizerOptions owns the message users see, naming the element or property.
            throw new IllegalArgumentException("maxUnknownCodes must be 0-" + MAX_UNKNOWN_CODES_LIMIT + ": " + maxUnknownCodes);
        }
        this.name = name;
        this.maxUnknownCodes = maxUnknownCodes;
        LongAdder[] adders = new LongAdder[catalog.size()];
        for (int i = 0; i < adders.length; i++) {
            adders[i] = new LongAdder();
        }
        this.layout = new Layout(catalog, adders);
        int capacity = Integer.highestOneBit(Math.max(8, maxUnknownCodes * 2) - 1) << 1;
        this.unknownKeys = new AtomicIntegerArray(capacity);
        this.unknownAdders = new LongAdder[capacity];
        for (int i = 0; i < capacity; i++) {
            unknownAdders[i] = new LongAdder();
        }
    }

    /**
     * The instance that filters and binders use when none is given: {@value #DEFAULT_NAME}, over the built-in catalog
     * with the default bound. The only process-wide counts.
     */
    public static ErrorCounts shared() {
        return SHARED;
    }

    // ---------------------------------------------------------------- logging side (through ErrorRecognizer)

    /**
     * Records one recognized response code: 200 as a success, a catalog code or a value in
     * {@code unknownRange} as an error; other values are ignored.
     *
     * @return whether the value was counted
     */
    boolean record(int value, CodeRange unknownRange) {
        if (value == ErrorCode.SUCCESS) {
            success.increment();
            return true;
        }
        Layout current = layout;
        int slot = current.catalog.slotOf(value);
        if (slot >= 0) {
            current.adders[slot].increment();
            return true;
        }
        if (value >= 0 && unknownRange.contains(value)) {
            unknownAdder(value).increment();
            return true;
        }
        return false;
    }

    /**
     * Records one response whose code the caller knows to be a response code, for code that counts without a
     * recognizer (a client that has the envelope in hand): 200 as a success, any other non-negative code as an error
     * (its own series for catalog codes and up to {@link #maxUnknownCodes()} unknown codes, else {@code other}).
     * Negative values are ignored. Lock-free, allocation-free, never throws.
     */
    public void recordResponse(int code) {
        if (code == ErrorCode.SUCCESS) {
            success.increment();
            return;
        }
        Layout current = layout;
        int slot = current.catalog.slotOf(code);
        if (slot >= 0) {
            current.adders[slot].increment();
        } else if (code >= 0) {
            unknownAdder(code).increment();
        }
    }

    /** The adder of an unknown code: its own while the bound allows, else {@code other}'s. */
    private LongAdder unknownAdder(int code) {
        int slot = unknownSlot(code, true);
        return slot >= 0 ? unknownAdders[slot] : other;
    }

    /**
     * The slot of an unknown code in the open-addressing table, or -1. With {@code claim}, a code not in the
     * table takes a free slot while fewer than {@link #maxUnknownCodes} are taken; lock-free (CAS).
     */
    private int unknownSlot(int code, boolean claim) {
        int key = code + 1;
        int mask = unknownKeys.length() - 1;
        int i = mix(code) & mask;
        for (int probes = 0; probes <= mask; probes++, i = (i + 1) & mask) {
            int existing = unknownKeys.get(i);
            if (existing == key) {
                return i;
            }
            if (existing != 0) {
                continue;
            }
            if (!claim || unknownClaimed.get() >= maxUnknownCodes) {
                return -1;
            }
            if (unknownClaimed.incrementAndGet() > maxUnknownCodes) {
                unknownClaimed.decrementAndGet();
                return -1;
            }
            if (unknownKeys.compareAndSet(i, 0, key)) {
                return i;
            }
            unknownClaimed.decrementAndGet(); // another thread took this slot; look at it again
            if (unknownKeys.get(i) == key) {
                return i;
            }
        }
        return -1;
    }

    private static int mix(int code) {
        int h = code * 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    // ---------------------------------------------------------------- configuration

    /**
     * Adds codes to the catalog, or overrides them. Counts made so far are kept: a code counted as unknown
     * keeps its count when it becomes a catalog code. Not for the logging path: call it when configuring.
     */
    public synchronized void addCatalog(ErrorCatalog extra) {
        Layout old = layout;
        ErrorCatalog merged = old.catalog.withOverrides(extra);
        if (merged.codes().equals(old.catalog.codes())) {
            return; // nothing changes: keep the catalog object, so that readers see no change
        }
        LongAdder[] adders = new LongAdder[merged.size()];
        for (int slot = 0; slot < adders.length; slot++) {
            int code = merged.atSlot(slot).code();
            int oldSlot = old.catalog.slotOf(code);
            if (oldSlot >= 0) {
                adders[slot] = old.adders[oldSlot];
            } else {
                int known = unknownSlot(code, false);
                adders[slot] = known >= 0 ? unknownAdders[known] : new LongAdder();
            }
        }
        layout = new Layout(merged, adders);
    }

    // ---------------------------------------------------------------- metrics side

    /** A number no other counts in this class loader have: what an {@link Exchange} remembers them by. */
    int id() {
        return id;
    }

    /** The name it was made with (the {@code <counts>} that names it, see {@link NamedCounts}), or {@code unnamed}. */
    public String name() {
        return name;
    }

    /** The current catalog: the one given at construction plus every {@link #addCatalog} since. */
    public ErrorCatalog catalog() {
        return layout.catalog;
    }

    /** The bound on distinct unknown codes counted apart from {@code other}. */
    public int maxUnknownCodes() {
        return maxUnknownCodes;
    }

    /** How many errors with {@code code} were counted (0 for a code under {@code other} or never seen). */
    public long count(int code) {
        Layout current = layout;
        int slot = current.catalog.slotOf(code);
        if (slot >= 0) {
            return current.adders[slot].sum();
        }
        int unknown = unknownSlot(code, false);
        return unknown >= 0 ? unknownAdders[unknown].sum() : 0;
    }

    /**
     * Whether an error with {@code code} is counted under {@link #OTHER}: a code outside the catalog that has no place
     * of its own while all {@link #maxUnknownCodes()} places are taken. Claims no place.
     */
    public boolean countsUnderOther(int code) {
        return layout.catalog.slotOf(code) < 0 && unknownSlot(code, false) < 0 && unknownClaimed.get() >= maxUnknownCodes;
    }

    /** How many errors were counted under {@code other}: unknown codes beyond the bound. */
    public long otherCount() {
        return other.sum();
    }

    /** How many successful responses (code 200) were counted. */
    public long successCount() {
        return success.sum();
    }

    /** How many error responses were counted, over all codes and {@code other}. */
    public long errorCount() {
        Layout current = layout;
        long total = other.sum();
        for (LongAdder adder : current.adders) {
            total += adder.sum();
        }
        for (int i = 0; i < unknownAdders.length; i++) {
            int key = unknownKeys.get(i);
            if (key != 0 && !current.catalog.contains(key - 1)) {
                total += unknownAdders[i].sum();
            }
        }
        return total;
    }

    /** Calls {@code action} with each catalog code whose count is above zero, in code order. */
    public void forEachCatalogCodeSeen(IntConsumer action) {
        Layout current = layout;
        for (int slot = 0; slot < current.adders.length; slot++) {
            if (current.adders[slot].sum() > 0) {
                action.accept(current.catalog.atSlot(slot).code());
            }
        }
    }

    /** Calls {@code action} with each unknown code that has a counter of its own (not those under {@code other}). */
    public void forEachUnknownCode(IntConsumer action) {
        ErrorCatalog catalog = layout.catalog;
        for (int i = 0; i < unknownKeys.length(); i++) {
            int key = unknownKeys.get(i);
            if (key != 0 && !catalog.contains(key - 1)) {
                action.accept(key - 1);
            }
        }
    }

    @Override
    public String toString() {
        return "ErrorCounts[" + name + ", " + layout.catalog + ", maxUnknownCodes=" + maxUnknownCodes + "]";
    }
}
