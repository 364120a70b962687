package dev.dcerrors.cli.backfill;

import dev.dcerrors.cli.recognition.Analysis;
import dev.dcerrors.cli.recognition.Series;
import dev.dcerrors.cli.recognition.Tally;
import dev.dcerrors.cli.report.Text;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes the backfill: the binder's series as OpenMetrics text for
 * {@code promtool tsdb create-blocks-from openmetrics}. Counters are cumulative, sampled every step from
 * the step that holds the first dated event to the one after the last (so a counter starts at 0, as at a
 * restart, and ends with every event counted); each series is written whole, in time order, and every
 * family is contiguous, as the format requires. Timestamps are in seconds.
 */
public final class OpenMetricsWriter {

    private final Analysis analysis;
    private final Tally steps;
    private final String commonLabels;

    public OpenMetricsWriter(Analysis analysis, Tally steps, String job, String instance) {
        this.analysis = analysis;
        this.steps = steps;
        this.commonLabels = "job=\"" + Text.label(job) + "\",instance=\"" + Text.label(instance) + "\"";
    }

    /** How many samples each series gets; 0 without a dated event. */
    public long samplesPerSeries() {
        return analysis.hasDatedEvents() ? lastBucket() - firstBucket() + 2 : 0;
    }

    public void write(Writer out) throws IOException {
        if (samplesPerSeries() > 0) {
            List<Series> errors = analysis.errorSeriesByCode();
            out.write("# HELP devcenter_errors Developer Center error responses recognized in the logs, by code\n");
            out.write("# TYPE devcenter_errors counter\n");
            for (Series s : errors) {
                writeCounter(out, "devcenter_errors_total", codeLabels(s), new int[] {s.index});
            }
            out.write("# HELP devcenter_responses Developer Center response envelopes recognized in the logs, by outcome\n");
            out.write("# TYPE devcenter_responses counter\n");
            writeCounter(out, "devcenter_responses_total", "outcome=\"success\"", new int[] {0});
            writeCounter(out, "devcenter_responses_total", "outcome=\"error\"", errors.stream().mapToInt(s -> s.index).toArray());
            out.write("# HELP devcenter_error_code_info Catalog description of each Developer Center error code with a series; value 1\n");
            out.write("# TYPE devcenter_error_code_info gauge\n");
            for (Series s : errors) {
                String labels = codeLabels(s) + ",message=\"" + Text.label(s.message) + "\"," + commonLabels;
                for (long k = 0, n = samplesPerSeries(); k < n; k++) {
                    out.write("devcenter_error_code_info{" + labels + "} 1 " + seconds(firstBucket() + k) + "\n");
                }
            }
        }
        out.write("# EOF\n");
    }

    /** The cumulative sum of the given series, one sample per step. */
    private void writeCounter(Writer out, String name, String labels, int[] series) throws IOException {
        String prefix = name + "{" + labels + "," + commonLabels + "} ";
        long first = firstBucket();
        long cumulative = 0;
        for (long k = 0, n = samplesPerSeries(); k < n; k++) {
            if (k > 0) {
                for (int index : series) {
                    cumulative += steps.count(first + k - 1, index);
                }
            }
            out.write(prefix + cumulative + " " + seconds(first + k) + "\n");
        }
    }

    private static String codeLabels(Series s) {
        return "code=\"" + Text.label(s.label) + "\",category=\"" + s.category.label() + "\",severity=\"" + s.severity.label() + "\"";
    }

    private long firstBucket() {
        return steps.bucketOf(analysis.first());
    }

    private long lastBucket() {
        return steps.bucketOf(analysis.last());
    }

    /** The start of a bucket in epoch seconds. */
    private String seconds(long bucket) {
        return Long.toString(bucket * (steps.resolution() / 1000));
    }
}
