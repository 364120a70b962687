package dev.dcerrors.logback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.status.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.MarkerFactory;

class DevCenterErrorTurboFilterTest {

    private static final String LOCKED = "{\"code\":5147,\"msg\":\"Your account has been temporarily locked.\",\"data\":null,\"extMsg\":null}";

    private final List<LoggingSetup> setups = new ArrayList<>();

    private LoggingSetup setup(String resource) {
        LoggingSetup setup = new LoggingSetup(resource);
        setups.add(setup);
        return setup;
    }

    @AfterEach
    void stopContexts() {
        setups.forEach(LoggingSetup::stop);
    }

    @Test
    void oneLineConfigurationStartsWithoutStatusErrors() {
        LoggingSetup s = setup("turbo-filter.xml");
        assertThat(s.errors()).isEmpty();
        assertThat(s.turboFilters()).isEqualTo(1);
        assertThat(s.context.getTurboFilterList().get(0).isStarted()).isTrue();
    }

    @Test
    void classicApiCallsWithAnyNumberOfArgumentsAreCounted() {
        LoggingSetup s = setup("turbo-filter.xml");
        Logger log = s.logger("api");
        log.info(LOCKED);                                            // format only
        log.info("response {}", LOCKED);                             // 1 argument
        log.info("user {} response {}", "13800000000", LOCKED);      // 2 arguments
        log.info("{} {} {}", "a", "b", LOCKED);                       // 3 arguments
        log.info("{} {} {} {}", "a", "b", "c", LOCKED);               // 4 arguments
        log.info("login failed code={} user={}", 5147, "u1");        // placeholder value
        log.info("Result(code=5032, msg=Token verification is failed.)");
        log.info("{\"code\":200,\"msg\":\"ok\"}");
        assertThat(s.counts.count(5147)).isEqualTo(6);
        assertThat(s.counts.count(5032)).isEqualTo(1);
        assertThat(s.counts.successCount()).isEqualTo(1);
    }

    @Test
    void fluentApiCallsAreCountedOnceWithKeyValuePairs() {
        LoggingSetup s = setup("turbo-filter.xml");
        Logger log = s.logger("fluent");
        log.atInfo().addKeyValue("code", 5147).log("login");
        log.atInfo().addKeyValue("code", "5148").addKeyValue("user", "u1").log("blocked");
        log.atWarn().setMessage("response {}").addArgument(LOCKED).log();
        log.atInfo().addKeyValue("userId", 5147).log("not a code key");
        log.atDebug().addKeyValue("code", 5147).log("disabled level");
        assertThat(s.counts.count(5147)).isEqualTo(2);
        assertThat(s.counts.count(5148)).isEqualTo(1);
        assertThat(s.list("LIST").list).hasSize(4);
    }

    @Test
    void disabledLevelsAndProbesAreNotCountedByDefault() {
        LoggingSetup s = setup("turbo-filter.xml");
        Logger log = s.logger("levels");
        log.debug(LOCKED);
        log.trace("response {}", LOCKED);
        for (int i = 0; i < 10; i++) {
            assertThat(log.isInfoEnabled()).isTrue();
            assertThat(log.isDebugEnabled()).isFalse();
        }
        assertThat(s.counts.count(5147)).isZero();
        log.error(LOCKED);
        assertThat(s.counts.count(5147)).isEqualTo(1);
    }

    @Test
    void optionsChangeWhatIsCounted() {
        LoggingSetup s = setup("turbo-filter-options.xml");
        assertThat(s.errors()).isEmpty();
        Logger log = s.logger("options");
        log.debug(LOCKED);                                                  // includeDisabledLevels
        log.info("result {}", new Object() {
            @Override
            public String toString() {
                return "Result(errorCode=5148, msg=blocked)";                            // scanArguments=all, extraKey
            }
        });
        log.info("call failed", new IllegalStateException("upstream answered {\"err_code\":4026,\"msg\":\"Gateway timeout.\"}")); // scanThrowables, catalog
        log.info("code=7050 code=6000");                                     // errorCodeRange
        log.info("code=5001 code=5002 code=5003");                          // maxCodesPerEvent=2
        assertThat(s.counts.count(5147)).isEqualTo(1);
        assertThat(s.counts.count(5148)).isEqualTo(1);
        assertThat(s.counts.count(4026)).isEqualTo(1);
        assertThat(s.counts.catalog().find(4026)).isNotNull();
        assertThat(s.counts.count(7050)).isEqualTo(1);
        assertThat(s.counts.count(6000)).isZero();
        assertThat(s.counts.count(5001) + s.counts.count(5002) + s.counts.count(5003)).isEqualTo(2);
    }

