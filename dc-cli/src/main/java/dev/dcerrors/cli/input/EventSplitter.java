package dev.dcerrors.cli.input;

import org.jspecify.annotations.Nullable;

/**
 * Cuts the text of one input into events, the unit the recognizer's rules count in (one event = one log
 * call): a line that starts with a timestamp, or a JSON log record, starts an event, and the lines after it
 * without one (stack traces, pretty-printed bodies) belong to it. Before the first timestamp of an input
 * every line is an event of its own, undated.
 *
 * <p>A JSON log record is a line that is one JSON object ({@link JsonLine}) and either is in a JSON-lines
 * input (whose first non-blank line is a JSON object with a timestamp field or a record's marker key) or has
 * a marker key of logstash-logback-encoder or ECS: {@code @timestamp}, {@code log.level}, or {@code message}
 * with {@code level}. Any other one-line JSON object, such as a response body after a Logback line
 * ({@code {"code":5000,"message":"…"}}), continues the event before it. A record is dated by its
 * {@code @timestamp}, {@code timestamp} or {@code time} field; without one it carries the time of the event
 * before it, or is undated before the input's first timestamp.
 *
 * <p>The text arrives in chunks of whole lines (a line longer than a chunk comes in pieces). An event is
 * handed on as a substring of its chunk, or, when it spans chunks, from a buffer; either way at most
 * {@code maxChars} characters of it, so that memory stays bounded whatever the input: the recognizer
 * reads no more of a text than {@code maxScanChars} anyway, and {@code maxChars} is one more, so that it
 * still sees that the text was cut.
 */
public final class EventSplitter {

    /** Receives the events, in the order of the input. */
    public interface Events {
        /**
         * One event.
         *
         * @param text its lines, without the final line break, cut at the splitter's limit
         * @param time epoch milliseconds, or {@link Timestamps#NONE} when undated
         * @param line the line number of its first line in the input, from 1
         */
        void event(String text, long time, long line);
    }

    private final Timestamps timestamps;
    private final int maxChars;
    private final Events events;

    private final StringBuilder pending = new StringBuilder();
    /** Whether an event has begun and not been handed on. Its text is in {@link #pending} between chunks. */
    private boolean open;
    private long openTime;
    private long openLine;
    /** Whether a timestamp was seen in this input: until then each line is an undated event. */
    private boolean dated;
    /** The time of the last dated event of this input, for a JSON record without a timestamp field. */
    private long lastTime;
    /** Whether this input is JSON lines; null until its first non-blank line. */
    private @Nullable Boolean jsonLines;
    /** Whether the last chunk ended inside a line. */
    private boolean midLine;
    private long lineNumber;
    /** The start of a line that the last chunk ended with, held back until the line's timestamp can be seen. */
    private String heldBack = "";

    /** Line starts shorter than this are held back when a chunk ends inside them; longer ones show any timestamp. */
    private static final int HOLD_BACK = 256;
    /**
     * Lines up to this long are held back when a chunk ends inside them, so that a JSON record is judged whole; a
     * longer one is judged by its first {@code maxChars} characters, as an event is cut there anyway.
     */
    private final int holdBack;

    public EventSplitter(Timestamps timestamps, int maxChars, Events events) {
        this.timestamps = timestamps;
        this.maxChars = maxChars;
        this.events = events;
        this.holdBack = Math.max(HOLD_BACK, maxChars);
    }

    /** Starts a new input: nothing carries over from the previous one. */
    public void startInput() {
        pending.setLength(0);
        open = false;
        dated = false;
        lastTime = Timestamps.NONE;
        jsonLines = null;
        midLine = false;
        lineNumber = 0;
        heldBack = "";
    }

