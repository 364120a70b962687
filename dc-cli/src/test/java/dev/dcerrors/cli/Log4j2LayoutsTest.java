package dev.dcerrors.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.LoggerContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * dc-cli reads the logs Log4j2 writes: the same events, logged through a real Log4j2 context from log4j2-layouts.xml,
 * written by {@code PatternLayout} with {@code %d} ({@code yyyy-MM-dd HH:mm:ss,SSS}), {@code %d{ISO8601}} and Spring
 * Boot's {@code yyyy-MM-dd'T'HH:mm:ss.SSSXXX} (its file pattern, and its console pattern with colours), and by
 * {@code JsonTemplateLayout} with its ECS and Logstash templates, give the same counts and dates. Codes only in a
 * logged throwable's messages count unless {@code --no-scan-throwables}, in the printed stack traces as in the JSON
 * layouts' throwable fields; a suppressed throwable's never.
 */
class Log4j2LayoutsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DIR_PROPERTY = "dc.cli.log4j2.dir";
    private static final Instant START = Instant.parse("2024-05-01T10:00:00.125Z");
    /** The events logged: one each 1.25 s from {@link #START}, a disabled DEBUG call besides. */
    private static final int EVENTS = 7;

    @TempDir
    static Path dir;

    private static Instant time(int event) {
        return START.plusMillis(1250L * event);
    }

    @BeforeAll
    static void logTheEventsThroughLog4j2() throws Exception {
        System.setProperty(DIR_PROPERTY, dir.toString());
        LoggerContext context = new LoggerContext("dc-cli-layouts", null, Log4j2LayoutsTest.class.getResource("/log4j2-layouts.xml").toURI());
        try {
            context.start();
            Logger client = context.getLogger("com.example.api.Client");
            Logger login = context.getLogger("com.example.web.LoginController");

            Log4j2TestClock.set(time(0));
            client.info("response {}", "{\"code\":200,\"msg\":\"success\"}");
            Log4j2TestClock.set(time(1));
            client.info("response {\"code\":5147,\"msg\":\"Your account has been temporarily locked.\"}");
            Log4j2TestClock.set(time(2));
            login.warn("Login failed code={} for user {}", 5005, "u1");
            client.debug("disabled, not written {\"code\":5146}");
            Log4j2TestClock.set(time(3));
            client.info("response body:\n{\n  \"code\": 5021,\n  \"msg\": \"Input mobile number.\"\n}");
            Log4j2TestClock.set(time(4));
            IllegalStateException failure = new IllegalStateException("{\"code\":5000,\"msg\":\"Service exception.\"}",
                    new RuntimeException("upstream said code=5049"));
            failure.addSuppressed(new IOException("close failed code=5325"));
            client.error("sms failed", failure);
            Log4j2TestClock.set(time(5));
            client.warn("failed {\"code\":5148,\"msg\":\"blocked\"}", new IllegalStateException("{\"code\":5148,\"msg\":\"blocked\"}"));
            Log4j2TestClock.set(time(6));
            login.info("no code here");
        } finally {
            context.stop();
        }
    }

    @AfterAll
    static void clearTheDirectory() {
        System.clearProperty(DIR_PROPERTY);
    }

    /** Each file Log4j2 wrote, and the zone its times without an offset are in. */
    static Stream<Arguments> files() {
        return Stream.of(
                Arguments.of("default.log", ZoneId.systemDefault()), // %d prints in the JVM's zone
                Arguments.of("iso8601.log", ZoneId.of("America/New_York")), // %d{ISO8601}{America/New_York}
                Arguments.of("spring-boot.log", ZoneId.of("Asia/Tokyo")), // an offset on each line: the zone is not used
                Arguments.of("spring-boot-console.log", ZoneId.of("Asia/Tokyo")),
                Arguments.of("ecs.json", ZoneId.of("Asia/Tokyo")),
                Arguments.of("logstash.json", ZoneId.of("Asia/Tokyo")));
    }

    private static String expectedJson(String errors, int errorCount) {
        return "{\"files\":1,\"events\":" + EVENTS + ",\"undated\":0,\"first\":\"" + time(0) + "\",\"last\":\"" + time(EVENTS - 1)
                + "\",\"responses\":{\"success\":1,\"error\":" + errorCount + "},\"errors\":{" + errors + "}}";
    }

    private static Cli.Result analyze(String file, ZoneId zone, String... options) {
        List<String> args = new ArrayList<>(List.of("analyze", "--json", "--zone", zone.getId()));
        args.addAll(List.of(options));
        args.add(dir.resolve(file).toString());
        return Cli.run(args.toArray(new String[0]));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void eachLayoutGivesTheSameCountsAndDatesWithTheThrowablesMessages(String file, ZoneId zone) throws Exception {
        Cli.Result result = analyze(file, zone);

        assertThat(result.status()).as(result.err()).isZero();
        assertThat(result.err()).isEmpty();
        assertThat(JSON.readTree(result.out())).as(result.out())
                .isEqualTo(JSON.readTree(expectedJson("\"5000\":1,\"5005\":1,\"5021\":1,\"5049\":1,\"5147\":1,\"5148\":1", 6)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void withNoScanThrowablesTheCodesOnlyInALoggedThrowableDoNotCount(String file, ZoneId zone) throws Exception {
        Cli.Result result = analyze(file, zone, "--no-scan-throwables");

        assertThat(result.status()).as(result.err()).isZero();
        assertThat(JSON.readTree(result.out())).as(result.out())
                .isEqualTo(JSON.readTree(expectedJson("\"5005\":1,\"5021\":1,\"5147\":1,\"5148\":1", 4)));
    }

    @Test
    void theFilesHoldTheFormatsAsLog4j2PrintsThem() throws Exception {
        assertThat(lines("default.log").get(0)).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d,125 INFO  \\[main\\] com.example.api.Client - response .*");
        assertThat(lines("iso8601.log").get(0)).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d,125 \\[main\\] INFO .*");
        assertThat(lines("spring-boot.log").get(0)).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.125(Z|[+-]\\d\\d:\\d\\d)  INFO \\d+ --- \\[main\\] .*");
        assertThat(lines("spring-boot-console.log").get(0)).matches("\u001b\\[2m\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.125(Z|[+-]\\d\\d:\\d\\d)\u001b\\[0?m .*");
        assertThat(lines("default.log")).contains("Caused by: java.lang.RuntimeException: upstream said code=5049")
                .anyMatch(l -> l.startsWith("\tSuppressed: java.io.IOException: close failed code=5325"));

        List<String> ecs = lines("ecs.json");
        assertThat(ecs).hasSize(EVENTS);
        assertThat(ecs.get(0)).startsWith("{\"@timestamp\":\"2024-05-01T10:00:00.125Z\",\"ecs.version\":\"1.2.0\",\"log.level\":\"INFO\"");
        assertThat(ecs.get(4)).contains("\"error.type\":\"java.lang.IllegalStateException\"",
                "\"error.message\":\"{\\\"code\\\":5000,\\\"msg\\\":\\\"Service exception.\\\"}\"",
                "\"error.stack_trace\":\"java.lang.IllegalStateException: {\\\"code\\\":5000");

        List<String> logstash = lines("logstash.json");
        assertThat(logstash).hasSize(EVENTS);
        assertThat(logstash.get(4)).contains("\"exception\":{\"exception_class\":\"java.lang.IllegalStateException\","
                + "\"exception_message\":\"{\\\"code\\\":5000,\\\"msg\\\":\\\"Service exception.\\\"}\",\"stacktrace\":\"java.lang.IllegalStateException: ")
                .contains("\"@timestamp\":\"");
    }

    private static List<String> lines(String file) throws IOException {
        return Files.readAllLines(dir.resolve(file), StandardCharsets.UTF_8);
    }
}
