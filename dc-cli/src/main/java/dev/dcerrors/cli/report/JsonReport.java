package dev.dcerrors.cli.report;

import dev.dcerrors.cli.input.InputResult;
import dev.dcerrors.cli.recognition.Analysis;
import dev.dcerrors.cli.recognition.Series;
import java.time.Instant;
import java.util.List;

/**
 * The summary of {@code analyze --json}, one object on one line:
 * <code>{"files":N,"events":N,"undated":N,"first":"ISO-8601","last":"ISO-8601","responses":{"success":N,"error":N},"errors":{"CODE":N,...}}</code>.
 * Times are UTC instants ({@code null} without a dated event); codes are strings, ordered by number,
 * {@code other} last, as the binder labels them.
 */
public final class JsonReport {

    private JsonReport() {
    }

    public static String of(Analysis analysis, List<InputResult> inputs) {
        StringBuilder sb = new StringBuilder(256);
        sb.append("{\"files\":").append(inputs.stream().filter(InputResult::read).count())
                .append(",\"events\":").append(analysis.events())
                .append(",\"undated\":").append(analysis.undated())
                .append(",\"first\":").append(analysis.hasDatedEvents() ? Text.json(Instant.ofEpochMilli(analysis.first()).toString()) : "null")
                .append(",\"last\":").append(analysis.hasDatedEvents() ? Text.json(Instant.ofEpochMilli(analysis.last()).toString()) : "null")
                .append(",\"responses\":{\"success\":").append(analysis.successes()).append(",\"error\":").append(analysis.errors())
                .append("},\"errors\":{");
        String separator = "";
        for (Series s : analysis.errorSeriesByCode()) {
            sb.append(separator).append(Text.json(s.label)).append(':').append(s.total);
            separator = ",";
        }
        return sb.append("}}").toString();
    }
}
