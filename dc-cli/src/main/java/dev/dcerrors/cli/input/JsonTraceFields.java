package dev.dcerrors.cli.input;

import java.util.ArrayList;
import java.util.List;

/**
 * The fields of a one-line JSON log record that hold a logged throwable, which the turbo filter reads only with
 * {@code scanThrowables}: logstash-logback-encoder's top-level {@code stack_trace}; ECS's {@code error.stack_trace}
 * and {@code error.message}, flattened or inside an {@code error} object (co.elastic.logging's encoders, and Log4j2's
 * {@code JsonTemplateLayout} with {@code EcsLayout.json}); and the {@code exception} object of Log4j2's
 * {@code JsonTemplateLayout} with {@code LogstashJsonEventLayoutV1.json}, whose {@code exception_message} and
 * {@code stacktrace} hold them. Read in one pass without a JSON library.
 */
public final class JsonTraceFields {

    /** A string value {@code [from, to)}, quotes included; {@code trace} for a printed stack trace, else a message. */
    public record Field(int from, int to, boolean trace) {
    }

    private JsonTraceFields() {
    }

    /** The throwable fields of the JSON object {@code line}, in order; empty when it has none. */
    public static List<Field> find(String line) {
        if (line.indexOf("stack_trace\"") < 0 && line.indexOf("\"error") < 0 && line.indexOf("\"exception_message\"") < 0
                && line.indexOf("\"stacktrace\"") < 0) {
            return List.of(); // every key read below holds one of these: most records are passed in a few indexOf calls
        }
        List<Field> fields = new ArrayList<>(2);
        int length = line.length();
        int depth = 0;
        int objectAt = -1; // where the value of the top-level key "error" or "exception" opens, when it is an object
        boolean objectIsError = false; // which of the two it is
        int objectDepth = -1; // the depth inside that object while the walk is in it
        for (int i = 0; i < length; i++) {
            char c = line.charAt(i);
            if (c == '"') {
                int close = closingQuote(line, i);
                if (close < 0) {
                    return fields;
                }
                int colon = skipSpaces(line, close + 1);
                if (colon < length && line.charAt(colon) == ':') {
                    int value = skipSpaces(line, colon + 1);
                    boolean inObject = objectDepth >= 0 && depth == objectDepth;
                    int kind = depth == 1 ? topLevelKind(line, i + 1, close)
                            : !inObject ? NONE : objectIsError ? errorObjectKind(line, i + 1, close) : exceptionObjectKind(line, i + 1, close);
                    if (kind != NONE && value < length && line.charAt(value) == '"') {
                        int valueClose = closingQuote(line, value);
                        if (valueClose < 0) {
                            return fields;
                        }
                        fields.add(new Field(value, valueClose + 1, kind == TRACE));
                        i = valueClose;
                        continue;
                    }
                    if (depth == 1 && value < length && line.charAt(value) == '{') {
                        boolean error = regionIs(line, i + 1, close, "error");
                        if (error || regionIs(line, i + 1, close, "exception")) {
                            objectAt = value;
                            objectIsError = error;
                        }
                    }
                }
                i = close;
            } else if (c == '{' || c == '[') {
                depth++;
                if (i == objectAt) {
                    objectDepth = depth;
                }
            } else if (c == '}' || c == ']') {
                if (depth == objectDepth) {
                    objectDepth = -1;
                }
                depth--;
            }
        }
        return fields;
    }

    /** The text a JSON string value {@code [from, to)} (quotes included) stands for. */
    public static String unescape(String line, int from, int to) {
        StringBuilder text = new StringBuilder(to - from);
        for (int i = from + 1; i < to - 1; i++) {
            char c = line.charAt(i);
            if (c != '\\' || i + 1 >= to - 1) {
                text.append(c);
                continue;
            }
            char escaped = line.charAt(++i);
            switch (escaped) {
                case 'n' -> text.append('\n');
                case 't' -> text.append('\t');
                case 'r' -> text.append('\r');
                case 'b' -> text.append('\b');
                case 'f' -> text.append('\f');
                case 'u' -> {
                    int code = i + 4 < to - 1 ? hex4(line, i + 1) : -1;
                    if (code >= 0) {
                        text.append((char) code);
                        i += 4;
                    } else {
                        text.append("\\u");
                    }
                }
                default -> text.append(escaped); // \" \\ \/
            }
        }
        return text.toString();
    }

    private static final int NONE = 0;
    private static final int TRACE = 1;
    private static final int MESSAGE = 2;

    private static int topLevelKind(String line, int from, int to) {
        if (regionIs(line, from, to, "stack_trace") || regionIs(line, from, to, "error.stack_trace")) {
            return TRACE;
        }
        return regionIs(line, from, to, "error.message") ? MESSAGE : NONE;
    }

    private static int errorObjectKind(String line, int from, int to) {
        if (regionIs(line, from, to, "stack_trace")) {
            return TRACE;
        }
        return regionIs(line, from, to, "message") ? MESSAGE : NONE;
    }

    /** The keys of Log4j2's {@code LogstashJsonEventLayoutV1.json} {@code exception} object. */
    private static int exceptionObjectKind(String line, int from, int to) {
        if (regionIs(line, from, to, "stacktrace")) {
            return TRACE;
        }
        return regionIs(line, from, to, "exception_message") ? MESSAGE : NONE;
    }

    private static int closingQuote(String line, int open) {
        int i = open + 1;
        while (i < line.length() && line.charAt(i) != '"') {
            i += line.charAt(i) == '\\' ? 2 : 1;
        }
        return i < line.length() ? i : -1;
    }

    private static int skipSpaces(String line, int from) {
        int i = from;
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    private static boolean regionIs(String line, int from, int to, String word) {
        return to - from == word.length() && line.startsWith(word, from);
    }

    private static int hex4(String line, int from) {
        int value = 0;
        for (int i = from; i < from + 4; i++) {
            int digit = Character.digit(line.charAt(i), 16);
            if (digit < 0) {
                return -1;
            }
            value = value * 16 + digit;
        }
        return value;
    }
}