    @Test
    void severalAppendersCountEachCallOnce() {
        LoggingSetup s = setup("turbo-filter.xml");
        s.logger("x").warn(LOCKED);
        assertThat(s.list("LIST").list).hasSize(1);
        assertThat(s.list("LIST3").list).hasSize(1);
        assertThat(s.counts.count(5147)).isEqualTo(1);
    }

    @Test
    void markersAndThrowablesWithoutACodeDoNotChangeCounting() {
        LoggingSetup s = setup("turbo-filter.xml");
        Logger log = s.logger("m");
        log.warn(MarkerFactory.getMarker("SECURITY"), "response {}", LOCKED);
        log.error("platform error " + "{\"code\":5000,\"msg\":\"Service exception.\"}", new RuntimeException("boom"));
        log.error("with throwable argument {}", LOCKED, new RuntimeException("boom"));
        assertThat(s.counts.count(5147)).isEqualTo(2);
        assertThat(s.counts.count(5000)).isEqualTo(1);
    }

    @Test
    void aThrowablesMessageAndItsCausesAreReadByDefault() {
        LoggingSetup s = setup("turbo-filter.xml");
        Logger log = s.logger("m");
        log.error("call failed", new IllegalStateException("wrapped", new RuntimeException("DC answered code=5148")));
        log.error("call failed", new RuntimeException("the frames are not read"));
        assertThat(s.counts.count(5148)).isEqualTo(1);
        assertThat(s.counts.errorCount()).isEqualTo(1);
    }

    @Test
    void scanThrowablesFalseReadsNoThrowable() {
        LoggingSetup s = LoggingSetup.fromXml("<configuration><turboFilter class=\"dev.dcerrors.logback.DevCenterErrorTurboFilter\">"
                + "<counts>${countsName}</counts><scanThrowables>false</scanThrowables></turboFilter><root level=\"INFO\"/></configuration>");
        Logger log = s.logger("m");
        log.error("call failed", new RuntimeException("code=5148 in the exception is not scanned when off"));
        log.error("call {} failed", "u1", new RuntimeException("code=5148 in the exception argument either"));
        assertThat(s.counts.count(5148)).isZero();
        s.stop();
    }

    @Test
    void logOutputIsTheSameWithAndWithoutTheFilter() {
        LoggingSetup with = setup("turbo-filter.xml");
        LoggingSetup without = setup("no-filter.xml");
        for (LoggingSetup s : List.of(with, without)) {
            Logger log = s.logger("same");
            log.info(LOCKED);
            log.warn("user {} code={}", "u", 5147);
            log.atInfo().addKeyValue("code", 5148).log("kv");
            log.debug("dropped {}", LOCKED);
            log.error("failed", new IllegalStateException("x"));
        }
        List<ILoggingEvent> a = with.list("LIST").list;
        List<ILoggingEvent> b = without.list("LIST").list;
        assertThat(a).hasSameSizeAs(b);
        for (int i = 0; i < a.size(); i++) {
            assertThat(a.get(i).getFormattedMessage()).isEqualTo(b.get(i).getFormattedMessage());
            assertThat(a.get(i).getLevel()).isEqualTo(b.get(i).getLevel());
            assertThat(String.valueOf(a.get(i).getKeyValuePairs())).isEqualTo(String.valueOf(b.get(i).getKeyValuePairs()));
        }
    }

