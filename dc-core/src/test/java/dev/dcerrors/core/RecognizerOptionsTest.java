package dev.dcerrors.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RecognizerOptionsTest {

    /** Collects what a configuration reports, as "element: message". */
    private static final class Collected implements RecognizerOptions.Reporter {
        final List<String> errors = new ArrayList<>();
        final List<String> warnings = new ArrayList<>();

        @Override
        public void error(RecognizerOptions.Option option, String message) {
            errors.add(option.element() + ": " + message);
        }

        @Override
        public void warn(RecognizerOptions.Option option, String message) {
            warnings.add(option.element() + ": " + message);
        }
    }

    /** Where these tests name their counts: a directory of their own, as a Logback context or a Spring application has. */
    private final NamedCounts where = new NamedCounts();

    private static String uniqueCounts() {
        return "options-" + UUID.randomUUID();
    }

    @Test
    void defaultsBuildTheDefaultRecognizer() {
        RecognizerOptions options = new RecognizerOptions();
        Collected reporter = new Collected();
        ErrorRecognizer recognizer = options.build(where, reporter);
        assertThat(reporter.errors).isEmpty();
        assertThat(recognizer).isNotNull();
        assertThat(recognizer.counts()).isSameAs(ErrorCounts.shared());
        assertThat(recognizer.maxCodesPerEvent()).isEqualTo(16);
        assertThat(recognizer.argumentMode()).isEqualTo(ArgumentMode.ENVELOPES);
        assertThat(recognizer.scanThrowables()).isTrue();
    }

    @Test
    void everyOptionDeclaresTheDefaultTheBeanStartsWith() {
        RecognizerOptions options = new RecognizerOptions();
        for (RecognizerOptions.Option option : RecognizerOptions.Option.values()) {
            assertThat(options.valueOf(option)).as(option.element()).isEqualTo(option.defaultValue());
        }
        assertThat(options.getCatalog()).isNull();
    }

    @Test
    void valueOfReadsWhatTheSettersWrote() {
        RecognizerOptions options = new RecognizerOptions();
        options.setMaxScanChars(4096);
        options.setMaxCodesPerEvent(3);
        options.setErrorCodeRange("4000-4999,7001");
        options.addExtraKey("errorCode");
        options.addExtraKey("错误码");
        options.addMessageKey("detail");
        options.setIgnoreKeyCase(true);
        options.setScanArguments("all");
        options.setScanThrowables(true);
        options.setCatalog("classpath:extra.tsv");
        options.setCounts("payments");
        options.setMaxUnknownCodes(7);
        assertThat(java.util.Arrays.stream(RecognizerOptions.Option.values()).map(options::valueOf)).containsExactly(
                "4096", "3", "4000-4999,7001", "errorCode,错误码", "detail", "true", "all", "true", "classpath:extra.tsv", "payments", "7");
    }

    @Test
    void everyBadOptionIsReportedNamingTheOptionAndTheExpectedForm() {
        RecognizerOptions options = new RecognizerOptions();
        options.setMaxScanChars(0);
        options.setMaxCodesPerEvent(0);
        options.setErrorCodeRange("5999-4000");
        options.addExtraKey("error code");
        options.setScanArguments("everything");
        options.setCounts(" ");
        options.setMaxUnknownCodes(-1);
        options.setCatalog("/no/such/catalog.tsv");
        Collected reporter = new Collected();
        assertThat(options.build(where, reporter)).isNull();
        assertThat(reporter.errors).hasSize(8).anySatisfy(e -> assertThat(e).startsWith("maxScanChars: 0 is not a length: expected"))
                .anySatisfy(e -> assertThat(e).startsWith("maxCodesPerEvent: 0 is out of range: expected 1-1024"))
                .anySatisfy(e -> assertThat(e).startsWith("errorCodeRange: '5999-4000': inverted code range"))
                .anySatisfy(e -> assertThat(e).startsWith("extraKey: key 'error code' is not a key: expected"))
                .anySatisfy(e -> assertThat(e).startsWith("scanArguments: 'everything' is not a mode: expected envelopes"))
                .anySatisfy(e -> assertThat(e).startsWith("counts: must name a counts instance"))
                .anySatisfy(e -> assertThat(e).startsWith("maxUnknownCodes: -1 is out of range: expected 0-10000"))
                .anySatisfy(e -> assertThat(e).startsWith("catalog: '/no/such/catalog.tsv': ").contains("expected a file path"));
    }

    @Test
    void validateChangesNothing() {
        String name = uniqueCounts();
        RecognizerOptions options = new RecognizerOptions();
        options.setCounts(name);
        options.setMaxUnknownCodes(3);
        assertThat(options.validate(new Collected())).isTrue();
        assertThat(where.find(name)).as("not created by validate").isNull();
    }

    @Test
    void maxUnknownCodesAppliesWhenTheNamedCountsAreCreated() {
        String name = uniqueCounts();
        RecognizerOptions options = new RecognizerOptions();
        options.setCounts(name);
        options.setMaxUnknownCodes(3);
        Collected reporter = new Collected();
        ErrorRecognizer recognizer = options.build(where, reporter);
        assertThat(recognizer.counts().maxUnknownCodes()).isEqualTo(3);
        assertThat(reporter.warnings).isEmpty();
        OneCall.text(recognizer, "code=4001 code=4002 code=4003 code=4004", 16);
        assertThat(recognizer.counts().otherCount()).isEqualTo(1);
    }

    @Test
    void aDifferentMaxUnknownCodesForExistingCountsIsReportedNotIgnored() {
        String name = uniqueCounts();
        ErrorCounts existing = where.get(name, 5);
        RecognizerOptions options = new RecognizerOptions();
        options.setCounts(name);
        options.setMaxUnknownCodes(100);
        Collected reporter = new Collected();
        ErrorRecognizer recognizer = options.build(where, reporter);
        assertThat(recognizer).isNotNull();
        assertThat(recognizer.counts()).isSameAs(existing);
        assertThat(reporter.warnings).singleElement().asString()
                .startsWith("maxUnknownCodes: 100 cannot apply: the counts '" + name + "' exist already with 5");
    }

    @Test
    void theExtraCatalogIsAddedToTheCountsOnBuild() {
        String name = uniqueCounts();
        RecognizerOptions options = new RecognizerOptions();
        options.setCounts(name);
        options.setCatalog("classpath:dev/dcerrors/core/test-extra-codes.tsv");
        ErrorRecognizer recognizer = options.build(where, new Collected());
        assertThat(recognizer.counts().catalog().find(7001)).isNotNull();
        assertThat(recognizer.isResponseCode(7001)).isTrue();
    }

    @Test
    void countsMadeByTheCallerAreUsedAsTheyAreWithoutLookingTheNameUp() {
        RecognizerOptions options = new RecognizerOptions();
        options.setCatalog("classpath:dev/dcerrors/core/test-extra-codes.tsv");
        options.setMaxUnknownCodes(3);
        ErrorCounts own = new ErrorCounts(ErrorCatalog.builtIn(), 3);
        Collected reporter = new Collected();
        ErrorRecognizer recognizer = options.build(own, reporter);
        assertThat(recognizer.counts()).isSameAs(own).isNotSameAs(ErrorCounts.shared());
        assertThat(own.catalog().find(7001)).as("the extra catalog added").isNotNull();
        assertThat(reporter.warnings).isEmpty();
        options.setMaxUnknownCodes(4);
        options.build(own, reporter);
        assertThat(reporter.warnings).singleElement().asString().startsWith("maxUnknownCodes: 4 cannot apply: the counts 'unnamed' exist already with 3");
    }

    @Test
    void addingTheSameCatalogAgainKeepsTheCatalogObject() {
        String name = uniqueCounts();
        RecognizerOptions options = new RecognizerOptions();
        options.setCounts(name);
        options.setCatalog("classpath:dev/dcerrors/core/test-extra-codes.tsv");
        ErrorCatalog first = options.build(where, new Collected()).counts().catalog();
        assertThat(options.build(where, new Collected()).counts().catalog()).isSameAs(first);
    }

    @Test
    void argumentModesParseInAnyCaseAndSayWhatIsExpected() {
        assertThat(ArgumentMode.parse(" ALL ")).isEqualTo(ArgumentMode.ALL);
        assertThat(ArgumentMode.parse("none")).isEqualTo(ArgumentMode.NONE);
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> ArgumentMode.parse("some")))
                .hasMessage("'some' is not a mode: expected envelopes (text, and response objects read through their accessors), "
                        + "strings (String and CharSequence arguments), all (others through toString()) or none");
    }
}
