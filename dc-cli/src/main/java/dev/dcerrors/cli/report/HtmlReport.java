package dev.dcerrors.cli.report;

import dev.dcerrors.cli.input.InputResult;
import dev.dcerrors.cli.recognition.Analysis;
import dev.dcerrors.cli.recognition.Series;
import dev.dcerrors.core.ErrorCategory;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/**
 * The summary of {@code analyze --html FILE}: one self-contained HTML file (inline CSS and SVG, no script,
 * nothing fetched when opened) with the charts of the terminal summary, for an incident ticket.
 */
public final class HtmlReport {

    static final int BARS = 240;
    private static final int WIDTH = 1100;
    private static final int PLOT_LEFT = 60;
    private static final int PLOT_WIDTH = WIDTH - PLOT_LEFT - 20;

    /** One color per category, in the order of {@link ErrorCategory}. */
    private static final String[] COLORS = {
        "#1f77b4", "#d62728", "#ff7f0e", "#2ca02c", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f",
        "#bcbd22", "#17becf", "#393b79", "#637939", "#8c6d31", "#843c39", "#7b4173"};
    /** The background of the plot areas: a color no mark uses, so a screenshot shows where the plots are. */
    static final String PLOT_BACKGROUND = "#f4f7fb";
    static final String[] SECURITY_COLORS = {"#ff7f0e", "#d62728", "#9467bd", "#8c564b"};

    private HtmlReport() {
    }

    static String color(ErrorCategory category) {
        return COLORS[category.ordinal() % COLORS.length];
    }

    public static String render(Analysis analysis, List<InputResult> inputs, ZoneId zone, int samples) {
        StringBuilder h = new StringBuilder(64 * 1024);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>DC error analysis</title>\n<style>\n")
                .append("body{font-family:sans-serif;margin:24px;color:#222;max-width:1140px}h1{font-size:22px}h2{font-size:17px;margin-top:28px}\n")
                .append("table{border-collapse:collapse;font-size:13px}td,th{border-bottom:1px solid #ddd;padding:3px 8px;text-align:left;vertical-align:top}td{white-space:nowrap}td:last-child{white-space:normal}\n")
                .append("td.n{text-align:right;font-variant-numeric:tabular-nums}.legend span{display:inline-block;margin-right:14px;font-size:13px}\n")
                .append(".legend i{display:inline-block;width:12px;height:12px;margin-right:4px;vertical-align:-1px}code{font-size:12px}\n")
                .append("</style></head><body>\n<h1>Developer Center errors in your logs</h1>\n");
        summary(h, analysis, inputs, zone);
        Charts.CategoryChart chart = Charts.errorsByCategory(analysis, BARS);
        categoryChart(h, chart, zone);
        List<Charts.SecurityMinute> timeline = Charts.securityTimeline(analysis);
        securityChart(h, analysis, timeline, zone);
        codes(h, analysis);
        if (samples > 0) {
            samples(h, analysis);
        }
        h.append("<p style=\"font-size:12px;color:#777\">Made by dc-cli analyze with the recognizer and catalog of the turbo filter. Times in ")
                .append(Text.html(zone.getId())).append(".</p>\n</body></html>\n");
        return h.toString();
    }

    private static void summary(StringBuilder h, Analysis analysis, List<InputResult> inputs, ZoneId zone) {
        long success = analysis.successes();
        long errors = analysis.errors();
        h.append("<table id=\"summary\">\n");
        row(h, "Files", inputs.stream().filter(InputResult::read).count() + " read");
        for (InputResult input : inputs) {
            row(h, "", input.name() + (input.gzip() ? " (gzip)" : "") + ": " + Text.bytes(input.bytes()) + ", " + Text.number(input.events())
                    + " events" + (input.error() != null ? "; " + input.error() : ""));
        }
        row(h, "Events", Text.number(analysis.events()) + (analysis.undated() > 0 ? " (" + Text.number(analysis.undated()) + " undated)" : ""));
        row(h, "Range", analysis.hasDatedEvents()
                ? Text.second(analysis.first(), zone) + " to " + Text.second(analysis.last(), zone) + " (" + Text.duration(analysis.last() - analysis.first()) + ")"
                : "no timestamps found");
        row(h, "Responses", Text.number(success + errors) + ": " + Text.number(success) + " success, " + Text.number(errors) + " error, error ratio "
                + Text.percent(errors, success + errors));
        h.append("</table>\n");
    }

