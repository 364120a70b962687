package dev.dcerrors.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Finds response codes in text by the recognition grammar of the design: a <em>key</em>, a separator
 * and an integer <em>value</em>.
 *
 * <ul>
 *   <li>key: a JSON key {@code "code"} (or single-quoted, {@code 'code'}), an escaped JSON key {@code \"code\"} (JSON logged inside a JSON
 *       string), or a bare key {@code code} (Lombok {@code Result(code=5032)}, logfmt {@code code=5032},
 *       {@code code: 5032}). The key must stand alone: {@code productCode}, {@code errcode},
 *       {@code code_x} are not {@code code}. A bare key right after {@code ?} or {@code &} is a URL query
 *       or form parameter and is skipped. Extra keys can be configured; keys match case-sensitively
 *       unless {@link Builder#ignoreKeyCase(boolean)} (ASCII folding).</li>
 *   <li>separator: optional white space, {@code :} or {@code =}, optional white space.</li>
 *   <li>value: an integer of at most nine digits without a sign or leading zero, bare or in double
 *       quotes (escaped quotes after an escaped key), followed by a character that is not a digit,
 *       {@code .}, letter or {@code _}, or by the end of the text. In a {@linkplain #scanTemplate
 *       template}, the value may also be an SLF4J placeholder {@code {}}, resolved from the arguments.</li>
 * </ul>
 *
 * <p>The scan is one forward pass per key, with no regular expressions, no backtracking and no
 * allocation: each character is examined a bounded number of times, and only the first
 * {@link Builder#maxScanChars(int) maxScanChars} characters of a text are read. A value cut by that
 * limit is not reported. Instances are immutable and thread-safe.
 */
public final class CodeScanner {

    /** The key every scanner recognizes. */
    public static final String DEFAULT_KEY = "code";
    /** The default number of characters read from one text: 64 KiB. */
    public static final int DEFAULT_MAX_SCAN_CHARS = 64 * 1024;
    /** The largest value the scanner reports: nine digits. */
    public static final int MAX_VALUE = 999_999_999;
    /** The longest key that can be configured. */
    public static final int MAX_KEY_LENGTH = 64;

    private static final int END = -1;
    private static final int TRUNCATED = -2;
    /** valueAt's results at or below this mark a placeholder value; see {@link #valueAt}. */
    private static final int PLACEHOLDER = -2;
    private static final int MAX_DIGITS = 9;

    private static final CodeScanner DEFAULTS = builder().build();

    private final String[] keys;
    private final char[][] keyChars;
    private final boolean ignoreKeyCase;
    private final int maxScanChars;

    private CodeScanner(Builder builder) {
        this.keys = builder.keys.toArray(new String[0]);
        this.ignoreKeyCase = builder.ignoreKeyCase;
        this.maxScanChars = builder.maxScanChars;
        this.keyChars = new char[keys.length][];
        for (int i = 0; i < keys.length; i++) {
            keyChars[i] = (ignoreKeyCase ? keys[i].toLowerCase(Locale.ROOT) : keys[i]).toCharArray();
        }
    }

    /** A scanner with the default key {@code code}, case-sensitive, reading at most 64 KiB per text. */
    public static CodeScanner defaults() {
        return DEFAULTS;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reports each value found in {@code text} to {@code sink}, until {@code budget} values have been
     * counted (accepted by the sink).
     *
     * @return how many values the sink accepted, at most {@code budget}
     */
    public int scan(CharSequence text, CodeSink sink, int budget) {
        return scan(text, null, false, sink, budget);
    }

    /**
     * Like {@link #scan}, for an SLF4J message template: a key whose value is the placeholder {@code {}}
     * takes the value of the matching argument, when that is an integral {@link Number} or a
     * {@link CharSequence} holding only an integer. {@code \{}} is not a placeholder, as in SLF4J.
     */
    public int scanTemplate(CharSequence template, @Nullable Object @Nullable [] args, CodeSink sink, int budget) {
        return scan(template, args, true, sink, budget);
    }

    /** Whether {@code name} is one of this scanner's keys, as used for SLF4J key-value pairs. */
    public boolean isKey(String name) {
        for (String key : keys) {
            if (ignoreKeyCase ? key.equalsIgnoreCase(name) : key.equals(name)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The value of a key-value pair or template argument, read as a code: an integral {@link Number}
     * between 0 and {@value #MAX_VALUE}, or a {@link CharSequence} holding only such an integer
     * (surrounding white space allowed). Anything else gives -1.
     */
    public static int codeValue(@Nullable Object value) {
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            long v = ((Number) value).longValue();
            return v >= 0 && v <= MAX_VALUE ? (int) v : -1;
        }
        if (value instanceof CharSequence) {
            return parseWholeNumber((CharSequence) value);
        }
        return -1;
    }

    private static int parseWholeNumber(CharSequence text) {
        int start = 0;
        int end = text.length();
        while (start < end && isSpace(text.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(text.charAt(end - 1))) {
            end--;
        }
        int digits = end - start;
        if (digits == 0 || digits > MAX_DIGITS || (digits > 1 && text.charAt(start) == '0')) {
            return -1;
        }
        int value = 0;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private int scan(CharSequence text, @Nullable Object @Nullable [] args, boolean template, CodeSink sink, int budget) {
        int length = text.length();
        int end = Math.min(length, maxScanChars);
        // String.indexOf is an intrinsic; it may only be used when it cannot read past the limit.
        boolean useIndexOf = !ignoreKeyCase && length <= maxScanChars && text instanceof String;
        int counted = 0;
        for (int k = 0; k < keys.length && counted < budget; k++) {
            int keyLength = keyChars[k].length;
            int from = 0;
            // Placeholders are counted incrementally, so that a template is read once per key.
            int placeholdersCountedTo = 0;
            int placeholdersBefore = 0;
            while (counted < budget) {
                int at = useIndexOf ? ((String) text).indexOf(keys[k], from) : indexOf(text, keyChars[k], from, end);
                if (at < 0) {
                    break;
                }
                int value = valueAt(text, at, keyLength, end, length, template);
                if (value <= PLACEHOLDER) {
                    int brace = PLACEHOLDER - value;
                    placeholdersBefore += countPlaceholders(text, placeholdersCountedTo, brace);
                    placeholdersCountedTo = brace;
                    value = args == null ? -1 : argumentValue(args, placeholdersBefore);
                }
                if (value >= 0 && sink.accept(value)) {
                    counted++;
                }
                from = at + keyLength;
            }
        }
        return counted;
    }

    private int indexOf(CharSequence text, char[] key, int from, int end) {
        char first = key[0];
        for (int i = from, last = end - key.length; i <= last; i++) {
            if (fold(text.charAt(i)) != first) {
                continue;
            }
            int j = 1;
            while (j < key.length && fold(text.charAt(i + j)) == key[j]) {
                j++;
            }
            if (j == key.length) {
                return i;
            }
        }
        return -1;
    }

    private char fold(char c) {
        return ignoreKeyCase && c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }

    /**
     * The value of the occurrence whose key starts at {@code at}, -1 when it is not a code, or, in a template
     * whose value is the placeholder {@code {}}, {@code PLACEHOLDER - (position of the brace)}.
     */
    private static int valueAt(CharSequence text, int at, int keyLength, int end, int length, boolean template) {
        int before = at > 0 ? text.charAt(at - 1) : END;
        if (before >= 0 && isWordChar((char) before)) {
            return -1; // productCode, errcode, x-code: the key does not stand alone
        }
        int q = at + keyLength;
        if (before == '\'') {
            if (charAt(text, q, end, length) != '\'') {
                return -1;
            }
            q++;
        } else if (before == '"') {
            if (at >= 2 && text.charAt(at - 2) == '\\') { // \"code\": JSON inside a JSON string
                if (charAt(text, q, end, length) != '\\' || charAt(text, q + 1, end, length) != '"') {
                    return -1;
                }
                q += 2;
            } else {
                if (charAt(text, q, end, length) != '"') {
                    return -1;
                }
                q++;
            }
        } else {
            if (before == '?' || before == '&') {
                return -1; // a URL query or form parameter: an SMS code the user typed, an OAuth code
            }
            int after = charAt(text, q, end, length);
            if (after == TRUNCATED || (after >= 0 && isWordChar((char) after))) {
                return -1; // codes=, code_x=
            }
        }
        q = skipSpaces(text, q, end);
        int separator = charAt(text, q, end, length);
        if (separator != ':' && separator != '=') {
            return -1;
        }
        q = skipSpaces(text, q + 1, end);

        int quote = 0; // characters of the value's opening quote: 0, 1 for ", 2 for \"
        int c = charAt(text, q, end, length);
        if (c == '"') {
            quote = 1;
        } else if (c == '\\' && charAt(text, q + 1, end, length) == '"') {
            quote = 2;
        }
        q += quote;
        c = charAt(text, q, end, length);

        int value;
        if (template && c == '{' && charAt(text, q + 1, end, length) == '}') {
            value = PLACEHOLDER - q;
            q += 2;
        } else {
            if (c < '0' || c > '9' || (c == '0' && isDigit(charAt(text, q + 1, end, length)))) {
                return -1; // no number, a sign, or a leading zero
            }
            value = 0;
            int digits = 0;
            while (isDigit(c = charAt(text, q, end, length))) {
                if (++digits > MAX_DIGITS) {
                    return -1;
                }
                value = value * 10 + (c - '0');
                q++;
            }
        }
        if (quote == 1) {
            return charAt(text, q, end, length) == '"' ? value : -1;
        }
        if (quote == 2) {
            return charAt(text, q, end, length) == '\\' && charAt(text, q + 1, end, length) == '"' ? value : -1;
        }
        int next = charAt(text, q, end, length);
        if (next == TRUNCATED || (next >= 0 && (isWordChar((char) next) || next == '.'))) {
            return -1; // 50321 cut by the limit, 5032.5, 5032abc
        }
        return value;
    }

    /** The character at {@code i}, {@link #END} past the text, {@link #TRUNCATED} past the scan limit. */
    private static int charAt(CharSequence text, int i, int end, int length) {
        if (i < end) {
            return text.charAt(i);
        }
        return end < length ? TRUNCATED : END;
    }

    private static int skipSpaces(CharSequence text, int from, int end) {
        int i = from;
        while (i < end && isSpace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /** How many unescaped {@code {}} start in [{@code from}, {@code to}); {@code \\{}} is not a placeholder, as in SLF4J. */
    private static int countPlaceholders(CharSequence template, int from, int to) {
        int count = 0;
        for (int i = from; i < to; i++) {
            if (template.charAt(i) == '{' && i + 1 < template.length() && template.charAt(i + 1) == '}') {
                boolean escaped = i >= 1 && template.charAt(i - 1) == '\\' && !(i >= 2 && template.charAt(i - 2) == '\\');
                if (!escaped) {
                    count++;
                }
                i++;
            }
        }
        return count;
    }

    private static int argumentValue(@Nullable Object[] args, int index) {
        return index < args.length ? codeValue(args[index]) : -1;
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '$';
    }

    /** The keys, in the order they are scanned. */
    public List<String> keys() {
        return List.of(keys);
    }

    public boolean ignoreKeyCase() {
        return ignoreKeyCase;
    }

    public int maxScanChars() {
        return maxScanChars;
    }

    @Override
    public String toString() {
        return "CodeScanner[keys=" + Arrays.toString(keys) + ", ignoreKeyCase=" + ignoreKeyCase + ", maxScanChars=" + maxScanChars + "]";
    }

    /** Configures a {@link CodeScanner}. */
    public static final class Builder {

        private final List<String> keys = new ArrayList<>(List.of(DEFAULT_KEY));
        private boolean ignoreKeyCase;
        private int maxScanChars = DEFAULT_MAX_SCAN_CHARS;

        private Builder() {
        }

        /**
         * Adds a key besides {@code code}, e.g. {@code errorCode}.
         *
         * @throws IllegalArgumentException unless the key is 1 to 64 letters, digits, {@code _} or {@code -}
         */
        public Builder addKey(String key) {
            if (key.isEmpty() || key.length() > MAX_KEY_LENGTH || !key.chars().allMatch(c -> c < 128 && isWordChar((char) c) && c != '$')) {
                throw new IllegalArgumentException("key '" + key + "' is not a key: expected 1 to " + MAX_KEY_LENGTH
                        + " ASCII letters, digits, '_' or '-', e.g. 'errorCode'");
            }
            if (!keys.contains(key)) {
                keys.add(key);
            }
            return this;
        }

        /** Whether keys match regardless of ASCII case ({@code Code}, {@code CODE}); default false. */
        public Builder ignoreKeyCase(boolean ignoreKeyCase) {
            this.ignoreKeyCase = ignoreKeyCase;
            return this;
        }

        /**
         * How many characters of one text are read at most; default 64 KiB.
         *
         * @throws IllegalArgumentException unless positive
         */
        public Builder maxScanChars(int maxScanChars) {
            if (maxScanChars < 1) {
                throw new IllegalArgumentException("maxScanChars " + maxScanChars + " is not a length: expected a positive number of characters, e.g. 65536");
            }
            this.maxScanChars = maxScanChars;
            return this;
        }

        public CodeScanner build() {
            if (ignoreKeyCase) {
                List<String> folded = new ArrayList<>();
                keys.removeIf(k -> {
                    String f = k.toLowerCase(Locale.ROOT);
                    if (folded.contains(f)) {
                        return true;
                    }
                    folded.add(f);
                    return false;
                });
            }
            return new CodeScanner(this);
        }
    }
}
