package dev.dcerrors.cli.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class TimestampsTest {

    private final Timestamps berlin = new Timestamps(ZoneId.of("Europe/Berlin"));

    private long at(String line) {
        return berlin.ofLine(line, 0, line.length());
    }

    private static long instant(String iso) {
        return Instant.parse(iso).toEpochMilli();
    }

    @Test
    void logbackDefaultWithDotOrCommaIsReadInTheZone() {
        assertThat(at("2024-05-01 12:00:01.234 [main] INFO x - y")).isEqualTo(instant("2024-05-01T10:00:01.234Z"));
        assertThat(at("2024-05-01 12:00:01,234 [main] INFO x - y")).isEqualTo(instant("2024-05-01T10:00:01.234Z"));
        assertThat(at("2024-01-15 12:00:00.000 winter")).isEqualTo(instant("2024-01-15T11:00:00Z"));
    }

    @Test
    void isoWithOffsetOrZIgnoresTheZone() {
        assertThat(at("2024-05-01T12:00:01.5+02:00 x")).isEqualTo(instant("2024-05-01T10:00:01.500Z"));
        assertThat(at("2024-05-01T12:00:01-0130 x")).isEqualTo(instant("2024-05-01T13:30:01Z"));
        assertThat(at("2024-05-01T10:00:01.123456Z x")).isEqualTo(instant("2024-05-01T10:00:01.123Z"));
        assertThat(at("2024-05-01T12:00:01 x")).as("no offset: the zone").isEqualTo(instant("2024-05-01T10:00:01Z"));
    }

    @Test
    void jsonLinesUseTheirTimestampField() {
        assertThat(at("{\"@timestamp\":\"2024-05-01T10:00:00.000Z\",\"message\":\"m\"}")).isEqualTo(instant("2024-05-01T10:00:00Z"));
        assertThat(at("{\"level\":\"INFO\",\"timestamp\" : \"2024-05-01T12:00:00+02:00\"}")).isEqualTo(instant("2024-05-01T10:00:00Z"));
        assertThat(at("{\"time\":1714557600123,\"msg\":\"m\"}")).isEqualTo(instant("2024-05-01T10:00:00.123Z"));
        assertThat(at("{\"time\":1714557600.5,\"msg\":\"m\"}")).isEqualTo(instant("2024-05-01T10:00:00.500Z"));
        assertThat(at("{\"message\":\"{\\\"time\\\":\\\"2024-05-01T10:00:00Z\\\"}\"}")).as("escaped: inside a string").isEqualTo(Timestamps.NONE);
    }

    @Test
    void log4j2DatePatternsAreRead() {
        assertThat(at("2024-05-01 12:00:01,234 INFO  [main] c.e.Api - y")).as("%d, %d{DEFAULT}").isEqualTo(instant("2024-05-01T10:00:01.234Z"));
        assertThat(at("2024-05-01T12:00:01,234 [main] INFO c.e.Api - y")).as("%d{ISO8601}: the zone").isEqualTo(instant("2024-05-01T10:00:01.234Z"));
        assertThat(at("2024-05-01T12:00:01,234+02 [main] INFO y")).as("%d{ISO8601_OFFSET_DATE_TIME_HH}").isEqualTo(instant("2024-05-01T10:00:01.234Z"));
        assertThat(at("2024-05-01T11:00:01.234+01:00  INFO 4242 --- [main] c.e.Api : y")).as("Spring Boot's yyyy-MM-dd'T'HH:mm:ss.SSSXXX")
                .isEqualTo(instant("2024-05-01T10:00:01.234Z"));
        assertThat(at("2024-05-01T10:00:01.234Z  INFO 4242 --- [main] c.e.Api : y")).as("XXX in UTC").isEqualTo(instant("2024-05-01T10:00:01.234Z"));
        assertThat(at("{\"@timestamp\":\"2024-05-01T10:00:01.234Z\",\"ecs.version\":\"1.2.0\",\"log.level\":\"INFO\"}")).as("EcsLayout.json")
                .isEqualTo(instant("2024-05-01T10:00:01.234Z"));
        assertThat(at("{\"@version\":1,\"message\":\"m\",\"@timestamp\":\"2024-05-01T12:00:01.234+0200\",\"level\":\"INFO\"}"))
                .as("LogstashJsonEventLayoutV1.json: yyyy-MM-dd'T'HH:mm:ss.SSSZZZ").isEqualTo(instant("2024-05-01T10:00:01.234Z"));
    }

    @Test
    void ansiColoursBeforeTheTimestampArePassedOver() {
        assertThat(at("\u001b[2m2024-05-01T12:00:01.234+02:00\u001b[0;39m \u001b[32m INFO\u001b[0;39m \u001b[35m4242\u001b[0;39m")).as("Spring Boot's %clr")
                .isEqualTo(instant("2024-05-01T10:00:01.234Z"));
        assertThat(at("\u001b[1;31m\u001b[2m2024-05-01 12:00:01,234 x")).isEqualTo(instant("2024-05-01T10:00:01.234Z"));
        assertThat(at("\u001b[2m INFO 2024-05-01 12:00:01,234 late")).isEqualTo(Timestamps.NONE);
        assertThat(at("\u001b[2x2024-05-01 12:00:01,234 not a colour")).isEqualTo(Timestamps.NONE);
    }

    @Test
    void linesWithoutATimestampAtTheStartHaveNone() {
        assertThat(at("\tat com.example.Foo.bar(Foo.java:1)")).isEqualTo(Timestamps.NONE);
        assertThat(at("INFO 2024-05-01 12:00:00.000 late")).isEqualTo(Timestamps.NONE);
        assertThat(at("2024-13-01 12:00:00.000 no month 13")).isEqualTo(Timestamps.NONE);
        assertThat(at("2024-02-30 12:00:00.000 no such day")).isEqualTo(Timestamps.NONE);
        assertThat(at("{")).isEqualTo(Timestamps.NONE);
    }
}
