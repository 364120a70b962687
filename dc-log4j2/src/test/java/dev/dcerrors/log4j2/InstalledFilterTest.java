package dev.dcerrors.log4j2;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dcerrors.core.ErrorRecognizer;
import dev.dcerrors.core.RecognizerOptions;
import org.junit.jupiter.api.Test;

/** The filter installed by code into a running context, as the Spring Boot starter installs it. */
class InstalledFilterTest {

    private static final RecognizerOptions.Reporter FAIL = new RecognizerOptions.Reporter() {
        @Override
        public void error(RecognizerOptions.Option option, String message) {
            throw new AssertionError(option + ": " + message);
        }

        @Override
        public void warn(RecognizerOptions.Option option, String message) {
            throw new AssertionError(option + ": " + message);
        }
    };

    private static ErrorRecognizer recognizer(Log4j2Setup setup, RecognizerOptions options) {
        options.setCounts(setup.countsName);
        return options.build(Log4j2Counts.in(setup.context), FAIL);
    }

    @Test
    void installedByCodeItCountsAcrossReconfigurationsUntilUninstalled() {
        try (Log4j2Setup setup = Log4j2Setup.of("no-filter.xml")) {
            RecognizerOptions options = new RecognizerOptions();
            options.addExtraKey("errorCode");
            InstalledFilter installed = InstalledFilter.install(setup.context, options, recognizer(setup, options), false);
            assertThat(installed).isNotNull();
            org.apache.logging.log4j.Logger log = setup.logger("app");
            log.info("response {}", Corpus.LOCKED);
            setup.slf4j("app").atInfo().addKeyValue("errorCode", 5146).log("login failed"); // a fluent pair under the extra key
            setup.context.reconfigure();
            assertThat(setup.filter()).isSameAs(installed.filter());
            log.info("response {}", Corpus.LOCKED);
            log.debug("response {}", Corpus.LOCKED);
            assertThat(setup.counts.count(5147)).isEqualTo(2);
            assertThat(setup.counts.count(5146)).isEqualTo(1);
            installed.uninstall();
            log.info("response {}", Corpus.LOCKED);
            setup.context.reconfigure();
            log.info("response {}", Corpus.LOCKED);
            assertThat(setup.counts.count(5147)).isEqualTo(2);
            assertThat(setup.context.getConfiguration().getFilter()).isNull();
        }
    }

    @Test
    void aConfigurationThatDeclaresTheFilterForTheSameCountsKeepsItsOwnAndNothingCountsTwice() {
        try (Log4j2Setup setup = Log4j2Setup.of("sync.xml")) {
            RecognizerOptions options = new RecognizerOptions();
            assertThat(InstalledFilter.install(setup.context, options, recognizer(setup, options), false)).isNull();
            setup.logger("app").info("response {}", Corpus.LOCKED);
            setup.context.reconfigure();
            setup.logger("app").info("response {}", Corpus.LOCKED);
            assertThat(setup.counts.count(5147)).isEqualTo(2);
        }
    }
}
