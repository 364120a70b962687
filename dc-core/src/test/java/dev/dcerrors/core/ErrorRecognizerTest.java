package dev.dcerrors.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ErrorRecognizerTest {

    private final ErrorCounts counts = new ErrorCounts();
    private final ErrorRecognizer recognizer = new ErrorRecognizer(CodeScanner.defaults(), CodeRange.defaultRange(), counts, 3,
            ArgumentMode.ENVELOPES, false);

    /** A DTO's code getter is a class of its own (a lambda): recognizers built again with the same keys reuse it. */
    @Test
    void recognizersConfiguredAlikeShareTheirReadersOfResponseObjects() {
        ErrorRecognizer again = new ErrorRecognizer(CodeScanner.defaults(), CodeRange.defaultRange(), new ErrorCounts(), 16,
                ArgumentMode.ALL, true);
        assertThat(ResponseObjects.of(List.of("code"), List.of("msg"), false)).isSameAs(ResponseObjects.of(List.of("code"), List.of("msg"), false))
                .isNotSameAs(ResponseObjects.of(List.of("code", "errorCode"), List.of("msg"), false))
                .isNotSameAs(ResponseObjects.of(List.of("code"), List.of("msg"), true));
        CodeScanner defaults = CodeScanner.defaults();
        ResponseObjects forDefaults = ResponseObjects.of(defaults.keys(), defaults.messageKeys(), defaults.ignoreKeyCase());
        assertThat(recognizer).extracting("responseObjects").isSameAs(forDefaults);
        assertThat(again).extracting("responseObjects").isSameAs(forDefaults);
    }

    @Test
    void countsSuccessCatalogAndInRangeUnknownCodes() {
        assertThat(OneCall.text(recognizer, "{\"code\":200,\"msg\":\"ok\"} {\"code\":5147,\"msg\":\"locked\"} code=4026", 3)).isEqualTo(3);
        assertThat(counts.successCount()).isEqualTo(1);
        assertThat(counts.count(5147)).isEqualTo(1);
        assertThat(counts.count(4026)).isEqualTo(1);
    }

    @Test
    void valuesOutsideCatalogAndRangeAreIgnored() {
        assertThat(OneCall.text(recognizer, "code=404 code=0 code=50321 code=7000", 3)).isZero();
        assertThat(counts.errorCount() + counts.successCount()).isZero();
    }

    @Test
    void theCapPerEventHoldsAcrossParts() {
        int left = recognizer.maxCodesPerEvent();
        left -= OneCall.text(recognizer, "code=5001 code=5002", left);
        left -= OneCall.text(recognizer, "code=5003 code=5004", left);
        left -= OneCall.keyValue(recognizer, "code", 5005, left);
        assertThat(left).isZero();
        assertThat(counts.errorCount()).isEqualTo(3);
        assertThat(counts.count(5004)).isZero();
    }

    @Test
    void keyValuePairsCountOnlyForCodeKeys() {
        assertThat(OneCall.keyValue(recognizer, "code", 5147, 3)).isEqualTo(1);
        assertThat(OneCall.keyValue(recognizer, "code", "5148", 3)).isEqualTo(1);
        assertThat(OneCall.keyValue(recognizer, "userId", 5147, 3)).isZero();
        assertThat(OneCall.keyValue(recognizer, null, 5147, 3)).isZero();
        assertThat(OneCall.keyValue(recognizer, "code", "abc", 3)).isZero();
        assertThat(counts.errorCount()).isEqualTo(2);
    }

    @Test
    void templatesResolvePlaceholders() {
        assertThat(OneCall.template(recognizer, "login user={} code={}", new Object[] {"u1", 5146}, 3)).isEqualTo(1);
        assertThat(counts.count(5146)).isEqualTo(1);
    }

    @Test
    void withinOneCallEachDistinctCodeCountsOnce() {
        long enclosing = recognizer.beginCall();
        try {
            recognizer.scanText("code=5147 code=5147 code=200", recognizer.counter(), 3);
            recognizer.scanKeyValue("code", 5147, recognizer.counter(), 3);
            recognizer.scanText("code=200", recognizer.counter(), 3);
        } finally {
            recognizer.endCall(enclosing);
        }
        OneCall.text(recognizer, "code=5147", 3);
        assertThat(counts.count(5147)).as("once in the call, once in the next").isEqualTo(2);
        assertThat(counts.successCount()).isEqualTo(1);
    }

    @Test
    void aNestedCallKeepsItsOwnCodesAndTheEnclosingCallGoesOnAfterIt() {
        long outer = recognizer.beginCall();
        try {
            recognizer.scanText("code=5147", recognizer.counter(), 3);
            assertThat(OneCall.text(recognizer, "code=5147 code=5148", 3)).as("a log call made inside another").isEqualTo(2);
            recognizer.scanText("code=5147 code=5148", recognizer.counter(), 3);
        } finally {
            recognizer.endCall(outer);
        }
        assertThat(counts.count(5147)).isEqualTo(2);
        assertThat(counts.count(5148)).isEqualTo(2);
    }

    @Test
    void aSinkOfTheCallersSeesTheValuesWithoutCounting() {
        int[] seen = new int[4];
        int[] n = {0};
        CodeSink firstResponseCode = value -> {
            if (recognizer.isResponseCode(value)) {
                seen[n[0]++] = value;
                return true;
            }
            return false;
        };
        assertThat(recognizer.scanText("code=404 code=5147 code=200", firstResponseCode, 1)).isEqualTo(1);
        assertThat(seen[0]).isEqualTo(5147);
        assertThat(counts.errorCount() + counts.successCount()).isZero();
    }
}