    /** Takes the next chunk of the input's text. */
    public void accept(String chunk) {
        String text = heldBack.isEmpty() ? chunk : heldBack + chunk;
        heldBack = "";
        int tail = text.length() - (text.lastIndexOf('\n') + 1);
        if (tail > 0 && tail <= holdBack) {
            heldBack = text.substring(text.length() - tail);
            text = text.substring(0, text.length() - tail);
        }
        split(text);
    }

    private void split(String chunk) {
        int length = chunk.length();
        int pos = 0;
        if (midLine) { // the rest of a line begun in the previous chunk
            int eol = chunk.indexOf('\n');
            int end = eol < 0 ? length : eol + 1;
            append(chunk, 0, end);
            pos = end;
        }
        int eventStart = -1; // where the open event starts in this chunk; -1 while its text is in pending
        while (pos < length) {
            int eol = chunk.indexOf('\n', pos);
            int end = eol < 0 ? length : eol;
            lineNumber++;
            long time;
            boolean record = false;
            int first = firstNonSpace(chunk, pos, end);
            if (first == end || chunk.charAt(first) != '{') {
                time = timestamps.ofLine(chunk, pos, end);
                if (jsonLines == null && first < end) {
                    jsonLines = false;
                }
            } else {
                int json = JsonLine.inspect(chunk, first, Math.min(end, pos + maxChars), end - pos > maxChars);
                if (jsonLines == null) {
                    jsonLines = JsonLine.startsJsonLines(json);
                }
                record = JsonLine.isRecord(json, jsonLines);
                time = record ? timestamps.ofLine(chunk, first, Math.min(end, pos + maxChars)) : Timestamps.NONE;
                if (record && time == Timestamps.NONE) {
                    time = lastTime; // carried from the event before, or NONE before the first timestamp
                }
            }
            if (time != Timestamps.NONE || record || !dated) {
                if (open) {
                    if (eventStart >= 0) {
                        emit(chunk.substring(eventStart, Math.min(withoutLineBreak(chunk, eventStart, pos), eventStart + maxChars)));
                    } else {
                        emitPending();
                    }
                }
                open = true;
                openTime = time;
                openLine = lineNumber;
                eventStart = pos;
                if (time != Timestamps.NONE) {
                    dated = true;
                    lastTime = time;
                }
            } else if (eventStart < 0) { // a continuation line of an event begun in an earlier chunk
                append(chunk, pos, eol < 0 ? length : eol + 1);
            }
            pos = eol < 0 ? length : eol + 1;
        }
        if (open && eventStart >= 0) {
            pending.setLength(0);
            append(chunk, eventStart, length);
        }
        midLine = length > 0 ? chunk.charAt(length - 1) != '\n' : midLine;
    }

    /** Ends the input: hands on the event still open. */
    public void endInput() {
        if (!heldBack.isEmpty()) {
            split(heldBack);
            heldBack = "";
        }
        if (open) {
            emitPending();
        }
        open = false;
    }

    private void emitPending() {
        int end = pending.length();
        while (end > 0 && (pending.charAt(end - 1) == '\n' || pending.charAt(end - 1) == '\r')) {
            end--;
        }
        pending.setLength(end);
        emit(pending.toString());
        pending.setLength(0);
    }

    private void emit(String text) {
        events.event(text, openTime, openLine);
    }

    /** Appends {@code [from, to)} to the pending event, up to the limit. */
    private void append(String chunk, int from, int to) {
        int room = maxChars - pending.length();
        if (room > 0) {
            pending.append(chunk, from, Math.min(to, from + room));
        }
    }

    private static int firstNonSpace(String chunk, int from, int to) {
        while (from < to && (chunk.charAt(from) == ' ' || chunk.charAt(from) == '\t' || chunk.charAt(from) == '\r')) {
            from++;
        }
        return from;
    }

    /** {@code end} without the line break before it. */
    private static int withoutLineBreak(String chunk, int start, int end) {
        while (end > start && (chunk.charAt(end - 1) == '\n' || chunk.charAt(end - 1) == '\r')) {
            end--;
        }
        return end;
    }
}
