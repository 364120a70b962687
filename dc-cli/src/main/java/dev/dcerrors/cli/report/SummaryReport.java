package dev.dcerrors.cli.report;

import dev.dcerrors.cli.input.InputResult;
import dev.dcerrors.cli.recognition.Analysis;
import dev.dcerrors.cli.recognition.Series;
import java.io.PrintStream;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/** The summary of {@code analyze} for people, on a terminal. */
public final class SummaryReport {

    static final int CHART_COLUMNS = 72;
    static final int SECURITY_ROWS = 50;
    private static final String LEVELS = " ▁▂▃▄▅▆▇█";

    private SummaryReport() {
    }

    public static void print(PrintStream out, Analysis analysis, List<InputResult> inputs, ZoneId zone, int samples) {
        long read = inputs.stream().filter(InputResult::read).count();
        out.println("Files      " + read + " read" + (read < inputs.size() ? ", " + (inputs.size() - read) + " failed" : ""));
        for (InputResult input : inputs) {
            out.println("           " + input.name() + (input.gzip() ? " (gzip)" : "") + ": " + Text.bytes(input.bytes()) + ", "
                    + Text.number(input.events()) + " events" + (input.error() != null ? "; " + input.error() : ""));
        }
        out.println("Events     " + Text.number(analysis.events()) + (analysis.undated() > 0 ? " (" + Text.number(analysis.undated()) + " undated)" : ""));
        if (analysis.hasDatedEvents()) {
            out.println("Range      " + Text.second(analysis.first(), zone) + " to " + Text.second(analysis.last(), zone) + " " + zone.getId()
                    + " (" + Text.duration(analysis.last() - analysis.first()) + ")");
        } else {
            out.println("Range      no timestamps found");
        }
        long success = analysis.successes();
        long errors = analysis.errors();
        out.println("Responses  " + Text.number(success + errors) + ": " + Text.number(success) + " success, " + Text.number(errors)
                + " error, error ratio " + Text.percent(errors, success + errors));
        out.println();
        printCodes(out, analysis);
        printChart(out, Charts.errorsByCategory(analysis, CHART_COLUMNS), zone);
        printSecurity(out, Charts.securityTimeline(analysis), zone);
        if (samples > 0) {
            printSamples(out, analysis, samples);
        }
    }

    private static void printCodes(PrintStream out, Analysis analysis) {
        List<Series> codes = analysis.errorSeriesByCode();
        if (codes.isEmpty()) {
            out.println("Codes: none recognized. If your responses use another key than 'code', try --extra-key; see --help.");
            out.println();
            return;
        }
        out.println("Codes");
        out.println(String.format(Locale.ROOT, "  %-6s %12s  %-12s %-9s %s", "code", "count", "category", "severity", "message"));
        for (Series s : codes) {
            out.println(String.format(Locale.ROOT, "  %-6s %12s  %-12s %-9s %s", s.label, Text.number(s.total), s.category.label(),
                    s.severity.label(), s.message));
        }
        out.println();
    }

    private static void printChart(PrintStream out, Charts.CategoryChart chart, ZoneId zone) {
        if (chart.columns() == 0) {
            return;
        }
        long hours = chart.span() / Analysis.HOUR;
        out.println("Errors per " + (hours == 1 ? "hour" : hours + " hours") + " by category (one column each; "
                + LEVELS.substring(1) + " scaled to the row's peak)");
        String from = Text.minute(chart.start(), zone);
        String to = Text.minute(chart.start() + (chart.columns() - 1) * chart.span(), zone);
        int gap = Math.max(1, chart.columns() - from.length() - to.length());
        out.println(String.format(Locale.ROOT, "  %-12s  %s%s%s", "", from, " ".repeat(gap), chart.columns() > from.length() + to.length() ? to : ""));
        for (int row = 0; row < chart.categories().size(); row++) {
            long peak = chart.peak(row);
            StringBuilder bar = new StringBuilder();
            for (long v : chart.values()[row]) {
                int level = v == 0 ? 0 : (int) Math.max(1, Math.round(8.0 * v / peak));
                bar.append(LEVELS.charAt(level));
            }
            out.println(String.format(Locale.ROOT, "  %-12s │%s│ %s, peak %s", chart.categories().get(row).label(), bar,
                    Text.number(chart.total(row)), Text.number(peak)));
        }
        out.println();
    }

    private static void printSecurity(PrintStream out, List<Charts.SecurityMinute> timeline, ZoneId zone) {
        if (timeline.isEmpty()) {
            out.println("Security timeline: no minute with 5146, 5147, 5148 or 5325");
            out.println();
            return;
        }
        out.println("Security timeline (minutes with 5146 attempts left, 5147 account locked, 5148 IP blocked, 5325 access blocked)");
        out.println(String.format(Locale.ROOT, "  %-16s %7s %7s %7s %7s", "minute", "5146", "5147", "5148", "5325"));
        int shown = 0;
        for (Charts.SecurityMinute minute : timeline) {
            if (shown++ == SECURITY_ROWS) {
                out.println("  … and " + (timeline.size() - SECURITY_ROWS) + " more minutes (all of them in the --html report)");
                break;
            }
            long[] c = minute.counts();
            out.println(String.format(Locale.ROOT, "  %-16s %7s %7s %7s %7s", Text.minute(minute.minute(), zone), cell(c[0]), cell(c[1]),
                    cell(c[2]), cell(c[3])));
        }
        out.println();
    }

    private static String cell(long count) {
        return count == 0 ? "." : Text.number(count);
    }

    private static void printSamples(PrintStream out, Analysis analysis, int samples) {
        out.println("Samples (up to " + samples + " per code: the events that counted it)");
        for (Series s : analysis.series()) {
            for (String sample : s.samples) {
                out.println("  " + s.label + "  " + sample);
            }
        }
        out.println();
    }
}
