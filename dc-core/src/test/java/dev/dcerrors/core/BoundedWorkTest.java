package dev.dcerrors.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Adversarial texts are scanned in work linear in the capped length: the number of characters the scanner
 * examines (charAt calls on a counting CharSequence, the generic path) stays within a fixed multiple of
 * min(length, maxScanChars). An operation bound, not a wall-clock one.
 */
class BoundedWorkTest {

    /** A CharSequence that counts how often it is read. */
    static final class CountingText implements CharSequence {
        private final String text;
        long reads;

        CountingText(String text) {
            this.text = text;
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public char charAt(int index) {
            reads++;
            return text.charAt(index);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            throw new UnsupportedOperationException("the scanner must not copy");
        }

        @Override
        public String toString() {
            throw new UnsupportedOperationException("the scanner must not copy");
        }
    }

    /**
     * Reads per scanned character allowed. A text without a code key is read by one indexOf per key; a text with
     * one is walked once, each key start adding a look-ahead over the key, its separator and its value, and the
     * search for the next code key adding one more read of the text. Each key position is compared at most
     * key-length times. The v1 constant still holds for v2.
     */
    private static final int READS_PER_CHAR = 8;

    /** Adversarial texts: a prefix, then a unit repeated up to the size. */
    private static String adversarial(String kind, int size) {
        String[] prefixAndUnit = switch (kind) {
            case "repeated-json-keys" -> new String[] {"", "\"code\":"};
            case "repeated-bare-keys" -> new String[] {"", "code"};
            case "near-keys" -> new String[] {"", "cod"};
            case "escapes" -> new String[] {"", "\\\""};
            case "escaped-keys" -> new String[] {"", "\\\"code\\\":\\\""};
            case "digits" -> new String[] {"code=", "9"};
            case "spaces-after-key" -> new String[] {"code=", " "};
            case "placeholders" -> new String[] {"", "code={} "};
            case "adjacent-placeholders" -> new String[] {"", "code={}{}.{}code=1{}"};
            case "c" -> new String[] {"", "c"};
            // v2: the walk's structure, waiting codes and escapes; code keys throughout, so that the walk reads it all
            case "sibling-envelopes" -> new String[] {"", "{\"code\":5147,\"msg\":\"x\"},"};
            case "request-bodies" -> new String[] {"", "{\"phone\":\"139\",\"code\":\"5146\"},"};
            case "waiting-codes" -> new String[] {"{", "\"code\":5147,"};
            case "message-keys" -> new String[] {"{\"code\":5147,", "\"msg\":code "};
            case "lombok" -> new String[] {"", "Result(code=5049, msg=x), R[code=1, name=y] "};
            case "deep-nesting" -> new String[] {"", "{\"code\":1,\"data\":"};
            case "groups-and-stray-closers" -> new String[] {"code=1 " + "(".repeat(60), "}])code "};
            case "quotes" -> new String[] {"code=1 ", "\"code"};
            case "quote-levels" -> new String[] {"code=1 ", "\"code\\\"code\\\\\\\"code\\\\\\\\\\\\\\\"codex"}; // quotes of levels 0 to 3
            case "backslash-runs" -> new String[] {"code=", "\\"};
            case "unicode-escapes" -> new String[] {"", "\\u003d\\u0026code\\u003d5049 "};
            case "cjk-prose" -> new String[] {"", "绑定失败code：5049设备已绑定"};
            case "zero-fraction" -> new String[] {"code=5049.", "0"};
            case "keys-at-string-starts" -> new String[] {"", "\"code \"code\""};
            // v3: JSON quoted without escaping, the look-ahead that tells it from a string, and its damage
            case "quoted-json-envelopes" -> new String[] {"", "400 Bad Request: \"{\"code\":5147,\"msg\":\"x\"}\" "};
            case "quoted-request-bodies" -> new String[] {"", ">> \"{\"phone\":\"139\",\"code\":\"5146\"}[\\r][\\n]\" "};
            case "quoted-json-near-misses" -> new String[] {"code=1 ", "\"{\"code\" \"[{\"code\"\"{\"a\":\"{\","};
            case "quoted-json-spaces" -> new String[] {"code=1 \"{", " \\n\\\\n"};
            case "quoted-json-backslashes" -> new String[] {"code=1 \"{", "\\"};
            case "quoted-json-nesting" -> new String[] {"", "\"{\"code\":5147,\"data\":"};
            case "quoted-json-levels" -> new String[] {"", "\"{\\\"code\\\":5146,\"msg\\\":\"{\"code\":1,"};
            case "quoted-arrays" -> new String[] {"\"[", " {\n  \"code\" : 5147,\n  \"name\" : \"x\"\n},"};
            // v3: what the walk passes over (string contents found with a search) while a code waits for its message key
            case "message-after-long-data" -> new String[] {"{\"code\":5005,\"data\":{\"list\":[", "{\"k\":\"v\\\"x\",\"n\":1},"};
            case "strings-to-pass-over" -> new String[] {"{\"code\":1,\"data\":[", "\"ab\\\\\\\"c\\\\\",\"\\\"\","};
            case "backslash-runs-in-strings" -> new String[] {"{\"code\":1,\"data\":\"", "\\\\\\\\\\\"\""};
            // v3: values the walk jumps over, gives up on (a code key inside, a key that could be the enclosing object's),
            // or must count the openers of long strings in, before it may jump
            case "values-to-jump" -> new String[] {"{\"code\":1,\"data\":[", "{\"k\":\"v\",\"n\":[1,{\"m\":null}]},"};
            case "values-given-up-inside" -> new String[] {"{\"code\":1,\"data\":", "[[{\"a\":\"code\"},"};
            case "arrays-read-again" -> new String[] {"{\"code\":1,\"data\":{\"x\":", "[[msg],{\"k\":[m]}],"};
            case "long-strings-with-openers" -> new String[] {"{\"code\":1,\"data\":{\"k\":[", "\"" + "(".repeat(70) + "\",{\"a\":["};
            default -> throw new IllegalArgumentException(kind);
        };
        StringBuilder sb = new StringBuilder(size + 64).append(prefixAndUnit[0]);
        while (sb.length() < size) {
            sb.append(prefixAndUnit[1]);
        }
        return sb.toString();
    }

