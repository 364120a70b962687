package dev.dcerrors.core;

/**
 * The character classes of the recognition grammar (see {@link CodeScanner}) and a bounded read of the text.
 * Static, allocation-free helpers shared by {@link CodeScanner} and {@link TextWalker}.
 */
final class Chars {

    /** {@link #at}: the position is past the end of the text. */
    static final int END = -1;
    /** {@link #at}: the position is inside the text but past the scan limit: the scanner cannot know what is there. */
    static final int TRUNCATED = -2;

    private Chars() {
    }

    /** The character at {@code i}, {@link #END} past the text, {@link #TRUNCATED} past the scan limit {@code end}. */
    static int at(CharSequence text, int i, int end, int length) {
        if (i < end) {
            return text.charAt(i);
        }
        return end < length ? TRUNCATED : END;
    }

    /**
     * Whether {@code c} joins a key or a value into a longer identifier: ASCII letters, digits, {@code _} and
     * {@code $} only. Everything else separates, {@code -}, CJK and other non-ASCII characters included
     * ({@code x-code=5049}, {@code 绑定失败code=5049} and {@code code=5049设备已绑定} hold the key {@code code}).
     */
    static boolean isIdentifierChar(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '$';
    }

    static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    /** White space around a separator: space, tab, line breaks and the ideographic space U+3000. */
    static boolean isSpace(int c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\u3000';
    }

    /** A key-value separator: {@code :} or {@code =}, ASCII or full-width ({@code ：} U+FF1A, {@code ＝} U+FF1D). */
    static boolean isSeparator(int c) {
        return c == ':' || c == '=' || c == '\uFF1A' || c == '\uFF1D';
    }

    /**
     * A letter that, after a backslash, makes a JSON escape of white space or of a character
     * ({@code \n}, {@code \t}, {@code \r}, {@code \b}, {@code \f}, {@code \}{@code uXXXX}): in the text a JSON
     * string holds, it separates like white space. Any run of backslashes counts, so that the rule holds at every
     * level of escaping.
     */
    static boolean isEscapeLetter(int c) {
        return c == 'n' || c == 't' || c == 'r' || c == 'b' || c == 'f' || c == 'u';
    }

    /** The value of an ASCII hex digit, or -1. */
    static int hexValue(int c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    /**
     * A character of a key as {@link TextWalker} reads it when deciding whether a quote opens quoted JSON: anything
     * but quotes, backslashes, JSON's structural characters ({@code ,:{}[]}) and control characters.
     */
    static boolean isPlainKeyChar(int c) {
        return c >= ' ' && c != '"' && c != '\\' && c != ',' && c != ':' && c != '{' && c != '}' && c != '[' && c != ']';
    }

    /** A bare key right after one of these is a URL query or form parameter ({@code ?code=}, {@code &code=}). */
    static boolean isParameterStart(int c) {
        return c == '?' || c == '&';
    }

    /**
     * The quoting level of a {@code "} preceded by {@code backslashes} backslashes: 0 for {@code "}, 1 for
     * {@code \"} (a quote of JSON held in a JSON string), 2 for {@code \\\"}, and so on. Each level of JSON
     * escaping turns b backslashes into 2b+1; an even run ends in an unescaped quote, so the level is the number
     * of trailing one bits of b.
     */
    static int quoteLevel(int backslashes) {
        return Integer.numberOfTrailingZeros(~backslashes);
    }

    /** ASCII-only lower case: the folding of {@link CodeScanner.Builder#ignoreKeyCase(boolean)}. */
    static char fold(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }

    static String fold(String s) {
        char[] chars = s.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            chars[i] = fold(chars[i]);
        }
        return new String(chars);
    }
}
