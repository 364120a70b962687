package dev.dcerrors.log4j2;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dcerrors.core.ErrorCounts;
import dev.dcerrors.core.RecognizerOptions;
import dev.dcerrors.micrometer.DevCenterErrorMetrics;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.plugins.PluginBuilderAttribute;
import org.apache.logging.log4j.status.StatusData;
import org.apache.logging.log4j.status.StatusListener;
import org.apache.logging.log4j.status.StatusLogger;
import org.junit.jupiter.api.Test;

/** The element in log4j2.xml: found, its attributes, their problems, where it may stand, and the metrics it feeds. */
class ConfigurationTest {

    /** Collects what Log4j2's status logger reports at WARN and above while it is registered. */
    static final class StatusMessages implements StatusListener, AutoCloseable {
        final List<String> messages = Collections.synchronizedList(new ArrayList<>());

        StatusMessages() {
            StatusLogger.getLogger().registerListener(this);
        }

        @Override
        public void log(StatusData data) {
            messages.add(data.getLevel() + " " + data.getMessage().getFormattedMessage());
        }

        @Override
        public Level getStatusLevel() {
            return Level.WARN;
        }

        private boolean closed;

        /** Unregisters; the status logger calls this back when it removes the listener. */
        @Override
        public void close() {
            if (!closed) {
                closed = true;
                StatusLogger.getLogger().removeListener(this);
            }
        }

        List<String> mentioning(String text) {
            synchronized (messages) {
                return messages.stream().filter(m -> m.contains(text)).collect(Collectors.toList());
            }
        }
    }

    @Test
    void theElementIsFoundByLog4j2sPluginIndexWithoutAPackagesAttribute() throws Exception {
        try (Log4j2Setup setup = Log4j2Setup.of("sync.xml")) {
            assertThat(Log4j2Setup.xml("sync.xml")).doesNotContain("packages");
            assertThat(setup.filter().isCounting()).isTrue();
        }
        boolean indexed = false;
        for (URL index : Collections.list(getClass().getClassLoader().getResources("META-INF/org/apache/logging/log4j/core/config/plugins/Log4j2Plugins.dat"))) {
            try (InputStream in = index.openStream()) {
                indexed |= new String(in.readAllBytes(), StandardCharsets.ISO_8859_1).contains(DevCenterErrorFilter.class.getName());
            }
        }
        assertThat(indexed).as("the plugin index written by Log4j2's annotation processor names the filter").isTrue();
    }

    @Test
    void theAttributesAreTheOptionsOfTheLogbackFilterUnderTheSameNames() {
        Set<String> attributes = new TreeSet<>();
        for (Field field : DevCenterErrorFilter.Builder.class.getDeclaredFields()) {
            PluginBuilderAttribute attribute = field.getAnnotation(PluginBuilderAttribute.class);
            if (attribute != null) {
                attributes.add(attribute.value());
            }
        }
        Set<String> options = new TreeSet<>();
        for (RecognizerOptions.Option option : RecognizerOptions.Option.values()) {
            options.add(option.element());
        }
        options.add("includeDisabledLevels");
        assertThat(attributes).isEqualTo(options);
    }

    @Test
    void unknownAttributesAndBadValuesAreReportedNamingTheAttributeAndLoggingGoesOn() {
        try (StatusMessages status = new StatusMessages(); Log4j2Setup setup = Log4j2Setup.of("bad-attributes.xml")) {
            assertThat(status.mentioning("colour")).isNotEmpty();
            assertThat(status.mentioning("DevCenterErrorFilter attribute maxScanChars")).singleElement().asString().contains("'lots'");
            assertThat(status.mentioning("DevCenterErrorFilter attribute scanArguments")).singleElement().asString().contains("everything");
            assertThat(status.mentioning("DevCenterErrorFilter attribute includeDisabledLevels")).singleElement().asString().contains("maybe");
            assertThat(setup.filter().isCounting()).isFalse();
            setup.logger("app").info(Corpus.LOCKED);
            assertThat(setup.loggedLines()).containsExactly(Corpus.LOCKED);
            assertThat(setup.counts.count(5147)).isZero();
        }
    }

    @Test
    void theOptionsAsAttributesTakeEffect() {
        try (Log4j2Setup setup = Log4j2Setup.of("throwables.xml")) {
            org.apache.logging.log4j.Logger log = setup.logger("app");
            log.error("login failed", new IllegalStateException("upstream said " + Corpus.LOCKED)); // scanThrowables
            log.error("login failed", new RuntimeException("wrapped", new IllegalStateException(Corpus.ATTEMPTS))); // a cause
            log.info("{\"errorCode\":5148,\"msg\":\"The current IP address is blocked.\"}");   // extraKey
            log.info("{\"err_code\":5000,\"msg\":\"Service exception.\"}");
            log.debug(Corpus.LOCKED);                                                          // includeDisabledLevels
            log.atDebug().log(Corpus.LOCKED);                                                  // the fluent builder too
            setup.slf4j("app").atInfo().addKeyValue("errorCode", "5148").log("blocked");     // a fluent pair under an extra key
            assertThat(setup.counts.count(5147)).isEqualTo(3);
            assertThat(setup.counts.count(5146)).isEqualTo(1);
            assertThat(setup.counts.count(5148)).isEqualTo(2);
            assertThat(setup.counts.count(5000)).isEqualTo(1);
            assertThat(setup.loggedLines()).doesNotContain(Corpus.LOCKED); // counted, not logged: the level still applies
        }
    }

