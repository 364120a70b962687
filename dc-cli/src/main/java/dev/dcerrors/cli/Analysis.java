package dev.dcerrors.cli;

import dev.dcerrors.core.CodeLabels;
import dev.dcerrors.core.CodeSink;
import dev.dcerrors.core.ErrorCategory;
import dev.dcerrors.core.ErrorCode;
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
 * per minute for the security codes and, for a backfill, per step. The recognizer counts into counts of this run's
 * own, and the labels are theirs ({@link CodeLabels}): codes outside the catalog are {@code unknown}, and beyond
 * {@code maxUnknownCodes} distinct ones (in reading order) they count as {@code other}.
 */
final class Analysis implements EventSplitter.Events {

    static final long HOUR = 3_600_000L;
    static final long MINUTE = 60_000L;
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
    Analysis(ErrorRecognizer recognizer, int samplesPerCode, long stepMillis) {
        this.recognizer = recognizer;
        this.samplesPerCode = samplesPerCode;
        this.eventCodes = new EventCodes(recognizer);
        this.steps = stepMillis > 0 ? new Tally(stepMillis) : null;
        series.add(new Series(0, Integer.toString(ErrorCode.SUCCESS), ErrorCode.SUCCESS, ErrorCategory.UNKNOWN, ErrorSeverity.INFO, "Success."));
    }

    /** The name of the input whose events follow, for the samples. */
    void input(String name) {
        input = name;
    }

    @Override
    public void event(String text, long time, long line) {
        events++;
        boolean dated = time != Timestamps.NONE;
        if (dated) {
            first = Math.min(first, time);
            last = Math.max(last, time);
        } else {
            undated++;
        }
        eventCodes.size = 0;
        scan(text);
        for (int i = 0; i < eventCodes.size; i++) {
            Series s = seriesOf(eventCodes.codes[i]);
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
        CodeLabels labels = CodeLabels.of(code, recognizer.counts()); // counted already: an unknown code has its place, if any is left
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

    long events() {
        return events;
    }

    long undated() {
        return undated;
    }

    /** Whether any event had a timestamp. */
    boolean hasDatedEvents() {
        return first != Long.MAX_VALUE;
    }

    /** Epoch milliseconds of the earliest dated event. */
    long first() {
        return first;
    }

    long last() {
        return last;
    }

    long successes() {
        return series.get(0).total;
    }

    long errors() {
        long total = 0;
        for (int i = 1; i < series.size(); i++) {
            total += series.get(i).total;
        }
        return total;
    }

    /** Every series, success first, then in the order first seen. */
    List<Series> series() {
        return series;
    }

    /** The error series ordered by code, {@code other} last. */
    List<Series> errorSeriesByCode() {
        List<Series> errors = new ArrayList<>(series.subList(1, series.size()));
        errors.sort((a, b) -> Long.compare(a.code < 0 ? Long.MAX_VALUE : a.code, b.code < 0 ? Long.MAX_VALUE : b.code));
        return errors;
    }

    /** Codes per hour, per series. */
    Tally hourly() {
        return hourly;
    }

    /** Security codes per minute, per series. */
    Tally securityMinutes() {
        return securityMinutes;
    }

    /** Codes per backfill step, per series; null without a backfill. */
    @Nullable Tally steps() {
        return steps;
    }

    /**
     * The codes of one event, as {@link ErrorRecognizer#recognize} hands them on (each distinct response code once, at
     * most the recognizer's cap), each counted into the run's counts as it comes, so that an unknown code's place or
     * {@code other} is decided in reading order.
     */
    private static final class EventCodes implements CodeSink {
        private final CodeSink counter;
        final int[] codes;
        int size;

        EventCodes(ErrorRecognizer recognizer) {
            this.counter = recognizer.counter();
            this.codes = new int[recognizer.maxCodesPerEvent()];
        }

        @Override
        public boolean accept(int value) {
            counter.accept(value);
            codes[size++] = value;
            return true;
        }
    }
}
