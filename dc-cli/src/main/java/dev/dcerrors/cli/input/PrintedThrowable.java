package dev.dcerrors.cli.input;

import dev.dcerrors.core.ErrorRecognizer;
import java.util.function.Consumer;

/**
 * The throwable that a layout printed after an event's message ({@code %ex}): where it starts, and the
 * messages of the throwable and its causes, the parts the turbo filter reads with {@code scanThrowables}.
 *
 * <p>A printed throwable starts at the first line of the event that is
 * <ul>
 * <li>a frame, {@code \tat …}, or an elision, {@code \t... N more} or {@code \t... N common frames omitted}
 *     (one or more tabs);</li>
 * <li>{@code Caused by: }, {@code Wrapped by: } (Logback's root-cause-first {@code %rEx}) or {@code Suppressed: },
 *     indented or not;</li>
 * <li>after the event's first line, a header: a fully qualified class name ({@code java.lang.IllegalStateException},
 *     {@code a.B$C}) alone or followed by {@code ": "} and the message, whose simple name ends in {@code Exception},
 *     {@code Error} or {@code Throwable}, or which the next line's frame shows to be one.</li>
 * </ul>
 * Everything from there to the end of the event belongs to the throwable: a layout prints it last. Other lines
 * after the first, such as a pretty-printed JSON body, are part of the message. The messages of the chain are the
 * header's and those of the unindented {@code Caused by: } and {@code Wrapped by: } lines, each with the lines
 * that follow it up to the next frame or marker (a message of several lines), at most
 * {@link ErrorRecognizer#MAX_CAUSE_DEPTH} of them, as the filter follows causes; suppressed throwables (indented) are not read,
 * as the filter does not read them.
 */
public final class PrintedThrowable {

    private static final String[] CHAIN_PREFIXES = {"Caused by: ", "Wrapped by: "};

    private PrintedThrowable() {
    }

    /** The index at which the printed throwable of {@code text} starts, or -1 when it has none. */
    public static int start(String text) {
        int length = text.length();
        for (int from = 0; from < length; ) {
            int eol = text.indexOf('\n', from);
            int to = lineEnd(text, from, eol < 0 ? length : eol);
            if (isTraceLine(text, from, to) || from > 0 && isHeader(text, from, to, eol < 0 ? length : eol + 1)) {
                return from;
            }
            if (eol < 0) {
                break;
            }
            from = eol + 1;
        }
        return -1;
    }

    /**
     * Hands on the messages of the throwable printed from {@code start} (see {@link #start}) and its causes, in order,
     * each as a substring of {@code text} (without its final line break).
     */
    public static void messages(String text, int start, Consumer<String> messages) {
        int length = text.length();
        int messageStart = -1;
        int messageEnd = -1;
        int depth = 0;
        for (int from = start; from < length && depth <= ErrorRecognizer.MAX_CAUSE_DEPTH; ) {
            int eol = text.indexOf('\n', from);
            int to = lineEnd(text, from, eol < 0 ? length : eol);
            int chain = from == start && !isTraceLine(text, from, to) ? from : chainPrefixEnd(text, from, to);
            if (chain >= 0) { // a new throwable of the chain: the previous message is complete
                if (messageStart >= 0) {
                    messages.accept(text.substring(messageStart, messageEnd));
                }
                depth++;
                messageStart = depth <= ErrorRecognizer.MAX_CAUSE_DEPTH ? messageAfterClassName(text, chain, to) : -1;
                messageEnd = to;
            } else if (isTraceLine(text, from, to)) {
                if (messageStart >= 0) {
                    messages.accept(text.substring(messageStart, messageEnd));
                }
                messageStart = -1;
            } else if (messageStart >= 0) { // a message of several lines
                messageEnd = to;
            }
            if (eol < 0) {
                break;
            }
            from = eol + 1;
        }
        if (messageStart >= 0) {
            messages.accept(text.substring(messageStart, messageEnd));
        }
    }

    /** The end of the line {@code [from, end)} without a carriage return. */
    private static int lineEnd(String text, int from, int end) {
        return end > from && text.charAt(end - 1) == '\r' ? end - 1 : end;
    }

    /** A frame, an elision, or a cause, wrapper or suppressed line, indented or not. */
    private static boolean isTraceLine(String text, int from, int to) {
        int i = from;
        while (i < to && text.charAt(i) == '\t') {
            i++;
        }
        if (i > from && (text.startsWith("at ", i) || isElision(text, i, to))) {
            return true;
        }
        return text.startsWith("Caused by: ", i) || text.startsWith("Wrapped by: ", i) || text.startsWith("Suppressed: ", i);
    }

    /** {@code ... N more}, {@code ... N common frames omitted}: three dots, a space and a digit. */
    private static boolean isElision(String text, int i, int to) {
        return i + 4 < to && text.startsWith("... ", i) && isDigit(text.charAt(i + 4));
    }

    /** Where the class name of an unindented {@code Caused by: } or {@code Wrapped by: } line starts, or -1. */
    private static int chainPrefixEnd(String text, int from, int to) {
        for (String prefix : CHAIN_PREFIXES) {
            if (text.startsWith(prefix, from)) {
                return Math.min(from + prefix.length(), to);
            }
        }
        return -1;
    }

    /** The start of the message after {@code ClassName: } at {@code from}; -1 for a class name alone. */
    private static int messageAfterClassName(String text, int from, int to) {
        int end = classNameEnd(text, from, to);
        int colon = end >= 0 ? end : text.indexOf(": ", from);
        if (colon < 0 || colon >= to || !text.startsWith(": ", colon)) {
            return -1;
        }
        return colon + 2;
    }

    /**
     * Whether {@code [from, to)} is the header of a printed throwable: a qualified class name, alone or before
     * {@code ": "}, named like a throwable or followed by a frame on the next line (which starts at {@code next}).
     */
    private static boolean isHeader(String text, int from, int to, int next) {
        int end = classNameEnd(text, from, to);
        if (end < 0 || end != to && !text.startsWith(": ", end)) {
            return false;
        }
        if (endsWith(text, end, "Exception") || endsWith(text, end, "Error") || endsWith(text, end, "Throwable")) {
            return true;
        }
        int i = next;
        while (i < text.length() && text.charAt(i) == '\t') {
            i++;
        }
        return i > next && text.startsWith("at ", i);
    }

    /**
     * The end of a qualified Java class name at {@code from} (two identifiers or more, separated by dots), or -1 when
     * there is none.
     */
    private static int classNameEnd(String text, int from, int to) {
        int i = from;
        int identifiers = 0;
        while (true) {
            if (i >= to || !Character.isJavaIdentifierStart(text.charAt(i))) {
                return -1;
            }
            i++;
            while (i < to && Character.isJavaIdentifierPart(text.charAt(i))) {
                i++;
            }
            identifiers++;
            if (i < to && text.charAt(i) == '.') {
                i++;
            } else {
                return identifiers >= 2 ? i : -1;
            }
        }
    }

    private static boolean endsWith(String text, int end, String suffix) {
        return end >= suffix.length() && text.startsWith(suffix, end - suffix.length());
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
