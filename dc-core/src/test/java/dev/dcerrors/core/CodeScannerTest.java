package dev.dcerrors.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CodeScannerTest {

    static List<Integer> found(CodeScanner scanner, CharSequence text) {
        List<Integer> values = new ArrayList<>();
        scanner.scan(text, values::add, Integer.MAX_VALUE);
        return values;
    }

    static List<Integer> found(CharSequence text) {
        return found(CodeScanner.defaults(), text);
    }

    /** The same text as a non-String CharSequence, which takes the scanner's generic path. */
    static List<Integer> foundInBuilder(String text) {
        return found(new StringBuilder(text));
    }

    @Nested
    class Accepts {

        @ParameterizedTest
        @ValueSource(strings = {
            "{\"code\":5032,\"msg\":\"Token verification is failed.\",\"data\":null,\"extMsg\":null}",
            "{\"code\" : \"5032\", \"msg\": \"x\"}",
            "{\n  \"code\": 5032,\n  \"msg\": \"Token verification is failed.\"\n}",
            "{\"body\":\"{\\\"code\\\":5032,\\\"msg\\\":\\\"x\\\"}\"}",
            "{\"body\":\"{\\\"code\\\":\\\"5032\\\",\\\"message\\\":\\\"x\\\"}\"}",
            "Result(code=5032, msg=Token verification is failed., data=null)",
            "level=warn code=5032 msg=\"Token verification is failed.\"",
            "code: 5032",
            "code=5032",
            "response.code=5032 took 12 ms",
            "code\t=\t5032\n",
            "code=5032,",
            "'code': 5032",
            "x-code: 5032", // '-' separates (rule 4): the key stands alone
            "{\"code:5032}", // an unclosed quote starts a string whose content is a text of its own: prose
        })
        void eachFormFindsTheCode(String text) {
            assertThat(found(text)).containsExactly(5032);
            assertThat(foundInBuilder(text)).containsExactly(5032);
        }

        @Test
        void codeAtTheVeryStartAndEnd() {
            assertThat(found("code=5147")).containsExactly(5147);
            assertThat(found("login failed code=5147")).containsExactly(5147);
            assertThat(found("\"code\":5147")).containsExactly(5147);
        }

        @Test
        void everyCodeOfABatchResponse() {
            String batch = "[{\"code\":5147,\"msg\":\"a\"},{\"code\":200,\"msg\":\"ok\"},{\"code\":5032,\"msg\":\"b\"}]";
            assertThat(found(batch)).containsExactly(5147, 200, 5032);
        }

        @Test
        void successAndUnknownValuesAreReportedForTheCallerToClassify() {
            assertThat(found("{\"code\":200,\"msg\":\"ok\"}")).containsExactly(200);
            assertThat(found("{\"code\":4007,\"msg\":\"x\"}")).containsExactly(4007);
            assertThat(found("code=0")).containsExactly(0);
        }

        @Test
        void extraKeysAndCaseFolding() {
            CodeScanner scanner = CodeScanner.builder().addKey("errorCode").build();
            assertThat(found(scanner, "{\"errorCode\":5005,\"code\":5147,\"msg\":\"x\"}")).containsExactlyInAnyOrder(5005, 5147);
            assertThat(found(scanner, "{\"Code\":5005,\"msg\":\"x\"}")).isEmpty();
            CodeScanner folding = CodeScanner.builder().addKey("errorCode").ignoreKeyCase(true).build();
            assertThat(found(folding, "{\"Code\":5005,\"MSG\":\"x\"} ERRORCODE=5147")).containsExactlyInAnyOrder(5005, 5147);
            assertThat(found(folding, "productCode=5005")).isEmpty();
            assertThat(folding.isKey("ERRORCODE")).isTrue();
            assertThat(scanner.isKey("Code")).isFalse();
        }
    }

    @Nested
    class Rejects {

        @ParameterizedTest
        @ValueSource(strings = {
            "{\"productCode\":5032}",
            "{\"jsCode\":\"5032\"}",
            "authCode=5032",
            "bindingCode: 5032",
            "errcode=5032",
            "code_x=5032",
            "codes=5032",
            "{\"code\":5032.5}",
            "{\"code\":-5032}",
            "{\"code\":\"5032abc\"}",
            "code=5032abc",
            "code=5032_1",
            "{\"code\":05032}",
            "{\"code\":1234567890}",
            "request took 5032 ms",
            "connecting to 10.0.0.1:5032",
            "phone=13850321234",
            "POST /sms/send phone=13800000000&code=4821",
            "GET /verify?code=5147",
            "{\"code\" 5032}",
            "{\"code\":}",
            "{\"code\":\"\"}",
            "{\"code\":\"5032}",
            "code",
            "",
            "\"code\"",
            "code=",
            "${code} is not included in email template.",
        })
        void falsePositivesFindNothing(String text) {
            assertThat(found(text)).isEmpty();
            assertThat(foundInBuilder(text)).isEmpty();
        }
    }

    @Nested
    class Limits {

        @Test
        void onlyTheFirstMaxScanCharsAreRead() {
            CodeScanner scanner = CodeScanner.builder().maxScanChars(20).build();
            assertThat(found(scanner, "code=5032" + " ".repeat(20) + "code=5147")).containsExactly(5032);
        }

        @Test
        void aValueCutByTheLimitIsNotReported() {
            String text = "xxxxxxxxx code=50321";
            for (int limit = text.indexOf('5'); limit < text.length(); limit++) {
                CodeScanner scanner = CodeScanner.builder().maxScanChars(limit).build();
                assertThat(found(scanner, text)).as("limit %d", limit).isEmpty();
            }
            assertThat(found(CodeScanner.builder().maxScanChars(text.length()).build(), text)).containsExactly(50321);
        }

        @Test
        void nestingPastTheFrameLimitEndsTheScanOfThatText() {
            assertThat(found("code=5001 " + "(".repeat(Frames.MAX_DEPTH + 1) + " code=5002")).containsExactly(5001);
            assertThat(found("code=5001 " + "(".repeat(Frames.MAX_DEPTH - 1) + " code=5002")).containsExactly(5001, 5002);
        }

        @Test
        void envelopesNestedUpToTheLimitCountAndDeeperOnesDoNot() {
            // level i holds code 4000 + i; each quoted key opens one more frame for a moment
            for (int levels : new int[] {10, Frames.MAX_DEPTH - 1, Frames.MAX_DEPTH + 10, 200}) {
                StringBuilder text = new StringBuilder();
                for (int i = 0; i < levels; i++) {
                    text.append("{\"code\":").append(4000 + i).append(",\"msg\":\"x\",\"data\":");
                }
                text.append("null").append("}".repeat(levels));
                List<Integer> values = found(text.toString());
                int counted = Math.min(levels, Frames.MAX_DEPTH - 1);
                assertThat(values).as("%d levels", levels).containsExactlyElementsOf(
                        java.util.stream.IntStream.range(4000, 4000 + counted).boxed().toList());
            }
        }

        @Test
        void theBudgetCapsHowManyValuesAreCounted() {
            String batch = "code=5001 code=5002 code=5003 code=5004";
            List<Integer> values = new ArrayList<>();
            int counted = CodeScanner.defaults().scan(batch, values::add, 2);
            assertThat(counted).isEqualTo(2);
            assertThat(values).containsExactly(5001, 5002);
        }

        @Test
        void valuesTheSinkDeclinesDoNotUseTheBudget() {
            List<Integer> values = new ArrayList<>();
            int counted = CodeScanner.defaults().scan("code=1 code=2 code=5003", v -> v > 1000 && values.add(v), 1);
            assertThat(counted).isEqualTo(1);
            assertThat(values).containsExactly(5003);
        }
    }

    @Nested
    class Templates {

        @Test
        void placeholderValuesComeFromTheMatchingArgument() {
            List<Integer> values = new ArrayList<>();
            CodeScanner.defaults().scanTemplate("user={} code={} msg={}", new Object[] {"13800000000", 5147, "locked"}, values::add, 16);
            assertThat(values).containsExactly(5147);
        }

        @Test
        void numericStringAndJsonTemplateArgumentsAreCodes() {
            List<Integer> values = new ArrayList<>();
            CodeScanner.defaults().scanTemplate("{\"code\":{},\"msg\":\"{}\"}", new Object[] {"5032", "x"}, values::add, 16);
            CodeScanner.defaults().scanTemplate("code=\"{}\"", new Object[] {5033L}, values::add, 16);
            assertThat(values).containsExactly(5032, 5033);
        }

        @Test
        void escapedPlaceholdersAreNotCountedAndNonCodesAreSkipped() {
            List<Integer> values = new ArrayList<>();
            CodeScanner.defaults().scanTemplate("literal \\{} then code={}", new Object[] {5148}, values::add, 16);
            CodeScanner.defaults().scanTemplate("code={}", new Object[] {"abc"}, values::add, 16);
            CodeScanner.defaults().scanTemplate("code={}", new Object[] {50.5}, values::add, 16);
            CodeScanner.defaults().scanTemplate("code={}", new Object[0], values::add, 16);
            CodeScanner.defaults().scanTemplate("code={}", null, values::add, 16);
            assertThat(values).containsExactly(5148);
        }

        @Test
        void plainScansDoNotResolvePlaceholders() {
            assertThat(found("code={}")).isEmpty();
        }
    }

    @Test
    void aLongerNumberIsNotTheCodeItStartsWith() {
        assertThat(found("{\"code\":50321,\"msg\":\"x\"}")).containsExactly(50321);
        assertThat(found("code=5032 5")).containsExactly(5032);
    }

    @Test
    void codeValueReadsWholeNumbersAndNumericStringsOnly() {
        assertThat(CodeScanner.codeValue(5147)).isEqualTo(5147);
        assertThat(CodeScanner.codeValue((short) 200)).isEqualTo(200);
        assertThat(CodeScanner.codeValue(" 5147 ")).isEqualTo(5147);
        assertThat(CodeScanner.codeValue(new StringBuilder("5148"))).isEqualTo(5148);
        assertThat(CodeScanner.codeValue(-5)).isEqualTo(-1);
        assertThat(CodeScanner.codeValue(10_000_000_000L)).isEqualTo(-1);
        assertThat(CodeScanner.codeValue("05147")).isEqualTo(-1);
        assertThat(CodeScanner.codeValue("5147x")).isEqualTo(-1);
        assertThat(CodeScanner.codeValue(5147.5)).isEqualTo(-1);
        assertThat(CodeScanner.codeValue(null)).isEqualTo(-1);
        assertThat(CodeScanner.codeValue(new Object())).isEqualTo(-1);
    }

    @Test
    void badKeysAndLimitsSayWhatIsExpected() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CodeScanner.builder().addKey("error code"))
                .hasMessageContaining("'error code' is not a key").hasMessageContaining("errorCode");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CodeScanner.builder().addKey(""))
                .hasMessageContaining("is not a key");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CodeScanner.builder().maxScanChars(-1))
                .hasMessage("maxScanChars must be positive: -1");
    }

    @Nested
    class MessageAnchors {

        @Test
        void theDefaultMessageKeysAreFoundByTwoSearches() {
            assertThat(CodeScanner.defaults().messageAnchors()).containsExactly("sg", "message");
        }

        @Test
        void addedMessageKeysShareAnchorsWhereTheyCan() {
            CodeScanner scanner = CodeScanner.builder().addMessageKey("errorMessage").addMessageKey("错误信息").build();
            assertThat(scanner.messageAnchors()).containsExactly("sg", "essage", "错误信息");
        }

        @Test
        void everyMessageKeyHoldsAnAnchorWhateverTheKeys() {
            java.util.Random random = new java.util.Random(22);
            String letters = "msgeacrMo_错误";
            for (int round = 0; round < 2_000; round++) {
                String[] keys = new String[1 + random.nextInt(8)];
                for (int k = 0; k < keys.length; k++) {
                    StringBuilder key = new StringBuilder();
                    for (int c = 1 + random.nextInt(7); c > 0; c--) {
                        key.append(letters.charAt(random.nextInt(letters.length())));
                    }
                    keys[k] = key.toString();
                }
                String[] anchors = CodeScanner.messageAnchors(keys);
                assertThat(anchors.length).isBetween(1, keys.length);
                for (String key : keys) {
                    assertThat(java.util.Arrays.stream(anchors).anyMatch(key::contains)).as("%s in %s", key, List.of(anchors)).isTrue();
                }
            }
        }

        @Test
        void aCodeWaitingPastALargeValueFindsEachMessageKey() {
            CodeScanner scanner = CodeScanner.builder().addMessageKey("errorMessage").addMessageKey("错误信息").build();
            String data = "\"data\":{\"list\":[" + "{\"a\":\"misgiving\",\"b\":[1,2]},".repeat(40) + "{}]}";
            for (String key : List.of("msg", "message", "errorMsg", "errMsg", "error_msg", "errorMessage", "错误信息")) {
                assertThat(found(scanner, "{\"code\":5005," + data + ",\"" + key + "\":\"busy\"}")).as(key).containsExactly(5005);
                assertThat(found(scanner, "{\"code\":5005," + data + "} {\"" + key + "\":\"busy\"}")).as(key).isEmpty();
            }
        }
    }
}
