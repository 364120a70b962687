package dev.dcerrors.cli.recognition;

import dev.dcerrors.cli.input.JsonTraceFields;
import dev.dcerrors.cli.input.PrintedThrowable;
import dev.dcerrors.cli.input.Timestamps;
import dev.dcerrors.core.CodeLabels;
import dev.dcerrors.core.CodeSink;
import dev.dcerrors.core.ErrorCategory;
import dev.dcerrors.core.ErrorCode;
import dev.dcerrors.core.ErrorCounts;
import dev.dcerrors.core.ErrorRecognizer;
import dev.dcerrors.core.ErrorSeverity;
import dev.dcerrors.core.FailureReporter;
import dev.dcerrors.core.LogCall;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * What the turbo filter would have counted: each event is scanned by the project's recognizer (its message;
 * the messages of a printed throwable only with {@code scanThrowables}, see {@link PrintedThrowable}, and
 * {@link JsonTraceFields} for JSON records), the rules
 * of one log call applied by {@link ErrorRecognizer#recognize}, and the codes tallied per series in total, per hour,
 * per minute for the security codes and, for a backfill, per step. The codes are counted, in reading order, into the
 * recognizer's counts, of this run's own, and the labels are theirs ({@link CodeLabels}): codes outside the catalog
 * are {@code unknown}, and beyond {@code maxUnknownCodes} distinct ones (in reading order) they count as {@code other}.
 */
public final class Analysis {

    public static final long HOUR = 3_600_000L;
    public static final long MINUTE = 60_000L;
    private static final int SAMPLE_CHARS = 240;

    private final ErrorRecognizer recognizer;
    private final int samplesPerCode;
    private final EventCodes eventCodes;

    /** Index 0 is the success series; the others in the order first seen. */
    private final List<Series> series = new ArrayList<>();
    private final Map<Integer, Series> byCode = new HashMap<>();
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
     * @param recognizer counting into counts of this run's own, whose {@code maxUnknownCodes} decides which unknown codes
     *     are {@code other}
     * @param stepMillis the width of the backfill's buckets, or 0 when there is no backfill
     */
    public Analysis(ErrorRecognizer recognizer, int samplesPerCode, long stepMillis) {
        this.recognizer = recognizer;
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
            recognizer.counts().recordResponse(codes[i]); // in reading order: an unknown code's place, or other, as the binder's
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
     * causes only with {@code scanThrowables}; the rest of a printed stack trace never. A one-line JSON record that holds
     * a logged throwable ({@link JsonTraceFields}) is read without those fields, whose values are the throwable's
     * messages.
     */
    private void scan(String text) {
        if (!text.isEmpty() && text.charAt(0) == '{') {
            List<JsonTraceFields.Field> fields = JsonTraceFields.find(text);
            if (!fields.isEmpty()) {
                recognizer.recognize(PrintedEvent.READER, PrintedEvent.jsonRecord(text, fields), eventCodes, NO_USER_CODE);
                return;
            }
        }
        recognizer.recognize(PrintedEvent.READER, PrintedEvent.of(text), eventCodes, NO_USER_CODE);
    }

    /** Text is all an event of a file holds: no user code runs, nothing can fail. */
    private static final FailureReporter NO_USER_CODE = (problem, cause) -> {
        throw new IllegalStateException(problem, cause);
    };

    /** An event of a log file as a log call: its message as text, and the messages of its printed throwable, found when asked. */
    private static final class PrintedEvent {
        static final LogCall<PrintedEvent> READER = new LogCall<>() {
            @Override
            public @Nullable CharSequence template(PrintedEvent event) {
                return null;
            }

            @Override
            public CharSequence text(PrintedEvent event) {
                return event.message;
            }

            @Override
            public int thrownMessageCount(PrintedEvent event) {
                return event.thrown().size();
            }

            @Override
            public String thrownMessage(PrintedEvent event, int index) {
                return event.thrown().get(index);
            }
        };

        private final CharSequence message;
        private final Consumer<List<String>> thrownMessages;
        private @Nullable List<String> thrown;

        private PrintedEvent(CharSequence message, Consumer<List<String>> thrownMessages) {
            this.message = message;
            this.thrownMessages = thrownMessages;
        }

        /** A plain event: the message, then a printed throwable, if any ({@link PrintedThrowable}). */
        static PrintedEvent of(String text) {
            int trace = PrintedThrowable.start(text);
            if (trace < 0) {
                return new PrintedEvent(text, messages -> { });
            }
            return new PrintedEvent(text.substring(0, trace), messages -> PrintedThrowable.messages(text, trace, messages::add));
        }

        /** A JSON record: the record with the throwable's fields emptied, then their values (a printed trace, or a message). */
        static PrintedEvent jsonRecord(String record, List<JsonTraceFields.Field> fields) {
            StringBuilder rest = new StringBuilder(record.length());
            int from = 0;
            for (JsonTraceFields.Field field : fields) {
                rest.append(record, from, field.from()).append("\"\"");
                from = field.to();
            }
            rest.append(record, from, record.length());
            return new PrintedEvent(rest, messages -> {
                for (JsonTraceFields.Field field : fields) {
                    String value = JsonTraceFields.unescape(record, field.from(), field.to());
                    if (field.trace()) {
                        PrintedThrowable.messages(value, 0, messages::add);
                    } else {
                        messages.add(value);
                    }
                }
            });
        }

        List<String> thrown() {
            List<String> found = thrown;
            if (found == null) {
                found = new ArrayList<>();
                thrownMessages.accept(found);
                thrown = found;
            }
            return found;
        }
    }

    private Series seriesOf(int code) {
        if (code == ErrorCode.SUCCESS) {
            return series.get(0);
        }
        Series known = byCode.get(code);
        if (known != null) {
            return known;
        }
        CodeLabels labels = CodeLabels.of(code, recognizer.counts()); // counted already: an unknown code has its place, if any was left
        if (labels == CodeLabels.OTHER) {
            if (other == null) {
                other = new Series(series.size(), labels.code(), -1, labels.category(), labels.severity(), labels.message());
                series.add(other);
            }
            byCode.put(code, other);
            return other;
        }
        Series created = new Series(series.size(), labels.code(), code, labels.category(), labels.severity(), labels.message());
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
     * The codes of one event, as {@link ErrorRecognizer#recognize} hands them on: each distinct response code once (so
     * at most one success), at most the recognizer's cap. Counts nothing: {@link #tally} counts them, in reading order.
     */
    private static final class EventCodes implements CodeSink {
        final int[] codes;
        int size;

        EventCodes(ErrorRecognizer recognizer) {
            this.codes = new int[recognizer.maxCodesPerEvent()];
        }

        @Override
        public boolean accept(int value) {
            if (size == codes.length) {
                return false;
            }
            codes[size++] = value;
            return true;
        }

        @Override
        public int capacity() {
            return codes.length;
        }
    }
}