    @Test
    void declaredInsideALoggerOrAnAppenderItCountsNothingAndSaysSo() {
        try (StatusMessages status = new StatusMessages(); Log4j2Setup setup = Log4j2Setup.of("misplaced.xml")) {
            setup.logger("app").info(Corpus.LOCKED);
            setup.logger("app").info(Corpus.LOCKED);
            assertThat(setup.counts.count(5147)).isZero();
            assertThat(setup.loggedLines()).containsExactly(Corpus.LOCKED, Corpus.LOCKED);
            assertThat(status.mentioning("directly under <Configuration>")).isNotEmpty();
        }
    }

    @Test
    void declaredAfterAnotherContextWideFilterItSaysSoAndCountsWhatReachesIt() {
        try (StatusMessages status = new StatusMessages(); Log4j2Setup setup = Log4j2Setup.of("second-filter.xml")) {
            assertThat(status.mentioning("is not the first context-wide filter")).singleElement().asString().contains("MarkerFilter");
            setup.logger("app").info(Corpus.LOCKED);
            setup.logger("app").info(org.apache.logging.log4j.MarkerManager.getMarker("NOISE"), Corpus.LOCKED);
            assertThat(setup.counts.count(5147)).isEqualTo(1);
        }
    }

    @Test
    void theBinderExportsWhatTheFilterCountedIntoTheSharedCounts() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (DevCenterErrorMetrics metrics = new DevCenterErrorMetrics(); Log4j2Setup setup = Log4j2Setup.of("shared.xml")) {
            metrics.bindTo(registry);
            assertThat(setup.filter().counts()).isSameAs(ErrorCounts.shared());
            long before = ErrorCounts.shared().count(5148);
            setup.logger("app").warn("response {}", Corpus.BLOCKED);
            setup.slf4j("app").warn("response {}", Corpus.BLOCKED);
            assertThat(ErrorCounts.shared().count(5148)).isEqualTo(before + 2);
            FunctionCounter counter = null;
            for (int i = 0; i < 100 && (counter == null || counter.count() < before + 2); i++) {
                Thread.sleep(50); // published within DevCenterErrorMetrics.PUBLISHED_WITHIN
                counter = registry.find(DevCenterErrorMetrics.ERRORS).tag("code", "5148").functionCounter();
            }
            assertThat(counter).isNotNull();
            assertThat(counter.count()).isEqualTo(before + 2);
        }
    }

    @Test
    void theBinderExportsTheCountsNamedInTheLoggerContext() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (Log4j2Setup setup = Log4j2Setup.of("sync.xml");
                DevCenterErrorMetrics metrics = DevCenterErrorMetrics.builder().counts(Log4j2Counts.named(setup.context, setup.countsName)).build()) {
            metrics.bindTo(registry);
            assertThat(setup.filter().counts()).isSameAs(Log4j2Counts.named(setup.context, setup.countsName)).isNotSameAs(ErrorCounts.shared());
            setup.logger("app").warn("response {}", Corpus.BLOCKED);
            setup.context.reconfigure(); // a new filter, the same counts
            setup.logger("app").warn("response {}", Corpus.BLOCKED);
            FunctionCounter counter = null;
            for (int i = 0; i < 100 && (counter == null || counter.count() < 2); i++) {
                Thread.sleep(50); // published within DevCenterErrorMetrics.PUBLISHED_WITHIN
                counter = registry.find(DevCenterErrorMetrics.ERRORS).tag("code", "5148").functionCounter();
            }
            assertThat(counter).isNotNull();
            assertThat(counter.count()).isEqualTo(2);
        }
    }

    /** A response object whose accessor logs, as a lazy entity or an audited getter might. */
    public static final class LoggingResponse {
        private final org.apache.logging.log4j.Logger log;

        LoggingResponse(org.apache.logging.log4j.Logger log) {
            this.log = log;
        }

        public Integer getCode() {
            log.info("reading {} of {}", "code", Corpus.ATTEMPTS);
            return 5148;
        }

        public String getMsg() {
            return "The current IP address is blocked.";
        }
    }

    @Test
    void aCallMadeByAnAccessorWhileAnotherIsReadCountsItsOwnCodesAndLeavesTheOtherIntact() {
        try (Log4j2Setup setup = Log4j2Setup.of("sync.xml")) {
            org.apache.logging.log4j.Logger log = setup.logger("app");
            log.info("got {} then {}", new LoggingResponse(log), Corpus.LOCKED);
            assertThat(setup.counts.count(5148)).as("the accessor's object").isEqualTo(1);
            assertThat(setup.counts.count(5146)).as("the call the accessor made").isEqualTo(1);
            assertThat(setup.counts.count(5147)).as("the argument after the object, read after the nested call").isEqualTo(1);
        }
    }

    /** A response object whose getter throws, as a broken DTO or a lazy proxy might. */
    public static final class BrokenResponse {
        public Integer getCode() {
            throw new IllegalStateException("not loaded");
        }

        public String getMsg() {
            return "x";
        }

        @Override
        public String toString() {
            throw new IllegalStateException("no toString either");
        }
    }

    @Test
    void whatUserCodeThrowsStaysInsideTheFilterAndLoggingGoesOn() {
        try (StatusMessages status = new StatusMessages(); Log4j2Setup setup = Log4j2Setup.of("all-arguments.xml")) {
            org.apache.logging.log4j.Logger log = setup.logger("app");
            log.info("got {} and {}", new BrokenResponse(), Corpus.LOCKED);
            Throwable broken = new IllegalStateException() {
                @Override
                public String getMessage() {
                    throw new UnsupportedOperationException("no message");
                }
            };
            log.error("failed " + Corpus.ATTEMPTS, broken);
            assertThat(setup.counts.count(5147)).isEqualTo(1);
            assertThat(setup.counts.count(5146)).isEqualTo(1);
            assertThat(status.mentioning("DevCenterErrorFilter")).isNotEmpty();
        }
    }
}