    private static void row(StringBuilder h, String name, String value) {
        h.append("<tr><th>").append(Text.html(name)).append("</th><td>").append(Text.html(value)).append("</td></tr>\n");
    }

    private static void categoryChart(StringBuilder h, Charts.CategoryChart chart, ZoneId zone) {
        long hours = chart.span() / Analysis.HOUR;
        h.append("<h2>Errors per ").append(hours == 1 ? "hour" : hours + " hours").append(" by category</h2>\n");
        if (chart.columns() == 0) {
            h.append("<p>No dated error.</p>\n");
            return;
        }
        int height = 300;
        int plotTop = 10;
        int plotHeight = height - 40;
        long max = 1;
        for (int c = 0; c < chart.columns(); c++) {
            long sum = 0;
            for (long[] row : chart.values()) {
                sum += row[c];
            }
            max = Math.max(max, sum);
        }
        double barWidth = (double) PLOT_WIDTH / chart.columns();
        h.append("<svg id=\"errors-by-category\" xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"").append(height)
                .append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height).append("\" font-size=\"11\">\n");
        h.append("<rect class=\"plot\" x=\"").append(PLOT_LEFT).append("\" y=\"").append(plotTop).append("\" width=\"").append(PLOT_WIDTH)
                .append("\" height=\"").append(plotHeight).append("\" fill=\"").append(PLOT_BACKGROUND).append("\"/>\n");
        axes(h, plotTop, plotHeight, max);
        for (int c = 0; c < chart.columns(); c++) {
            double y = plotTop + plotHeight;
            for (int row = 0; row < chart.categories().size(); row++) {
                long v = chart.values()[row][c];
                if (v == 0) {
                    continue;
                }
                double barHeight = plotHeight * (double) v / max;
                y -= barHeight;
                ErrorCategory category = chart.categories().get(row);
                h.append(String.format(Locale.ROOT, "<rect class=\"bar\" x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\" fill=\"%s\"><title>%s %s: %s</title></rect>\n",
                        PLOT_LEFT + c * barWidth, y, Math.max(1.0, barWidth - 1), barHeight, color(category),
                        Text.minute(chart.start() + c * chart.span(), zone), category.label(), Text.number(v)));
            }
        }
        timeLabels(h, chart.start(), chart.start() + chart.columns() * chart.span(), zone, plotTop + plotHeight + 16);
        h.append("</svg>\n<div class=\"legend\">");
        for (int row = 0; row < chart.categories().size(); row++) {
            ErrorCategory category = chart.categories().get(row);
            h.append("<span><i style=\"background:").append(color(category)).append("\"></i>").append(category.label()).append(' ')
                    .append(Text.number(chart.total(row))).append("</span>");
        }
        h.append("</div>\n");
    }

