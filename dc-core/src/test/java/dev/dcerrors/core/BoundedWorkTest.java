package dev.dcerrors.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Supplier;
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

    /** Reads per scanned character allowed: each key position is compared at most key-length times, plus the value. */
    private static final int READS_PER_CHAR = 8;

    private static String adversarial(String kind, int size) {
        Supplier<String> unit = switch (kind) {
            case "repeated-json-keys" -> () -> "\"code\":";
            case "repeated-bare-keys" -> () -> "code";
            case "near-keys" -> () -> "cod";
            case "escapes" -> () -> "\\\"";
            case "escaped-keys" -> () -> "\\\"code\\\":\\\"";
            case "digits" -> () -> "9";
            case "spaces-after-key" -> () -> " ";
            case "placeholders" -> () -> "code={} ";
            case "c" -> () -> "c";
            default -> throw new IllegalArgumentException(kind);
        };
        StringBuilder sb = new StringBuilder(size + 16);
        if (kind.equals("digits") || kind.equals("spaces-after-key")) {
            sb.append("code=");
        }
        while (sb.length() < size) {
            sb.append(unit.get());
        }
        return sb.toString();
    }

    @ParameterizedTest
    @ValueSource(strings = {"repeated-json-keys", "repeated-bare-keys", "near-keys", "escapes", "escaped-keys", "digits",
        "spaces-after-key", "placeholders", "c"})
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
        CodeScanner scanner = CodeScanner.builder().addKey("errorCode").addKey("err_code").ignoreKeyCase(true).maxScanChars(maxScanChars).build();
        CountingText text = new CountingText(adversarial("repeated-json-keys", 10 * 1024 * 1024));
        scanner.scan(text, v -> false, 16);
        long keys = scanner.keys().size();
        assertThat(text.reads).isLessThanOrEqualTo(keys * READS_PER_CHAR * Math.min(text.length(), maxScanChars) + 64 * keys);
    }
}
