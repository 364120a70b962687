package dev.dcerrors.core;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Finds response codes in text by the recognition rules (v3): a <em>key</em> ({@code code} or a configured one,
 * quoted, escaped, single-quoted or bare, standing alone), a separator ({@code :} or {@code =}) and an integer
 * <em>value</em>, counted where the text's structure says it is a response code: inside an object only when the
 * same object also has a {@linkplain Builder#addMessageKey message key} (the envelope rule), outside any object as
 * is. The content of a quoted string is a text of its own, and JSON quoted without escaping
 * ({@code 400 Bad Request: "{"code":5032,"msg":"…"}"}) is JSON. The rules, with their examples, are written once,
 * in {@code docs/RECOGNITION.md}; this class and {@link TextWalker} implement them.
 *
 * <p>A scan is one forward pass with no regular expressions and no backtracking: texts without a code key
 * take one {@code String.indexOf} per key; the others one walk ({@link TextWalker}) that follows the structure,
 * passes over string contents that cannot change the answer with {@code String.indexOf}, jumps over objects and
 * arrays that cannot (following only their brackets and quotes), and ends past the last
 * code key once no code waits for its object's message key, or no message key follows for those that wait. Only the first {@link Builder#maxScanChars(int)
 * maxScanChars} characters of a text are read; a value cut by that limit is not reported, nor is a code whose
 * object's message key lies past it. Nesting deeper than 64 frames (objects, groups, strings) ends the scan of that
 * text. Nothing is allocated (the walk's scratch comes from a small lock-free pool), nothing is thrown for any text.
 * Instances are immutable and thread-safe.
 */
public final class CodeScanner {

    /** The key every scanner recognizes. */
    public static final String DEFAULT_KEY = "code";
    /** The message keys every scanner recognizes: an object with a code key and one of these is a response. */
    public static final List<String> DEFAULT_MESSAGE_KEYS = List.of("msg", "message", "errorMsg", "errMsg", "error_msg");
    /** The default number of characters read from one text: 64 KiB. */
    public static final int DEFAULT_MAX_SCAN_CHARS = 64 * 1024;
    /** The largest value the scanner reports: nine digits. */
    public static final int MAX_VALUE = 999_999_999;
    /** The longest key that can be configured. */
    public static final int MAX_KEY_LENGTH = 64;

    static final int MAX_DIGITS = 9;
    private static final BigDecimal MAX_DECIMAL = BigDecimal.valueOf(MAX_VALUE);
    /** Up to this many significant digits, a decimal's double tells a fraction from none exactly. */
    private static final int EXACT_DECIMAL_DIGITS = 15;
    /** How many steps {@link #messageAnchors} spends looking for fewer anchors than the greedy choice. */
    private static final int ANCHOR_SEARCH_NODES = 100_000;

    private static final CodeScanner DEFAULTS = builder().build();

    private final String[] keys;
    private final String[] messageKeys;
    /** The code keys, then the message keys, folded when keys ignore case. */
    private final char[][] keyChars;
    /** The first characters of all keys (folded): bit c of the pair for ASCII c, and whether any is not ASCII. */
    private final long asciiStartsLow;
    private final long asciiStartsHigh;
    private final boolean nonAsciiStarts;
    private final boolean ignoreKeyCase;
    private final int maxScanChars;
    private final String[] messageAnchors;
    /** Whether the walk jumps over values that cannot change the answer ({@code TextWalker.skipValue}); off only in tests. */
    private final boolean skipsValues;
    /** Per ASCII character, its {@link #IDENTIFIER}, {@link #KEY_START} and {@link #SPECIAL} flags. */
    private final byte[] asciiFlags = new byte[128];
    /** The flags of every non-ASCII character: special when a key starts with one, else none. */
    private final byte nonAsciiFlags;

    /** {@link #flagsOf}: the character joins identifiers (ASCII letters, digits, {@code _}, {@code $}). */
    static final byte IDENTIFIER = 1;
    /** {@link #flagsOf}: a key may start with the character (where it does not continue an identifier). */
    static final byte KEY_START = 2;
    /** {@link #flagsOf}: the walk must look at the character: structure, or a key start in another script. */
    static final byte SPECIAL = 4;

    private CodeScanner(List<String> keys, List<String> messageKeys, boolean ignoreKeyCase, int maxScanChars, boolean skipsValues) {
        this.skipsValues = skipsValues;
        this.keys = keys.toArray(new String[0]);
        this.messageKeys = messageKeys.toArray(new String[0]);
        this.ignoreKeyCase = ignoreKeyCase;
        this.maxScanChars = maxScanChars;
        this.keyChars = new char[this.keys.length + this.messageKeys.length][];
        long low = 0;
        long high = 0;
        boolean nonAscii = false;
        for (int k = 0; k < keyChars.length; k++) {
            String key = k < this.keys.length ? this.keys[k] : this.messageKeys[k - this.keys.length];
            keyChars[k] = (ignoreKeyCase ? Chars.fold(key) : key).toCharArray();
            char first = keyChars[k][0];
            if (first < 64) {
                low |= 1L << first;
            } else if (first < 128) {
                high |= 1L << (first - 64);
            } else {
                nonAscii = true;
            }
        }
        this.asciiStartsLow = low;
        this.asciiStartsHigh = high;
        this.nonAsciiStarts = nonAscii;
        for (char c = 0; c < 128; c++) {
            int flags = (Chars.isIdentifierChar(c) ? IDENTIFIER : 0) | (mayStartKey(c) ? KEY_START : 0)
                    | ("\"\\{}()[]".indexOf(c) >= 0 ? SPECIAL : 0);
            asciiFlags[c] = (byte) flags;
        }
        this.nonAsciiFlags = nonAscii ? SPECIAL : 0;
        this.messageAnchors = messageAnchors(this.messageKeys);
    }

    /**
     * The texts a search for "a message key further on" needs ({@code TextWalker.pendingReach}): as few as possible,
     * each a part of some message keys as written, so that every message key holds one of them. Where a message key
     * occurs, so does its anchor, a few characters on; the walk, which reads on to the anchor's occurrence, reads the
     * key on its way (and where the anchor belongs to no key, looks again past it). The defaults need two:
     * {@code sg} ({@code msg}, {@code errorMsg}, {@code errMsg}, {@code error_msg}) and {@code message}. A part is at
     * least two characters long unless its key is shorter, and of the parts held by the same keys the longest is
     * taken (rarer in text). The fewest parts are found by a search bounded to {@link #ANCHOR_SEARCH_NODES} steps,
     * else the greedy choice (the part held by the most keys not yet covered, repeatedly) is kept.
     */
    static String[] messageAnchors(String[] messageKeys) {
        int n = messageKeys.length;
        if (n > 64) {
            return messageKeys.clone(); // each key its own anchor
        }
        // Per set of keys (a bit each, up to 64 keys) that hold a part, the longest such part.
        Map<Long, String> parts = new LinkedHashMap<>();
        for (String key : messageKeys) {
            for (int from = 0; from < key.length(); from++) {
                for (int to = from + Math.min(2, key.length()); to <= key.length(); to++) {
                    String part = key.substring(from, to);
                    long held = 0;
                    for (int o = 0; o < n; o++) {
                        held |= messageKeys[o].contains(part) ? 1L << o : 0;
                    }
                    parts.merge(held, part, (a, b) -> b.length() > a.length() ? b : a);
                }
            }
        }
        long[] sets = new long[parts.size()];
        String[] texts = new String[parts.size()];
        int c = 0;
        for (Map.Entry<Long, String> e : parts.entrySet()) {
            sets[c] = e.getKey();
            texts[c++] = e.getValue();
        }
        long all = n >= 64 ? -1L : (1L << n) - 1;
        List<Integer> best = new ArrayList<>();
        long covered = 0;
        while (covered != all) { // greedy: an upper bound
            int pick = 0;
            for (int i = 1; i < sets.length; i++) {
                if (Long.bitCount(sets[i] & ~covered) > Long.bitCount(sets[pick] & ~covered)) {
                    pick = i;
                }
            }
            best.add(pick);
            covered |= sets[pick];
        }
        int[] budget = {ANCHOR_SEARCH_NODES};
        for (int size = 1; size < best.size(); size++) {
            int[] chosen = new int[size];
            if (cover(sets, all, 0L, chosen, 0, budget)) {
                best = new ArrayList<>();
                for (int i : chosen) {
                    best.add(i);
                }
                break;
            }
            if (budget[0] <= 0) {
                break;
            }
        }
        String[] anchors = new String[best.size()];
        for (int i = 0; i < anchors.length; i++) {
            anchors[i] = texts[best.get(i)];
        }
        return anchors;
    }

    /** Whether {@code chosen.length - depth} more sets cover {@code all} beyond {@code covered}; each branch covers the first key left. */
    private static boolean cover(long[] sets, long all, long covered, int[] chosen, int depth, int[] budget) {
        if (depth == chosen.length) {
            return covered == all;
        }
        if (--budget[0] < 0) {
            return false;
        }
        long first = Long.lowestOneBit(all & ~covered);
        for (int i = 0; i < sets.length; i++) {
            if ((sets[i] & first) != 0) {
                chosen[depth] = i;
                if (cover(sets, all, covered | sets[i], chosen, depth + 1, budget)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** What {@code TextWalker.pendingReach} searches for while codes wait: {@link #messageAnchors}, case-sensitively. */
    String[] messageAnchors() {
        return messageAnchors;
    }

    boolean skipsValues() {
        return skipsValues;
    }

    /** What the walk needs to know of {@code c} at once: {@link #IDENTIFIER}, {@link #KEY_START}, {@link #SPECIAL}. */
    byte flagsOf(char c) {
        return c < 128 ? asciiFlags[c] : nonAsciiFlags;
    }

    /**
     * A scanner with the default key {@code code} and the default message keys, case-sensitive, reading at most
     * 64 KiB per text.
     */
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
     * takes the value of the matching argument, when {@link #codeValue} reads one there. {@code \{}} is not a
     * placeholder, as in SLF4J.
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
     * The value of a key-value pair or template argument, read as a code, between 0 and {@value #MAX_VALUE}:
     * an {@link Integer}, {@link Long}, {@link Short} or {@link Byte}; a {@link Double} or {@link Float} without
     * a fractional part (Gson reads JSON numbers as doubles); an integral {@link BigInteger} or
     * {@link BigDecimal} (of at most 15 significant digits); or a {@link CharSequence} holding only such an
     * integer, as the grammar writes values: digits without a sign or leading zero, optionally with a fraction of
     * zeros ({@code "5049.0"}; surrounding white space allowed). Anything else gives -1. Allocates nothing.
     */
    public static int codeValue(@Nullable Object value) {
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            long v = ((Number) value).longValue();
            return v >= 0 && v <= MAX_VALUE ? (int) v : -1;
        }
        if (value instanceof Double || value instanceof Float) {
            return wholeValue(((Number) value).doubleValue());
        }
        if (value instanceof CharSequence) {
            return parseWholeNumber((CharSequence) value);
        }
        if (value instanceof BigInteger) {
            BigInteger v = (BigInteger) value;
            return v.signum() >= 0 && v.bitLength() < 31 ? wholeValue(v.intValue()) : -1;
        }
        if (value instanceof BigDecimal) {
            return decimalValue((BigDecimal) value);
        }
        return -1;
    }

    /** {@code v} when it is a whole number in range (NaN and infinities are not), else -1. */
    private static int wholeValue(double v) {
        return v >= 0 && v <= MAX_VALUE && v == Math.floor(v) ? (int) v : -1;
    }

    private static int decimalValue(BigDecimal v) {
        if (v.signum() < 0 || v.compareTo(MAX_DECIMAL) > 0) {
            return -1;
        }
        if (v.scale() == 0) {
            return v.intValue();
        }
        return v.precision() <= EXACT_DECIMAL_DIGITS ? wholeValue(v.doubleValue()) : -1;
    }

    /** The value of a text holding only a code as the grammar writes it ({@code 5049}, {@code 5049.0}), else -1. */
    private static int parseWholeNumber(CharSequence text) {
        int start = 0;
        int end = text.length();
        while (start < end && Chars.isSpace(text.charAt(start))) {
            start++;
        }
        while (end > start && Chars.isSpace(text.charAt(end - 1))) {
            end--;
        }
        int digitsEnd = start;
        int digitsLimit = Math.min(end, start + MAX_DIGITS + 1); // one digit too many is enough to reject
        while (digitsEnd < digitsLimit && Chars.isDigit(text.charAt(digitsEnd))) {
            digitsEnd++;
        }
        int digits = digitsEnd - start;
        if (digits == 0 || digits > MAX_DIGITS || (digits > 1 && text.charAt(start) == '0') || !isZeroFraction(text, digitsEnd, end)) {
            return -1;
        }
        int value = 0;
        for (int i = start; i < digitsEnd; i++) {
            value = value * 10 + (text.charAt(i) - '0');
        }
        return value;
    }

    /** Whether [{@code from}, {@code end}) of {@code text} is empty or a fraction of zeros: {@code .0}, {@code .00}, … */
    private static boolean isZeroFraction(CharSequence text, int from, int end) {
        if (from == end) {
            return true;
        }
        if (text.charAt(from) != '.' || from + 1 == end) {
            return false; // 5049x, or 5049. (which ends a sentence in text, but is no value on its own)
        }
        for (int i = from + 1; i < end; i++) {
            if (text.charAt(i) != '0') {
                return false;
            }
        }
        return true;
    }

    private int scan(CharSequence text, @Nullable Object @Nullable [] args, boolean template, CodeSink sink, int budget) {
        if (budget <= 0) {
            return 0;
        }
        int end = Math.min(text.length(), maxScanChars);
        // String.indexOf is an intrinsic; it may only be used when it cannot read past the limit.
        boolean intrinsic = !ignoreKeyCase && text.length() <= maxScanChars && text instanceof String;
        for (int k = 0; k < keys.length; k++) {
            int at = occurrence(text, k, 0, end, intrinsic);
            if (at >= 0) {
                return TextWalker.acquire().walk(this, text, args, template, sink, budget, k, at, intrinsic);
            }
        }
        return 0; // the common case: no code key at all, one indexOf per key
    }

    /** Where code key {@code k} occurs first in [{@code from}, {@code end}), anywhere, or -1. */
    int occurrence(CharSequence text, int k, int from, int end, boolean intrinsic) {
        if (intrinsic) {
            return ((String) text).indexOf(keys[k], from);
        }
        char[] key = keyChars[k];
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

    /** How many code keys there are; the keys of {@link #keyEndAt} from this index on are message keys. */
    int codeKeyCount() {
        return keys.length;
    }

    /** How many keys {@link #keyEndAt} knows: code keys, then message keys. */
    int keyCount() {
        return keyChars.length;
    }

    boolean isMessageKey(int k) {
        return k >= keys.length;
    }

    /** Whether key {@code k} starts with {@code c}, as keys match. */
    boolean keyStartsWith(int k, char c) {
        return keyChars[k][0] == fold(c);
    }

    /** Whether some key starts with {@code c}: a cheap test before {@link #keyEndAt}. */
    boolean mayStartKey(char c) {
        char f = fold(c);
        if (f < 64) {
            return (asciiStartsLow & (1L << f)) != 0;
        }
        if (f < 128) {
            return (asciiStartsHigh & (1L << (f - 64))) != 0;
        }
        if (nonAsciiStarts) {
            for (char[] key : keyChars) {
                if (key[0] == f) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Where key {@code k} ends when it starts at {@code at} and stands alone on its right (the next character does
     * not join identifiers), or -1; -1 also when the key or the character after it lies past the scan limit.
     */
    int keyEndAt(int k, CharSequence text, int at, int end, int length) {
        char[] key = keyChars[k];
        int keyEnd = at + key.length;
        if (keyEnd > end) {
            return -1;
        }
        for (int j = 0; j < key.length; j++) {
            if (fold(text.charAt(at + j)) != key[j]) {
                return -1;
            }
        }
        int after = Chars.at(text, keyEnd, end, length);
        return after == Chars.TRUNCATED || Chars.isIdentifierChar(after) ? -1 : keyEnd;
    }

    private char fold(char c) {
        return ignoreKeyCase ? Chars.fold(c) : c;
    }

    /** The code keys, in the order they are scanned. */
    public List<String> keys() {
        return List.of(keys);
    }

    /** The message keys: a code key counts in an object only when that object has one of these too. */
    public List<String> messageKeys() {
        return List.of(messageKeys);
    }

    public boolean ignoreKeyCase() {
        return ignoreKeyCase;
    }

    public int maxScanChars() {
        return maxScanChars;
    }

    @Override
    public String toString() {
        return "CodeScanner[keys=" + Arrays.toString(keys) + ", messageKeys=" + Arrays.toString(messageKeys)
                + ", ignoreKeyCase=" + ignoreKeyCase + ", maxScanChars=" + maxScanChars + "]";
    }

    /** Configures a {@link CodeScanner}. */
    public static final class Builder {

        private final List<String> keys = new ArrayList<>(List.of(DEFAULT_KEY));
        private final List<String> messageKeys = new ArrayList<>(DEFAULT_MESSAGE_KEYS);
        private boolean ignoreKeyCase;
        private int maxScanChars = DEFAULT_MAX_SCAN_CHARS;
        private boolean skipsValues = true;

        private Builder() {
        }

        /**
         * Adds a code key besides {@code code}, e.g. {@code errorCode} or {@code 错误码}.
         *
         * @throws IllegalArgumentException unless the key is 1 to 64 letters or digits of any script,
         *         {@code _}, {@code $} or {@code -}, not starting or ending with {@code -}
         */
        public Builder addKey(String key) {
            addTo(keys, "key", key);
            return this;
        }

        /**
         * Adds a message key besides {@code msg}, {@code message}, {@code errorMsg}, {@code errMsg} and
         * {@code error_msg}, e.g. {@code errorMessage} or {@code 错误信息}. A message key that is also a code key
         * is a code key.
         *
         * @throws IllegalArgumentException unless the key has the form {@link #addKey} expects
         */
        public Builder addMessageKey(String key) {
            addTo(messageKeys, "message key", key);
            return this;
        }

        private static void addTo(List<String> list, String what, String key) {
            if (!isWellFormedKey(key)) {
                throw new IllegalArgumentException(what + " '" + key + "' is not a key: expected 1 to " + MAX_KEY_LENGTH
                        + " letters or digits of any script, '_', '$' or '-' (not first or last), without white space,"
                        + " quotes, brackets, ':' or '=', e.g. 'errorCode' or '错误码'");
            }
            if (!list.contains(key)) {
                list.add(key);
            }
        }

        private static boolean isWellFormedKey(String key) {
            if (key.isEmpty() || key.length() > MAX_KEY_LENGTH || key.charAt(0) == '-' || key.charAt(key.length() - 1) == '-') {
                return false;
            }
            return key.codePoints().allMatch(c -> Character.isLetterOrDigit(c) || c == '_' || c == '$' || c == '-');
        }

        /** Whether keys match regardless of ASCII case ({@code Code}, {@code CODE}); default false. */
        public Builder ignoreKeyCase(boolean ignoreKeyCase) {
            this.ignoreKeyCase = ignoreKeyCase;
            return this;
        }

        /**
         * How many characters of one text are read at most; default 64 KiB. A configured value is checked, and
         * its problem told to the user, by {@link RecognizerOptions}; this is a plain precondition.
         *
         * @throws IllegalArgumentException unless positive
         */
        public Builder maxScanChars(int maxScanChars) {
            if (maxScanChars < 1) {
                throw new IllegalArgumentException("maxScanChars must be positive: " + maxScanChars);
            }
            this.maxScanChars = maxScanChars;
            return this;
        }

        /**
         * Whether the walk jumps over objects and arrays that cannot change the answer; default true. Off, the walk
         * reads every character up to where it ends: the same answer, more slowly. For the tests that check that.
         */
        Builder skipValues(boolean skipValues) {
            this.skipsValues = skipValues;
            return this;
        }

        public CodeScanner build() {
            return new CodeScanner(distinct(keys, List.of()), distinct(messageKeys, keys), ignoreKeyCase, maxScanChars, skipsValues);
        }

        /** The keys of {@code list} that match none before them nor any of {@code taken}, as keys match. */
        private List<String> distinct(List<String> list, List<String> taken) {
            List<String> seen = new ArrayList<>();
            for (String key : taken) {
                seen.add(ignoreKeyCase ? Chars.fold(key) : key);
            }
            List<String> distinct = new ArrayList<>();
            for (String key : list) {
                String matched = ignoreKeyCase ? Chars.fold(key) : key;
                if (!seen.contains(matched)) {
                    seen.add(matched);
                    distinct.add(key);
                }
            }
            return distinct;
        }
    }
}
