package dev.dcerrors.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Property tests over generated input, seeded so that a failure repeats: the scanner finds exactly the codes
 * placed in generated envelopes and in generated nested documents (the envelope rule: never a code that rule 2
 * excludes, at any nesting), counts a text held in a JSON string as it counts the text alone, and never throws
 * on arbitrary text.
 */
class ScannerPropertiesTest {

    private static final long SEED = 0x5147_5148L;
    private static final String[] FILLER_KEYS = {"data", "extMsg", "productCode", "jsCode", "authCode", "errcode", "phone"};
    private static final String[] MESSAGE_KEYS = {"msg", "message", "errorMsg", "errMsg", "error_msg"};

    @Test
    void findsExactlyTheCodesPlacedInGeneratedEnvelopes() {
        SplittableRandom random = new SplittableRandom(SEED);
        for (int round = 0; round < 20_000; round++) {
            List<Integer> placed = new ArrayList<>();
            StringBuilder text = new StringBuilder(randomNoise(random));
            int envelopes = random.nextInt(4);
            for (int e = 0; e < envelopes; e++) {
                int code = random.nextInt(3) == 0 ? 200 : 4000 + random.nextInt(2000);
                placed.add(code);
                text.append(envelope(random, code)).append(randomNoise(random));
            }
            String s = text.toString();
            assertThat(CodeScannerTest.found(s)).as("round %d: %s", round, s).containsExactlyElementsOf(placed);
            assertThat(CodeScannerTest.foundInBuilder(s)).as("round %d (generic path): %s", round, s).containsExactlyElementsOf(placed);
        }
    }

