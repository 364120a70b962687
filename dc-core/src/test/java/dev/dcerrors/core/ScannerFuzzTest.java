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
        assertThat(fromTemplate).hasSize(templateCounted).allSatisfy(v -> assertThat(v).isBetween(0, CodeScanner.MAX_VALUE));
        assertThat(fromBuilder).isEqualTo(fromString);
        // Jumping over values that cannot change the answer changes nothing: the walk that reads every character agrees.
        builder.skipValues(false);
        List<Integer> readingEverything = new ArrayList<>();
        builder.build().scan(text, v -> readingEverything.add(v), budget);
        assertThat(readingEverything).isEqualTo(fromString);
        // Without a placeholder, a template is a text like any other: the template path finds what the text path finds.
        if (!text.contains("{}")) {
            assertThat(fromTemplate).isEqualTo(fromString);
        }

        // Nothing is found past the scan limit: the prefix alone may add values cut at its end, never drop one.
        CodeScanner.Builder unlimitedBuilder = CodeScanner.builder().ignoreKeyCase(ignoreCase).maxScanChars(Integer.MAX_VALUE);
        if (extraKey) {
            unlimitedBuilder.addKey("errorCode");
        }
        CodeScanner unlimited = unlimitedBuilder.build();
        List<Integer> prefixOnly = new ArrayList<>();
        unlimited.scan(text.substring(0, Math.min(text.length(), maxScanChars)), v -> prefixOnly.add(v), Integer.MAX_VALUE);
        if (counted < budget) {
            assertThat(prefixOnly).containsAll(fromString);
            assertThat(prefixOnly.size()).isGreaterThanOrEqualTo(fromString.size());
        }

        // A text held in a JSON string value counts as the text alone (rule 2: it is a text of its own).
        if (ScannerPropertiesTest.fitsTheNestingLimit(text)) {
            List<Integer> alone = CodeScannerTest.found(unlimited, text);
            assertThat(CodeScannerTest.found(unlimited, GeneratedText.inJsonString(text))).containsExactlyInAnyOrderElementsOf(alone);
        }

        // The envelope rule, at any nesting: a document built from the input's characters counts exactly its responses.
        int[] next = {0};
        List<Integer> expected = new ArrayList<>();
        String document = GeneratedText.generate(bound -> next[0] < text.length() ? Math.floorMod(mix(text.charAt(next[0]), next[0]++), bound) : 0, expected);
        assertThat(CodeScannerTest.found(CodeScanner.builder().maxScanChars(Integer.MAX_VALUE).build(), document))
                .as(document).containsExactlyInAnyOrderElementsOf(expected);

        // Request bodies, quoted without escaping or escaped, nested, side by side, cut or damaged: none counts.
        int[] nextBody = {0};
        String bodies = GeneratedText.requestBodies(bound -> nextBody[0] < text.length()
                ? Math.floorMod(mix(text.charAt(text.length() - 1 - nextBody[0]), nextBody[0]++), bound) : 0);
        assertThat(CodeScannerTest.found(scanner, bodies)).as(bodies).allSatisfy(v -> assertThat(v).isLessThan(9000));
        assertThat(CodeScannerTest.found(unlimited, bodies)).as(bodies).allSatisfy(v -> assertThat(v).isLessThan(9000));
    }

    /** Spreads a character and its position over the int range, so that any input steers the generator to varied documents. */
    private static int mix(char c, int position) {
        int h = (c + 1) * 0x9E3779B1 + position * 0x85EBCA6B;
        return h ^ (h >>> 15);
    }
}
