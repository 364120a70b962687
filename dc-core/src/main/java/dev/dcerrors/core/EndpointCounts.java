package dev.dcerrors.core;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * Error responses counted at their source, by endpoint, side and code: what {@code devcenter_endpoint_errors_total}
 * publishes. Bounded by construction:
 *
 * <ul>
 *   <li>at most {@link #maxEndpoints()} distinct endpoints over both sides, each the first seen; any further endpoint
 *       is counted as {@link #OTHER} of its side;</li>
 *   <li>a pair (endpoint, code) only when it occurred; the code by the rules of the {@link ErrorCounts} it goes with (an
 *       unknown code that those counts count under {@code other} is {@code other} here too, see {@link CodeLabels});</li>
 *   <li>at most {@link #maxPairs()} pairs; any further pair is counted as ({@link #OTHER}, {@code other}) of its side.</li>
 * </ul>
 *
 * <p>Recording is lock-free (a compare-and-set claims a new endpoint or pair) and allocates only the first time an
 * endpoint or a pair is seen. Reading is safe from any thread; counts only grow.
 */
public final class EndpointCounts {

    /** The default bound on distinct endpoints. */
    public static final int DEFAULT_MAX_ENDPOINTS = 50;
    /** The largest bound on distinct endpoints that can be configured. */
    public static final int MAX_ENDPOINTS_LIMIT = 1_000;
    /** The {@code endpoint} label of the endpoints beyond the bound. */
    public static final String OTHER = "other";
    /** How many codes per endpoint, on average, the pair table holds. */
    private static final int PAIRS_PER_ENDPOINT = 32;
    /** The code of the pairs counted under {@code other}. */
    private static final int OTHER_CODE = -1;

    /** Created on first use: {@link #shared()}. */
    private static final class Shared {
        static final EndpointCounts INSTANCE = new EndpointCounts(ErrorCounts.shared());
    }

    private final ErrorCounts counts;
    private final int maxEndpoints;
    /** Per side, the endpoints by target, then by method. */
    private final ConcurrentMap<String, Target> servers = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Target> clients = new ConcurrentHashMap<>();
    private final AtomicInteger endpointsClaimed = new AtomicInteger();
    /** The names of endpoint ids: 0 and 1 are {@code other} of the server and client sides. */
    private final AtomicReferenceArray<String> names;
    private final Exchange.Side[] sides;
    private final int maxPairs;
    /** Open addressing: (id + 1) << 32 | (code + 2), 0 for empty; the adder made by whoever claims the key. */
    private final AtomicLongArray pairKeys;
    private final AtomicReferenceArray<LongAdder> pairAdders;
    private final AtomicInteger pairsClaimed = new AtomicInteger();
    private final LongAdder[] overflow = {new LongAdder(), new LongAdder()};

    /** The endpoints of one target (route template, URI template or host) by method; replaced as a whole when one is added. */
    private static final class Target {
        volatile String[] methods = new String[0];
        volatile int[] ids = new int[0];
    }

    /**
     * Endpoint counts that go with {@code counts}, keeping at most {@code maxEndpoints} endpoints apart.
     *
     * @throws IllegalArgumentException when {@code maxEndpoints} is not 1-{@value #MAX_ENDPOINTS_LIMIT}
     */
    public EndpointCounts(ErrorCounts counts, int maxEndpoints) {
        if (maxEndpoints < 1 || maxEndpoints > MAX_ENDPOINTS_LIMIT) {
            throw new IllegalArgumentException("maxEndpoints must be 1-" + MAX_ENDPOINTS_LIMIT + ": " + maxEndpoints);
        }
        this.counts = counts;
        this.maxEndpoints = maxEndpoints;
        this.names = new AtomicReferenceArray<>(maxEndpoints + 2);
        this.sides = new Exchange.Side[maxEndpoints + 2];
        names.set(0, OTHER);
        names.set(1, OTHER);
        sides[0] = Exchange.Side.SERVER;
        sides[1] = Exchange.Side.CLIENT;
        this.maxPairs = (maxEndpoints + 2) * PAIRS_PER_ENDPOINT;
        int capacity = Integer.highestOneBit(maxPairs * 2 - 1) << 1;
        this.pairKeys = new AtomicLongArray(capacity);
        this.pairAdders = new AtomicReferenceArray<>(capacity);
    }

    /**
     * The endpoint counts that go with {@link ErrorCounts#shared()}, with the default bound: where the HTTP client
     * interceptors count when given no counter ({@link ResponseCounter#shared()}), and what a binder over the shared
     * counts publishes when given no endpoint counts.
     */
    public static EndpointCounts shared() {
        return Shared.INSTANCE;
    }

    /** Endpoint counts that go with {@code counts}, with the default bound. */
    public EndpointCounts(ErrorCounts counts) {
        this(counts, DEFAULT_MAX_ENDPOINTS);
    }

    /**
     * Counts one error response with {@code code} at endpoint {@code method target} of {@code side}: the endpoint its
     * own while the bound allows, else {@link #OTHER}; the code its own or {@code other} by the rules of the counts.
     * A success (200) and negative values are ignored. Lock-free; never throws.
     *
     * @param method the HTTP method ({@code GET}), or null when there is none
     * @param target a route template, a URI template or a host: never a raw path with ids in it; null when the source
     *     does not know it (a request no route matched): counted as {@link #OTHER}
     */
    public void record(Exchange.Side side, @org.jspecify.annotations.Nullable String method, @org.jspecify.annotations.Nullable String target,
            int code) {
        if (code < 0 || code == ErrorCode.SUCCESS) {
            return;
        }
        int id = target == null ? side.ordinal() : endpoint(side, method == null ? "" : method, target);
        int labelled = counts.countsUnderOther(code) ? OTHER_CODE : code;
        LongAdder adder = pairAdder(id, labelled);
        (adder != null ? adder : overflow[side.ordinal()]).increment();
    }

    private int endpoint(Exchange.Side side, String method, String target) {
        ConcurrentMap<String, Target> bySide = side == Exchange.Side.SERVER ? servers : clients;
        Target t = bySide.get(target);
        if (t != null) {
            int id = find(t, method);
            if (id >= 0) {
                return id;
            }
        }
        if (endpointsClaimed.get() >= maxEndpoints) {
            return side.ordinal();
        }
        if (t == null) {
            t = bySide.computeIfAbsent(target, k -> new Target());
        }
        synchronized (t) { // only the first time an endpoint is seen
            int id = find(t, method);
            if (id >= 0) {
                return id;
            }
            int claimed = endpointsClaimed.incrementAndGet();
            if (claimed > maxEndpoints) {
                endpointsClaimed.decrementAndGet();
                return side.ordinal();
            }
            int newId = claimed + 1;
            sides[newId] = side;
            names.set(newId, method.isEmpty() ? target : method + " " + target);
            String[] methods = java.util.Arrays.copyOf(t.methods, t.methods.length + 1);
            int[] ids = java.util.Arrays.copyOf(t.ids, t.ids.length + 1);
            methods[methods.length - 1] = method;
            ids[ids.length - 1] = newId;
            t.ids = ids;
            t.methods = methods;
            return newId;
        }
    }

    private static int find(Target t, String method) {
        String[] methods = t.methods;
        int[] ids = t.ids;
        for (int i = 0; i < methods.length && i < ids.length; i++) {
            if (methods[i].equals(method)) {
                return ids[i];
            }
        }
        return -1;
    }

    private @org.jspecify.annotations.Nullable LongAdder pairAdder(int id, int code) {
        long key = ((long) (id + 1) << 32) | ((code + 2) & 0xFFFF_FFFFL);
        int mask = pairKeys.length() - 1;
        int i = mix(key) & mask;
        for (int probes = 0; probes <= mask; probes++, i = (i + 1) & mask) {
            long existing = pairKeys.get(i);
            if (existing == key) {
                LongAdder adder = pairAdders.get(i);
                if (adder != null) {
                    return adder;
                }
                return waitForAdder(i);
            }
            if (existing != 0) {
                continue;
            }
            if (pairsClaimed.get() >= maxPairs) {
                return null;
            }
            if (pairsClaimed.incrementAndGet() > maxPairs) {
                pairsClaimed.decrementAndGet();
                return null;
            }
            if (pairKeys.compareAndSet(i, 0, key)) {
                LongAdder adder = new LongAdder();
                pairAdders.set(i, adder);
                return adder;
            }
            pairsClaimed.decrementAndGet();
            if (pairKeys.get(i) == key) {
                return waitForAdder(i);
            }
        }
        return null;
    }

    /** The adder of a pair another thread claimed a moment ago: it sets it right after its compare-and-set. */
    private LongAdder waitForAdder(int slot) {
        LongAdder adder;
        while ((adder = pairAdders.get(slot)) == null) {
            Thread.onSpinWait();
        }
        return adder;
    }

    private static int mix(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }

    // ---------------------------------------------------------------- reading

    /** What {@link #forEach} hands over: one (endpoint, side, code) series and its count. */
    @FunctionalInterface
    public interface PairAction {
        /**
         * @param key identifies the series for as long as these counts live: pass it to {@link #count(long)}
         * @param code the error code, or -1 for {@code other}
         */
        void accept(long key, String endpoint, Exchange.Side side, int code);
    }

    /** Calls {@code action} with each (endpoint, side, code) that has a count, and with ({@link #OTHER}, side, other) once pairs overflowed. */
    public void forEach(PairAction action) {
        for (int i = 0; i < pairKeys.length(); i++) {
            long key = pairKeys.get(i);
            if (key != 0 && pairAdders.get(i) != null) {
                int id = (int) (key >>> 32) - 1;
                action.accept(key, names.get(id), sides[id], (int) key - 2);
            }
        }
        for (Exchange.Side side : Exchange.Side.values()) {
            if (overflow[side.ordinal()].sum() > 0) {
                action.accept(-1 - side.ordinal(), OTHER, side, OTHER_CODE);
            }
        }
    }

    /** How many series there are (or are being made): changes when {@link #forEach} has a new one to hand over. */
    public int size() {
        int size = pairsClaimed.get();
        for (LongAdder o : overflow) {
            size += o.sum() > 0 ? 1 : 0;
        }
        return size;
    }

    /** The count of the series {@link #forEach} handed over with {@code key}. */
    public long count(long key) {
        if (key < 0) {
            return overflow[(int) (-1 - key)].sum();
        }
        int mask = pairKeys.length() - 1;
        int i = mix(key) & mask;
        for (int probes = 0; probes <= mask; probes++, i = (i + 1) & mask) {
            long existing = pairKeys.get(i);
            if (existing == key) {
                LongAdder adder = pairAdders.get(i);
                return adder == null ? 0 : adder.sum();
            }
            if (existing == 0) {
                return 0;
            }
        }
        return 0;
    }

    /** The count of errors with {@code code} at {@code endpoint} (as labelled: {@code "POST /login"}) of {@code side}; for tests and tools. */
    public long count(String endpoint, Exchange.Side side, int code) {
        long[] total = {0};
        forEach((key, name, s, c) -> {
            if (name.equals(endpoint) && s == side && c == code) {
                total[0] += count(key);
            }
        });
        return total[0];
    }

    /** The counts these go with: their catalog labels the codes. */
    public ErrorCounts counts() {
        return counts;
    }

    /** The bound on distinct endpoints. */
    public int maxEndpoints() {
        return maxEndpoints;
    }

    /** The bound on distinct (endpoint, code) pairs. */
    public int maxPairs() {
        return maxPairs;
    }

    @Override
    public String toString() {
        return "EndpointCounts[" + counts.name() + ", maxEndpoints=" + maxEndpoints + "]";
    }
}