    @ParameterizedTest
    @ValueSource(strings = {"repeated-json-keys", "repeated-bare-keys", "near-keys", "escapes", "escaped-keys", "digits",
        "spaces-after-key", "placeholders", "adjacent-placeholders", "c", "sibling-envelopes", "request-bodies", "waiting-codes", "message-keys",
        "lombok", "deep-nesting", "groups-and-stray-closers", "quotes", "quote-levels", "backslash-runs", "unicode-escapes",
        "cjk-prose", "zero-fraction", "keys-at-string-starts", "quoted-json-envelopes", "quoted-request-bodies",
        "quoted-json-near-misses", "quoted-json-spaces", "quoted-json-backslashes", "quoted-json-nesting", "quoted-json-levels",
        "quoted-arrays", "message-after-long-data", "strings-to-pass-over", "backslash-runs-in-strings", "values-to-jump",
        "values-given-up-inside", "arrays-read-again", "long-strings-with-openers"})
    void workIsLinearInTheCappedLength(String kind) {
        CodeScanner scanner = CodeScanner.defaults();
        for (int size : new int[] {1_000, 64 * 1024, 4 * 1024 * 1024}) {
            CountingText text = new CountingText(adversarial(kind, size));
            scanner.scan(text, v -> false, 16); // the sink declines everything: the budget never ends the scan
            long capped = Math.min(size, scanner.maxScanChars());
            assertThat(text.reads).as("%s, %d chars: reads", kind, size).isLessThanOrEqualTo(READS_PER_CHAR * capped + 64);

            CountingText template = new CountingText(adversarial(kind, size));
            scanner.scanTemplate(template, new Object[] {"x", "y"}, v -> false, 16);
            assertThat(template.reads).as("%s, %d chars as a template: reads", kind, size).isLessThanOrEqualTo(2 * READS_PER_CHAR * capped + 64);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 16, 1024})
    void extraKeysAndCaseFoldingKeepTheBoundPerKey(int maxScanChars) {
        CodeScanner scanner = CodeScanner.builder().addKey("errorCode").addKey("err_code").addKey("错误码").addMessageKey("errorMessage")
                .ignoreKeyCase(true).maxScanChars(maxScanChars).build();
        for (String kind : new String[] {"repeated-json-keys", "sibling-envelopes", "waiting-codes"}) {
            CountingText text = new CountingText(adversarial(kind, 10 * 1024 * 1024));
            scanner.scan(text, v -> false, 16);
            long keys = scanner.keys().size();
            assertThat(text.reads).as(kind).isLessThanOrEqualTo(keys * READS_PER_CHAR * Math.min(text.length(), maxScanChars) + 64 * keys);
        }
    }
}
