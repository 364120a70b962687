package dev.dcerrors.core;

import static dev.dcerrors.core.CodeScannerTest.found;
import static dev.dcerrors.core.CodeScannerTest.foundInBuilder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The recognition rules of issue 13 that the scanner owns (2: envelope, 3: a value may end a sentence, 4: only ASCII
 * identifier characters join), one table per rule: each row is a text and the codes counted in it, none for the
 * texts that must not count. Both scanning paths (String and other CharSequence) must agree on every row.
 */
class RecognitionRulesTest {

    /** A row: the codes (in any order) that {@code text} counts. */
    static Arguments counts(String text, int... codes) {
        return Arguments.of(text, codes);
    }

    static Arguments countsNothing(String text) {
        return Arguments.of(text, new int[0]);
    }

    /** A template row: the codes (in any order) that {@code template} counts with the arguments {@code args}. */
    static Arguments templateCounts(String template, Object[] args, int... codes) {
        return Arguments.of(template, args, codes);
    }

    static Arguments templateCountsNothing(String template, Object[] args) {
        return Arguments.of(template, args, new int[0]);
    }

    /** The arguments of a log call, null allowed. */
    static Object[] args(Object... args) {
        return args;
    }

    static void assertCounts(CodeScanner scanner, String text, int[] codes) {
        List<Integer> expected = new ArrayList<>();
        Arrays.stream(codes).forEach(expected::add);
        assertThat(found(scanner, text)).as(text).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(found(scanner, new StringBuilder(text))).as("generic path: %s", text).containsExactlyInAnyOrderElementsOf(expected);
    }

