package dev.dcerrors.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs every benchmark of this package in one JVM session with the GC profiler, then prints the results
 * and the ratios against the anchors as Markdown (the tables of BENCHMARKS.md).
 *
 * <pre>
 * java -jar dc-benchmarks/target/benchmarks.jar --quick [--out results.md]   # about 12 minutes on 2 cores
 * java -jar dc-benchmarks/target/benchmarks.jar --full  [--out results.md]   # the published numbers
 * java -jar dc-benchmarks/target/benchmarks.jar --full --only 'ScannerBenchmark|FileAppenderBenchmark'   # some of them (a regex)
 * java -jar dc-benchmarks/target/benchmarks.jar --full --only 'ScannerBenchmark' --inputs CJK_SHORT,SUCCESS_PAGE_64K   # on some inputs
 * java -jar dc-benchmarks/target/benchmarks.jar [JMH options]                # plain JMH
 * </pre>
 */
public final class BenchmarkMain {

    private BenchmarkMain() {
    }

    public static void main(String[] args) throws RunnerException, IOException {
        List<String> list = Arrays.asList(args);
        boolean quick = list.contains("--quick");
        if (!quick && !list.contains("--full")) {
            org.openjdk.jmh.Main.main(args);
            return;
        }
        int only = list.indexOf("--only");
        String include = only >= 0 && only + 1 < list.size() ? "dev\\.dcerrors\\.bench\\.(" + list.get(only + 1) + ")" : "dev\\.dcerrors\\.bench\\..*Benchmark\\..*";
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(include)
                .addProfiler(GCProfiler.class)
                .shouldDoGC(true);
        int inputs = list.indexOf("--inputs");
        if (inputs >= 0 && inputs + 1 < list.size()) {
            options.param("input", list.get(inputs + 1).split(",")); // Input names; benchmarks without an input run as they are
        }
        if (quick) {
            options.forks(1).warmupIterations(2).warmupTime(TimeValue.seconds(1)).measurementIterations(3).measurementTime(TimeValue.seconds(1));
        } else {
            options.forks(2).warmupIterations(4).warmupTime(TimeValue.seconds(2)).measurementIterations(5).measurementTime(TimeValue.seconds(2));
        }
        Collection<RunResult> results = new Runner(options.build()).run();
        String report = report(results, quick ? "quick" : "full");
        System.out.println();
        System.out.println(report);
        int out = list.indexOf("--out");
        if (out >= 0 && out + 1 < list.size()) {
            Files.writeString(Path.of(list.get(out + 1)), report);
        }
    }

    /** One measured benchmark: time per call and bytes allocated per call. */
    private record Row(String name, double nanos, double error, double bytes) {
    }

