package dev.dcerrors.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.ArrayList;
import java.util.List;

/**
 * Coverage-guided fuzzing of the scanner with Jazzer. In a plain test run this replays the inputs kept under
 * {@code src/test/resources/dev/dcerrors/core/ScannerFuzzTestInputs/} (crashes found earlier, minimized);
 * with {@code JAZZER_FUZZ=1} it fuzzes for the given time ({@code .ci/run} does, bounded) and saves any
 * crashing input there as a new regression case.
 */
class ScannerFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void scannerKeepsItsInvariantsOnAnyInput(FuzzedDataProvider data) {
        boolean ignoreCase = data.consumeBoolean();
        int maxScanChars = data.consumeInt(1, 300);
        int budget = data.consumeInt(0, 20);
        boolean extraKey = data.consumeBoolean();
        Object[] args = {data.consumeInt(), data.consumeString(12), null};
        String text = data.consumeRemainingAsString();

        CodeScanner.Builder builder = CodeScanner.builder().ignoreKeyCase(ignoreCase).maxScanChars(maxScanChars);
        if (extraKey) {
            builder.addKey("errorCode");
        }
        CodeScanner scanner = builder.build();

        List<Integer> fromString = new ArrayList<>();
        int counted = scanner.scan(text, v -> fromString.add(v), budget);
        List<Integer> fromBuilder = new ArrayList<>();
        scanner.scan(new StringBuilder(text), v -> fromBuilder.add(v), budget);
        List<Integer> fromTemplate = new ArrayList<>();
        int templateCounted = scanner.scanTemplate(text, args, v -> fromTemplate.add(v), budget);

        // The budget holds, values are what the grammar allows, and both scanning paths agree.
        assertThat(counted).isBetween(0, Math.max(0, budget));
        assertThat(templateCounted).isBetween(0, Math.max(0, budget));
        assertThat(fromString).hasSize(counted).allSatisfy(v -> assertThat(v).isBetween(0, CodeScanner.MAX_VALUE));
        assertThat(fromTemplate).allSatisfy(v -> assertThat(v).isBetween(0, CodeScanner.MAX_VALUE));
        assertThat(fromBuilder).isEqualTo(fromString);
        // Nothing is found past the scan limit.
        List<Integer> prefixOnly = new ArrayList<>();
        CodeScanner.builder().ignoreKeyCase(ignoreCase).maxScanChars(Integer.MAX_VALUE).build()
                .scan(text.substring(0, Math.min(text.length(), maxScanChars)), v -> prefixOnly.add(v), Integer.MAX_VALUE);
        if (!extraKey) {
            // A single key reports in text order; the prefix alone may add values cut at its end, never drop one.
            assertThat(prefixOnly.size()).isGreaterThanOrEqualTo(fromString.size());
            assertThat(prefixOnly.subList(0, fromString.size())).isEqualTo(fromString);
        }
    }
}