    /** A logback.xml with the turbo filter given one option, and a list appender. */
    static String filterWithOption(String option, String value) {
        return "<configuration>\n"
                + "  <turboFilter class=\"dev.dcerrors.logback.DevCenterErrorTurboFilter\">\n"
                + "    <counts>${countsName}</counts>\n"
                + "    <" + option + ">" + value + "</" + option + ">\n"
                + "  </turboFilter>\n"
                + "  <appender name=\"LIST\" class=\"ch.qos.logback.core.read.ListAppender\"/>\n"
                + "  <root level=\"INFO\"><appender-ref ref=\"LIST\"/></root>\n"
                + "</configuration>\n";
    }

    @ParameterizedTest(name = "<{0}>{1}")
    @CsvSource(delimiter = '|', value = {
        "maxScanChars|-1|<maxScanChars> -1 is not a length",
        "maxCodesPerEvent|0|<maxCodesPerEvent> 0 is out of range",
        "errorCodeRange|5999-4000|<errorCodeRange> '5999-4000'",
        "errorCodeRange|40x0|<errorCodeRange> '40x0'",
        "extraKey|error code|<extraKey> key 'error code' is not a key",
        "scanArguments|everything|<scanArguments> 'everything' is not a mode",
        "catalog|/nonexistent/codes.tsv|<catalog> '/nonexistent/codes.tsv'",
        "catalog|classpath:bad-catalog-row.tsv|bad-catalog-row.tsv:2",
        "catalog|classpath:no-such.tsv|no such resource",
        "catalog|classpath:bad-catalog-category.tsv|unknown category 'login'",
        "maxScanChars|0|<maxScanChars> 0 is not a length",
        "maxCodesPerEvent|100000|<maxCodesPerEvent> 100000 is out of range",
    })
    void badOptionsAreReportedByElementAndTheFilterStaysHarmless(String option, String value, String expected) {
        LoggingSetup s = LoggingSetup.fromXml(filterWithOption(option, value));
        setups.add(s);
        assertThat(s.errors()).anySatisfy(m -> assertThat(m).contains(expected));
        assertThat(s.errors()).anySatisfy(m -> assertThat(m).contains("not started"));
        Logger log = s.logger("bad");
        assertThatCode(() -> log.info(LOCKED)).doesNotThrowAnyException();
        assertThat(s.list("LIST").list).hasSize(1);
        assertThat(s.counts.count(5147)).isZero();
    }

    @Test
    void badArgumentsAreSkippedAndReportedOnce() {
        LoggingSetup s = LoggingSetup.fromXml(filterWithOption("scanArguments", "all"));
        setups.add(s);
        Logger log = s.logger("robust");
        Object throwing = new Object() {
            @Override
            public String toString() {
                throw new IllegalStateException("toString failed");
            }
        };
        Object returnsNull = new Object() {
            @Override
            public String toString() {
                return null;
            }
        };
        Object recursive = new Object() {
            @Override
            public String toString() {
                log.info("nested {}", this);
                return "{\"code\":5148,\"msg\":\"blocked\"}";
            }
        };
        String huge = "x".repeat(50 * 1024 * 1024) + LOCKED;
        for (int i = 0; i < 3; i++) {
            assertThatCode(() -> log.info("arg {}", throwing)).doesNotThrowAnyException();
        }
        assertThatCode(() -> log.info("arg {} {}", returnsNull, LOCKED)).doesNotThrowAnyException();
        assertThatCode(() -> log.info("arg {}", recursive)).doesNotThrowAnyException();
        assertThatCode(() -> log.info("huge {}", huge)).doesNotThrowAnyException();
        assertThat(s.counts.count(5147)).isEqualTo(1); // the huge argument's code lies past the scan limit
        assertThat(s.counts.count(5148)).isGreaterThanOrEqualTo(1);
        assertThat(s.statusMessages(Status.WARN)).filteredOn(m -> m.contains("toString() threw")).hasSize(1);
    }

