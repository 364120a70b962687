package dev.dcerrors.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;

/**
 * A generated log corpus in the formats dc-cli reads, with the counts it must find, kept while writing:
 * Logback pattern lines (with {@code .SSS} and {@code ,SSS}) with stack traces, pretty-printed and one-line
 * JSON bodies and ECS records, logstash JSON lines (some without a timestamp field), an older rotation as gzip,
 * a file that starts with undated lines, and invalid UTF-8 bytes. Codes appear as envelopes with a message key beside {@code code} and as {@code code=N} prose. Some
 * are only in the messages of printed throwables: counted unless {@code --no-scan-throwables}, as the filter
 * counts them with {@code scanThrowables}; codes in frames and suppressed throwables are never counted.
 */
public final class Corpus {

    public static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    /** Where the corpus's time starts: the gzip rotation covers the day before, app.log this day. */
    static final Instant START = Instant.parse("2024-05-01T00:00:00Z");

    private static final DateTimeFormatter LOGBACK = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS", Locale.ROOT).withZone(ZONE);
    private static final DateTimeFormatter LOGBACK_COMMA = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss,SSS", Locale.ROOT).withZone(ZONE);
    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
    private static final int[] CODES = {5005, 5021, 5000, 5049, 5146, 5147, 5148, 5325, 4321};
    private static final byte[] INVALID_UTF8 = {(byte) 0xff, (byte) 0xfe, (byte) 0xc3};

    /** One event as written, with the codes it must count. */
    record Event(Instant time, List<Integer> codes) {
    }

    public final List<Path> files = new ArrayList<>();
    /** The events of each file, in the order of {@link #files}. */
    final List<Long> fileEvents = new ArrayList<>();
    /** The dated events; undated ones are only counted. */
    final List<Event> dated = new ArrayList<>();
    long events;
    long undated;
    long success;
    final Map<Integer, Long> errors = new TreeMap<>();
    /** The errors counted besides {@link #errors} unless {@code --no-scan-throwables}: codes only in a throwable's messages. */
    final Map<Integer, Long> throwableErrors = new TreeMap<>();

    private final Random random = new Random(16);

    /** Writes the corpus into {@code dir}: about {@code eventsPerFile} events in each of four files. */
    public static Corpus write(Path dir, int eventsPerFile) throws IOException {
        Corpus corpus = new Corpus();
        Files.createDirectories(dir);
        corpus.add(corpus.logback(dir.resolve("app.log.1.gz"), START.minusSeconds(86_400), eventsPerFile, true));
        corpus.add(corpus.logback(dir.resolve("app.log"), START, eventsPerFile, false));
        corpus.add(corpus.jsonLines(dir.resolve("app.json"), START.plusSeconds(3600), eventsPerFile));
        corpus.add(corpus.startingUndated(dir.resolve("worker.log"), START.plusSeconds(7200), eventsPerFile));
        return corpus;
    }

    private void add(Path file) {
        files.add(file);
        fileEvents.add(events - fileEvents.stream().mapToLong(Long::longValue).sum());
    }

    /** The expected {@code analyze --json} object. */
    String expectedJson() {
        return expectedJson(true);
    }

    /** The expected {@code analyze --json} object, by default (with the throwables' messages) or with {@code --no-scan-throwables}. */
    String expectedJson(boolean scanThrowables) {
        Map<Integer, Long> errors = new TreeMap<>(this.errors);
        if (scanThrowables) {
            throwableErrors.forEach((code, count) -> errors.merge(code, count, Long::sum));
        }
        StringBuilder sb = new StringBuilder();
        Instant first = dated.stream().map(Event::time).min(Instant::compareTo).orElseThrow();
        Instant last = dated.stream().map(Event::time).max(Instant::compareTo).orElseThrow();
        sb.append("{\"files\":").append(files.size()).append(",\"events\":").append(events).append(",\"undated\":").append(undated)
                .append(",\"first\":\"").append(first).append("\",\"last\":\"").append(last).append("\",\"responses\":{\"success\":")
                .append(success).append(",\"error\":").append(errors.values().stream().mapToLong(Long::longValue).sum()).append("},\"errors\":{");
        String separator = "";
        for (Map.Entry<Integer, Long> e : errors.entrySet()) {
            sb.append(separator).append('"').append(e.getKey()).append("\":").append(e.getValue());
            separator = ",";
        }
        return sb.append("}}").toString();
    }

    /** The errors counted in undated events: in the totals, but in no backfill. */
    long undatedErrors() {
        return undatedErrors;
    }

    private long undatedErrors;

    /** How many times {@code code} (200 for success) was counted in events before {@code time}. */
    long countBefore(int code, Instant time) {
        return dated.stream().filter(e -> e.time().isBefore(time)).mapToLong(e -> e.codes().stream().filter(c -> c == code).count()).sum();
    }

