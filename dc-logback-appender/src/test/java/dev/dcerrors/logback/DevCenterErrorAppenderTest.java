package dev.dcerrors.logback;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.Logger;
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

    @Test
    void appenderDefersToATurboFilterCountingIntoTheSameCounts() {
        setup = new LoggingSetup("turbo-and-appender.xml");
        setup.logger("both").info("{\"code\":5147}");
        assertThat(setup.counts.count(5147)).isEqualTo(1);
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
        setup.logger("bad").info("{\"code\":5147}");
        assertThat(setup.counts.count(5147)).isZero();
    }
}
