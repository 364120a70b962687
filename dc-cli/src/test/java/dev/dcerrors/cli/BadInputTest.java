package dev.dcerrors.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Inputs that cannot be read, and command lines that cannot run: a message naming the problem, and the exit status. */
class BadInputTest {

    @TempDir
    Path dir;
    Path good;

    @BeforeEach
    void goodFile() throws IOException {
        good = dir.resolve("good.log");
        Files.writeString(good, "2024-05-01 10:00:00.000 WARN x {\"code\":5147,\"msg\":\"locked\"}\n");
    }

    @Test
    void aMissingFileIsNamedAndTheOthersAreStillReportedWithStatus1() {
        Cli.Result result = Cli.run("analyze", "--json", dir.resolve("missing.log").toString(), good.toString());

        assertThat(result.status()).isEqualTo(1);
        assertThat(result.err()).contains("dc-cli: " + dir.resolve("missing.log") + ": no such file");
        assertThat(result.out()).startsWith("{\"files\":1,\"events\":1,").contains("\"errors\":{\"5147\":1}");
    }

    @Test
    void aDirectoryIsNotALogFile() {
        Cli.Result result = Cli.run("analyze", "--json", dir.toString(), good.toString());

        assertThat(result.status()).isEqualTo(1);
        assertThat(result.err()).contains("dc-cli: " + dir + ": is a directory, not a log file");
        assertThat(result.out()).contains("\"errors\":{\"5147\":1}");
    }

    @Test
    void anUnreadableFileSaysPermissionDenied() throws IOException {
        Path secret = dir.resolve("secret.log");
        Files.writeString(secret, "x\n");
        secret.toFile().setReadable(false, false);
        org.junit.jupiter.api.Assumptions.assumeFalse(Files.isReadable(secret), "running as a user who reads every file (root)");

        Cli.Result result = Cli.run("analyze", "--json", secret.toString(), good.toString());

        assertThat(result.status()).isEqualTo(1);
        assertThat(result.err()).contains(secret + ": permission denied");
    }

