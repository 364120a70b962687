package dev.dcerrors.bench;

import dev.dcerrors.core.CodeSink;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The same recognition grammar as {@code CodeScanner}, written the grok_exporter / mtail way: one
 * {@code java.util.regex} pattern. The anchor for "what a regular expression costs".
 */
public final class RegexRecognizer {

    /** A key standing alone (not after a word character, ? or &amp;), a separator, a quoted or bare integer. */
    private static final Pattern CODE = Pattern.compile(
            "(?<![\\w$?&-])(?:\"code\"|\\\\\"code\\\\\"|'code'|code(?![\\w$-]))\\s*[:=]\\s*"
                    + "(?:\"(\\d{1,9})\"|\\\\\"(\\d{1,9})\\\\\"|(\\d{1,9})(?![\\w.]))");

    private RegexRecognizer() {
    }

    /** Reports each value to the sink, at most {@code budget}; returns how many were accepted. */
    public static int scan(CharSequence text, CodeSink sink, int budget) {
        Matcher m = CODE.matcher(text);
        int counted = 0;
        while (counted < budget && m.find()) {
            String digits = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
            if ((digits.length() == 1 || digits.charAt(0) != '0') && sink.accept(Integer.parseInt(digits))) {
                counted++;
            }
        }
        return counted;
    }
}
