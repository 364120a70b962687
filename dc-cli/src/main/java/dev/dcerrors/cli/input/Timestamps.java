package dev.dcerrors.cli.input;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * Reads the timestamp that starts a log line, without regular expressions or allocation on the common path:
 * {@code yyyy-MM-dd[ T]HH:mm:ss}, a fraction after {@code .} or {@code ,}, and an optional offset. That is Logback's
 * default {@code yyyy-MM-dd HH:mm:ss.SSS} (or {@code ,SSS}), Log4j2's {@code %d} ({@code yyyy-MM-dd HH:mm:ss,SSS})
 * and {@code %d{ISO8601}} ({@code yyyy-MM-dd'T'HH:mm:ss,SSS}), Spring Boot's {@code yyyy-MM-dd'T'HH:mm:ss.SSSXXX},
 * and ISO-8601 with {@code Z}; in a JSON line, the {@code @timestamp}, {@code timestamp} or {@code time} field
 * (such a text, or epoch seconds or milliseconds). ANSI colours before the timestamp (Spring Boot's console pattern
 * with colours on, Log4j2's {@code %style} and {@code %highlight}) are passed over. Times without an offset are read in the zone
 * given. One instance per reading thread: it caches the last hour it converted.
 */
public final class Timestamps {

    /** The result for a text that does not start with a timestamp. */
    public static final long NONE = Long.MIN_VALUE;

    private static final String[] JSON_FIELDS = {"\"@timestamp\"", "\"timestamp\"", "\"time\""};

    private final ZoneId zone;
    private long cachedHourKey = -1;
    private long cachedHourMillis;
    private long cachedDayKey = -1;
    private long cachedEpochDay;

    public Timestamps(ZoneId zone) {
        this.zone = zone;
    }

    /**
     * The time in epoch milliseconds of the line {@code [from, to)} of {@code text}: the timestamp at its
     * start, or for a line that starts with <code>{"</code>, its JSON timestamp field; {@link #NONE} when it
     * has none.
     */
    long ofLine(CharSequence text, int from, int to) {
        if (from < to && text.charAt(from) == '\u001b') {
            from = afterColours(text, from, to);
        }
        if (to - from < 19) {
            return NONE;
        }
        char first = text.charAt(from);
        if (first >= '0' && first <= '9') {
            return parse(text, from, to);
        }
        if (first == '{' && text.charAt(from + 1) == '"') {
            return ofJsonLine(text, from, to);
        }
        return NONE;
    }

    /** Past the ANSI colour sequences ({@code ESC [ 0-9; m}) at {@code i}. */
    private static int afterColours(CharSequence s, int i, int to) {
        while (i + 2 < to && s.charAt(i) == '\u001b' && s.charAt(i + 1) == '[') {
            int j = i + 2;
            while (j < to && (isDigit(s.charAt(j)) || s.charAt(j) == ';')) {
                j++;
            }
            if (j >= to || s.charAt(j) != 'm') {
                return i;
            }
            i = j + 1;
        }
        return i;
    }

    private long ofJsonLine(CharSequence text, int from, int to) {
        for (String field : JSON_FIELDS) {
            int at = indexOf(text, field, from, to);
            if (at < 0) {
                continue;
            }
            int i = skipSpaces(text, at + field.length(), to);
            if (i >= to || text.charAt(i) != ':') {
                continue;
            }
            i = skipSpaces(text, i + 1, to);
            if (i >= to) {
                continue;
            }
            char c = text.charAt(i);
            long time = c == '"' ? parse(text, i + 1, to) : c >= '0' && c <= '9' ? epochNumber(text, i, to) : NONE;
            if (time != NONE) {
                return time;
            }
        }
        return NONE;
    }

    /** Epoch seconds (up to 11 digits, with an optional fraction) or milliseconds (12 digits and more). */
    private static long epochNumber(CharSequence text, int from, int to) {
        long value = 0;
        int i = from;
        while (i < to && isDigit(text.charAt(i)) && i - from < 16) {
            value = value * 10 + (text.charAt(i++) - '0');
        }
        int digits = i - from;
        if (digits >= 12) {
            return value;
        }
        long millis = value * 1000;
        if (i < to && text.charAt(i) == '.') {
            int scale = 100;
            for (i++; i < to && isDigit(text.charAt(i)); i++) {
                millis += (text.charAt(i) - '0') * scale;
                scale /= 10;
            }
        }
        return millis;
    }

    /** {@code yyyy-MM-dd[ T]HH:mm:ss[.,fraction][Z|±HH[:]MM|±HH]} at {@code from}; {@link #NONE} otherwise. */
    private long parse(CharSequence s, int from, int to) {
        if (to - from < 19) {
            return NONE;
        }
        char sep = s.charAt(from + 10);
        if (s.charAt(from + 4) != '-' || s.charAt(from + 7) != '-' || (sep != ' ' && sep != 'T')
                || s.charAt(from + 13) != ':' || s.charAt(from + 16) != ':') {
            return NONE;
        }
        int year = digits(s, from, 4);
        int month = digits(s, from + 5, 2);
        int day = digits(s, from + 8, 2);
        int hour = digits(s, from + 11, 2);
        int minute = digits(s, from + 14, 2);
        int second = digits(s, from + 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23 || minute < 0 || minute > 59
                || second < 0 || second > 60) {
            return NONE;
        }
        int i = from + 19;
        int millis = 0;
        if (i < to && (s.charAt(i) == '.' || s.charAt(i) == ',') && i + 1 < to && isDigit(s.charAt(i + 1))) {
            int scale = 100;
            for (i++; i < to && isDigit(s.charAt(i)); i++) {
                millis += (s.charAt(i) - '0') * scale;
                scale /= 10;
            }
        }
        long withinHour = minute * 60_000L + Math.min(second, 59) * 1000L + millis;
        int offsetSeconds = offsetAt(s, i, to);
        try {
            if (offsetSeconds == NO_OFFSET) {
                return localHourMillis(year, month, day, hour) + withinHour;
            }
            return epochDay(year, month, day) * 86_400_000L + hour * 3_600_000L + withinHour - offsetSeconds * 1000L;
        } catch (DateTimeException e) {
            return NONE; // 2024-02-30
        }
    }

    private static final int NO_OFFSET = Integer.MIN_VALUE;

    /** The offset in seconds written at {@code i}: {@code Z}, {@code ±HH:MM}, {@code ±HHMM}, {@code ±HH}; else {@link #NO_OFFSET}. */
    private static int offsetAt(CharSequence s, int i, int to) {
        if (i >= to) {
            return NO_OFFSET;
        }
        char c = s.charAt(i);
        if (c == 'Z') {
            return 0;
        }
        if ((c != '+' && c != '-') || i + 3 > to) {
            return NO_OFFSET;
        }
        int hours = digits(s, i + 1, 2);
        if (hours < 0 || hours > 18) {
            return NO_OFFSET;
        }
        int j = i + 3;
        if (j < to && s.charAt(j) == ':') {
            j++;
        }
        int minutes = j + 2 <= to ? digits(s, j, 2) : -1;
        int seconds = hours * 3600 + Math.max(minutes, 0) * 60;
        return c == '-' ? -seconds : seconds;
    }

    private long localHourMillis(int year, int month, int day, int hour) {
        long key = ((year * 13L + month) * 32 + day) * 24 + hour;
        if (key != cachedHourKey) {
            cachedHourMillis = LocalDateTime.of(year, month, day, hour, 0).atZone(zone).toInstant().toEpochMilli();
            cachedHourKey = key;
        }
        return cachedHourMillis;
    }

    private long epochDay(int year, int month, int day) {
        long key = (year * 13L + month) * 32 + day;
        if (key != cachedDayKey) {
            cachedEpochDay = LocalDate.of(year, month, day).toEpochDay();
            cachedDayKey = key;
        }
        return cachedEpochDay;
    }

    /** The number of {@code count} ASCII digits at {@code at}, or -1 when one is not a digit. */
    private static int digits(CharSequence s, int at, int count) {
        int value = 0;
        for (int i = at; i < at + count; i++) {
            char c = s.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int skipSpaces(CharSequence s, int i, int to) {
        while (i < to && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    /** The first {@code needle} in {@code [from, to)} not preceded by a backslash (not inside an escaped JSON string). */
    private static int indexOf(CharSequence s, String needle, int from, int to) {
        int last = to - needle.length();
        outer:
        for (int i = from; i <= last; i++) {
            for (int j = 0; j < needle.length(); j++) {
                if (s.charAt(i + j) != needle.charAt(j)) {
                    continue outer;
                }
            }
            if (i == 0 || s.charAt(i - 1) != '\\') {
                return i;
            }
        }
        return -1;
    }
}