    static void assertTemplateCounts(String template, Object[] args, int[] codes) {
        List<Integer> expected = new ArrayList<>();
        Arrays.stream(codes).forEach(expected::add);
        for (CharSequence text : List.of(template, new StringBuilder(template))) {
            List<Integer> values = new ArrayList<>();
            CodeScanner.defaults().scanTemplate(text, args, values::add, Integer.MAX_VALUE);
            assertThat(values).as("%s with %s (%s)", template, Arrays.toString(args), text.getClass().getSimpleName())
                    .containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    @Nested
    class Rule2EnvelopeRule {

        static Stream<Arguments> table() {
            return Stream.of(
                    // JSON envelopes: a code key and a message key in the same object, in either order
                    counts("{\"code\":5147,\"msg\":\"Your account has been temporarily locked.\"}", 5147),
                    counts("{\"msg\":\"Your account has been temporarily locked.\",\"code\":5147}", 5147),
                    counts("{\"code\":\"5032\",\"message\":\"Token verification is failed.\"}", 5032),
                    counts("{\"errorMsg\":\"x\",\"code\":5005}", 5005),
                    counts("{\"code\":5005,\"errMsg\":\"x\"}", 5005),
                    counts("{\"code\":5005,\"data\":{\"list\":[1,2]},\"error_msg\":\"x\"}", 5005),
                    counts("{\n  \"code\": 5032,\n  \"data\": null,\n  \"msg\": \"x\"\n}", 5032),
                    counts("{\"code\":200,\"msg\":\"\"}", 200),
                    // request bodies: a code without a message is not a response
                    countsNothing("{\"countryCode\":\"86\",\"phone\":\"13912345678\",\"code\":\"5146\"}"),
                    countsNothing("{\"phone\":\"13912345678\",\"code\":4821}"),
                    countsNothing("POST /api/login body={\"phone\":\"13912345678\",\"code\":\"5146\"}"),
                    // nested items without a message are not the response's codes
                    counts("{\"code\":200,\"msg\":\"\",\"data\":{\"devices\":[{\"code\":5371,\"name\":\"x\"}]}}", 200),
                    counts("{\"data\":{\"devices\":[{\"code\":5371,\"name\":\"x\"}]},\"code\":200,\"msg\":\"\"}", 200),
                    // the message key must be in the same object: not in a nested one, not in the one around
                    countsNothing("{\"code\":5147,\"data\":{\"msg\":\"x\"}}"),
                    countsNothing("{\"msg\":\"x\",\"data\":{\"code\":5147}}"),
                    countsNothing("{\"msg\":\"x\",\"items\":[{\"code\":5147}]}"),
                    // batch responses: every item with a code and a message counts
                    counts("[{\"code\":5147,\"msg\":\"a\"},{\"code\":200,\"msg\":\"ok\"},{\"code\":5032,\"msg\":\"b\"}]", 5147, 200, 5032),
                    counts("{\"code\":200,\"msg\":\"ok\",\"data\":[{\"code\":5371,\"msg\":\"bound\"},{\"code\":5049,\"msg\":\"x\"},{\"code\":1,\"name\":\"y\"}]}", 200, 5371, 5049),
                    // escaped JSON: an object of its own, same rule
                    counts("{\"body\":\"{\\\"code\\\":5147,\\\"msg\\\":\\\"locked\\\"}\"}", 5147),
                    countsNothing("{\"body\":\"{\\\"phone\\\":\\\"139\\\",\\\"code\\\":\\\"5146\\\"}\"}"),
                    counts("response={\\\"code\\\":5147,\\\"msg\\\":\\\"locked\\\"}", 5147),
                    countsNothing("request={\\\"code\\\":5146}"),
                    counts("{\"a\":\"{\\\"b\\\":\\\"{\\\\\\\"code\\\\\\\":5147,\\\\\\\"msg\\\\\\\":\\\\\\\"x\\\\\\\"}\\\"}\"}", 5147),
                    // a logstash-style JSON line: its message is a text of its own, read from its top
                    counts("{\"@timestamp\":\"2026-01-01T00:00:00Z\",\"level\":\"WARN\",\"message\":\"Login failed code=5049\"}", 5049),
                    counts("{\"@timestamp\":\"2026-01-01T00:00:00Z\",\"message\":\"DC call: {\\\"code\\\":5147,\\\"msg\\\":\\\"locked\\\"}\"}", 5147),
                    countsNothing("{\"@timestamp\":\"2026-01-01T00:00:00Z\",\"message\":\"POST {\\\"phone\\\":\\\"139\\\",\\\"code\\\":5146}\"}"),
                    counts("{\"message\":\"Login failed\\ncode=5049\\n\\tat x.y.Z\"}", 5049),
                    counts("{\"message\":\"code\\u003d5049 (Gson)\"}", 5049),
                    // prose inside an object's string value is not a key of that object
                    countsNothing("{\"msg\":\"x\",\"note\":\"\\\"code\\\"\"}"),
                    // Lombok @Data / @ToString: Name(…)
                    counts("Result(code=5049, msg=Device already bound, data=null)", 5049),
                    counts("Result(msg=Device already bound, code=5049)", 5049),
                    counts("response: DcResponse(code=5049, message=Device already bound, data=Device(name=x, code=5371))", 5049),
                    countsNothing("LoginRequest(phone=13912345678, code=5146)"),
                    countsNothing("retry(code=5049)"),
                    // records: Name[…]
                    counts("Result[code=5049, msg=Device already bound]", 5049),
                    countsNothing("SmsLogin[phone=13912345678, code=5146]"),
                    // Map.toString(), fastjson JSONObject: {…}; IntelliJ-style toString Name{…}
                    counts("{code=5049, msg=Device already bound}", 5049),
                    counts("Result{code=5049, msg='Device already bound'}", 5049),
                    countsNothing("{phone=13912345678, code=5146}"),
                    counts("{code=200, msg=ok, data={devices=[{code=5371, name=x}]}}", 200),
                    // outside any object: prose, logfmt, parentheses and brackets without a name, templates
                    counts("Login failed code=5049", 5049),
                    counts("level=warn code=5032 msg=\"Token verification is failed.\"", 5032),
                    counts("Binding failed (code=5049)", 5049),
                    counts("[main] WARN code=5049", 5049),
                    counts("\"code\":5147", 5147),
                    counts("call took {} ms, code=5049, params={a=1}", 5049),
                    // prose around objects is read as prose after they close
                    counts("{\"phone\":\"139\",\"code\":5146} rejected: code=5032", 5032),
                    // an object cut by the end of the text before its message key does not count
                    countsNothing("{\"code\":5147,\"data\":{\"list\":[1,2,3]"),
                    // the message key right after the code, or later, in the same or another key form
                    counts("{\"code\":5147 , \"msg\" : \"x\"}", 5147),
                    counts("{\"code\":\"5147\",\"msg\":\"x\"}", 5147),
                    counts("{\"code\":5147,msg:\"x\"}", 5147),
                    counts("{'code': 5147, \"msg\": \"x\"}", 5147),
                    counts("{\\\"code\\\":5147,\\\"msg\\\":\\\"x\\\"}", 5147),
                    countsNothing("{\"code\":5147,\"msgs\":\"x\"}"),
                    countsNothing("{\"code\":5147,\"msg\" \"x\"}"),
                    countsNothing("{\"code\":5147,\"\\\"msg\\\"\":\"x\"}"),
                    countsNothing("{\"code\":5147,\"data\":{\"a\":1,\"msg\":\"x\"}}"),
                    counts("{\"code\":5147,[\"msg\":\"x\"]}", 5147)); // a group is transparent: its keys are the object's
        }

        @ParameterizedTest
        @MethodSource("table")
        void countsOnlyResponses(String text, int[] codes) {
            assertCounts(CodeScanner.defaults(), text, codes);
        }

        @Test
        void moreMessageKeysCanBeConfigured() {
            CodeScanner scanner = CodeScanner.builder().addMessageKey("errorMessage").addMessageKey("错误信息").build();
            assertThat(scanner.messageKeys()).containsExactly("msg", "message", "errorMsg", "errMsg", "error_msg", "errorMessage", "错误信息");
            assertCounts(scanner, "{\"code\":5147,\"errorMessage\":\"locked\"}", new int[] {5147});
            assertCounts(scanner, "{\"code\":5147,\"错误信息\":\"账号已锁定\"}", new int[] {5147});
            assertCounts(CodeScanner.defaults(), "{\"code\":5147,\"errorMessage\":\"locked\"}", new int[0]);
        }

        @Test
        void messageKeysFollowTheCaseOption() {
            CodeScanner folding = CodeScanner.builder().ignoreKeyCase(true).build();
            assertCounts(folding, "{\"Code\":5147,\"MSG\":\"locked\"}", new int[] {5147});
            assertCounts(CodeScanner.defaults(), "{\"code\":5147,\"MSG\":\"locked\"}", new int[0]);
        }

        @Test
        void aKeyThatIsBothCodeAndMessageKeyIsACodeKey() {
            CodeScanner scanner = CodeScanner.builder().addKey("msg").build();
            assertThat(scanner.messageKeys()).doesNotContain("msg");
            assertCounts(scanner, "{\"msg\":5147,\"message\":\"x\"}", new int[] {5147});
        }

        @Test
        void theCodesOfAnObjectDecideWhenItsMessageKeyComes() {
            // deferred codes are reported when the message key arrives, so the sink sees them after inner ones
            List<Integer> values = new ArrayList<>();
            CodeScanner.defaults().scan("{\"code\":200,\"data\":{\"code\":5371,\"msg\":\"x\"},\"msg\":\"ok\"}", values::add, 16);
            assertThat(values).containsExactly(5371, 200);
        }

        @Test
        void theBudgetCountsOnlyReportedCodes() {
            String text = "{\"code\":1,\"phone\":\"x\"} {\"code\":5001,\"msg\":\"a\"} {\"code\":5002,\"msg\":\"b\"} {\"code\":5003,\"msg\":\"c\"}";
            List<Integer> values = new ArrayList<>();
            assertThat(CodeScanner.defaults().scan(text, values::add, 2)).isEqualTo(2);
            assertThat(values).containsExactly(5001, 5002);
        }

        @Test
        void aMessageKeyPastTheScanLimitDoesNotMakeAResponse() {
            String text = "{\"code\":5147,\"msg\":\"locked\"}";
            int msgAt = text.indexOf("msg");
            for (int limit = 1; limit < text.length(); limit++) {
                List<Integer> expected = limit >= msgAt + 5 ? List.of(5147) : List.of();
                assertThat(found(CodeScanner.builder().maxScanChars(limit).build(), text)).as("limit %d", limit).isEqualTo(expected);
            }
        }
    }

    /** Issue 22, item 3: JSON quoted without escaping is JSON, and the envelope rule applies to it. */
    @Nested
    class QuotedJsonIsJson {

        static Stream<Arguments> table() {
            return Stream.of(
                    // Spring's RestClientResponseException / HttpClientErrorException.getMessage()
                    counts("400 Bad Request: \"{\"code\":5032,\"msg\":\"Token verification is failed.\",\"data\":null}\"", 5032),
                    counts("DC call failed: 400 Bad Request: \"{\n  \"code\" : 5032,\n  \"msg\" : \"Token verification is failed.\",\n  \"data\" : null\n}\"", 5032),
                    counts("500 Internal Server Error: \"{\"data\":{\"list\":[1,2]},\"code\":5005,\"msg\":\"busy\"}\"", 5005),
                    // Spring 6 prints a pretty-printed body with its line breaks as <EOL> (LogFormatUtils)
                    counts("400 Bad Request: \"{<EOL>  \"code\" : 5148,<EOL>  \"msg\" : \"The current IP address is blocked.\",<EOL>  \"data\" : null<EOL>}\"", 5148),
                    countsNothing("400 Bad Request: \"{<EOL>  \"countryCode\" : \"86\",<EOL>  \"code\" : \"5146\"<EOL>}\""),
                    countsNothing("400 Bad Request: \"{\"countryCode\":\"86\",\"phone\":\"13912345678\",\"code\":\"5146\"}\""),
                    // Spring 5's form of the same message, body in brackets: a group around JSON, read as before
                    counts("400 Bad Request: [{\"code\":5032,\"msg\":\"Token verification is failed.\",\"data\":null}]", 5032),
                    // Apache HttpClient's wire log: a response line counts, a request line does not
                    counts("http-outgoing-0 << \"{\"code\":5147,\"msg\":\"Your account has been temporarily locked.\",\"data\":null}\"", 5147),
                    counts("http-outgoing-0 << \"{\"code\":5147,\"msg\":\"locked\",\"data\":null}[\\r][\\n]\"", 5147),
                    countsNothing("http-outgoing-0 >> \"{\"countryCode\":\"86\",\"phone\":\"13912345678\",\"code\":\"5001\"}\""),
                    countsNothing("http-outgoing-0 >> \"{\"countryCode\":\"86\",\"phone\":\"13912345678\",\"code\":\"5001\"}[\\r][\\n]\""),
                    // a body the wire log splits over lines: each line is a text of its own; a code counts where its line holds its object's message key
                    countsNothing("http-outgoing-0 << \"{[\\n]\""),
                    countsNothing("http-outgoing-0 << \"  \"code\" : 5147,[\\n]\""),
                    countsNothing("http-outgoing-0 << \"{\"code\":5147,[\\n]\""),
                    countsNothing("http-outgoing-0 << \"  \"msg\" : \"locked\"[\\n]\""),
                    counts("http-outgoing-0 << \"{\"code\":5147,\"msg\":\"locked\",\"data\":{[\\n]\"", 5147),
                    countsNothing("http-outgoing-0 << \"}[\\n]\""),
                    // string concatenation, logfmt-style and single quotes
                    counts("DC response: \"{\"code\":5147,\"msg\":\"locked\"}\"", 5147),
                    counts("status=400 body=\"{\"msg\":\"locked\",\"code\":5147}\" took=12ms", 5147),
                    countsNothing("request body=\"{\"phone\":\"139\",\"code\":\"5146\"}\" sent"),
                    counts("body='{\"code\":5147,\"msg\":\"locked\"}'", 5147),
                    countsNothing("body='{\"phone\":\"139\",\"code\":\"5146\"}'"),
                    // arrays: every item with a code and a message counts, items without one do not
                    counts("batch: \"[{\"code\":5147,\"msg\":\"a\"},{\"code\":5001,\"name\":\"x\"}]\"", 5147),
                    counts("batch: \"[ {\n  \"code\" : 5147,\n  \"msg\" : \"a\"\n} ]\"", 5147),
                    // nested: message key only inside, or only around
                    countsNothing("\"{\"code\":5147,\"data\":{\"msg\":\"x\"}}\""),
                    countsNothing("\"{\"msg\":\"x\",\"data\":{\"code\":5147}}\""),
                    // in a JSON string (a logstash line's message): quoted JSON escaped once, at its own level
                    counts("{\"message\":\"400 Bad Request: \\\"{\\\"code\\\":5032,\\\"msg\\\":\\\"failed\\\"}\\\"\"}", 5032),
                    counts("{\"message\":\"400 Bad Request: \\\"{\\n  \\\"code\\\" : 5032,\\n  \\\"msg\\\" : \\\"failed\\\"\\n}\\\"\"}", 5032),
                    countsNothing("{\"message\":\"POST \\\"{\\\"phone\\\":\\\"139\\\",\\\"code\\\":\\\"5146\\\"}\\\"\"}"),
                    // prose after the quoted JSON is read as prose
                    counts("\"{\"phone\":\"139\",\"code\":5146}\" rejected: code=5032", 5032),
                    // a JSON string value that merely holds a brace stays a string
                    counts("{\"a\":\"{\",\"b\":\"}\",\"code\":5147,\"msg\":\"x\"}", 5147),
                    countsNothing("{\"a\":\"{\",\"code\":5146}"),
                    countsNothing("{\"a\":\"{\" , \"code\":5146,\"b\":\"}\"}"),
                    countsNothing("{\"a\":\"[{\",\"code\":5146}"),
                    countsNothing("[\"{\",\"code\",\":\",5146]"),
                    // escaped JSON in a JSON string works as before
                    counts("{\"body\":\"{\\\"code\\\":5147,\\\"msg\\\":\\\"locked\\\"}\"}", 5147),
                    countsNothing("{\"body\":\"{\\\"phone\\\":\\\"139\\\",\\\"code\\\":\\\"5146\\\"}\"}"),
                    // truncated or broken: the object never closes, or its key's quotes are not its opening quote's
                    countsNothing("400 Bad Request: \"{\"code\":5032,\"data\":{\"list\":[1,2"),
                    countsNothing("\"{\"code\":5146\""),
                    countsNothing("\"{\\\"code\\\":5146,\"msg\":\"x\"}\""));
        }

        @ParameterizedTest
        @MethodSource("table")
        void anObjectBetweenQuotesIsReadAsJson(String text, int[] codes) {
            assertCounts(CodeScanner.defaults(), text, codes);
        }
    }

    @Nested
    class Rule3SentenceEnd {

        static Stream<Arguments> table() {
            return Stream.of(
                    counts("Binding rejected, code=5049.", 5049),
                    counts("DC call returned code: 5052.", 5052),
                    counts("code=5049. Retrying in 5 s", 5049),
                    counts("code=5049.Retrying", 5049),
                    counts("code=5049...", 5049),
                    counts("绑定失败，code=5049。", 5049),
                    counts("code=5049.0", 5049),
                    counts("code=5049.00 retrying", 5049),
                    counts("code=5049.0.", 5049),
                    counts("{\"code\":5049.0,\"msg\":\"x\"}", 5049),
                    counts("{\"code\":\"5049.0\",\"msg\":\"x\"}", 5049),
                    counts("Result(code=5049.0, msg=x)", 5049),
                    countsNothing("code=5032.5"),
                    countsNothing("code=5032.05"),
                    countsNothing("code=5049.0.1"),
                    countsNothing("version code=5049.1.2"),
                    countsNothing("{\"code\":5032.5,\"msg\":\"x\"}"),
                    countsNothing("{\"code\":\"5049.\",\"msg\":\"x\"}"),
                    countsNothing("code=5049.0x"));
        }

        @ParameterizedTest
        @MethodSource("table")
        void aValueMayEndASentence(String text, int[] codes) {
            assertCounts(CodeScanner.defaults(), text, codes);
        }

        static Stream<Arguments> templates() {
            return Stream.of(
                    templateCounts("Binding rejected, code={}.", args(5049), 5049),
                    templateCountsNothing("code={}.5", args(5050)),
                    // the argument is a value as the text would write it: a fraction of zeros is the integer
                    templateCounts("code={}", args(5049.0), 5049),
                    templateCounts("code={}", args("5049.0"), 5049),
                    templateCounts("code={}", args("5049.00"), 5049),
                    templateCountsNothing("code={}", args(5049.5)),
                    templateCountsNothing("code={}", args("5049.5")),
                    templateCountsNothing("code={}", args("5049.05")),
                    templateCountsNothing("code={}", args("5049.")),
                    // a placeholder right after the value is what its argument prints
                    templateCountsNothing("code={}.{}", args(5049, 5)), // code=5049.5
                    templateCountsNothing("code={}{}", args(5049, 1)), // code=50491
                    templateCountsNothing("code={}{}", args(5049, "ms")), // code=5049ms
                    templateCountsNothing("code=5049{}", args(1)), // code=50491
                    templateCountsNothing("code=5049.{}", args(5)), // code=5049.5
                    templateCountsNothing("code={}.{}", args(5049, 5.0)), // code=5049.5.0
                    templateCountsNothing("{\"code\":\"{}{}\",\"msg\":\"x\"}", args(5049, 1)),
                    templateCounts("code={}.{}", args(5049, " Retrying"), 5049), // code=5049. Retrying
                    templateCounts("code={}{}", args(5049, ", retrying"), 5049), // code=5049, retrying
                    templateCounts("code={}{}", args(5049, -1), 5049), // code=5049-1
                    templateCounts("code={}.{}", args(5049, "Retrying"), 5049), // code=5049.Retrying
                    // an argument that is neither a number nor text is not printed to find out: it is taken to join
                    templateCountsNothing("code={}{}", args(5049, List.of("a"))), // code=5049[a], yet not counted
                    templateCountsNothing("code={}{}", args(5049, null))); // code=5049null
        }

        @ParameterizedTest
        @MethodSource("templates")
        void aPlaceholderIsReadAsTheLogLinePrintsIt(String template, Object[] args, int[] codes) {
            assertTemplateCounts(template, args, codes);
        }

        @Test
        void aPeriodAtTheScanLimitLeavesTheValueUndecided() {
            String text = "code=5049.5";
            assertThat(found(CodeScanner.builder().maxScanChars(text.indexOf('.') + 1).build(), text)).isEmpty();
            assertThat(found(CodeScanner.builder().maxScanChars(text.indexOf('.')).build(), text)).isEmpty();
        }
    }

    @Nested
    class Rule4IdentifierCharacters {

        static Stream<Arguments> table() {
            return Stream.of(
                    // CJK and other non-ASCII characters separate
                    counts("绑定失败code=5049", 5049),
                    counts("code=5049设备已绑定", 5049),
                    counts("绑定失败code=5049设备已绑定", 5049),
                    counts("{\"msg\":\"设备已绑定\",\"code\":5049}", 5049),
                    counts("Ошибкаcode=5049", 5049),
                    counts("éçcode=5049é", 5049),
                    // full-width separators and the ideographic space
                    counts("code：5049", 5049),
                    counts("code＝5049", 5049),
                    counts("绑定失败，code： 5049，设备已绑定", 5049),
                    counts("code\u3000：\u30005049", 5049),
                    counts("Result(code：5049, msg：设备已绑定)", 5049),
                    // '-' separates, like any character that is not an ASCII letter, digit, '_' or '$'
                    counts("x-code: 5032", 5032),
                    counts("error-code=5032", 5032),
                    counts("code=5049-retry", 5049),
                    counts("response.code=5032", 5032),
                    // ASCII letters, digits, '_' and '$' join
                    countsNothing("productCode=5032"),
                    countsNothing("errcode=5032"),
                    countsNothing("code_x=5032"),
                    countsNothing("$code=5032"),
                    countsNothing("code$=5032"),
                    countsNothing("code2=5032"),
                    countsNothing("code=5032abc"),
                    countsNothing("code=5032_1"),
                    countsNothing("code=5032$"),
                    // full-width digits are not digits
                    countsNothing("code=５０４９"));
        }

        @ParameterizedTest
        @MethodSource("table")
        void onlyAsciiIdentifierCharactersJoin(String text, int[] codes) {
            assertCounts(CodeScanner.defaults(), text, codes);
        }

        @Test
        void keysMayBeInAnyScript() {
            CodeScanner scanner = CodeScanner.builder().addKey("错误码").addKey("código").build();
            assertThat(scanner.keys()).containsExactly("code", "错误码", "código");
            assertCounts(scanner, "绑定失败，错误码：5049", new int[] {5049});
            assertCounts(scanner, "{\"错误码\":5049,\"msg\":\"设备已绑定\"}", new int[] {5049});
            assertCounts(scanner, "{\"错误码\":5049}", new int[0]);
            assertCounts(scanner, "código=5032 x错误码=5033", new int[] {5032, 5033});
            assertCounts(scanner, "错误码5049", new int[0]);
            assertThat(scanner.isKey("错误码")).isTrue();
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "error code", "code:", "code=", "\"code\"", "'code'", "co{de", "-code", "code-", "a\tb", "co\\de"})
        void keysThatCannotStandAloneAreRejectedWithTheExpectedForm(String key) {
            assertThatThrownBy(() -> CodeScanner.builder().addKey(key))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'" + key + "' is not a key")
                    .hasMessageContaining("any script")
                    .hasMessageContaining("'errorCode' or '错误码'");
            assertThatThrownBy(() -> CodeScanner.builder().addMessageKey(key))
                    .hasMessageContaining("message key '" + key + "' is not a key");
        }

        @Test
        void keysAreBoundedInLength() {
            assertThatThrownBy(() -> CodeScanner.builder().addKey("k".repeat(CodeScanner.MAX_KEY_LENGTH + 1))).hasMessageContaining("1 to 64");
            assertThat(CodeScanner.builder().addKey("k".repeat(CodeScanner.MAX_KEY_LENGTH)).build().keys()).hasSize(2);
            assertThat(CodeScanner.builder().addKey("x-request-code").addKey("err_code").addKey("$ret").build().keys()).hasSize(4);
        }
    }

    @Nested
    class KeptFromV1 {

        static Stream<Arguments> table() {
            return Stream.of(
                    countsNothing("GET /verify?code=5147"),
                    countsNothing("phone=13800000000&code=4821"),
                    countsNothing("{\"url\":\"/verify?code=5147\",\"msg\":\"x\"}"),
                    countsNothing("{\"msg\":\"x\",\"body\":\"phone=139\\u0026code=4821\"}"),
                    counts("{\\\"code\\\":\\\"5032\\\",\\\"msg\\\":\\\"x\\\"}", 5032),
                    counts("'code': 5032", 5032),
                    counts("{'code': 5032, 'msg': 'x'}", 5032),
                    countsNothing("{\"code\":\"5032\\\"}"),
                    countsNothing("code=-5032"),
                    countsNothing("code=05032"),
                    countsNothing("code=1234567890"));
        }

        @ParameterizedTest
        @MethodSource("table")
        void parametersQuotesAndValues(String text, int[] codes) {
            assertCounts(CodeScanner.defaults(), text, codes);
        }

        @Test
        void templatesFollowTheEnvelopeRuleToo() {
            List<Integer> values = new ArrayList<>();
            Object[] args = {5147, "locked"};
            CodeScanner.defaults().scanTemplate("DC call failed code={} msg={}", args, values::add, 16);
            CodeScanner.defaults().scanTemplate("{\"code\":{},\"msg\":\"{}\"}", args, values::add, 16);
            CodeScanner.defaults().scanTemplate("Result(msg={}, code={})", new Object[] {"locked", 5148}, values::add, 16);
            CodeScanner.defaults().scanTemplate("request {\"phone\":\"{}\",\"code\":\"{}\"}", new Object[] {"139", 5146}, values::add, 16);
            CodeScanner.defaults().scanTemplate("literal \\{} {\"code\":{},\"msg\":\"x\"}", new Object[] {5149}, values::add, 16);
            assertThat(values).containsExactly(5147, 5147, 5148, 5149);
        }

        @Test
        void caseFoldingAppliesToEscapedAndBareKeys() {
            CodeScanner folding = CodeScanner.builder().ignoreKeyCase(true).build();
            assertCounts(folding, "{\\\"CODE\\\":5147,\\\"Msg\\\":\\\"x\\\"} Code=5032", new int[] {5147, 5032});
            assertThat(foundInBuilder("CODE=5032")).isEmpty();
        }
    }

    @Nested
    class CodeValues {

        @Test
        void integralNumbersOfEveryTypeAreCodes() {
            assertThat(CodeScanner.codeValue(5147)).isEqualTo(5147);
            assertThat(CodeScanner.codeValue(5147L)).isEqualTo(5147);
            assertThat(CodeScanner.codeValue((short) 200)).isEqualTo(200);
            assertThat(CodeScanner.codeValue((byte) 0)).isZero();
            assertThat(CodeScanner.codeValue(5147.0)).isEqualTo(5147);
            assertThat(CodeScanner.codeValue(5147.0f)).isEqualTo(5147);
            assertThat(CodeScanner.codeValue(-0.0)).isZero();
            assertThat(CodeScanner.codeValue(BigInteger.valueOf(5147))).isEqualTo(5147);
            assertThat(CodeScanner.codeValue(new BigDecimal("5147"))).isEqualTo(5147);
            assertThat(CodeScanner.codeValue(new BigDecimal("5147.000"))).isEqualTo(5147);
            assertThat(CodeScanner.codeValue(new BigDecimal("999999999"))).isEqualTo(999_999_999);
            assertThat(CodeScanner.codeValue("5147")).isEqualTo(5147);
            assertThat(CodeScanner.codeValue("5147.0")).isEqualTo(5147);
            assertThat(CodeScanner.codeValue(" 5147.00 ")).isEqualTo(5147);
            assertThat(CodeScanner.codeValue(new StringBuilder("0.0"))).isZero();
        }

        @Test
        void fractionsOutOfRangeAndOtherTypesAreNot() {
            assertThat(CodeScanner.codeValue(5147.5)).isEqualTo(-1);
            assertThat(CodeScanner.codeValue(5147.000001)).isEqualTo(-1);
            assertThat(CodeScanner.codeValue(5147.5f)).isEqualTo(-1);
            assertThat(CodeScanner.codeValue(-1.0)).isEqualTo(-1);
            assertThat(CodeScanner.codeValue(1e10)).isEqualTo(-1);
            assertThat(CodeScanner.codeValue(Double.NaN)).isEqualTo(-1);
            assertThat(CodeScanner.codeValue(Double.POSITIVE_INFINITY)).isEqualTo(-1);
            assertThat(CodeScanner.codeValue(BigInteger.valueOf(-5))).isEqualTo(-1);
            assertThat(CodeScanner.codeValue(BigInteger.TEN.pow(10))).isEqualTo(-1);
            assertThat(CodeScanner.codeValue(new BigDecimal("5147.5"))).isEqualTo(-1);
            assertThat(CodeScanner.codeValue(new BigDecimal("5147.0000000000001"))).isEqualTo(-1);
            assertThat(CodeScanner.codeValue(new BigDecimal("1000000000"))).isEqualTo(-1);
            assertThat(CodeScanner.codeValue(new BigDecimal("-5147"))).isEqualTo(-1);
            assertThat(CodeScanner.codeValue("5147.5")).isEqualTo(-1);
            assertThat(CodeScanner.codeValue("5147.01")).isEqualTo(-1);
            assertThat(CodeScanner.codeValue("5147.")).isEqualTo(-1);
            assertThat(CodeScanner.codeValue("5147.0.0")).isEqualTo(-1);
            assertThat(CodeScanner.codeValue("5147.0x")).isEqualTo(-1);
            assertThat(CodeScanner.codeValue(".0")).isEqualTo(-1);
            assertThat(CodeScanner.codeValue("05147.0")).isEqualTo(-1);
            assertThat(CodeScanner.codeValue("1234567890.0")).isEqualTo(-1);
            assertThat(CodeScanner.codeValue(new java.util.concurrent.atomic.AtomicInteger(5147))).isEqualTo(-1);
        }
    }
}
