package dev.dcerrors.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The events of an input are recognized in batches on several threads, yet whatever depends on reading order is what
 * one thread reading event after event gives: which unknown codes get a label of their own before the rest count as
 * {@code other}, and which events are a code's samples.
 */
class ReadingOrderTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int EVENTS = 30_000; // many batches
    private static final int MAX_UNKNOWN = 40;

    @TempDir
    Path dir;

    /** The code of event {@code k} (from 0): unknown codes 4001-4400, first seen in an order unlike their numbers. */
    private static int codeOf(int k) {
        return 4001 + (int) ((k * 7919L + k / 3) % 400);
    }

    private Path writeLog() throws Exception {
        StringBuilder log = new StringBuilder();
        for (int k = 0; k < EVENTS; k++) {
            log.append(String.format("2024-05-01 10:%02d:%02d.000 [t] WARN x - call %d failed code=%d%n", k / 600 % 60, k / 10 % 60, k, codeOf(k)));
            if (k % 7 == 0) {
                log.append("\tat com.example.Service.call(Service.java:").append(k % 100).append(")\n");
            }
        }
        Path file = dir.resolve("app.log");
        Files.writeString(file, log);
        return file;
    }

    @Test
    void unknownCodesGetTheirOwnLabelInReadingOrderAcrossBatchesAndThreads() throws Exception {
        Path file = writeLog();
        Set<Integer> labelled = new LinkedHashSet<>();
        Map<String, Integer> expected = new TreeMap<>();
        for (int k = 0; k < EVENTS; k++) {
            int code = codeOf(k);
            if (labelled.contains(code) || labelled.size() < MAX_UNKNOWN && labelled.add(code)) {
                expected.merge(Integer.toString(code), 1, Integer::sum);
            } else {
                expected.merge("other", 1, Integer::sum);
            }
        }

        Cli.Result result = Cli.run("analyze", "--json", "--max-unknown-codes", Integer.toString(MAX_UNKNOWN), "--zone", "UTC", file.toString());

        assertThat(result.status()).as(result.err()).isZero();
        JsonNode json = JSON.readTree(result.out());
        assertThat(json.path("events").asInt()).isEqualTo(EVENTS);
        Map<String, Integer> errors = new TreeMap<>();
        json.path("errors").fields().forEachRemaining(e -> errors.put(e.getKey(), e.getValue().asInt()));
        assertThat(errors).isEqualTo(expected);
    }

    @Test
    void aCodesSamplesAreItsFirstEventsInReadingOrder() throws Exception {
        Path file = writeLog();
        Map<Integer, Long> firstLine = new LinkedHashMap<>();
        long line = 1;
        for (int k = 0; k < EVENTS; k++) {
            firstLine.putIfAbsent(codeOf(k), line);
            line += k % 7 == 0 ? 2 : 1;
        }

        Cli.Result result = Cli.run("analyze", "--sample", "1", "--max-unknown-codes", "400", "--zone", "UTC", file.toString());

        assertThat(result.status()).as(result.err()).isZero();
        for (Map.Entry<Integer, Long> first : firstLine.entrySet()) {
            assertThat(result.out()).contains("  " + first.getKey() + "  " + file + ":" + first.getValue() + ": ");
        }
    }
}
