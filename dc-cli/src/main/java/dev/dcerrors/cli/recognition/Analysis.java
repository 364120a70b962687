package dev.dcerrors.cli.recognition;

import dev.dcerrors.cli.input.JsonTraceFields;
import dev.dcerrors.cli.input.PrintedThrowable;
import dev.dcerrors.cli.input.Timestamps;
import dev.dcerrors.core.CodeSink;
import dev.dcerrors.core.ErrorCategory;
import dev.dcerrors.core.ErrorCode;
import dev.dcerrors.core.ErrorCounts;
import dev.dcerrors.core.ErrorRecognizer;
import dev.dcerrors.core.ErrorSeverity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What the turbo filter would have counted: each event is scanned by the project's recognizer (its message;
 * the messages of a printed throwable only with {@code scanThrowables}, see {@link PrintedThrowable}, and
 * {@link JsonTraceFields} for JSON records), the rules
 * of one log call applied (each distinct code once, at most {@code maxCodesPerEvent} codes, at most one
 * success), and the codes tallied per series in total, per hour, per minute for the security codes and,
 * for a backfill, per step. Labels follow the binder: codes outside the catalog are {@code unknown}, and
 * beyond {@code maxUnknownCodes} distinct ones (in reading order) they count as {@code other}.
 */
public final class Analysis {

    public static final long HOUR = 3_600_000L;
    public static final long MINUTE = 60_000L;
    private static final int SAMPLE_CHARS = 240;

    private final ErrorRecognizer recognizer;
    private final int maxUnknownCodes;
    private final int samplesPerCode;
    private final EventCodes eventCodes;

    /** Index 0 is the success series; the others in the order first seen. */
    private final List<Series> series = new ArrayList<>();
    private final Map<Integer, Series> byCode = new HashMap<>();
    private int unknownCodes;
    private @Nullable Series other;

    private final Tally hourly = new Tally(HOUR);
    private final Tally securityMinutes = new Tally(MINUTE);
    private final @Nullable Tally steps;

    private long events;
    private long undated;
    private long first = Long.MAX_VALUE;
    private long last = Long.MIN_VALUE;
    private String input = "";

    /**
     * @param stepMillis the width of the backfill's buckets, or 0 when there is no backfill
     */
    public Analysis(ErrorRecognizer recognizer, int maxUnknownCodes, int samplesPerCode, long stepMillis) {
        this.recognizer = recognizer;
        this.maxUnknownCodes = maxUnknownCodes;
        this.samplesPerCode = samplesPerCode;
        this.eventCodes = new EventCodes(recognizer);
        this.steps = stepMillis > 0 ? new Tally(stepMillis) : null;
        series.add(new Series(0, Integer.toString(ErrorCode.SUCCESS), ErrorCode.SUCCESS, ErrorCategory.UNKNOWN, ErrorSeverity.INFO, "Success."));
    }

    /** The name of the input whose events follow, for the samples. */
    public void input(String name) {
        input = name;
    }

    /**
     * The codes of one event, as the rules of one log call count them, into {@code codes} (at least
     * {@code maxCodesPerEvent} long); returns how many. It changes nothing but this instance's scratch, and the
     * recognizer is safe to share: an instance per thread used for this method alone lets the events of an input be
     * recognized on several threads, then {@linkplain #tally tallied} in order by one.
     */
    public int recognize(String text, int[] codes) {
        eventCodes.size = 0;
        scan(text);
        System.arraycopy(eventCodes.codes, 0, codes, 0, eventCodes.size);
        return eventCodes.size;
    }

    /**
     * Tallies one event, in the order of the input, with the codes {@link #recognize} found in it:
     * {@code codes[from, to)}.
     *
     * @param text its lines, for the samples
     * @param time epoch milliseconds, or {@link Timestamps#NONE} when undated
     * @param line the line number of its first line in the input, from 1
     */
    public void tally(String text, long time, long line, int[] codes, int from, int to) {
        events++;
        boolean dated = time != Timestamps.NONE;
        if (dated) {
            first = Math.min(first, time);
            last = Math.max(last, time);
        } else {
            undated++;
        }
        for (int i = from; i < to; i++) {
            Series s = seriesOf(codes[i]);
            s.total++;
            if (dated) {
                hourly.add(time, s.index);
                if (s.security) {
                    securityMinutes.add(time, s.index);
                }
                if (steps != null) {
                    steps.add(time, s.index);
                }
            }
            if (s.samples.size() < samplesPerCode) {
                s.samples.add(input + ":" + line + ": " + sampleText(text));
            }
        }
    }

    /**
     * Scans an event as the filter scans a log call: the message, and the messages of a printed throwable and its
     * causes only with {@code scanThrowables}; the rest of a printed stack trace never.
     */
    private void scan(String text) {
        int budget = recognizer.maxCodesPerEvent();
        if (!text.isEmpty() && text.charAt(0) == '{' && scanJsonRecord(text, budget)) {
            return;
        }
        int trace = PrintedThrowable.start(text);
        if (trace < 0) {
            recognizer.scanText(text, eventCodes, budget);
            return;
        }
        if (trace > 0) {
            recognizer.scanText(text.substring(0, trace), eventCodes, budget);
        }
        if (recognizer.scanThrowables()) {
            PrintedThrowable.messages(text, trace, message -> recognizer.scanText(message, eventCodes, budget - eventCodes.size));
        }
    }

