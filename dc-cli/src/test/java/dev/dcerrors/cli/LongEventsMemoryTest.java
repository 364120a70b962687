package dev.dcerrors.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code --max-scan-chars} has no upper bound, so an event can be longer than a whole batch of short ones: such
 * events are in flight between the splitter, the recognizers and the tallying thread one at a time, and memory
 * stays bounded by a few of them, not by the number of batches in flight.
 */
class LongEventsMemoryTest {

    private static final int LINES = 24;
    private static final int LINE_CHARS = 10_000_000;

    @Test
    @Tag("slow") // 240 MB through a child JVM
    void eventsOfMillionsOfCharactersRunInASmallHeap() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-Xmx64m", "-cp", System.getProperty("java.class.path"), DcCli.class.getName(), "analyze",
                "--json", "--max-scan-chars", Integer.toString(LINE_CHARS + 100), "-").redirectError(ProcessBuilder.Redirect.INHERIT).start();
        Thread feeder = new Thread(() -> {
            byte[] head = "2024-05-01 10:00:00.000 WARN x {\"code\":5147,\"msg\":\"locked\"} ".getBytes(StandardCharsets.US_ASCII);
            byte[] block = "{\"code\":\"x\",\"ab\":1} ".repeat(50_000).getBytes(StandardCharsets.US_ASCII); // 1 MB of keys that are walked
            try (OutputStream stdin = process.getOutputStream()) {
                for (int line = 0; line < LINES; line++) {
                    stdin.write(head);
                    for (int written = 0; written + block.length <= LINE_CHARS - head.length; written += block.length) {
                        stdin.write(block);
                    }
                    stdin.write('\n');
                }
            } catch (IOException e) {
                // the process ended early: its exit status tells why
            }
        });
        feeder.start();
        byte[] out;
        try (InputStream stdout = process.getInputStream()) {
            out = stdout.readAllBytes();
        }
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        feeder.join();

        assertThat(process.exitValue()).isZero();
        assertThat(new String(out, StandardCharsets.UTF_8)).contains("\"events\":" + LINES + ",", "\"errors\":{\"5147\":" + LINES + "}");
    }
}
