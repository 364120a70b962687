package dev.dcerrors.cli.input;

/**
 * What a line that may be a JSON log record is, read in one pass without a JSON library: whether it is one
 * JSON object (starts with <code>{</code> and ends with <code>}</code> after trimming, strings closed, brackets
 * balanced, nothing after the object closes), and which of the top-level keys that mark a log record it has.
 */
final class JsonLine {

    /** One JSON object on the line. */
    static final int OBJECT = 1;
    /** The top-level key {@code @timestamp} (logstash-logback-encoder, ECS). */
    static final int AT_TIMESTAMP = 1 << 1;
    /** The top-level key {@code timestamp} or {@code time}. */
    static final int TIMESTAMP = 1 << 2;
    /** The top-level key {@code message}. */
    static final int MESSAGE = 1 << 3;
    /** The top-level key {@code level}. */
    static final int LEVEL = 1 << 4;
    /** The top-level key {@code log.level} (ECS). */
    static final int LOG_LEVEL = 1 << 5;

    private JsonLine() {
    }

    /**
     * Whether a line with these {@link #inspect} flags is a log record of its own: a JSON object that has
     * {@code @timestamp}, or {@code log.level}, or {@code message} and {@code level}; in a JSON-lines input
     * ({@code jsonLinesInput}) any JSON object.
     */
    static boolean isRecord(int flags, boolean jsonLinesInput) {
        if ((flags & OBJECT) == 0) {
            return false;
        }
        return jsonLinesInput || (flags & (AT_TIMESTAMP | LOG_LEVEL)) != 0 || (flags & (MESSAGE | LEVEL)) == (MESSAGE | LEVEL);
    }

    /** Whether the first line of an input with these flags makes it a JSON-lines input: a record, or an object with a timestamp field. */
    static boolean startsJsonLines(int flags) {
        return isRecord(flags, false) || (flags & (OBJECT | TIMESTAMP)) == (OBJECT | TIMESTAMP);
    }

    /**
     * The flags of the line {@code [from, to)}. When {@code cut}, the line goes on beyond {@code to} (it is longer
     * than the events' limit): an object still open at {@code to} counts as one.
     */
    static int inspect(CharSequence s, int from, int to, boolean cut) {
        int start = from;
        while (start < to && isSpace(s.charAt(start))) {
            start++;
        }
        int end = to;
        while (!cut && end > start && isSpace(s.charAt(end - 1))) {
            end--;
        }
        if (start >= end || s.charAt(start) != '{' || !cut && s.charAt(end - 1) != '}') {
            return 0;
        }
        int flags = 0;
        int depth = 0;
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if (c == '"') {
                int close = closingQuote(s, i + 1, end);
                if (close >= end) {
                    return cut ? OBJECT | flags : 0;
                }
                if (depth == 1) {
                    int after = close + 1;
                    while (after < end && isSpace(s.charAt(after))) {
                        after++;
                    }
                    if (after < end && s.charAt(after) == ':') {
                        flags |= keyFlag(s, i + 1, close);
                    }
                }
                i = close;
            } else if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                depth--;
                if (depth < 0 || depth == 0 && i != end - 1) {
                    return 0;
                }
            }
        }
        return depth == 0 || cut ? OBJECT | flags : 0;
    }

    /**
     * The quote that closes a string whose contents start at {@code from}, or a position at or after {@code end} when
     * it is not closed before {@code end}. A quote after an odd run of backslashes is escaped. In a {@code String} the
     * quotes are found with {@code indexOf}, which the JIT compiles to vector instructions; the characters between
     * them are not visited one by one.
     */
    static int closingQuote(CharSequence s, int from, int end) {
        if (s instanceof String text) {
            for (int quote = text.indexOf('"', from); quote >= 0 && quote < end; quote = text.indexOf('"', quote + 1)) {
                int backslash = quote - 1;
                while (backslash >= from && text.charAt(backslash) == '\\') {
                    backslash--;
                }
                if (((quote - 1 - backslash) & 1) == 0) {
                    return quote;
                }
            }
            return end;
        }
        int close = from;
        while (close < end && s.charAt(close) != '"') {
            close += s.charAt(close) == '\\' ? 2 : 1;
        }
        return close;
    }

    private static int keyFlag(CharSequence s, int from, int to) {
        switch (to - from) {
            case 4:
                return regionIs(s, from, "time") ? TIMESTAMP : 0;
            case 5:
                return regionIs(s, from, "level") ? LEVEL : 0;
            case 7:
                return regionIs(s, from, "message") ? MESSAGE : 0;
            case 9:
                return regionIs(s, from, "timestamp") ? TIMESTAMP : regionIs(s, from, "log.level") ? LOG_LEVEL : 0;
            case 10:
                return regionIs(s, from, "@timestamp") ? AT_TIMESTAMP : 0;
            default:
                return 0;
        }
    }

    private static boolean regionIs(CharSequence s, int from, String word) {
        for (int i = 0; i < word.length(); i++) {
            if (s.charAt(from + i) != word.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\r';
    }
}
