package dev.dcerrors.cli.report;

import dev.dcerrors.cli.recognition.Analysis;
import dev.dcerrors.cli.recognition.Series;
import dev.dcerrors.cli.recognition.Tally;
import dev.dcerrors.core.ErrorCategory;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The data of the charts both summaries draw, computed from the sparse tallies (never a dense array over
 * the time range, which one odd timestamp could make huge).
 */
public final class Charts {

    private Charts() {
    }

    /**
     * Errors by category over time: {@code columns} columns of {@code span} milliseconds each from
     * {@code start}; {@code values[category][column]} is the errors in that span.
     */
    record CategoryChart(long start, long span, int columns, List<ErrorCategory> categories, long[][] values) {

        long total(int category) {
            long sum = 0;
            for (long v : values[category]) {
                sum += v;
            }
            return sum;
        }

        long peak(int category) {
            long max = 0;
            for (long v : values[category]) {
                max = Math.max(max, v);
            }
            return max;
        }
    }

    /** One minute of the security timeline: counts in the order of {@link Series#SECURITY_CODES}. */
    record SecurityMinute(long minute, long[] counts) {
    }

    /** Errors per hour by category, in at most {@code maxColumns} columns of whole hours. */
    static CategoryChart errorsByCategory(Analysis analysis, int maxColumns) {
        Tally hourly = analysis.hourly();
        long[] buckets = hourly.bucketsInOrder();
        List<Series> series = analysis.series();
        Map<ErrorCategory, Integer> rows = new EnumMap<>(ErrorCategory.class);
        for (Series s : series) {
            if (!s.isSuccess() && s.total > 0) {
                rows.put(s.category, 0);
            }
        }
        List<ErrorCategory> categories = new ArrayList<>(rows.keySet());
        for (int i = 0; i < categories.size(); i++) {
            rows.put(categories.get(i), i);
        }
        if (buckets.length == 0) {
            return new CategoryChart(0, Analysis.HOUR, 0, categories, new long[categories.size()][0]);
        }
        long firstHour = buckets[0];
        long hours = buckets[buckets.length - 1] - firstHour + 1;
        long hoursPerColumn = (hours + maxColumns - 1) / maxColumns;
        int columns = (int) ((hours + hoursPerColumn - 1) / hoursPerColumn);
        long[][] values = new long[categories.size()][columns];
        for (long bucket : buckets) {
            int column = (int) ((bucket - firstHour) / hoursPerColumn);
            for (Series s : series) {
                if (!s.isSuccess()) {
                    long count = hourly.count(bucket, s.index);
                    if (count > 0) {
                        values[rows.get(s.category)][column] += count;
                    }
                }
            }
        }
        return new CategoryChart(firstHour * Analysis.HOUR, hoursPerColumn * Analysis.HOUR, columns, categories, values);
    }

    /** The minutes with a security code, in time order. */
    static List<SecurityMinute> securityTimeline(Analysis analysis) {
        int[] indexes = new int[Series.SECURITY_CODES.length];
        java.util.Arrays.fill(indexes, -1);
        for (Series s : analysis.series()) {
            for (int i = 0; i < Series.SECURITY_CODES.length; i++) {
                if (s.code == Series.SECURITY_CODES[i] && !s.isSuccess()) {
                    indexes[i] = s.index;
                }
            }
        }
        Tally minutes = analysis.securityMinutes();
        List<SecurityMinute> timeline = new ArrayList<>();
        for (long bucket : minutes.bucketsInOrder()) {
            long[] counts = new long[indexes.length];
            for (int i = 0; i < indexes.length; i++) {
                counts[i] = indexes[i] < 0 ? 0 : minutes.count(bucket, indexes[i]);
            }
            timeline.add(new SecurityMinute(bucket * Analysis.MINUTE, counts));
        }
        return timeline;
    }
}
