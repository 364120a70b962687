package dev.dcerrors.logback;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.turbo.DuplicateMessageFilter;
import ch.qos.logback.classic.turbo.MarkerFilter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.MarkerFactory;

/** Rules 5, 6 and 7 of recognition: one call counts each code once; the exception argument is read; other turbo filters hide nothing. */
class OneResponseOneCountTest {

    private LoggingSetup setup;

    @AfterEach
    void stop() {
        if (setup != null) {
            setup.stop();
        }
    }

    private static String config(String filterOptions, String before) {
        return "<configuration>" + before
                + "<turboFilter class=\"dev.dcerrors.logback.DevCenterErrorTurboFilter\"><counts>${countsName}</counts>" + filterOptions
                + "</turboFilter><root level=\"INFO\"/></configuration>";
    }

    private Logger configured(String filterOptions, String before) {
        setup = LoggingSetup.fromXml(config(filterOptions, before));
        assertThat(setup.errors()).isEmpty();
        return setup.logger("once");
    }

    @Test
    void aCodeLoggedTwiceInOneCallCountsOnce() {
        Logger log = configured("", "");
        log.warn("DC call failed code={} body={}", 5147, "{\"code\":5147,\"msg\":\"locked\"}");
        log.atWarn().addKeyValue("code", 5148).log("blocked {}", "{\"code\":5148,\"msg\":\"blocked\"}");
        log.info("ok code={} body={}", 200, "{\"code\":200,\"msg\":\"success\"}");
        assertThat(setup.counts.count(5147)).isEqualTo(1);
        assertThat(setup.counts.count(5148)).isEqualTo(1);
        assertThat(setup.counts.successCount()).as("at most one success per call").isEqualTo(1);
    }

    @Test
    void differentCodesInOneCallEachCountOnceUpToTheCap() {
        Logger log = configured("<maxCodesPerEvent>2</maxCodesPerEvent>", "");
        log.info("batch {} {} {} {}", "{\"code\":5001,\"msg\":\"a\"}", "{\"code\":5001,\"msg\":\"a\"}", "{\"code\":5002,\"msg\":\"b\"}",
                "{\"code\":5003,\"msg\":\"c\"}");
        assertThat(setup.counts.count(5001)).isEqualTo(1);
        assertThat(setup.counts.count(5002)).isEqualTo(1);
        assertThat(setup.counts.count(5003)).as("beyond two distinct codes").isZero();
    }

    @Test
    void theSameCodeInTwoCallsCountsTwice() {
        Logger log = configured("", "");
        log.info("{\"code\":5147,\"msg\":\"locked\"}");
        log.info("{\"code\":5147,\"msg\":\"locked\"}");
        assertThat(setup.counts.count(5147)).isEqualTo(2);
    }

    @Test
    void theExceptionPassedAsLastArgumentIsReadLikeTheThrowable() {
        Logger log = configured("", "");
        log.error("login {} failed", "u1", new IllegalStateException("DC answered code=5000"));
        log.error("login failed again code={}", 5000, new IllegalStateException("DC answered code=5000"));
        assertThat(setup.counts.count(5000)).as("once per call").isEqualTo(2);
    }

    @Test
    void aDuplicateMessageFilterDeclaredFirstDoesNotHideResponses() {
        Logger log = configured("", "<turboFilter class=\"ch.qos.logback.classic.turbo.DuplicateMessageFilter\">"
                + "<allowedRepetitions>0</allowedRepetitions></turboFilter>");
        assertThat(setup.context.getTurboFilterList().get(0)).isInstanceOf(DevCenterErrorTurboFilter.class);
        for (int i = 0; i < 5; i++) {
            log.warn("{\"code\":5147,\"msg\":\"locked\"}");
        }
        assertThat(setup.counts.count(5147)).isEqualTo(5);
    }

    @Test
    void aMarkerFilterThatDeniesDoesNotHideResponsesAndTheOrderHoldsAfterReconfiguration() {
        String before = "<turboFilter class=\"ch.qos.logback.classic.turbo.MarkerFilter\"><Marker>AUDIT</Marker>"
                + "<OnMatch>DENY</OnMatch></turboFilter>";
        Logger log = configured("", before);
        assertThat(setup.context.getTurboFilterList()).map(Object::getClass)
                .containsExactly(DevCenterErrorTurboFilter.class, MarkerFilter.class);
        log.info(MarkerFactory.getMarker("AUDIT"), "{\"code\":5148,\"msg\":\"blocked\"}");
        assertThat(setup.counts.count(5148)).isEqualTo(1);

        // scan="true" or Spring Boot: reset, then the same configuration, the MarkerFilter still declared first.
        setup.reconfigureXml(config("", before));
        assertThat(setup.errors()).isEmpty();
        assertThat(setup.context.getTurboFilterList()).map(Object::getClass)
                .containsExactly(DevCenterErrorTurboFilter.class, MarkerFilter.class);
        log.info(MarkerFactory.getMarker("AUDIT"), "{\"code\":5148,\"msg\":\"blocked\"}");
        assertThat(setup.counts.count(5148)).as("a denied call after the reconfiguration counts too").isEqualTo(2);
    }

    @Test
    void aDenyingFilterAddedByAReconfigurationGoesAfterTheCountingFilter() {
        Logger log = configured("", "");
        setup.reconfigureXml(config("", "<turboFilter class=\"ch.qos.logback.classic.turbo.DuplicateMessageFilter\">"
                + "<allowedRepetitions>0</allowedRepetitions></turboFilter>"));
        assertThat(setup.context.getTurboFilterList()).map(Object::getClass)
                .containsExactly(DevCenterErrorTurboFilter.class, DuplicateMessageFilter.class);
        for (int i = 0; i < 3; i++) {
            log.warn("{\"code\":5147,\"msg\":\"locked\"}");
        }
        assertThat(setup.counts.count(5147)).isEqualTo(3);
    }
}