    static String report(Collection<RunResult> results, String mode) {
        Map<String, Row> rows = new LinkedHashMap<>();
        for (RunResult result : results) {
            String benchmark = result.getParams().getBenchmark();
            String name = benchmark.substring(benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1) + 1);
            List<String> params = new ArrayList<>();
            for (String key : result.getParams().getParamsKeys()) {
                params.add(result.getParams().getParam(key));
            }
            if (!params.isEmpty()) {
                name += " [" + String.join(", ", params) + "]";
            }
            double bytes = Double.NaN;
            for (Map.Entry<String, Result> secondary : result.getSecondaryResults().entrySet()) {
                if (secondary.getKey().endsWith("gc.alloc.rate.norm")) {
                    bytes = secondary.getValue().getScore();
                }
            }
            rows.put(name, new Row(name, result.getPrimaryResult().getScore(), result.getPrimaryResult().getScoreError(), bytes));
        }
        StringBuilder sb = new StringBuilder();
        sb.append("Mode: ").append(mode).append("; JVM: ").append(System.getProperty("java.vm.name")).append(' ')
                .append(System.getProperty("java.version")).append("; cores: ").append(Runtime.getRuntime().availableProcessors()).append("\n\n");
        sb.append("| benchmark | ns/op | ± | B/op |\n|---|---:|---:|---:|\n");
        for (Row row : rows.values()) {
            sb.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.0f |%n", row.name, row.nanos, row.error, row.bytes));
        }
        sb.append("\n| target | measured | goal | met |\n|---|---:|---:|---|\n");
        ratio(sb, rows, "scanner / indexOf, 1 KB without a code", "ScannerBenchmark.scanner [RESPONSE_1K_NO_CODE]", "ScannerBenchmark.indexOf [RESPONSE_1K_NO_CODE]", 1.5, true);
        ratio(sb, rows, "scanner / indexOf, 1 KB with a code", "ScannerBenchmark.scanner [RESPONSE_1K_WITH_CODE]", "ScannerBenchmark.indexOf [RESPONSE_1K_WITH_CODE]", 2.0, true);
        for (Input input : Input.values()) {
            // Issue 22: the 1 KB and 64 KB shapes (LOGSTASH_ESCAPED_1K is 990 characters) ≤ 3×, short lines ≤ 5×.
            ratio(sb, rows, "scanner / indexOf, " + input, "ScannerBenchmark.scanner [" + input + "]", "ScannerBenchmark.indexOf [" + input + "]",
                    input.isShortLine() ? 5.0 : 3.0, true);
        }
        for (Input input : Input.values()) {
            // No goal: how close a walk that follows the structure can come to one indexOf pass, and the scanner to that walk.
            info(sb, rows, "bracket walk / indexOf, " + input, "ScannerBenchmark.bracketWalk [" + input + "]", "ScannerBenchmark.indexOf [" + input + "]");
            info(sb, rows, "scanner / bracket walk, " + input, "ScannerBenchmark.scanner [" + input + "]", "ScannerBenchmark.bracketWalk [" + input + "]");
        }
        for (Input input : Input.values()) {
            Row none = rows.get("FileAppenderBenchmark.info [none, " + input + "]");
            Row dc = rows.get("FileAppenderBenchmark.info [dcTurboFilter, " + input + "]");
            if (none != null && dc != null) {
                double added = (dc.nanos - none.nanos) / none.nanos;
                sb.append(String.format(Locale.ROOT, "| INFO %s to a FileAppender: (filter - no filter) / FileAppender call | %.0f%% | ≤ 50%% | %s |%n",
                        input, 100 * added, added <= 0.5 ? "yes" : "NO"));
                // 24 B are Logback's own Object[] handing the argument to turbo filters (see BENCHMARKS.md, "Allocation")
                long extra = Math.round(dc.bytes - none.bytes);
                sb.append(String.format(Locale.ROOT, "| INFO %s to a FileAppender: B/op filter - no filter | %d | 0 | %s |%n",
                        input, extra, extra <= 0 ? "yes" : extra <= 32 ? "Logback's Object[] for turbo filters" : "NO"));
            }
        }
        for (Input input : Input.values()) {
            ratio(sb, rows, "regex / scanner, " + input, "ScannerBenchmark.regex [" + input + "]", "ScannerBenchmark.scanner [" + input + "]", 20.0, false);
        }
        ratio(sb, rows, "disabled DEBUG: filter / LogbackMetrics", "LoggingBenchmark.debugDisabled [dcTurboFilter]", "LoggingBenchmark.debugDisabled [logbackMetrics]", 1.2, true);
        Row dc = rows.get("LoggingBenchmark.infoWithoutCode [dcTurboFilter]");
        Row none = rows.get("LoggingBenchmark.infoWithoutCode [none]");
        Row indexOf = rows.get("ScannerBenchmark.indexOf [RESPONSE_1K_NO_CODE]");
        if (dc != null && none != null && indexOf != null) {
            double added = (dc.nanos - none.nanos) / indexOf.nanos;
            sb.append(String.format(Locale.ROOT, "| INFO 1 KB without a code: (filter - no filter) / indexOf | %.2f | ≤ 1.5 | %s |%n",
                    added, added <= 1.5 ? "yes" : "NO"));
        }
        Row dtoFilter = rows.get("LoggingBenchmark.infoWithDtoArgument [dcTurboFilter]");
        Row dtoNone = rows.get("LoggingBenchmark.infoWithDtoArgument [none]");
        Row dtoAnchor = rows.get("LoggingBenchmark.infoWithDtoArgument [logbackMetrics]");
        if (dtoFilter != null && dtoNone != null && dtoAnchor != null) {
            double added = (dtoFilter.nanos - dtoNone.nanos) / (dtoAnchor.nanos - dtoNone.nanos);
            sb.append(String.format(Locale.ROOT, "| INFO with a DTO argument: (filter - no filter) / (LogbackMetrics - no filter) | %.2f | ≤ 2.0 | %s |%n",
                    added, added <= 2.0 ? "yes" : "NO"));
        }
        for (String call : List.of("infoWithCode", "infoWithoutCode", "infoWithDtoArgument", "debugDisabled")) {
            Row filter = rows.get("LoggingBenchmark." + call + " [dcTurboFilter]");
            Row baseline = rows.get("LoggingBenchmark." + call + " [none]");
            Row anchor = rows.get("LoggingBenchmark." + call + " [logbackMetrics]");
            if (filter != null && baseline != null && anchor != null) {
                sb.append(String.format(Locale.ROOT, "| %s: B/op filter - no filter (LogbackMetrics - no filter) | %.0f (%.0f) | 0 | %s |%n",
                        call, filter.bytes - baseline.bytes, anchor.bytes - baseline.bytes,
                        Math.round(filter.bytes - baseline.bytes) <= 0 ? "yes" : Math.round(filter.bytes - anchor.bytes) <= 0 ? "as the anchor" : "NO"));
            }
        }
        log4j2Ratios(sb, rows);
        return sb.toString();
    }

    /** The Log4j2 filter against the same goals, with Micrometer's Log4j2Metrics as the anchor. */
    private static void log4j2Ratios(StringBuilder sb, Map<String, Row> rows) {
        ratio(sb, rows, "Log4j2 disabled DEBUG: filter / Log4j2Metrics", "Log4j2Benchmark.debugDisabled [dcFilter]", "Log4j2Benchmark.debugDisabled [log4j2Metrics]", 1.2, true);
        Row dc = rows.get("Log4j2Benchmark.infoWithoutCode [dcFilter]");
        Row none = rows.get("Log4j2Benchmark.infoWithoutCode [none]");
        Row indexOf = rows.get("ScannerBenchmark.indexOf [RESPONSE_1K_NO_CODE]");
        if (dc != null && none != null && indexOf != null) {
            double added = (dc.nanos - none.nanos) / indexOf.nanos;
            sb.append(String.format(Locale.ROOT, "| Log4j2 INFO 1 KB without a code: (filter - no filter) / indexOf | %.2f | ≤ 1.5 | %s |%n",
                    added, added <= 1.5 ? "yes" : "NO"));
        }
        Row dtoFilter = rows.get("Log4j2Benchmark.infoWithDtoArgument [dcFilter]");
        Row dtoNone = rows.get("Log4j2Benchmark.infoWithDtoArgument [none]");
        Row dtoAnchor = rows.get("Log4j2Benchmark.infoWithDtoArgument [log4j2Metrics]");
        if (dtoFilter != null && dtoNone != null && dtoAnchor != null) {
            double added = (dtoFilter.nanos - dtoNone.nanos) / (dtoAnchor.nanos - dtoNone.nanos);
            sb.append(String.format(Locale.ROOT, "| Log4j2 INFO with a DTO argument: (filter - no filter) / (Log4j2Metrics - no filter) | %.2f | ≤ 2.0 | %s |%n",
                    added, added <= 2.0 ? "yes" : "NO"));
        }
        for (String call : List.of("infoWithCode", "infoWithoutCode", "infoWithDtoArgument", "debugDisabled")) {
            Row filter = rows.get("Log4j2Benchmark." + call + " [dcFilter]");
            Row baseline = rows.get("Log4j2Benchmark." + call + " [none]");
            Row anchor = rows.get("Log4j2Benchmark." + call + " [log4j2Metrics]");
            if (filter != null && baseline != null && anchor != null) {
                sb.append(String.format(Locale.ROOT, "| Log4j2 %s: B/op filter - no filter (Log4j2Metrics - no filter) | %.0f (%.0f) | 0 | %s |%n",
                        call, filter.bytes - baseline.bytes, anchor.bytes - baseline.bytes, Math.round(filter.bytes - baseline.bytes) <= 0 ? "yes" : "NO"));
            }
        }
    }

    private static void info(StringBuilder sb, Map<String, Row> rows, String label, String numerator, String denominator) {
        Row n = rows.get(numerator);
        Row d = rows.get(denominator);
        if (n != null && d != null) {
            sb.append(String.format(Locale.ROOT, "| %s | %.2f | (none) | |%n", label, n.nanos / d.nanos));
        }
    }

    private static void ratio(StringBuilder sb, Map<String, Row> rows, String label, String numerator, String denominator, double goal, boolean atMost) {
        Row n = rows.get(numerator);
        Row d = rows.get(denominator);
        if (n == null || d == null) {
            return;
        }
        double ratio = n.nanos / d.nanos;
        boolean met = atMost ? ratio <= goal : ratio >= goal;
        sb.append(String.format(Locale.ROOT, "| %s | %.2f | %s %.1f | %s |%n", label, ratio, atMost ? "≤" : "≥", goal, met ? "yes" : "NO"));
    }
}
