package dev.dcerrors.cli.recognition;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Counts per time bucket and series: memory grows with the number of buckets that saw a code and the
 * number of series, never with the number of events. Buckets are {@code resolution} milliseconds wide,
 * aligned to the epoch.
 */
public final class Tally {

    private final long resolution;
    private final Map<Long, long[]> buckets = new HashMap<>();
    // Log files are mostly in time order: the last bucket touched is usually the next one too.
    private long lastBucket = Long.MIN_VALUE;
    private long[] lastCounts = new long[0];

    public Tally(long resolution) {
        this.resolution = resolution;
    }

    public long resolution() {
        return resolution;
    }

    void add(long time, int series) {
        long bucket = Math.floorDiv(time, resolution);
        long[] counts = bucket == lastBucket ? lastCounts : buckets.get(bucket);
        if (counts == null || counts.length <= series) {
            counts = counts == null ? new long[series + 1] : Arrays.copyOf(counts, series + 1);
            buckets.put(bucket, counts);
        }
        counts[series]++;
        lastBucket = bucket;
        lastCounts = counts;
    }

    /** The bucket that holds {@code time}. */
    public long bucketOf(long time) {
        return Math.floorDiv(time, resolution);
    }

    /** The count of {@code series} in {@code bucket}. */
    public long count(long bucket, int series) {
        long[] counts = buckets.get(bucket);
        return counts == null || counts.length <= series ? 0 : counts[series];
    }

    /** The buckets that saw a code, in time order. */
    public long[] bucketsInOrder() {
        long[] keys = buckets.keySet().stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(keys);
        return keys;
    }
}
