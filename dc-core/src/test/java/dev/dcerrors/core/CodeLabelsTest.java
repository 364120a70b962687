package dev.dcerrors.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CodeLabelsTest {

    @Test
    void aCatalogCodeCarriesItsEntry() {
        ErrorCode entry = ErrorCatalog.builtIn().find(5147);
        assertThat(CodeLabels.of(5147, ErrorCatalog.builtIn()))
                .isEqualTo(new CodeLabels("5147", entry.category(), entry.severity(), entry.message()));
    }

    @Test
    void aCodeOutsideTheCatalogIsAnUnknownError() {
        assertThat(CodeLabels.of(4026, ErrorCatalog.builtIn()))
                .isEqualTo(new CodeLabels("4026", ErrorCategory.UNKNOWN, ErrorSeverity.ERROR, ErrorCounts.UNKNOWN_MESSAGE));
    }

    @Test
    void anUnknownCodePastMaxUnknownCodesIsOtherWhereTheCountsPutIt() {
        ErrorCounts counts = new ErrorCounts(ErrorCatalog.builtIn(), 1);
        counts.recordResponse(4001);
        counts.recordResponse(4002);
        assertThat(CodeLabels.of(4001, counts).code()).as("it has its place").isEqualTo("4001");
        assertThat(CodeLabels.of(4002, counts)).isSameAs(CodeLabels.OTHER);
        assertThat(CodeLabels.OTHER).isEqualTo(new CodeLabels("other", ErrorCategory.UNKNOWN, ErrorSeverity.ERROR, ErrorCounts.OTHER_MESSAGE));
        assertThat(CodeLabels.of(5147, counts).code()).as("a catalog code never is").isEqualTo("5147");
    }
}
