package dev.dcerrors.logback;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.Logger;
import dev.dcerrors.core.ErrorCounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class DevCenterErrorAppenderTest {

    private LoggingSetup setup;

    @AfterEach
    void stop() {
        MDC.clear();
        if (setup != null) {
            setup.stop();
        }
    }

    @Test
    void countsFormattedEventsBehindAnAsyncAppender() throws Exception {
        setup = new LoggingSetup("async-appender.xml");
        assertThat(setup.errors()).isEmpty();
        Logger log = setup.logger("async");
        for (int i = 0; i < 1000; i++) {
            log.info("response {}", "{\"code\":5147,\"msg\":\"locked\"}");
        }
        log.atInfo().addKeyValue("code", 5148).log("blocked");
        MDC.put("responseCode", "5325");
        log.info("abnormal access");
        MDC.remove("responseCode");
        log.debug("code=5000 at a disabled level");
        AsyncAppender async = (AsyncAppender) setup.logger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender("ASYNC");
        async.stop(); // drains the queue
        assertThat(setup.counts.count(5147)).isEqualTo(1000);
        assertThat(setup.counts.count(5148)).isEqualTo(1);
        assertThat(setup.counts.count(5325)).isEqualTo(1);
        assertThat(setup.counts.count(5000)).isZero();
        assertThat(setup.list("LIST").list).hasSize(1002);
    }

    private DevCenterErrorAppender appender(String name) {
        return (DevCenterErrorAppender) setup.logger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender(name);
    }

    @Test
    void appenderDefersToATurboFilterCountingIntoTheSameCounts() {
        setup = new LoggingSetup("turbo-and-appender.xml");
        assertThat(setup.errors()).isEmpty();
        assertThat(appender("DC").isStarted()).as("the appender started and would count on its own").isTrue();
        setup.logger("both").info("{\"code\":5147,\"msg\":\"locked\"}");
        assertThat(setup.counts.count(5147)).isEqualTo(1);
    }

    @Test
    void anAppenderWithCountsOfItsOwnCountsBesideTheTurboFilter() {
        LoggingSetup s = setup();
        ErrorCounts appenderCounts = LogbackCounts.named(s.context, s.countsName + "-appender");
        setup.configure("turbo-and-appender-own-counts.xml", java.util.Map.of());
        assertThat(setup.errors()).isEmpty();
        setup.logger("both").info("{\"code\":5147,\"msg\":\"locked\"}");
        setup.logger("both").info("{\"code\":5148,\"msg\":\"blocked\"}");
        assertThat(setup.counts.count(5147)).as("the turbo filter's counts").isEqualTo(1);
        assertThat(appenderCounts.count(5147)).as("the appender's own counts").isEqualTo(1);
        assertThat(appenderCounts.count(5148)).isEqualTo(1);
    }

    @Test
    void anAppenderAloneCountsWhatTheTurboFilterWould() {
        setup = LoggingSetup.fromXml("<configuration>\n"
                + "  <appender name=\"DC\" class=\"dev.dcerrors.logback.DevCenterErrorAppender\">\n"
                + "    <counts>${countsName}</counts>\n"
                + "    <extraKey>errorCode</extraKey>\n"
                + "  </appender>\n"
                + "  <root level=\"INFO\"><appender-ref ref=\"DC\"/></root>\n"
                + "</configuration>\n");
        Logger log = setup.logger("alone");
        log.info("login code={}", 5147);
        log.info("response {}", "{\"errorCode\":5148,\"msg\":\"blocked\"}");
        log.error("call failed", new IllegalStateException("upstream answered code=5000"));
        assertThat(setup.counts.count(5147)).isEqualTo(1);
        assertThat(setup.counts.count(5148)).isEqualTo(1);
        assertThat(setup.counts.count(5000)).isEqualTo(1);
    }

    /** The recognition elements are declared once ({@link RecognizerOptionsElements}); Joran finds every one on both components. */
    @Test
    void everyRecognitionElementIsTakenByTheTurboFilterAndTheAppenderAlike() {
        LoggingSetup s = setup();
        s.configure("every-element.xml", java.util.Map.of());
        assertThat(s.statusMessages(ch.qos.logback.core.status.Status.WARN)).as("no element ignored or refused").isEmpty();
        DevCenterErrorTurboFilter filter = (DevCenterErrorTurboFilter) s.context.getTurboFilterList().get(0);
        DevCenterErrorAppender appender = (DevCenterErrorAppender) s.context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender("DC");
        for (dev.dcerrors.core.RecognizerOptions options : java.util.List.of(filter.recognizerOptions(), appender.recognizerOptions())) {
            assertThat(options.getMaxScanChars()).isEqualTo(4096);
            assertThat(options.getMaxCodesPerEvent()).isEqualTo(3);
            assertThat(options.getErrorCodeRange()).isEqualTo("4000-4999,7001");
            assertThat(options.getExtraKeys()).containsExactly("errorCode", "err_code");
            assertThat(options.getMessageKeys()).containsExactly("errorMessage", "detail");
            assertThat(options.isIgnoreKeyCase()).isTrue();
            assertThat(options.getScanArguments()).isEqualTo("strings");
            assertThat(options.isScanThrowables()).isTrue();
            assertThat(options.getCatalog()).isEqualTo("classpath:extra-codes.tsv");
            assertThat(options.getMaxUnknownCodes()).isEqualTo(7);
        }
        assertThat(filter.isCounting()).isTrue();
        assertThat(appender.isStarted()).isTrue();
        assertThat(filter.counts()).isSameAs(LogbackCounts.named(s.context, s.countsName + "-filter"));
        assertThat(filter.counts().maxUnknownCodes()).isEqualTo(7);
        assertThat(appender.counts()).isSameAs(LogbackCounts.named(s.context, s.countsName + "-appender"));
        assertThat(appender.counts().maxUnknownCodes()).isEqualTo(7);
        s.logger("every").info("{\"ERRORCODE\":5147,\"Detail\":\"locked\"}");
        assertThat(filter.counts().count(5147)).as("the filter's keys and key case").isEqualTo(1);
        assertThat(appender.counts().count(5147)).as("the appender's, beside it").isEqualTo(1);
    }

    private LoggingSetup setup() {
        setup = LoggingSetup.empty();
        return setup;
    }

    @Test
    void appenderWithABadOptionDoesNotStart() {
        setup = LoggingSetup.fromXml("<configuration>\n"
                + "  <appender name=\"DC\" class=\"dev.dcerrors.logback.DevCenterErrorAppender\">\n"
                + "    <counts>${countsName}</counts>\n"
                + "    <errorCodeRange>9-1</errorCodeRange>\n"
                + "  </appender>\n"
                + "  <root level=\"INFO\"><appender-ref ref=\"DC\"/></root>\n"
                + "</configuration>\n");
        assertThat(setup.errors()).anySatisfy(m -> assertThat(m).contains("<errorCodeRange> '9-1'"));
        setup.logger("bad").info("{\"code\":5147,\"msg\":\"locked\"}");
        assertThat(setup.counts.count(5147)).isZero();
    }
}
