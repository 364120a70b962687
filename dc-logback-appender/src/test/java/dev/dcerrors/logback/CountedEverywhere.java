package dev.dcerrors.logback;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
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
        this.filter = LogbackCounts.named(context, countsName);
        this.appender = LogbackCounts.named(context, countsName + "-appender");
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

    /** The codes {@code %dcCode} printed for the events of {@code loggerName} when they were appended, each with how many events printed it. */
    Map<String, Long> printedCodes(String loggerName) {
        PrintedLinesAppender printed = (PrintedLinesAppender) context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender("PRINTED");
        Map<String, Long> codes = new TreeMap<>();
        for (PrintedLinesAppender.Line line : printed.lines()) {
            String code = line.text().substring(0, line.text().indexOf('|'));
            if (line.logger().equals(loggerName) && !code.isEmpty()) {
                codes.merge(code, 1L, Long::sum);
            }
        }
        return codes;
    }

    /** The messages of the events of {@code loggerName}, as they were when appended. */
    List<String> printedMessages(String loggerName) {
        PrintedLinesAppender printed = (PrintedLinesAppender) context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender("PRINTED");
        return printed.lines().stream().filter(l -> l.logger().equals(loggerName)).map(l -> l.text().substring(l.text().indexOf('|') + 1)).toList();
    }
}
