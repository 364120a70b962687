package dev.dcerrors.cli;

import java.time.ZoneId;

/** The text of {@code --help}: the recognition options' descriptions and defaults come from {@link dev.dcerrors.core.RecognizerOptions}. */
final class Help {

    private static final int WRAP = 100;

    private Help() {
    }

    static String text(CommandLine.Command command) {
        StringBuilder h = new StringBuilder();
        switch (command) {
            case ANALYZE:
                h.append(CommandLine.USAGE_ANALYZE).append("\n\n")
                        .append("Reads log files as the turbo filter would have read them, and summarizes what it would have counted.\n\n");
                analyzeOptions(h);
                break;
            case BACKFILL:
                h.append(CommandLine.USAGE_BACKFILL).append("\n\n")
                        .append("Writes the counters the binder would have exported over the time of the logs, as OpenMetrics text for\n")
                        .append("'promtool tsdb create-blocks-from openmetrics FILE DIR'; copy the blocks from DIR into Prometheus's data directory.\n\n");
                backfillOptions(h);
                break;
            default:
                h.append(CommandLine.USAGE).append("\n\n")
                        .append("dc-cli reads existing log files with the recognizer, rules and catalog of the DC Error Analytics turbo filter.\n\n")
                        .append("Commands:\n")
                        .append("  analyze    a summary of the codes in the logs (--json for programs, --html FILE for a report)\n")
                        .append("  backfill   their history as OpenMetrics, for Prometheus and the shipped dashboards\n\n");
                analyzeOptions(h);
                backfillOptions(h);
        }
        h.append("Inputs:\n");
        option(h, "FILE...", "Log files, plain or gzip (recognized by content), in any order; - for standard input. UTF-8; invalid bytes are replaced.");
        option(h, "", "A line that starts with a timestamp (yyyy-MM-dd HH:mm:ss.SSS or ,SSS, as Logback and Log4j2 print by default; ISO-8601 with T,"
                + " with or without an offset), or a JSON"
                + " log record, starts an event; the lines after it without one belong to it. A JSON log record is a line that is one JSON object"
                + " in a JSON-lines file (its first line is one with a timestamp field or a marker key), or anywhere with a marker key: @timestamp,"
                + " log.level, or message with level; it is dated by its @timestamp, timestamp or time field, else by the event before it."
                + " Other one-line JSON, such as a response body, belongs to the event before it. One event counts as one log call. Lines before a file's first timestamp are undated events of their own. The lines of a printed throwable"
                + " (its header, at, Caused by:, Suppressed:, ... N more) are read as the filter reads a throwable: the messages of the"
                + " throwable and its causes count, never the frames nor suppressed throwables; with --no-scan-throwables none of these lines"
                + " is read. The same goes for the throwable fields of a JSON record: stack_trace (logstash-logback-encoder), error.stack_trace"
                + " and error.message (ECS), exception.stacktrace and exception.exception_message (Log4j2's Logstash template).");
        option(h, "--zone ZONE", "The zone of timestamps without an offset. Default: the system zone, here " + ZoneId.systemDefault().getId() + ".");
        h.append("\nProgress:\n");
        option(h, "--progress", "Draw the progress bar on standard error (bytes read, events, elapsed time) whatever standard error is"
                + " and however small the inputs. Default: only when standard error is a terminal, for inputs of 8 MB or more or standard input.");
        option(h, "--no-progress", "Never draw it.");
        h.append("\nRecognition (the turbo filter's options, with the same defaults; logback.xml element in brackets):\n");
        for (RecognitionFlag flag : RecognitionFlag.values()) {
            String value = flag.valueName();
            String name = flag.kind == RecognitionFlag.Kind.SWITCH ? flag.flag + ", --no-" + flag.flag.substring(2) : flag.flag + " " + value;
            String defaultValue = flag.option.defaultValue();
            option(h, name, flag.option.description() + " [" + flag.option.element() + "]");
            if (!defaultValue.isEmpty()) {
                h.append(" ".repeat(26)).append("Default: ").append(defaultValue).append(".\n");
            }
        }
        h.append("\nExit status: 0 all inputs read; 1 an input could not be read (the others are still reported); 2 a usage error.\n");
        return h.toString();
    }

    private static void analyzeOptions(StringBuilder h) {
        h.append("analyze:\n");
        option(h, "--json", "Print one JSON object and nothing else on standard output: files, events, undated, first, last, responses, errors.");
        option(h, "--html FILE", "Also write a self-contained HTML report with the charts (no network access when opened).");
        option(h, "--sample N", "Show up to N events per code that counted it, to see what was recognized. Default: 0.");
        h.append('\n');
    }

    private static void backfillOptions(StringBuilder h) {
        h.append("backfill:\n");
        option(h, "--out FILE", "Where to write the OpenMetrics text; - for standard output. Required.");
        option(h, "--job NAME", "The job label. Default: " + CommandLine.DEFAULT_JOB + ".");
        option(h, "--instance NAME", "The instance label. Default: the host name.");
        option(h, "--step STEP", "The sampling interval of the cumulative counters, e.g. 15s, 1m, 1h. Default: 1m. Keep it below Prometheus's"
                + " 5-minute lookback, so that instant queries find a sample.");
        h.append('\n');
    }

    private static void option(StringBuilder h, String name, String description) {
        String indent = " ".repeat(26);
        StringBuilder line = new StringBuilder(String.format("  %-23s ", name));
        if (name.length() > 23) {
            h.append("  ").append(name).append('\n');
            line = new StringBuilder(indent);
        }
        int lineStart = 0;
        for (String word : description.split(" ")) {
            if (line.length() - lineStart + word.length() > WRAP && line.length() - lineStart > indent.length()) {
                line.append('\n').append(indent);
                lineStart = line.lastIndexOf("\n") + 1;
            }
            line.append(word).append(' ');
        }
        h.append(line.toString().stripTrailing()).append('\n');
    }
}
