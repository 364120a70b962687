package dev.dcerrors.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventSplitterTest {

    private static final String LOG = "undated first\n"
            + "undated second\n"
            + "2024-05-01 10:00:00.000 one\n"
            + "\tat a.B.c(B.java:1)\n"
            + "2024-05-01 10:00:01.000 two\n"
            + "{\n  \"code\": 5147,\n  \"msg\": \"m\"\n}\n"
            + "{\"@timestamp\":\"2024-05-01T08:00:02Z\",\"message\":\"three\"}\n"
            + "{\"message\":\"no timestamp: continues three\"}\n"
            + "2024-05-01 10:00:03.000 four";

    private record Event(String text, long time, long line) {
    }

    private static List<Event> split(int maxChars, String... chunks) {
        List<Event> events = new ArrayList<>();
        EventSplitter splitter = new EventSplitter(new Timestamps(ZoneId.of("UTC")), maxChars, (text, time, line) -> events.add(new Event(text, time, line)));
        splitter.startInput();
        for (String chunk : chunks) {
            splitter.accept(chunk);
        }
        splitter.endInput();
        return events;
    }

    @Test
    void timestampedAndJsonLinesStartEventsAndTheLinesAfterThemBelongToThem() {
        List<Event> events = split(1000, LOG);

        assertThat(events).extracting(Event::text).containsExactly(
                "undated first",
                "undated second",
                "2024-05-01 10:00:00.000 one\n\tat a.B.c(B.java:1)",
                "2024-05-01 10:00:01.000 two\n{\n  \"code\": 5147,\n  \"msg\": \"m\"\n}",
                "{\"@timestamp\":\"2024-05-01T08:00:02Z\",\"message\":\"three\"}\n{\"message\":\"no timestamp: continues three\"}",
                "2024-05-01 10:00:03.000 four");
        assertThat(events).extracting(Event::line).containsExactly(1L, 2L, 3L, 5L, 10L, 12L);
        assertThat(events.get(0).time()).isEqualTo(Timestamps.NONE);
        assertThat(events.get(4).time()).isEqualTo(java.time.Instant.parse("2024-05-01T08:00:02Z").toEpochMilli());
    }

    @Test
    void chunksCutAnywhereGiveTheSameEvents() {
        List<Event> whole = split(1000, LOG);
        for (int cut = 1; cut < LOG.length(); cut++) {
            assertThat(split(1000, LOG.substring(0, cut), LOG.substring(cut))).as("cut at %d", cut).isEqualTo(whole);
        }
    }

    @Test
    void eventsAreCutAtTheLimitWhereverTheyAreSplit() {
        String longLine = "2024-05-01 10:00:00.000 " + "x".repeat(100) + "\nmore\n2024-05-01 10:00:01.000 next\n";

        List<Event> events = split(30, longLine);
        List<Event> inPieces = split(30, longLine.substring(0, 40), longLine.substring(40, 90), longLine.substring(90));

        assertThat(events).extracting(Event::text).containsExactly(longLine.substring(0, 30), "2024-05-01 10:00:01.000 next");
        assertThat(inPieces).isEqualTo(events);
    }
}
