package dev.dcerrors.cli.input;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JsonLineTest {

    private static int inspect(String line) {
        return JsonLine.inspect(line, 0, line.length(), false);
    }

    @Test
    void aQuoteAfterAnOddRunOfBackslashesIsEscapedAndAfterAnEvenRunEndsTheString() {
        // "a" holds x\"} (an escaped quote and a brace): the record still has its level and message keys
        String escaped = "{\"a\":\"x\\\"}\",\"level\":\"INFO\",\"message\":\"m\"}";
        // "a" holds x\\ (an escaped backslash), so the quote after it closes the string
        String evenRun = "{\"a\":\"x\\\\\",\"level\":\"INFO\",\"message\":\"m\"}";

        assertThat(inspect(escaped)).isEqualTo(JsonLine.OBJECT | JsonLine.LEVEL | JsonLine.MESSAGE);
        assertThat(inspect(evenRun)).isEqualTo(JsonLine.OBJECT | JsonLine.LEVEL | JsonLine.MESSAGE);
        assertThat(JsonLine.isRecord(inspect(escaped), false)).isTrue();
    }

    @Test
    void aStringLeftOpenIsNoObjectUnlessTheLineWasCut() {
        String open = "{\"message\":\"m\",\"level\":\"x\\\"}";

        assertThat(inspect(open)).isZero();
        assertThat(JsonLine.inspect(open, 0, open.length(), true) & JsonLine.OBJECT).isEqualTo(JsonLine.OBJECT);
    }

    @Test
    void aStringBuilderIsReadAsAStringIs() {
        String line = "{\"a\":\"x\\\\\\\"\",\"@timestamp\":\"2024-05-01T10:00:00Z\",\"message\":\"{\\\"code\\\":5005}\"}";

        assertThat(JsonLine.inspect(new StringBuilder(line), 0, line.length(), false)).isEqualTo(inspect(line))
                .isEqualTo(JsonLine.OBJECT | JsonLine.AT_TIMESTAMP | JsonLine.MESSAGE);
    }
}
