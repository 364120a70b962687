package dev.dcerrors.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ErrorRecognizerTest {

    private final ErrorCounts counts = new ErrorCounts();
    private final ErrorRecognizer recognizer = new ErrorRecognizer(CodeScanner.defaults(), CodeRange.defaultRange(), counts, 3);

    @Test
    void countsSuccessCatalogAndInRangeUnknownCodes() {
        assertThat(recognizer.recognize("{\"code\":200,\"msg\":\"ok\"} {\"code\":5147,\"msg\":\"locked\"} code=4026")).isEqualTo(3);
        assertThat(counts.successCount()).isEqualTo(1);
        assertThat(counts.count(5147)).isEqualTo(1);
        assertThat(counts.count(4026)).isEqualTo(1);
    }

    @Test
    void valuesOutsideCatalogAndRangeAreIgnored() {
        assertThat(recognizer.recognize("code=404 code=0 code=50321 code=7000")).isZero();
        assertThat(counts.errorCount() + counts.successCount()).isZero();
    }

    @Test
    void theCapPerEventHoldsAcrossParts() {
        int left = recognizer.maxCodesPerEvent();
        left -= recognizer.recognizeText("code=5001 code=5002", left);
        left -= recognizer.recognizeText("code=5003 code=5004", left);
        left -= recognizer.recognizeKeyValue("code", 5005, left);
        assertThat(left).isZero();
        assertThat(counts.errorCount()).isEqualTo(3);
        assertThat(counts.count(5004)).isZero();
    }

    @Test
    void keyValuePairsCountOnlyForCodeKeys() {
        assertThat(recognizer.recognizeKeyValue("code", 5147, 3)).isEqualTo(1);
        assertThat(recognizer.recognizeKeyValue("code", "5148", 3)).isEqualTo(1);
        assertThat(recognizer.recognizeKeyValue("userId", 5147, 3)).isZero();
        assertThat(recognizer.recognizeKeyValue(null, 5147, 3)).isZero();
        assertThat(recognizer.recognizeKeyValue("code", "abc", 3)).isZero();
        assertThat(counts.errorCount()).isEqualTo(2);
    }

    @Test
    void templatesResolvePlaceholders() {
        assertThat(recognizer.recognizeTemplate("login user={} code={}", new Object[] {"u1", 5146}, 3)).isEqualTo(1);
        assertThat(counts.count(5146)).isEqualTo(1);
    }

    @Test
    void capOutOfRangeIsRejected() {
        assertThatThrownBy(() -> new ErrorRecognizer(CodeScanner.defaults(), CodeRange.defaultRange(), counts, 0))
                .hasMessageContaining("maxCodesPerEvent 0");
    }
}
