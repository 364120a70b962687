package dev.dcerrors.logback;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.dcerrors.core.ErrorCode;
import dev.dcerrors.core.ErrorCounts;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

class ConvertersTest {

    private static PatternLayout layout(LoggingSetup setup, String pattern) {
        PatternLayout layout = new PatternLayout();
        layout.setContext(setup.context);
        layout.setPattern(pattern);
        layout.start();
        return layout;
    }

    @Test
    void conversionWordsPrintCodeCategoryAndSeverity() {
        LoggingSetup setup = new LoggingSetup("converters.xml");
        try {
            assertThat(setup.errors()).isEmpty();
            PatternLayout layout = layout(setup, "[%dcCode|%dcCategory|%dcSeverity] %msg");
            Logger log = setup.logger("conv");
            log.info("{\"code\":5147,\"msg\":\"locked\"}");
            log.info("Result(code=5021, msg=Input mobile number.)");
            log.info("{\"code\":4026,\"msg\":\"Gateway timeout.\"}");
            log.info("{\"code\":200,\"msg\":\"success\"}");
            log.info("no code here, productCode=5147");
            log.atInfo().addKeyValue("code", 5000).log("kv");
            List<String> lines = setup.list("LIST").list.stream().map(layout::doLayout).toList();
            assertThat(lines).containsExactly(
                    "[5147|security|critical] {\"code\":5147,\"msg\":\"locked\"}",
                    "[5021|account|info] Result(code=5021, msg=Input mobile number.)",
                    "[4026|unknown|error] {\"code\":4026,\"msg\":\"Gateway timeout.\"}",
                    "[200||] {\"code\":200,\"msg\":\"success\"}",
                    "[||] no code here, productCode=5147",
                    "[5000|platform|critical] kv");
        } finally {
            setup.stop();
        }
    }

    /** What the metrics would label the one code a log line added to the counts: "code|category|severity", or "||" for none. */
    private static String countedLabels(ErrorCounts counts, long successBefore, java.util.Map<Integer, Long> before, int... candidates) {
        if (counts.successCount() > successBefore) {
            return "200||";
        }
        for (int code : candidates) {
            if (counts.count(code) > before.getOrDefault(code, 0L)) {
                ErrorCode entry = counts.catalog().find(code);
                return entry == null ? code + "|unknown|error" : code + "|" + entry.category().label() + "|" + entry.severity().label();
            }
        }
        return "||";
    }

    @Test
    void printedLabelsEqualTheCountedLabelsWithExtraKeysAnExtraCatalogAndANamedCounts() {
        LoggingSetup setup = new LoggingSetup("converters-with-options.xml");
        try {
            assertThat(setup.errors()).isEmpty();
            PatternLayout layout = layout(setup, "%dcCode|%dcCategory|%dcSeverity");
            Logger log = setup.logger("conv");
            int[] candidates = {5147, 5148, 4026, 4007, 7150, 5000};
            String[] messages = {
                "{\"errorCode\":5147,\"msg\":\"locked\"}", // the extra key
                "{\"code\":4026,\"msg\":\"Gateway timeout.\"}", // a code the extra catalog adds: platform/error, not unknown
                "{\"errorCode\":4007,\"msg\":\"Token expired.\"}",
                "{\"code\":7150,\"msg\":\"x\"}", // in the configured range only
                "{\"code\":200,\"msg\":\"success\"}",
                "productCode=5148 and nothing else",
            };
            for (String message : messages) {
                java.util.Map<Integer, Long> before = new java.util.HashMap<>();
                for (int code : candidates) {
                    before.put(code, setup.counts.count(code));
                }
                long successBefore = setup.counts.successCount();
                log.info(message);
                List<ILoggingEvent> events = setup.list("LIST").list;
                String printed = layout.doLayout(events.get(events.size() - 1));
                assertThat(printed).as(message).isEqualTo(countedLabels(setup.counts, successBefore, before, candidates));
            }
        } finally {
            setup.stop();
        }
    }

    @Test
    void anUnknownCodeBeyondMaxUnknownCodesPrintsAsOtherLikeItsMetricLabel() {
        // Counts of a name no test created yet, so that <maxUnknownCodes> applies when the filter creates them.
        LoggingSetup setup = LoggingSetup.fromXml("<configuration>"
                + "<conversionRule conversionWord=\"dcCode\" class=\"dev.dcerrors.logback.CodeConverter\"/>"
                + "<conversionRule conversionWord=\"dcCategory\" class=\"dev.dcerrors.logback.CategoryConverter\"/>"
                + "<turboFilter class=\"dev.dcerrors.logback.DevCenterErrorTurboFilter\"><counts>${countsName}-bounded</counts>"
                + "<maxUnknownCodes>1</maxUnknownCodes></turboFilter>"
                + "<appender name=\"LIST\" class=\"ch.qos.logback.core.read.ListAppender\"/>"
                + "<root level=\"INFO\"><appender-ref ref=\"LIST\"/></root></configuration>");
        try {
            assertThat(setup.errors()).isEmpty();
            ErrorCounts bounded = LogbackCounts.named(setup.context, setup.countsName + "-bounded");
            assertThat(bounded.maxUnknownCodes()).as("<maxUnknownCodes> applied to the counts it created").isEqualTo(1);
            PatternLayout layout = layout(setup, "%dcCode{" + setup.countsName + "-bounded}|%dcCategory{" + setup.countsName + "-bounded}");
            Logger log = setup.logger("conv");
            log.info("{\"code\":4444,\"msg\":\"first unknown\"}");
            log.info("{\"code\":4445,\"msg\":\"second unknown\"}");
            log.info("{\"code\":4444,\"msg\":\"first unknown again\"}");
            assertThat(setup.list("LIST").list.stream().map(layout::doLayout).toList())
                    .containsExactly("4444|unknown", "other|unknown", "4444|unknown");
            assertThat(bounded.count(4444)).isEqualTo(2);
            assertThat(bounded.count(4445)).isZero();
            assertThat(bounded.otherCount()).isEqualTo(1);
        } finally {
            setup.stop();
        }
    }

