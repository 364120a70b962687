package dev.dcerrors.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The walk jumps over objects and arrays that cannot change the answer (a code waiting for its object's message key
 * past a large {@code data}, a request body's items before its code). Jumping is an optimization, not a rule: on
 * every text, with every option, the scanner that jumps finds exactly what the scanner that reads every character
 * finds, in the same order. Texts are generated to hit what makes a value impossible to jump over: keys of the
 * object around the value written inside an array, closers that match a frame outside the value, parentheses, JSON
 * quoted without escaping, quotes of every level, backslash runs, code keys inside the value, nesting at the frame
 * limit, and the scan limit cutting the value.
 */
class SkippedValuesTest {

    private static final long SEED = 0x5005_0200L;

    private static final String[] ATOMS = {"1", "100000", "true", "null", "-2.5e3", "\"x\"", "\"Living room sensor 7\"", "\"\"",
        "\"a\\\"b\"", "\"{\"", "\"}\"", "\"[\"", "\"]\"", "\"(\"", "\"{\\\"code\\\":5147,\\\"msg\\\":\\\"x\\\"}\"",
        "\"{\\\"phone\\\":\\\"139\\\",\\\"code\\\":\\\"5146\\\"}\"", "\"msg\"", "\"message\"", "\"code=5049\"", "\"\\\\\"",
        "\"\\u003d\"", "\"{{{{[[[[((((\"", "\"{\"code\":5032,\"msg\":\"x\"}\"", "\"[{\"a\":1}]\"", "'msg'", "\"\\\\\\\"x\\\\\\\"\""};
    private static final String[] KEYS = {"id", "data", "list", "records", "name", "msg", "message", "errorMsg", "code",
        "countryCode", "productCode", "items", "x\\\"y", "错误信息"};
    private static final String[] STRAY = {"]", "}", ")", "(", "msg=x", "msg:", "\"msg\":1", "code=5049", "\\", "\\\"",
        "\\n", "\\u002d", " ", ",", "Result(", "R[", "<EOL>", "\"", "{}", "[]"};

    private static final CodeScanner[] JUMPING = {CodeScanner.defaults(), CodeScanner.builder().maxScanChars(Integer.MAX_VALUE).build(),
        CodeScanner.builder().maxScanChars(97).build(), CodeScanner.builder().maxScanChars(1000).build(),
        CodeScanner.builder().addKey("errorCode").addMessageKey("错误信息").ignoreKeyCase(true).build()};
    private static final CodeScanner[] READING = {CodeScanner.builder().skipValues(false).build(),
        CodeScanner.builder().maxScanChars(Integer.MAX_VALUE).skipValues(false).build(),
        CodeScanner.builder().maxScanChars(97).skipValues(false).build(), CodeScanner.builder().maxScanChars(1000).skipValues(false).build(),
        CodeScanner.builder().addKey("errorCode").addMessageKey("错误信息").ignoreKeyCase(true).skipValues(false).build()};

    @Test
    void jumpingOverValuesFindsWhatReadingEveryCharacterFinds() {
        SplittableRandom random = new SplittableRandom(SEED);
        for (int round = 0; round < 30_000; round++) {
            String text = envelopeAroundValues(random);
            assertSameAnswer(round, text);
        }
    }

    @Test
    void onGeneratedDocumentsAndRequestBodiesToo() {
        SplittableRandom random = new SplittableRandom(SEED + 1);
        for (int round = 0; round < 20_000; round++) {
            String text = switch (random.nextInt(3)) {
                case 0 -> GeneratedText.generate(random::nextInt, new ArrayList<>());
                case 1 -> GeneratedText.requestBodies(random::nextInt);
                default -> ScannerPropertiesTest.arbitrary(random);
            };
            assertSameAnswer(round, text);
        }
    }

    @Test
    void atTheFrameLimit() {
        SplittableRandom random = new SplittableRandom(SEED + 2);
        for (int round = 0; round < 3_000; round++) {
            int depth = 50 + random.nextInt(20);
            StringBuilder sb = new StringBuilder("{\"code\":5147,\"data\":");
            StringBuilder close = new StringBuilder();
            for (int d = 0; d < depth; d++) {
                boolean array = random.nextBoolean();
                sb.append(array ? "[" : "{\"k\":");
                close.insert(0, array ? "]" : "}");
                if (random.nextInt(8) == 0) {
                    sb.append(random.nextBoolean() ? "\"{{{{{{{{[[[[\"," : "\"a\\\"b\\\\\\\"c\\\\\\\"d\\\"e\",");
                    if (!array) {
                        sb.append("\"k2\":");
                    }
                }
                if (random.nextInt(6) == 0) {
                    // an array the walk must read again (a key could start in it), then a value with a string full of openers
                    sb.append(array ? "" : "[").append("[msg],[\"(((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((\"],");
                    if (!array) {
                        sb.append("0],\"k3\":");
                    }
                }
            }
            sb.append(random.nextInt(3) == 0 ? "\"code=5049\"" : ATOMS[random.nextInt(ATOMS.length)]).append(close).append(",\"msg\":\"x\"}");
            assertSameAnswer(round, sb.toString());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"code\":5147,\"data\":[\"msg\":1]}",
        "{\"code\":5147,\"data\":[msg=1]}",
        "{\"code\":5147,\"data\":[1,2,{\"a\":1}],\"msg\":\"x\"}",
        "{\"code\":5147,\"data\":{\"a\":[1,2]},\"msg\":\"x\"}",
        "{\"code\":5147,\"data\":{\"a\":1]},\"msg\":\"x\"}",
        "{\"code\":5147,\"data\":{\"a\":(1}},\"msg\":\"x\"}",
        "Result(code=5147, data={\"a\":1)}, msg=x)",
        "{\"code\":5147,\"data\":{\"a\":\"{\"code\":1,\"msg\":\"y\"}\"},\"msg\":\"x\"}",
        "{\"message\":\"DC: {\\\"code\\\":5005,\\\"data\\\":{\\\"a\\\":\\\"b\\\"},\\\"msg\\\":\\\"x\\\"}\",\"level\":\"INFO\"}",
        "{\"message\":\"DC: {\\\"code\\\":5005,\\\"data\\\":{\\\"a\\\":\"b\\\"},\\\"msg\\\":\\\"x\\\"}\",\"level\":\"INFO\"}",
        "400 Bad Request: \"{\"code\":5032,\"data\":{\"list\":[{\"a\":1}]},\"msg\":\"x\"}\"",
        "{\"items\":[{\"sku\":\"1\"},{\"sku\":\"2\"}],\"phone\":\"139\",\"code\":\"5146\"}",
        "{\"items\":[{\"sku\":\"1\"},{\"code\":5147,\"msg\":\"x\"}],\"code\":\"5146\"}",
        "{\"code\":5147,\"data\":[{\"a\":1},[\\u002dmsg=1]]}",
        "{\"code\":5147,\"data\":{\"records\":[{\"id\":1},{\"id\":2}",
        "{\"code\":200,\"data\":{\"records\":[{\"id\":1,\"name\":\"a\"},{\"id\":2,\"name\":\"b\"}],\"total\":2},\"msg\":\"ok\"}"})
    void onTheShapesThatDecideWhetherAValueCanBeJumpedOver(String text) {
        assertSameAnswer(0, text);
        assertSameAnswer(0, "prefix " + text + " suffix code=4821");
    }

    private static void assertSameAnswer(int round, String text) {
        Object[] args = {5147, "x", null};
        for (int s = 0; s < JUMPING.length; s++) {
            List<Integer> expected = CodeScannerTest.found(READING[s], text);
            assertThat(CodeScannerTest.found(JUMPING[s], text)).as("round %d, scanner %d: %s", round, s, text).isEqualTo(expected);
            assertThat(CodeScannerTest.found(JUMPING[s], new StringBuilder(text))).as("round %d, scanner %d, generic path: %s", round, s, text)
                    .isEqualTo(CodeScannerTest.found(READING[s], new StringBuilder(text)));
            List<Integer> budgeted = new ArrayList<>();
            List<Integer> budgetedExpected = new ArrayList<>();
            JUMPING[s].scan(text, budgeted::add, 2);
            READING[s].scan(text, budgetedExpected::add, 2);
            assertThat(budgeted).as("round %d, scanner %d, budget 2: %s", round, s, text).isEqualTo(budgetedExpected);
            List<Integer> template = new ArrayList<>();
            List<Integer> templateExpected = new ArrayList<>();
            JUMPING[s].scanTemplate(text, args, template::add, 16);
            READING[s].scanTemplate(text, args, templateExpected::add, 16);
            assertThat(template).as("round %d, scanner %d, template: %s", round, s, text).isEqualTo(templateExpected);
        }
    }

    /** A code, then values of every kind, then a message key or not; or the values first and the code last. */
    private static String envelopeAroundValues(SplittableRandom random) {
        StringBuilder sb = new StringBuilder();
        if (random.nextInt(4) == 0) {
            sb.append(STRAY[random.nextInt(STRAY.length)]);
        }
        boolean escaped = random.nextInt(4) == 0;
        boolean quoted = !escaped && random.nextInt(6) == 0;
        if (escaped) {
            sb.append("{\"message\":\"DC: ");
        } else if (quoted) {
            sb.append("400 Bad Request: \"");
        }
        StringBuilder inner = new StringBuilder("{");
        boolean codeFirst = random.nextBoolean();
        if (codeFirst) {
            inner.append("\"code\":").append(4000 + random.nextInt(2000)).append(',');
        }
        int members = 1 + random.nextInt(3);
        for (int m = 0; m < members; m++) {
            inner.append(m == 0 ? "" : ",").append('"').append(KEYS[random.nextInt(KEYS.length)]).append("\":");
            value(random, inner, 0);
        }
        if (random.nextBoolean()) {
            inner.append(",\"msg\":\"x\"");
        }
        if (!codeFirst) {
            inner.append(",\"code\":\"").append(4000 + random.nextInt(2000)).append('"');
        }
        inner.append('}');
        String body = inner.toString();
        sb.append(escaped ? GeneratedText.escape(body) : body);
        if (escaped) {
            sb.append("\",\"level\":\"INFO\"}");
        } else if (quoted) {
            sb.append('"');
        }
        if (random.nextInt(3) == 0) {
            sb.setLength(random.nextInt(sb.length() + 1)); // cut, as the end of a line or the scan limit cuts
        }
        if (random.nextInt(4) == 0) {
            sb.insert(random.nextInt(sb.length() + 1), STRAY[random.nextInt(STRAY.length)]);
        }
        return sb.toString();
    }

    private static void value(SplittableRandom random, StringBuilder sb, int depth) {
        int kind = depth > 5 ? 0 : random.nextInt(5);
        if (random.nextInt(12) == 0) {
            sb.append(STRAY[random.nextInt(STRAY.length)]);
        }
        switch (kind) {
            case 0, 1 -> sb.append(ATOMS[random.nextInt(ATOMS.length)]);
            case 2, 3 -> {
                sb.append('{');
                int n = random.nextInt(4);
                for (int i = 0; i < n; i++) {
                    sb.append(i == 0 ? "" : ",").append('"').append(KEYS[random.nextInt(KEYS.length)]).append("\":");
                    value(random, sb, depth + 1);
                }
                sb.append('}');
            }
            default -> {
                sb.append('[');
                int n = random.nextInt(4);
                for (int i = 0; i < n; i++) {
                    sb.append(i == 0 ? "" : ",");
                    value(random, sb, depth + 1);
                }
                sb.append(']');
            }
        }
    }
}