    private static void securityChart(StringBuilder h, Analysis analysis, List<Charts.SecurityMinute> timeline, ZoneId zone) {
        h.append("<h2>Security timeline: minutes with 5146, 5147, 5148, 5325</h2>\n");
        if (timeline.isEmpty()) {
            h.append("<p>No minute with a security code.</p>\n");
            return;
        }
        long start = Math.floorDiv(analysis.first(), Analysis.MINUTE) * Analysis.MINUTE;
        long end = Math.max(start + Analysis.MINUTE, (Math.floorDiv(analysis.last(), Analysis.MINUTE) + 1) * Analysis.MINUTE);
        int lane = 44;
        int plotTop = 10;
        int height = plotTop + lane * Series.SECURITY_CODES.length + 30;
        // Minutes that fall on the same pixel column are added up, so the chart stays small for any range.
        long[][] perPixel = new long[Series.SECURITY_CODES.length][PLOT_WIDTH + 1];
        long max = 1;
        for (Charts.SecurityMinute minute : timeline) {
            int x = (int) ((minute.minute() - start) * PLOT_WIDTH / (end - start));
            for (int i = 0; i < perPixel.length; i++) {
                perPixel[i][x] += minute.counts()[i];
                max = Math.max(max, perPixel[i][x]);
            }
        }
        h.append("<svg id=\"security-timeline\" xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"").append(height)
                .append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height).append("\" font-size=\"11\">\n");
        h.append("<rect class=\"plot\" x=\"").append(PLOT_LEFT).append("\" y=\"").append(plotTop).append("\" width=\"").append(PLOT_WIDTH)
                .append("\" height=\"").append(lane * Series.SECURITY_CODES.length).append("\" fill=\"").append(PLOT_BACKGROUND).append("\"/>\n");
        for (int i = 0; i < Series.SECURITY_CODES.length; i++) {
            int base = plotTop + lane * (i + 1) - 4;
            h.append("<text x=\"4\" y=\"").append(base - 12).append("\">").append(Series.SECURITY_CODES[i]).append("</text>\n");
            h.append("<line x1=\"").append(PLOT_LEFT).append("\" x2=\"").append(PLOT_LEFT + PLOT_WIDTH).append("\" y1=\"").append(base).append("\" y2=\"")
                    .append(base).append("\" stroke=\"#ccc\"/>\n");
            for (int x = 0; x < perPixel[i].length; x++) {
                long v = perPixel[i][x];
                if (v > 0) {
                    double barHeight = Math.max(3, (lane - 8) * Math.sqrt((double) v / max));
                    h.append(String.format(Locale.ROOT, "<rect class=\"mark\" x=\"%d\" y=\"%.2f\" width=\"3\" height=\"%.2f\" fill=\"%s\"><title>%s %d: %s</title></rect>\n",
                            PLOT_LEFT + x - 1, base - barHeight, barHeight, SECURITY_COLORS[i], Text.minute(start + x * (end - start) / PLOT_WIDTH, zone),
                            Series.SECURITY_CODES[i], Text.number(v)));
                }
            }
        }
        timeLabels(h, start, end, zone, height - 10);
        h.append("</svg>\n");
    }

    private static void axes(StringBuilder h, int plotTop, int plotHeight, long max) {
        for (int i = 0; i <= 4; i++) {
            double y = plotTop + plotHeight - plotHeight * i / 4.0;
            h.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#e5e5e5\"/>", PLOT_LEFT, PLOT_LEFT + PLOT_WIDTH, y, y))
                    .append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>\n", PLOT_LEFT - 6, y + 4,
                            Text.number(Math.round(max * i / 4.0))));
        }
    }

    private static void timeLabels(StringBuilder h, long start, long end, ZoneId zone, int y) {
        for (int i = 0; i <= 4; i++) {
            long t = start + (end - start) * i / 4;
            String anchor = i == 0 ? "start" : i == 4 ? "end" : "middle";
            h.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"%s\">%s</text>\n", PLOT_LEFT + PLOT_WIDTH * i / 4, y, anchor,
                    Text.minute(t, zone)));
        }
    }

    private static void codes(StringBuilder h, Analysis analysis) {
        h.append("<h2>Codes</h2>\n<table id=\"codes\"><tr><th>code</th><th>count</th><th>category</th><th>severity</th><th>message</th></tr>\n");
        for (Series s : analysis.errorSeriesByCode()) {
            h.append("<tr><td>").append(Text.html(s.label)).append("</td><td class=\"n\">").append(Text.number(s.total)).append("</td><td>")
                    .append("<i style=\"display:inline-block;width:10px;height:10px;margin-right:4px;background:").append(color(s.category)).append("\"></i>")
                    .append(s.category.label()).append("</td><td>").append(s.severity.label()).append("</td><td>").append(Text.html(s.message))
                    .append("</td></tr>\n");
        }
        h.append("</table>\n");
    }

    private static void samples(StringBuilder h, Analysis analysis) {
        h.append("<h2>Samples</h2>\n<table id=\"samples\">\n");
        for (Series s : analysis.series()) {
            for (String sample : s.samples) {
                h.append("<tr><td>").append(Text.html(s.label)).append("</td><td><code>").append(Text.html(sample)).append("</code></td></tr>\n");
            }
        }
        h.append("</table>\n");
    }
}