    /**
     * Scans a one-line JSON record that holds a logged throwable ({@link JsonTraceFields}): the record without those
     * fields, then, with {@code scanThrowables}, the throwable's messages. Returns false for a record without them,
     * which is scanned as any text.
     */
    private boolean scanJsonRecord(String record, int budget) {
        List<JsonTraceFields.Field> fields = JsonTraceFields.find(record);
        if (fields.isEmpty()) {
            return false;
        }
        StringBuilder rest = new StringBuilder(record.length());
        int from = 0;
        for (JsonTraceFields.Field field : fields) {
            rest.append(record, from, field.from()).append("\"\"");
            from = field.to();
        }
        rest.append(record, from, record.length());
        recognizer.scanText(rest, eventCodes, budget);
        if (recognizer.scanThrowables()) {
            for (JsonTraceFields.Field field : fields) {
                String value = JsonTraceFields.unescape(record, field.from(), field.to());
                if (field.trace()) {
                    PrintedThrowable.messages(value, 0, message -> recognizer.scanText(message, eventCodes, budget - eventCodes.size));
                } else {
                    recognizer.scanText(value, eventCodes, budget - eventCodes.size);
                }
            }
        }
        return true;
    }

    private Series seriesOf(int code) {
        if (code == ErrorCode.SUCCESS) {
            return series.get(0);
        }
        Series known = byCode.get(code);
        if (known != null) {
            return known;
        }
        ErrorCode entry = recognizer.counts().catalog().find(code);
        Series created;
        if (entry != null) {
            created = new Series(series.size(), Integer.toString(code), code, entry.category(), entry.severity(), entry.message());
        } else if (unknownCodes < maxUnknownCodes) {
            unknownCodes++;
            created = new Series(series.size(), Integer.toString(code), code, ErrorCategory.UNKNOWN, ErrorSeverity.ERROR, ErrorCounts.UNKNOWN_MESSAGE);
        } else {
            if (other == null) {
                other = new Series(series.size(), ErrorCounts.OTHER, -1, ErrorCategory.UNKNOWN, ErrorSeverity.ERROR, ErrorCounts.OTHER_MESSAGE);
                series.add(other);
            }
            byCode.put(code, other);
            return other;
        }
        series.add(created);
        byCode.put(code, created);
        return created;
    }

    private static String sampleText(String text) {
        String shown = text.length() > SAMPLE_CHARS ? text.substring(0, SAMPLE_CHARS) + "…" : text;
        return shown.replace("\r", "").replace("\n", " ⏎ ");
    }

    // ---------------------------------------------------------------- results

    public long events() {
        return events;
    }

    public long undated() {
        return undated;
    }

    /** Whether any event had a timestamp. */
    public boolean hasDatedEvents() {
        return first != Long.MAX_VALUE;
    }

    /** Epoch milliseconds of the earliest dated event. */
    public long first() {
        return first;
    }

    public long last() {
        return last;
    }

    public long successes() {
        return series.get(0).total;
    }

    public long errors() {
        long total = 0;
        for (int i = 1; i < series.size(); i++) {
            total += series.get(i).total;
        }
        return total;
    }

    /** Every series, success first, then in the order first seen. */
    public List<Series> series() {
        return series;
    }

    /** The error series ordered by code, {@code other} last. */
    public List<Series> errorSeriesByCode() {
        List<Series> errors = new ArrayList<>(series.subList(1, series.size()));
        errors.sort((a, b) -> Long.compare(a.code < 0 ? Long.MAX_VALUE : a.code, b.code < 0 ? Long.MAX_VALUE : b.code));
        return errors;
    }

    /** Codes per hour, per series. */
    public Tally hourly() {
        return hourly;
    }

    /** Security codes per minute, per series. */
    public Tally securityMinutes() {
        return securityMinutes;
    }

    /** Codes per backfill step, per series; null without a backfill. */
    public @Nullable Tally steps() {
        return steps;
    }

    /**
     * The codes of one event, as the rules of one log call count them: each distinct code once (so at most
     * one success), only response codes, at most the recognizer's cap (the scan's budget).
     */
    private static final class EventCodes implements CodeSink {
        private final ErrorRecognizer recognizer;
        final int[] codes;
        int size;

        EventCodes(ErrorRecognizer recognizer) {
            this.recognizer = recognizer;
            this.codes = new int[recognizer.maxCodesPerEvent()];
        }

        @Override
        public boolean accept(int value) {
            if (size == codes.length || !recognizer.isResponseCode(value)) {
                return false;
            }
            for (int i = 0; i < size; i++) {
                if (codes[i] == value) {
                    return false;
                }
            }
            codes[size++] = value;
            return true;
        }
    }
}