    @Test
    void generatedDocumentsCountExactlyTheResponsesTheyHold() {
        SplittableRandom random = new SplittableRandom(SEED + 2);
        CodeScanner unlimited = CodeScanner.builder().maxScanChars(Integer.MAX_VALUE).build();
        for (int round = 0; round < 20_000; round++) {
            List<Integer> expected = new ArrayList<>();
            String text = GeneratedText.generate(random::nextInt, expected);
            assertThat(CodeScannerTest.found(unlimited, text)).as("round %d: %s", round, text).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(CodeScannerTest.found(unlimited, new StringBuilder(text))).as("round %d (generic path): %s", round, text)
                    .containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    @Test
    void aTextInAJsonStringCountsAsTheTextAlone() {
        SplittableRandom random = new SplittableRandom(SEED + 3);
        CodeScanner[] scanners = {CodeScanner.builder().maxScanChars(Integer.MAX_VALUE).build(),
            CodeScanner.builder().addKey("errorCode").ignoreKeyCase(true).maxScanChars(Integer.MAX_VALUE).build()};
        for (int round = 0; round < 20_000; round++) {
            String text = random.nextBoolean() ? arbitrary(random) : GeneratedText.generate(random::nextInt, new ArrayList<>());
            if (!fitsTheNestingLimit(text)) {
                continue;
            }
            for (CodeScanner scanner : scanners) {
                String wrapped = GeneratedText.inJsonString(text);
                assertThat(CodeScannerTest.found(scanner, wrapped)).as("round %d: %s", round, wrapped)
                        .containsExactlyInAnyOrderElementsOf(CodeScannerTest.found(scanner, text));
            }
        }
    }

    @Test
    void aRequestBodyNeverCountsWhateverItsQuotingNestingOrDamage() {
        SplittableRandom random = new SplittableRandom(SEED + 5);
        CodeScanner[] scanners = {CodeScanner.builder().maxScanChars(Integer.MAX_VALUE).build(), CodeScanner.defaults(),
            CodeScanner.builder().maxScanChars(61).build(), CodeScanner.builder().ignoreKeyCase(true).maxScanChars(200).build()};
        for (int round = 0; round < 20_000; round++) {
            String text = GeneratedText.requestBodies(random::nextInt);
            for (CodeScanner scanner : scanners) {
                assertThat(CodeScannerTest.found(scanner, text)).as("round %d: %s", round, text).allSatisfy(v -> assertThat(v).isLessThan(9000));
                assertThat(CodeScannerTest.found(scanner, new StringBuilder(text))).as("round %d (generic path): %s", round, text)
                        .allSatisfy(v -> assertThat(v).isLessThan(9000));
            }
        }
    }

    /** Whether {@code text} opens fewer frames than the scanner tracks, with room for two more around it. */
    static boolean fitsTheNestingLimit(String text) {
        long openers = text.chars().filter(c -> c == '{' || c == '(' || c == '[' || c == '"').count();
        return openers < Frames.MAX_DEPTH - 4;
    }

    @Test
    void nestingNeverCountsACodeWithoutAMessageInItsObject() {
        SplittableRandom random = new SplittableRandom(SEED + 4);
        for (int round = 0; round < 3_000; round++) {
            int depth = 1 + random.nextInt(150);
            List<Integer> withMessage = new ArrayList<>();
            StringBuilder open = new StringBuilder();
            StringBuilder close = new StringBuilder();
            int frames = 0;
            for (int level = 0; level < depth; level++) {
                int code = 4000 + random.nextInt(2000);
                boolean message = random.nextBoolean();
                if (message) {
                    withMessage.add(code);
                }
                String msg = message ? ", msg=x" : ", name=x";
                switch (random.nextInt(4)) {
                    case 0 -> {
                        open.append("{\"code\":").append(code).append(message ? ",\"msg\":\"x\"" : ",\"name\":\"x\"").append(",\"data\":");
                        close.insert(0, "}");
                        frames += 2; // the object and, for a moment, each quoted key
                    }
                    case 1 -> {
                        open.append("Result(code=").append(code).append(msg).append(", data=");
                        close.insert(0, ")");
                        frames++;
                    }
                    case 2 -> {
                        open.append("R[code=").append(code).append(msg).append(", items=[");
                        close.insert(0, "]]");
                        frames += 2;
                    }
                    default -> {
                        open.append("{code=").append(code).append(msg).append(", data=");
                        close.insert(0, "}");
                        frames++;
                    }
                }
            }
            String text = open + "null" + close;
            List<Integer> found = CodeScannerTest.found(text);
            assertThat(withMessage).as("depth %d: %s", depth, text).containsAll(found);
            if (frames < Frames.MAX_DEPTH - 1) {
                assertThat(found).as("depth %d: %s", depth, text).containsExactlyInAnyOrderElementsOf(withMessage);
            }
        }
    }

    @Test
    void neverThrowsOnArbitraryText() {
        SplittableRandom random = new SplittableRandom(SEED + 1);
        CodeScanner folding = CodeScanner.builder().addKey("errorCode").ignoreKeyCase(true).maxScanChars(97).build();
        for (int round = 0; round < 50_000; round++) {
            String s = arbitrary(random);
            assertThatCode(() -> {
                CodeScanner.defaults().scan(s, v -> true, 16);
                folding.scan(s, v -> true, 16);
                CodeScanner.defaults().scanTemplate(s, new Object[] {5147, "x", null}, v -> true, 16);
                CodeScanner.defaults().scan(new StringBuilder(s), v -> true, 16);
            }).as("round %d", round).doesNotThrowAnyException();
        }
    }

    /** A response holding {@code code}: an envelope with a message key (in either order), or prose. */
    static String envelope(SplittableRandom random, int code) {
        String value = random.nextBoolean() ? Integer.toString(code) : "\"" + code + "\"";
        String space = random.nextBoolean() ? "" : random.nextBoolean() ? " " : "\n  ";
        String filler = FILLER_KEYS[random.nextInt(FILLER_KEYS.length)];
        String message = MESSAGE_KEYS[random.nextInt(MESSAGE_KEYS.length)];
        boolean messageFirst = random.nextBoolean();
        switch (random.nextInt(5)) {
            case 0: {
                String codeField = "\"code\"" + space + ":" + space + value;
                String messageField = "\"" + message + "\":\"5032 x\"";
                return "{" + (messageFirst ? messageField + "," + codeField : codeField + "," + messageField) + ",\"" + filler + "\":null}";
            }
            case 1:
                return "{\\\"code\\\":" + (value.startsWith("\"") ? "\\\"" + code + "\\\"" : value) + ",\\\"" + filler + "\\\":null,\\\""
                        + message + "\\\":\\\"x\\\"}";
            case 2:
                return messageFirst ? " Result(" + message + "=x, code=" + code + ", " + filler + "=5032) "
                        : " Result(code=" + code + ", " + filler + "=5032, " + message + "=x) ";
            case 3:
                return " code=" + code + " " + filler + "=5147 ";
            default:
                return " code:" + space + code + ";";
        }
    }

    /** Text that holds no code: digits, keys that are not code keys, URL parameters, punctuation. */
    static String randomNoise(SplittableRandom random) {
        String[] parts = {" took 5032 ms ", "productCode=5032", "?code=5147", "&code=4821", " 13850321234 ", ":5032",
            "\"data\":{\"items\":[1,2,3]}", "code-", " errcode=5000 ", "\u00e9\u4e2d ", "{}", "\"jsCode\":\"5032\"",
            "{\"phone\":\"139\",\"code\":\"5146\"}", " Device(code=5371, name=x) ", "{code=4821}"};
        StringBuilder sb = new StringBuilder();
        int n = random.nextInt(4);
        for (int i = 0; i < n; i++) {
            sb.append(parts[random.nextInt(parts.length)]);
        }
        return sb.toString();
    }

    /** Any UTF-16 text, unpaired surrogates and control characters included, biased toward the grammar's characters. */
    static String arbitrary(SplittableRandom random) {
        char[] alphabet = {'c', 'o', 'd', 'e', 'm', 's', 'g', 'u', 'n', '"', '\\', ':', '=', ' ', '\n', '{', '}', '(', ')', '[', ']', 'R',
            '0', '5', '9', '.', '-', '?', '&', '\'', '\uFF1A', '\u4e2d', '\uD800', '\uDC00', '\u0000', '\u001F'};
        int length = random.nextInt(200);
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(random.nextInt(4) == 0 ? (char) random.nextInt(Character.MAX_VALUE + 1) : alphabet[random.nextInt(alphabet.length)]);
        }
        return sb.toString();
    }
}
