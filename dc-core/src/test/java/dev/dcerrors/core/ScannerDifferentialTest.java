package dev.dcerrors.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Recognition v3 (issue 22) against a frozen copy of v2 ({@link dev.dcerrors.core.v2.CodeScanner}): on every text of
 * v2's rule tables and of the generators v2 was tested with, v3 counts exactly what v2 counted, except where a
 * rule of issue 22 says otherwise. The differences, each with its rule:
 *
 * <ol>
 *   <li>Item 3, JSON quoted without escaping is JSON: where a quote is followed by {@code {} (or {@code [} and
 *       {@code {}), a key between quotes and {@code :} ({@link #QUOTED_JSON}), v3 reads an object where v2 read a
 *       string that ended at the key's quote. Such texts may count differently; they are checked by the rule
 *       tables of {@code RecognitionRulesTest.QuotedJsonIsJson} and by the request-body properties instead.</li>
 * </ol>
 *
 * <p>The speed work of item 1 (skipping string contents, deciding from both ends of an object) changes no count:
 * it has no entry here.
 */
class ScannerDifferentialTest {

    private static final String SPACE = "(?:\\s|\\\\+[nrt]|<EOL>)*";
    /**
     * Difference 1: some quote may open JSON quoted without escaping (a superset of where v3 reads it so: the key's
     * quotes carry the opening quote's backslashes, or the last ones of them).
     */
    static final Pattern QUOTED_JSON = Pattern.compile(
            "(\\\\*)\"" + SPACE + "(?:\\[" + SPACE + ")?\\{" + SPACE + "\\1\"[^\"\\\\,:{}\\[\\]\\x00-\\x1f]+\\1\"" + SPACE + ":");

    /** A v3 scanner and the v2 scanner configured alike. */
    private record Pair(CodeScanner v3, dev.dcerrors.core.v2.CodeScanner v2) {
        static Pair of(boolean ignoreKeyCase, int maxScanChars, String... extraKeys) {
            CodeScanner.Builder b3 = CodeScanner.builder().ignoreKeyCase(ignoreKeyCase).maxScanChars(maxScanChars);
            dev.dcerrors.core.v2.CodeScanner.Builder b2 = dev.dcerrors.core.v2.CodeScanner.builder().ignoreKeyCase(ignoreKeyCase)
                    .maxScanChars(maxScanChars);
            for (String key : extraKeys) {
                b3.addKey(key);
                b2.addKey(key);
            }
            return new Pair(b3.build(), b2.build());
        }
    }

    private static final List<Pair> SCANNERS = List.of(Pair.of(false, CodeScanner.DEFAULT_MAX_SCAN_CHARS),
            Pair.of(false, Integer.MAX_VALUE), Pair.of(true, 97, "errorCode", "错误码"), Pair.of(false, 23));

    private static List<Integer> v3(CodeScanner scanner, CharSequence text, Object @org.jspecify.annotations.Nullable [] args) {
        List<Integer> values = new ArrayList<>();
        if (args == null) {
            scanner.scan(text, values::add, 16);
        } else {
            scanner.scanTemplate(text, args, values::add, 16);
        }
        return values;
    }

    private static List<Integer> v2(dev.dcerrors.core.v2.CodeScanner scanner, CharSequence text, Object @org.jspecify.annotations.Nullable [] args) {
        List<Integer> values = new ArrayList<>();
        if (args == null) {
            scanner.scan(text, values::add, 16);
        } else {
            scanner.scanTemplate(text, args, values::add, 16);
        }
        return values;
    }

    /**
     * Whether v3 counts {@code text} differently from v2 with some scanner (as a text, through the generic path, or
     * as a template with {@code args}); where it does, a listed difference must explain it.
     */
    private static boolean differsFromV2(String text, Object @org.jspecify.annotations.Nullable [] args) {
        boolean differs = false;
        for (Pair pair : SCANNERS) {
            differs |= !v3(pair.v3(), text, null).equals(v2(pair.v2(), text, null));
            differs |= !v3(pair.v3(), new StringBuilder(text), null).equals(v2(pair.v2(), new StringBuilder(text), null));
            if (args != null) {
                differs |= !v3(pair.v3(), text, args).equals(v2(pair.v2(), text, args));
            }
        }
        if (differs) {
            assertThat(QUOTED_JSON.matcher(text).find()).as("a listed difference explains how v3 counts %s", text).isTrue();
        }
        return differs;
    }

    private static List<String> firstArguments(Stream<Arguments> table) {
        return table.map(row -> (String) row.get()[0]).toList();
    }

    private static String[] valueSource(Class<?> test, String method) throws NoSuchMethodException {
        Method m = test.getDeclaredMethod(method, String.class);
        return m.getAnnotation(ValueSource.class).strings();
    }

    @Test
    void v2RuleTablesCountAsInV2() throws NoSuchMethodException {
        List<String> texts = new ArrayList<>();
        texts.addAll(firstArguments(RecognitionRulesTest.Rule2EnvelopeRule.table()));
        texts.addAll(firstArguments(RecognitionRulesTest.Rule3SentenceEnd.table()));
        texts.addAll(firstArguments(RecognitionRulesTest.Rule4IdentifierCharacters.table()));
        texts.addAll(firstArguments(RecognitionRulesTest.KeptFromV1.table()));
        texts.addAll(List.of(valueSource(CodeScannerTest.Accepts.class, "eachFormFindsTheCode")));
        texts.addAll(List.of(valueSource(CodeScannerTest.Rejects.class, "falsePositivesFindNothing")));
        assertThat(texts).hasSizeGreaterThan(150);
        for (String text : texts) {
            assertThat(differsFromV2(text, null)).as("no v2 rule row is a listed difference: %s", text).isFalse();
        }
        RecognitionRulesTest.Rule3SentenceEnd.templates().forEach(row -> {
            Object[] values = row.get();
            assertThat(differsFromV2((String) values[0], (Object[]) values[1])).isFalse();
        });
    }

    @Test
    void v3RowsThatDifferFromV2AreTheListedDifferences() {
        int differing = 0;
        for (String text : firstArguments(RecognitionRulesTest.QuotedJsonIsJson.table())) {
            Pair pair = SCANNERS.get(0);
            if (!v3(pair.v3(), text, null).equals(v2(pair.v2(), text, null))) {
                differing++;
                assertThat(QUOTED_JSON.matcher(text).find()).as("difference 1 explains %s", text).isTrue();
            }
        }
        assertThat(differing).as("the rows v2 missed").isGreaterThanOrEqualTo(10);
    }

    @Test
    void v2GeneratedDocumentsCountAsInV2() {
        SplittableRandom random = new SplittableRandom(0x22_0001L);
        int differences = 0;
        for (int round = 0; round < 10_000; round++) {
            String text = GeneratedText.generate(random::nextInt, new ArrayList<>(), false);
            if (differsFromV2(text, new Object[] {5147, "x"})) {
                differences++;
            }
        }
        assertThat(differences).as("v2's generator writes no quoted JSON").isZero();
    }

    @Test
    void v2GeneratedEnvelopesAndNoiseCountAsInV2() {
        SplittableRandom random = new SplittableRandom(0x22_0002L);
        for (int round = 0; round < 20_000; round++) {
            StringBuilder text = new StringBuilder(ScannerPropertiesTest.randomNoise(random));
            for (int e = random.nextInt(4); e > 0; e--) {
                text.append(ScannerPropertiesTest.envelope(random, 4000 + random.nextInt(2000))).append(ScannerPropertiesTest.randomNoise(random));
            }
            assertThat(differsFromV2(text.toString(), null)).isFalse();
        }
    }

    @Test
    void arbitraryTextCountsAsInV2ButForTheListedDifferences() {
        SplittableRandom random = new SplittableRandom(0x22_0003L);
        Function<SplittableRandom, String> arbitrary = ScannerPropertiesTest::arbitrary;
        int differences = 0;
        for (int round = 0; round < 30_000; round++) {
            String text = arbitrary.apply(random);
            if (differsFromV2(text, new Object[] {5147, "x", null})) {
                differences++;
            }
            String wrapped = GeneratedText.inJsonString(text);
            if (differsFromV2(wrapped, null)) {
                differences++;
            }
        }
        assertThat(differences).as("texts where a listed difference may apply").isLessThan(600);
    }
}
