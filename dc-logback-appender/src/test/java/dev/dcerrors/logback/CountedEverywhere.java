package dev.dcerrors.logback;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.dcerrors.core.ErrorCounts;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one configuration of {@code real-client-libraries.xml} counted: the turbo filter's counts, the appender's own
 * counts, and the codes the {@code %dcCode} converter prints for the events of the list appender. The three must say
 * the same: exactly the expected codes, nothing else.
 */
final class CountedEverywhere {

    private final LoggerContext context;
    private final ErrorCounts filter;
    private final ErrorCounts appender;

    CountedEverywhere(LoggerContext context, String countsName) {
        this.context = context;
        this.filter = ErrorCounts.named(countsName);
        this.appender = ErrorCounts.named(countsName + "-appender");
    }

    /** Asserts that the filter and the appender counted exactly {@code expected} (code to count; 200 is the success count). */
    void assertCounted(Map<Integer, Long> expected) {
        for (ErrorCounts counts : List.of(filter, appender)) {
            String who = counts == filter ? "the turbo filter" : "the appender";
            long errors = 0;
            for (Map.Entry<Integer, Long> e : expected.entrySet()) {
                if (e.getKey() == 200) {
                    assertThat(counts.successCount()).as("successes counted by %s", who).isEqualTo(e.getValue());
                } else {
                    assertThat(counts.count(e.getKey())).as("%s counted by %s", e.getKey(), who).isEqualTo(e.getValue());
                    errors += e.getValue();
                }
            }
            assertThat(counts.errorCount()).as("errors counted by %s, all codes", who).isEqualTo(errors);
            if (!expected.containsKey(200)) {
                assertThat(counts.successCount()).as("successes counted by %s", who).isZero();
            }
        }
    }

    /** The codes {@code %dcCode} prints for the events of {@code loggerName}, each code with how many events print it. */
    Map<String, Long> printedCodes(String loggerName) {
        PatternLayout layout = new PatternLayout();
        layout.setContext(context);
        layout.setPattern("%dcCode");
        layout.start();
        @SuppressWarnings("unchecked")
        ListAppender<ILoggingEvent> list = (ListAppender<ILoggingEvent>) context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender("LIST");
        Map<String, Long> printed = new TreeMap<>();
        for (ILoggingEvent event : list.list) {
            if (event.getLoggerName().equals(loggerName)) {
                String code = layout.doLayout(event);
                if (!code.isEmpty()) {
                    printed.merge(code, 1L, Long::sum);
                }
            }
        }
        return printed;
    }
}