    @Test
    @Tag("slow")
    void countsAreExactWithEightThreadsLogging() throws Exception {
        LoggingSetup s = setup("no-filter.xml");
        s.reconfigure("turbo-filter.xml");
        Logger log = s.logger("concurrent");
        s.context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).detachAndStopAllAppenders();
        int threads = 8;
        int perThread = 25_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            futures.add(pool.submit(() -> {
                go.await();
                for (int i = 0; i < perThread; i++) {
                    if (i % 2 == 0) {
                        log.info("response {}", LOCKED);
                    } else {
                        log.atInfo().addKeyValue("code", 200).log("ok");
                    }
                }
                return null;
            }));
        }
        go.countDown();
        for (Future<?> f : futures) {
            f.get(2, TimeUnit.MINUTES);
        }
        pool.shutdown();
        assertThat(s.counts.count(5147)).isEqualTo(threads * perThread / 2);
        assertThat(s.counts.successCount()).isEqualTo(threads * perThread / 2);
    }

    @Test
    void resetAndReconfigureKeepOneFilterAndTheCounts() {
        LoggingSetup s = setup("turbo-filter.xml");
        s.logger("r").info(LOCKED);
        for (int i = 0; i < 3; i++) {
            s.reconfigure("turbo-filter.xml");
            assertThat(s.turboFilters()).isEqualTo(1);
            s.logger("r").info(LOCKED);
        }
        assertThat(s.counts.count(5147)).isEqualTo(4);
    }

    @Test
    void theFilterCountsOnAcrossAResetUntilTheNewConfigurationIsRead() {
        LoggingSetup s = setup("turbo-filter.xml");
        s.context.reset();
        // Between reset() and the end of the new configuration the filter counts on: no gap.
        assertThat(s.turboFilters()).isEqualTo(1);
        s.logger("r").info(LOCKED);
        assertThat(s.counts.count(5147)).isEqualTo(1);
    }

    @Test
    void aReconfigurationTakesEffectOnTheCountingFilter() {
        LoggingSetup s = setup("turbo-filter.xml");
        s.logger("r").info("{\"errorCode\":5148,\"msg\":\"blocked\"}");
        assertThat(s.counts.count(5148)).isZero();
        s.reconfigure("turbo-filter-options.xml"); // declares extraKey errorCode
        assertThat(s.turboFilters()).isEqualTo(1);
        s.logger("r").info("{\"errorCode\":5148,\"msg\":\"blocked\"}");
        assertThat(s.counts.count(5148)).isEqualTo(1);
    }

    @Test
    void aConfigurationWithoutTheFilterRetiresIt() {
        LoggingSetup s = setup("turbo-filter.xml");
        s.reconfigure("no-filter.xml");
        assertThat(s.turboFilters()).isZero();
        s.logger("r").info(LOCKED);
        assertThat(s.counts.count(5147)).isZero();
        s.reconfigure("turbo-filter.xml");
        s.logger("r").info(LOCKED);
        assertThat(s.counts.count(5147)).isEqualTo(1);
    }

    @Test
    void runningTheSameConfigurationAgainWithoutResetDoesNotDoubleCount() {
        LoggingSetup s = setup("turbo-filter.xml");
        s.configure("turbo-filter.xml", java.util.Map.of());
        assertThat(s.turboFilters()).isEqualTo(1);
        s.logger("r").info(LOCKED);
        assertThat(s.counts.count(5147)).isEqualTo(1);
    }

    @Test
    void stoppedFilterCountsNothingAndRestartsCounting() {
        LoggingSetup s = setup("turbo-filter.xml");
        DevCenterErrorTurboFilter filter = (DevCenterErrorTurboFilter) s.context.getTurboFilterList().get(0);
        filter.stop();
        s.logger("st").info(LOCKED);
        assertThat(s.counts.count(5147)).isZero();
        filter.start();
        s.logger("st").info(LOCKED);
        assertThat(s.counts.count(5147)).isEqualTo(1);
    }

    /** A DTO's code getter is a class of its own: configured again with the same keys, recognition keeps its readers. */
    @Test
    void aFilterAndAnAppenderConfiguredAgainTakeOverTheReadersOfResponseObjectsWhenTheKeysAreTheSame() {
        LoggingSetup s = setup("turbo-and-appender.xml");
        Object filterReaders = readersOfTheCountingFilter(s);
        Object appenderReaders = readersOfTheAppender(s);
        s.reconfigure("turbo-and-appender.xml");
        assertThat(readersOfTheCountingFilter(s)).isSameAs(filterReaders);
        assertThat(readersOfTheAppender(s)).isSameAs(appenderReaders);
        s.reconfigure("turbo-filter-options.xml"); // other keys: errorCode, err_code
        assertThat(readersOfTheCountingFilter(s)).isNotSameAs(filterReaders);
    }

    private static Object readersOfTheCountingFilter(LoggingSetup s) {
        return org.assertj.core.util.introspection.PropertyOrFieldSupport.EXTRACTION.getValueOf("responseObjects",
                DevCenterErrorTurboFilter.countingIn(s.context, s.countsName).recognizer());
    }

    private static Object readersOfTheAppender(LoggingSetup s) {
        DevCenterErrorAppender appender = (DevCenterErrorAppender) s.context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender("DC");
        return org.assertj.core.util.introspection.PropertyOrFieldSupport.EXTRACTION.getValueOf("responseObjects", appender.recognizer());
    }

    @Test
    void stoppingTheContextRemovesAndStopsTheFilter() {
        LoggingSetup s = setup("turbo-filter.xml");
        DevCenterErrorTurboFilter filter = (DevCenterErrorTurboFilter) s.context.getTurboFilterList().get(0);
        s.context.stop();
        assertThat(s.turboFilters()).isZero();
        assertThat(filter.isStarted()).isFalse();
        assertThat(filter.isCounting()).isFalse();
    }

    @Test
    void aContextStoppedThenStartedAndConfiguredAgainCountsEachCallOnce() {
        LoggingSetup s = setup("turbo-filter.xml");
        s.logger("r").info(LOCKED);
        s.context.stop();
        s.context.start();
        s.configure("turbo-filter.xml", java.util.Map.of()); // no reset() in between
        assertThat(s.turboFilters()).isEqualTo(1);
        s.logger("r").info(LOCKED);
        assertThat(s.counts.count(5147)).isEqualTo(2);
    }

    @Test
    void stopAndStartCyclesLeaveOneSeatListeningToConfigurationEvents() throws ReflectiveOperationException {
        LoggingSetup s = setup("turbo-filter.xml");
        for (int i = 0; i < 5; i++) {
            s.context.stop();
            s.context.start();
            s.configure("turbo-filter.xml", java.util.Map.of());
        }
        // Logback offers no getter for these listeners; the field is read to prove none is left behind.
        java.lang.reflect.Field field = ch.qos.logback.core.ContextBase.class.getDeclaredField("configurationEventListenerList");
        field.setAccessible(true);
        assertThat((java.util.List<?>) field.get(s.context)).filteredOn(FilterSeat.class::isInstance).hasSize(1);
        s.logger("r").info(LOCKED);
        assertThat(s.counts.count(5147)).isEqualTo(1);
    }

    @Test
    void aFilterInstalledByCodeSurvivesAConfigurationThatDoesNotDeclareItUntilUninstalled() {
        LoggingSetup s = setup("no-filter.xml");
        dev.dcerrors.core.RecognizerOptions options = new dev.dcerrors.core.RecognizerOptions();
        options.setCounts(s.countsName);
        DevCenterErrorTurboFilter installed = DevCenterErrorTurboFilter.install(s.context, options, false);
        assertThat(installed).isNotNull();
        assertThat(DevCenterErrorTurboFilter.install(s.context, options, false)).as("not installed twice").isNull();
        s.reconfigure("no-filter.xml");
        assertThat(s.turboFilters()).isEqualTo(1);
        s.logger("i").info(LOCKED);
        assertThat(s.counts.count(5147)).isEqualTo(1);
        installed.uninstall();
        s.context.reset();
        assertThat(s.turboFilters()).as("an uninstalled filter is not put back by a reset").isZero();
        s.logger("i").info(LOCKED);
        assertThat(s.counts.count(5147)).isEqualTo(1);
    }

    @Test
    void installingWithABadOptionThrowsNamingIt() {
        LoggingSetup s = setup("no-filter.xml");
        dev.dcerrors.core.RecognizerOptions options = new dev.dcerrors.core.RecognizerOptions();
        options.setCounts(s.countsName);
        options.setMaxCodesPerEvent(0);
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> DevCenterErrorTurboFilter.install(s.context, options, false)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("<maxCodesPerEvent> 0 is out of range");
        assertThat(s.turboFilters()).isZero();
    }
}
