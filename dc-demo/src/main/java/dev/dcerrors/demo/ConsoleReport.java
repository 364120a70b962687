package dev.dcerrors.demo;

import dev.dcerrors.core.ErrorCategory;
import dev.dcerrors.core.ErrorSeverity;
import dev.dcerrors.micrometer.DevCenterErrorMetrics;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What the demo prints: a live table of errors by category and severity, and the closing summary. */
final class ConsoleReport {

    private final PrintStream out;
    private final MeterRegistry registry;
    private final boolean inPlace;
    private int linesDrawn;

    ConsoleReport(PrintStream out, MeterRegistry registry, boolean inPlace) {
        this.out = out;
        this.registry = registry;
        this.inPlace = inPlace;
    }

    /** One row of the summary: a code with a series and what it counted. */
    record CodeRow(String code, long count, String category, String severity, String message) {
    }

    /** Every code with a count above zero, most counted first, read from the registry as a dashboard would. */
    List<CodeRow> codeRows() {
        List<CodeRow> rows = new ArrayList<>();
        for (FunctionCounter counter : registry.find(DevCenterErrorMetrics.ERRORS).functionCounters()) {
            long count = (long) counter.count();
            if (count == 0) {
                continue;
            }
            String code = counter.getId().getTag("code");
            Gauge info = registry.find(DevCenterErrorMetrics.CODE_INFO).tag("code", code).gauge();
            String message = info == null ? "" : info.getId().getTag("message");
            rows.add(new CodeRow(code, count, counter.getId().getTag("category"), counter.getId().getTag("severity"), message));
        }
        rows.sort(Comparator.comparingLong(CodeRow::count).reversed().thenComparing(CodeRow::code));
        return rows;
    }

    private double responses(String outcome) {
        FunctionCounter c = registry.find(DevCenterErrorMetrics.RESPONSES).tag("outcome", outcome).functionCounter();
        return c == null ? 0 : c.count();
    }

    /** Draws the live table; in a terminal it replaces the previous one. */
    void drawLive(double progress, boolean attack, long requests) {
        List<String> lines = new ArrayList<>();
        int width = 30;
        int done = (int) Math.round(progress * width);
        lines.add(String.format(Locale.ROOT, "[%s%s] %3.0f%%  %,d requests  %s", "#".repeat(done), ".".repeat(width - done),
                progress * 100, requests, attack ? "BRUTE-FORCE BURST IN PROGRESS" : "normal traffic"));
        Map<ErrorCategory, long[]> table = new EnumMap<>(ErrorCategory.class);
        for (CodeRow row : codeRows()) {
            long[] bySeverity = table.computeIfAbsent(ErrorCategory.fromLabel(row.category()), c -> new long[ErrorSeverity.values().length]);
            bySeverity[ErrorSeverity.fromLabel(row.severity()).ordinal()] += row.count();
        }
        lines.add(String.format(Locale.ROOT, "%-13s %8s %8s %8s %8s", "category", "info", "warning", "error", "critical"));
        table.forEach((category, counts) -> lines.add(String.format(Locale.ROOT, "%-13s %8d %8d %8d %8d",
                category.label(), counts[0], counts[1], counts[2], counts[3])));
        double ok = responses("success");
        double errors = responses("error");
        lines.add(String.format(Locale.ROOT, "responses: %,.0f success, %,.0f error (error ratio %.1f%%)", ok, errors,
                ok + errors == 0 ? 0 : 100 * errors / (ok + errors)));
        if (inPlace) {
            if (linesDrawn > 0) {
                out.print("\033[" + linesDrawn + "A\033[J");
            }
            lines.forEach(out::println);
            linesDrawn = lines.size();
        } else {
            out.println(lines.get(0) + "  |  " + lines.get(lines.size() - 1));
        }
        out.flush();
    }

    /** The closing summary. */
    void summary(DemoRun run) {
        out.println();
        out.printf(Locale.ROOT, "DC Error Analytics demo: %d s, %,d requests, %,.0f responses recognized (%,.0f success, %,.0f error)%n",
                run.seconds(), run.requests(), responses("success") + responses("error"), responses("success"), responses("error"));
        if (run.failedRequests() > 0) {
            out.printf(Locale.ROOT, "%,d requests failed before reaching the backend (connection errors or time-outs): they have no response to count%n",
                    run.failedRequests());
        }
        out.println();
        out.printf(Locale.ROOT, "%6s %7s  %-12s %-9s %s%n", "code", "count", "category", "severity", "message");
        for (CodeRow row : codeRows()) {
            String message = row.message().length() > 70 ? row.message().substring(0, 67) + "..." : row.message();
            out.printf(Locale.ROOT, "%6s %7d  %-12s %-9s %s%n", row.code(), row.count(), row.category(), row.severity(), message);
        }
        out.println();
        out.println("Lockout timeline (seconds from start):");
        if (run.timeline().isEmpty()) {
            out.println("  (none)");
        }
        for (DevCenterBackend.SecurityEvent event : run.timeline()) {
            out.printf(Locale.ROOT, "  +%6.1fs  %d  %s%n", event.millis() / 1000.0, event.code(), event.subject());
        }
        out.println();
        if (run.differences().isEmpty()) {
            out.println("Check: the scrape equals the backend's own tally of the responses it sent, code by code.");
        } else {
            out.println("Check FAILED: the scrape differs from the backend's tally:");
            run.differences().forEach(d -> out.println("  " + d));
        }
        out.println();
        out.println("Metrics (while the demo runs; --serve keeps it running): curl " + run.metricsUrl());
        out.println("Log of the backend (with %dcCode/%dcCategory/%dcSeverity): " + run.logFile());
        out.println("Point Prometheus at it (prometheus.yml):");
        out.println("  scrape_configs:");
        out.println("    - job_name: dc-demo");
        out.println("      static_configs:");
        out.println("        - targets: ['127.0.0.1:" + run.metricsPort() + "']");
        out.println("Then import the dashboards of grafana-dashboards/ into Grafana with that Prometheus as data source.");
        out.flush();
    }
}