    @Test
    void aConverterOptionNamesTheCountsWhoseOptionsItUses() {
        LoggingSetup setup = LoggingSetup.fromXml("<configuration>"
                + "<conversionRule conversionWord=\"dcCode\" class=\"dev.dcerrors.logback.CodeConverter\"/>"
                + "<turboFilter class=\"dev.dcerrors.logback.DevCenterErrorTurboFilter\"><counts>${countsName}</counts></turboFilter>"
                + "<turboFilter class=\"dev.dcerrors.logback.DevCenterErrorTurboFilter\"><counts>${countsName}-b</counts>"
                + "<extraKey>err_code</extraKey></turboFilter>"
                + "<appender name=\"LIST\" class=\"ch.qos.logback.core.read.ListAppender\"/>"
                + "<root level=\"INFO\"><appender-ref ref=\"LIST\"/></root></configuration>");
        try {
            assertThat(setup.errors()).isEmpty();
            PatternLayout plain = layout(setup, "%dcCode");
            PatternLayout named = layout(setup, "%dcCode{" + setup.countsName + "-b}");
            setup.logger("b").info("{\"err_code\":5148,\"msg\":\"blocked\"}");
            ILoggingEvent event = setup.list("LIST").list.get(0);
            assertThat(plain.doLayout(event)).isEmpty();
            assertThat(named.doLayout(event)).isEqualTo("5148");
            assertThat(LogbackCounts.named(setup.context, setup.countsName + "-b").count(5148)).isEqualTo(1);
            assertThat(setup.counts.count(5148)).isZero();
        } finally {
            setup.stop();
        }
    }

    @Test
    void anEventIsScannedOnceHoweverManyConvertersThePatternHolds() {
        LoggingSetup setup = LoggingSetup.fromXml("<configuration>"
                + "<conversionRule conversionWord=\"dcCode\" class=\"dev.dcerrors.logback.CodeConverter\"/>"
                + "<conversionRule conversionWord=\"dcCategory\" class=\"dev.dcerrors.logback.CategoryConverter\"/>"
                + "<conversionRule conversionWord=\"dcSeverity\" class=\"dev.dcerrors.logback.SeverityConverter\"/>"
                + "<turboFilter class=\"dev.dcerrors.logback.DevCenterErrorTurboFilter\"><counts>${countsName}</counts>"
                + "<scanArguments>all</scanArguments></turboFilter>"
                + "<appender name=\"LIST\" class=\"ch.qos.logback.core.read.ListAppender\"/>"
                + "<root level=\"INFO\"><appender-ref ref=\"LIST\"/></root></configuration>");
        try {
            AtomicInteger reads = new AtomicInteger();
            Object response = new Object() {
                @Override
                public String toString() {
                    reads.incrementAndGet();
                    return "Result(code=5147, msg=locked)";
                }
            };
            setup.logger("once").info("response {}", response);
            assertThat(reads).as("read once by the turbo filter").hasValue(1);
            PatternLayout layout = layout(setup, "%dcCode %dcCategory %dcSeverity %dcCode");
            assertThat(layout.doLayout(setup.list("LIST").list.get(0))).isEqualTo("5147 security critical 5147");
            assertThat(reads).as("and once more for all four converters").hasValue(2);
        } finally {
            setup.stop();
        }
    }

    /** A response DTO whose accessor logs the object itself. */
    public static final class SelfLogging {
        private final org.slf4j.Logger log;

        SelfLogging(org.slf4j.Logger log) {
            this.log = log;
        }

        public int getCode() {
            log.info("reading {}", this);
            return 5147;
        }

        public String getMsg() {
            return "locked";
        }
    }

    @Test
    void anObjectWhoseAccessorLogsItselfNeitherRecursesNorThrowsWhenPrinted() {
        LoggingSetup setup = LoggingSetup.fromXml("<configuration>"
                + "<conversionRule conversionWord=\"dcCode\" class=\"dev.dcerrors.logback.CodeConverter\"/>"
                + "<turboFilter class=\"dev.dcerrors.logback.DevCenterErrorTurboFilter\"><counts>${countsName}</counts></turboFilter>"
                + "<root level=\"INFO\"/></configuration>");
        try {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            ch.qos.logback.classic.encoder.PatternLayoutEncoder encoder = new ch.qos.logback.classic.encoder.PatternLayoutEncoder();
            encoder.setContext(setup.context);
            encoder.setPattern("%dcCode %msg%n");
            encoder.start();
            ch.qos.logback.core.OutputStreamAppender<ILoggingEvent> appender = new ch.qos.logback.core.OutputStreamAppender<>();
            appender.setContext(setup.context);
            appender.setEncoder(encoder);
            appender.setOutputStream(out);
            appender.start();
            setup.logger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(appender);
            Logger log = setup.logger("self");
            org.assertj.core.api.Assertions.assertThatCode(() -> log.info("response {}", new SelfLogging(log))).doesNotThrowAnyException();
            assertThat(setup.counts.count(5147)).as("the outer call counts; the calls its accessor makes read no objects").isEqualTo(1);
            assertThat(out.toString(java.nio.charset.StandardCharsets.UTF_8)).contains("5147 response");
        } finally {
            setup.stop();
        }
    }
}