    private void count(Instant time, List<Integer> codes) {
        count(time, codes, List.of());
    }

    /** One event: {@code codes} count always, {@code throwableCodes} (distinct from them) unless --no-scan-throwables. */
    private void count(Instant time, List<Integer> codes, List<Integer> throwableCodes) {
        for (int code : throwableCodes) {
            throwableErrors.merge(code, 1L, Long::sum);
        }
        events++;
        if (time == null) {
            undated++;
            undatedErrors += codes.stream().filter(c -> c != 200).count();
        } else {
            dated.add(new Event(time, codes));
        }
        for (int code : codes) {
            if (code == 200) {
                success++;
            } else {
                errors.merge(code, 1L, Long::sum);
            }
        }
    }

    private Path logback(Path file, Instant from, int count, boolean gzip) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Instant time = from;
        for (int i = 0; i < count; i++) {
            time = time.plusMillis(1 + random.nextInt(20_000));
            String stamp = (i % 3 == 0 ? LOGBACK_COMMA : LOGBACK).format(time);
            String head = stamp + " [http-nio-8080-exec-" + (1 + random.nextInt(8)) + "] ";
            int kind = random.nextInt(10);
            int code = CODES[random.nextInt(CODES.length)];
            switch (kind) {
                case 0: // a success envelope
                    line(bytes, head + "INFO  c.e.api.LoginController - response {\"code\":200,\"msg\":\"success\",\"data\":{\"id\":" + i + "}}");
                    count(time, List.of(200));
                    break;
                case 1: // an error envelope with a stack trace that repeats the code: one event, counted once
                    line(bytes, head + "ERROR c.e.api.DeviceController - request failed {\"code\":" + code + ",\"msg\":\"failed\"}");
                    line(bytes, "java.lang.IllegalStateException: upstream answered {\"code\":" + code + ",\"msg\":\"failed\"}");
                    line(bytes, "\tat com.example.api.DeviceController.bind(DeviceController.java:42)");
                    line(bytes, "\tat java.base/java.lang.Thread.run(Thread.java:840)");
                    count(time, List.of(code));
                    break;
                case 2: // prose
                    line(bytes, head + "WARN  c.e.api.LoginController - Login failed code=" + code + " for user u" + i);
                    count(time, List.of(code));
                    break;
                case 3: { // a pretty-printed body on the lines after the message
                    line(bytes, head + "INFO  c.e.api.Client - response body:");
                    line(bytes, "{");
                    line(bytes, "  \"code\": " + code + ",");
                    line(bytes, "  \"msg\": \"from upstream\"");
                    line(bytes, "}");
                    count(time, List.of(code));
                    break;
                }
                case 4: { // a batch: two distinct codes and a repeat
                    int other = code == 5005 ? 5021 : 5005;
                    line(bytes, head + "WARN  c.e.api.Batch - results [{\"code\":" + code + ",\"msg\":\"a\"},{\"code\":" + other
                            + ",\"msg\":\"b\"},{\"code\":" + code + ",\"msg\":\"a\"}]");
                    count(time, List.of(code, other));
                    break;
                }
                case 5: // invalid UTF-8 in a line with a code
                    bytes.write((head + "WARN  c.e.api.Profile - name '").getBytes(StandardCharsets.UTF_8));
                    bytes.write(INVALID_UTF8);
                    line(bytes, "' rejected {\"code\":" + code + ",\"msg\":\"bad name\"}");
                    count(time, List.of(code));
                    break;
                case 6: // invalid UTF-8 in a line without
                    bytes.write((head + "DEBUG c.e.api.Cache - key ").getBytes(StandardCharsets.UTF_8));
                    bytes.write(INVALID_UTF8);
                    line(bytes, " evicted");
                    count(time, List.of());
                    break;
                case 7: { // codes only in the printed throwable: its message, a cause's; frames and suppressed never count
                    int cause = code == 5000 ? 5049 : 5000;
                    line(bytes, head + "ERROR c.e.api.Gateway - request " + i + " failed");
                    if (i % 3 == 0) {
                        line(bytes, "java.lang.IllegalStateException: {\"code\":" + code + ",\"msg\":\"Service exception.\"}");
                    } else if (i % 3 == 1) { // a class not named like a throwable: a header because a frame follows
                        line(bytes, "com.example.api.GatewayFailure: {\"code\":" + code + ",\"msg\":\"failed\"}");
                    } else { // a message of several lines
                        line(bytes, "com.example.api.GatewayException: upstream answered");
                        line(bytes, "{\"code\":" + code + ",\"msg\":\"failed\"}");
                    }
                    line(bytes, "\tat com.example.api.Gateway.call(Gateway.java:12) ~[app.jar:1.0]");
                    line(bytes, "\tSuppressed: java.io.IOException: close {\"code\":5325,\"msg\":\"blocked\"}");
                    line(bytes, "\t\tat com.example.api.Gateway.close(Gateway.java:30)");
                    line(bytes, "Caused by: com.example.api.UpstreamException: {\"code\":" + cause + ",\"msg\":\"from upstream\"}");
                    line(bytes, "\tat com.example.api.Upstream.get(Upstream.java:7) code=5148");
                    line(bytes, "\t... 3 common frames omitted");
                    count(time, List.of(), List.of(code, cause));
                    break;
                }
                case 8: // a one-line JSON body continues the event (counted once); an ECS record stands alone, at the time before it
                    line(bytes, head + "INFO  c.e.api.Client - response {\"code\":" + code + ",\"msg\":\"failed\"}");
                    line(bytes, "{\"code\":" + code + ",\"message\":\"failed\",\"timestamp\":\"" + time + "\"}");
                    count(time, List.of(code));
                    if (i % 2 == 0) {
                        int other = code == 5005 ? 5021 : 5005;
                        line(bytes, "{\"log.level\":\"WARN\",\"message\":\"retrying code=" + other + "\",\"ecs.version\":\"1.2.0\"}");
                        count(time, List.of(other));
                    }
                    break;
                default:
                    line(bytes, head + "INFO  c.e.api.AccessLog - GET /api/devices/" + i + " took " + random.nextInt(300) + " ms");
                    count(time, List.of());
            }
        }
        if (gzip) {
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
                out.write(bytes.toByteArray());
            }
        } else {
            Files.write(file, bytes.toByteArray());
        }
        return file;
    }

    private Path jsonLines(Path file, Instant from, int count) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Instant time = from;
        for (int i = 0; i < count; i++) {
            boolean withoutTimestamp = i % 7 == 6; // a JSON line of its own all the same, at the time of the line before
            if (!withoutTimestamp) {
                time = time.plusMillis(1 + random.nextInt(20_000));
            }
            int code = CODES[random.nextInt(CODES.length)];
            int kind = random.nextInt(4);
            String field = i % 3 == 0 ? "@timestamp" : i % 3 == 1 ? "timestamp" : "time";
            String stamp = i % 2 == 0 ? time.toString() : ISO.format(time.atZone(ZONE));
            String message;
            List<Integer> codes;
            if (kind == 0) {
                message = "response {\\\"code\\\":200,\\\"msg\\\":\\\"success\\\"}";
                codes = List.of(200);
            } else if (kind == 1) {
                message = "response {\\\"code\\\":" + code + ",\\\"msg\\\":\\\"failed\\\"}";
                codes = List.of(code);
            } else if (kind == 2) {
                message = "Login failed code=" + code + " for user u" + i;
                codes = List.of(code);
            } else {
                message = "GET /api/devices/" + i;
                codes = List.of();
            }
            if (withoutTimestamp) { // nor a marker key: a record because the file is JSON lines
                line(bytes, "{\"@version\":\"1\",\"message\":\"" + message + "\",\"logger_name\":\"c.e.api.Client\",\"level_value\":20000}");
            } else {
                line(bytes, "{\"" + field + "\":\"" + stamp + "\",\"@version\":\"1\",\"message\":\"" + message
                        + "\",\"logger_name\":\"c.e.api.Client\",\"thread_name\":\"main\",\"level\":\"INFO\",\"level_value\":20000}");
            }
            count(time, codes);
        }
        Files.write(file, bytes.toByteArray());
        return file;
    }

    private Path startingUndated(Path file, Instant from, int count) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        // The tail of an event from an older file: each line an undated event.
        line(bytes, "\tat com.example.worker.Job.run(Job.java:7)");
        count(null, List.of());
        line(bytes, "Caused by: java.io.IOException: upstream said {\"code\":5000,\"msg\":\"Service exception\"}");
        count(null, List.of(), List.of(5000));
        line(bytes, "retrying code=5005 later");
        count(null, List.of(5005));
        Instant time = from;
        for (int i = 0; i < count; i++) {
            time = time.plusMillis(1 + random.nextInt(20_000));
            int code = CODES[random.nextInt(CODES.length)];
            line(bytes, ISO.format(time.atZone(ZONE)) + " WARN worker - job " + i + " failed {\"code\":" + code + ",\"msg\":\"x\"}\r");
            count(time, List.of(code));
        }
        Files.write(file, bytes.toByteArray());
        return file;
    }

    private static void line(ByteArrayOutputStream bytes, String text) {
        bytes.writeBytes((text + "\n").getBytes(StandardCharsets.UTF_8));
    }
}
