package dev.dcerrors.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CodeRangeTest {

    @Test
    void defaultRangeIsFourThousandToFiveThousandNineHundredNinetyNine() {
        CodeRange range = CodeRange.defaultRange();
        assertThat(range.contains(3999)).isFalse();
        assertThat(range.contains(4000)).isTrue();
        assertThat(range.contains(5999)).isTrue();
        assertThat(range.contains(6000)).isFalse();
        assertThat(range.toString()).isEqualTo("4000-5999");
    }

    @Test
    void listsOfCodesAndRangesAreMerged() {
        CodeRange range = CodeRange.parse(" 7000-7099 , 4007,4000-4010, 9 ");
        assertThat(range.contains(9)).isTrue();
        assertThat(range.contains(4005)).isTrue();
        assertThat(range.contains(4011)).isFalse();
        assertThat(range.contains(7050)).isTrue();
        assertThat(range).isEqualTo(CodeRange.parse("9,4000-4010,7000-7099"));
    }

    @Test
    void badRangesSayWhatFormIsExpected() {
        assertThatThrownBy(() -> CodeRange.parse("5999-4000")).hasMessageContaining("inverted").hasMessageContaining("e.g. '4000-5999'");
        assertThatThrownBy(() -> CodeRange.parse("")).hasMessageContaining("empty");
        assertThatThrownBy(() -> CodeRange.parse("4000-")).hasMessageContaining("is not a code");
        assertThatThrownBy(() -> CodeRange.parse("-5")).hasMessageContaining("is not a code");
        assertThatThrownBy(() -> CodeRange.parse("4000..5000")).hasMessageContaining("is not a code");
        assertThatThrownBy(() -> CodeRange.parse("1234567890")).hasMessageContaining("is not a code");
        assertThatThrownBy(() -> CodeRange.parse("4000,,5000")).hasMessageContaining("is not a code");
    }

    @Test
    void noneHoldsNothing() {
        assertThat(CodeRange.none().contains(4000)).isFalse();
    }
}