    @Test
    void aCorruptGzipStreamIsNamedTheEventsBeforeItCountAndTheNextFileIsRead() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream gzip = new GZIPOutputStream(bytes)) {
            for (int i = 0; i < 20_000; i++) {
                gzip.write(("2024-05-01 10:00:00.000 WARN x code=5005 event " + i + " " + "padding ".repeat(i % 7) + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        byte[] whole = bytes.toByteArray();
        Path truncated = dir.resolve("app.log.1.gz");
        Files.write(truncated, Arrays.copyOf(whole, whole.length / 2));
        Path garbage = dir.resolve("app.log.2.gz");
        byte[] corrupt = whole.clone();
        for (int i = 200; i < 400; i++) {
            corrupt[i] = (byte) 0x55;
        }
        Files.write(garbage, corrupt);

        Cli.Result result = Cli.run("analyze", "--json", truncated.toString(), garbage.toString(), good.toString());

        assertThat(result.status()).isEqualTo(1);
        assertThat(result.err()).contains("dc-cli: " + truncated + ": corrupt gzip stream (", "dc-cli: " + garbage + ": corrupt gzip stream (",
                "the events before it were counted");
        assertThat(result.out()).contains("\"files\":3", "\"5147\":1");
        long events = Long.parseLong(result.out().replaceAll(".*\"events\":(\\d+).*\\s*", "$1"));
        assertThat(events).isBetween(2L, 20_000L);
    }

    @Test
    void invalidUtf8IsReplacedNeverFatal() throws IOException {
        Path bytes = dir.resolve("binary.log");
        byte[] content = "2024-05-01 10:00:00.000 x \u00ff\u00fe\u00c3 code=5005 y\n".getBytes(StandardCharsets.ISO_8859_1);
        Files.write(bytes, content);

        Cli.Result result = Cli.run("analyze", "--json", bytes.toString());

        assertThat(result.status()).isZero();
        assertThat(result.out()).contains("\"errors\":{\"5005\":1}");
    }

    @Test
    void usageErrorsExitWith2AndTheUsageLine() {
        assertUsage(Cli.run("analyze"), "dc-cli: no input: name log files, or - for standard input", CommandLine.USAGE_ANALYZE);
        assertUsage(Cli.run("analyze", "--jsn", good.toString()), "dc-cli: unknown option '--jsn' for analyze", CommandLine.USAGE_ANALYZE);
        assertUsage(Cli.run("analyse", good.toString()), "dc-cli: unknown command 'analyse': expected analyze or backfill", "usage: dc-cli analyze");
        assertUsage(Cli.run("backfill", good.toString()), "dc-cli: backfill needs --out FILE", CommandLine.USAGE_BACKFILL);
        assertUsage(Cli.run("backfill", "--out", "x", "--step", "0m", good.toString()), "dc-cli: --step: '0m' is not a step", CommandLine.USAGE_BACKFILL);
        assertUsage(Cli.run("analyze", "--zone", "Mars/Base", good.toString()), "dc-cli: --zone: 'Mars/Base' is not a time zone", CommandLine.USAGE_ANALYZE);
        assertUsage(Cli.run("analyze", "--max-scan-chars", "lots", good.toString()), "dc-cli: --max-scan-chars: 'lots' is not a number",
                CommandLine.USAGE_ANALYZE);
        assertUsage(Cli.run("analyze", "--sample"), "dc-cli: --sample needs a value", CommandLine.USAGE_ANALYZE);
        assertUsage(Cli.run("analyze", "--out", "x", good.toString()), "dc-cli: unknown option '--out' for analyze", CommandLine.USAGE_ANALYZE);
    }

    @Test
    void noArgumentsIsAUsageErrorWithTheUsageOnStandardErrorWhileHelpExitsWith0() {
        Cli.Result none = Cli.run();

        assertUsage(none, "dc-cli: no command: expected analyze or backfill", CommandLine.USAGE);
        assertThat(none.err()).doesNotContain("Recognition (");
        Cli.Result help = Cli.run("--help");
        assertThat(help.status()).isZero();
        assertThat(help.out()).startsWith(CommandLine.USAGE).contains("Recognition (");
        assertThat(help.err()).isEmpty();
    }

    private static void assertUsage(Cli.Result result, String message, String usage) {
        assertThat(result.status()).as(result.err()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).startsWith(message).contains(usage);
    }

    /**
     * A line of 512 MB without a line break, on standard input of a JVM with 64 MB of heap: the event is cut as
     * the turbo filter cuts texts, the code at its start counted, and memory stays bounded.
     */
    @Test
    @Tag("slow") // 512 MB through a child JVM
    void aHugeLineWithoutALineBreakDoesNotExhaustMemory() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-Xmx64m", "-cp", System.getProperty("java.class.path"), DcCli.class.getName(), "analyze", "--json", "-")
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        Thread feeder = new Thread(() -> {
            try (OutputStream stdin = process.getOutputStream()) {
                stdin.write("2024-05-01 10:00:00.000 WARN x {\"code\":5147,\"msg\":\"locked\"} ".getBytes(StandardCharsets.UTF_8));
                byte[] block = "é no line break here ".repeat(50_000).getBytes(StandardCharsets.UTF_8);
                for (long written = 0; written < 512L << 20; written += block.length) {
                    stdin.write(block);
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
        assertThat(new String(out, StandardCharsets.UTF_8)).contains("\"events\":1,", "\"errors\":{\"5147\":1}");
    }

    @Test
    void helpListsEveryRecognitionOptionWithItsDefaultFromRecognizerOptions() {
        Cli.Result result = Cli.run("--help");

        assertThat(result.status()).isZero();
        for (RecognitionFlag flag : RecognitionFlag.values()) {
            assertThat(result.out()).contains(flag.flag, "[" + flag.option.element() + "]");
            if (!flag.option.defaultValue().isEmpty()) {
                assertThat(result.out()).contains("Default: " + flag.option.defaultValue() + ".");
            }
        }
        assertThat(result.out()).contains("--scan-throwables, --no-scan-throwables", "Default: true.");
        assertThat(result.out()).contains("--extra-key KEY", "--message-key KEY", "--zone ZONE", "--progress", "--no-progress", "the system zone", "analyze", "backfill", "--step");
        assertThat(Cli.run("backfill", "--help").out()).startsWith(CommandLine.USAGE_BACKFILL).contains("--instance NAME");
        assertThat(List.of(Cli.run("analyze", "--help").out().split("\n"))).first().isEqualTo(CommandLine.USAGE_ANALYZE);
    }
}
