package dev.dcerrors.cli.input;

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

    /** A JSON-lines input: its first line is a JSON object with a timestamp field. */
    private static final String JSON_LINES = "{\"@timestamp\":\"2024-05-01T08:00:00Z\",\"message\":\"one\"}\n"
            + "{\"message\":\"two, no timestamp: the time of one\"}\n"
            + "{\"msg\":\"three, no marker either\",\"data\":{\"x\":[1,{\"y\":\"}\"}]}}\n"
            + "\tat a.B.c(B.java:1)\n"
            + "{\"time\":1714550405,\"message\":\"four\"}\n"
            + "{\"time\":1714550406} {\"time\":1714550407}\n"
            + "{\"message\":\"five\"";

    /** A Logback input with JSON lines: only logstash and ECS records stand alone. */
    private static final String LOGBACK_WITH_JSON = "\tat the.end.Of(AnOlderFile.java:1)\n"
            + "{\"message\":\"undated record\",\"level\":\"INFO\"}\n"
            + "2024-05-01 10:00:00.000 one\n"
            + "{\"code\":5000,\"message\":\"a body\",\"timestamp\":\"2024-05-01T08:00:09Z\"}\n"
            + "{\"log.level\":\"WARN\",\"message\":\"ecs, no timestamp\"}\n"
            + "{\"@timestamp\":\"2024-05-01T08:00:02Z\",\"message\":\"logstash\"}\n"
            + "{\"message\":\"logstash, no timestamp\",\"level\":\"INFO\"}\n"
            + "  {\"message\":\"indented body\"}\n";

    private static long utc(String instant) {
        return java.time.Instant.parse(instant).toEpochMilli();
    }

    @Test
    void inAJsonLinesInputEveryJsonObjectIsAnEventCarryingThePreviousTimeWithoutATimestampField() {
        List<Event> events = split(1000, JSON_LINES);

        assertThat(events).extracting(Event::text).containsExactly(
                "{\"@timestamp\":\"2024-05-01T08:00:00Z\",\"message\":\"one\"}",
                "{\"message\":\"two, no timestamp: the time of one\"}",
                "{\"msg\":\"three, no marker either\",\"data\":{\"x\":[1,{\"y\":\"}\"}]}}\n\tat a.B.c(B.java:1)",
                "{\"time\":1714550405,\"message\":\"four\"}\n{\"time\":1714550406} {\"time\":1714550407}\n{\"message\":\"five\"");
        assertThat(events).extracting(Event::time).containsExactly(utc("2024-05-01T08:00:00Z"), utc("2024-05-01T08:00:00Z"),
                utc("2024-05-01T08:00:00Z"), utc("2024-05-01T08:00:05Z"));
    }

    @Test
    void inALogbackInputOnlyLogstashAndEcsRecordsAreEventsOfTheirOwnAndOtherJsonContinuesTheEvent() {
        List<Event> events = split(1000, LOGBACK_WITH_JSON);

        assertThat(events).extracting(Event::text).containsExactly(
                "\tat the.end.Of(AnOlderFile.java:1)",
                "{\"message\":\"undated record\",\"level\":\"INFO\"}",
                "2024-05-01 10:00:00.000 one\n{\"code\":5000,\"message\":\"a body\",\"timestamp\":\"2024-05-01T08:00:09Z\"}",
                "{\"log.level\":\"WARN\",\"message\":\"ecs, no timestamp\"}",
                "{\"@timestamp\":\"2024-05-01T08:00:02Z\",\"message\":\"logstash\"}",
                "{\"message\":\"logstash, no timestamp\",\"level\":\"INFO\"}\n  {\"message\":\"indented body\"}");
        assertThat(events).extracting(Event::time).containsExactly(Timestamps.NONE, Timestamps.NONE, utc("2024-05-01T10:00:00Z"), utc("2024-05-01T10:00:00Z"),
                utc("2024-05-01T08:00:02Z"), utc("2024-05-01T08:00:02Z"));
    }

    @Test
    void chunksCutAnywhereGiveTheSameEvents() {
        for (String log : List.of(LOG, JSON_LINES, LOGBACK_WITH_JSON)) {
            List<Event> whole = split(1000, log);
            for (int cut = 1; cut < log.length(); cut++) {
                assertThat(split(1000, log.substring(0, cut), log.substring(cut))).as("cut at %d", cut).isEqualTo(whole);
            }
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
