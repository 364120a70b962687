package dev.dcerrors.cli.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.dcerrors.cli.DcCli;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The progress bar follows standard error, not standard input or output: dc-cli runs in a child JVM under
 * util-linux {@code script}, which gives it a pseudo-terminal, with its streams redirected by the shell.
 * What {@code script} prints is what the terminal showed.
 */
class ProgressOnTerminalTest {

    private static final Pattern BAR = Pattern.compile("\\[[#.]{30}] +\\d{1,3}% .*events, \\d+ s");
    private static final Pattern STDIN_BAR = Pattern.compile("\\d+(\\.\\d)? [KMGT]?B read, [\\d,]+ events, \\d+ s");
    private static final int LINES = 110_000;

    @TempDir
    static Path dir;
    static Path log;
    static Path script;

    @BeforeAll
    static void writeALogOverTheBarsThreshold() throws IOException {
        script = List.of("/usr/bin/script", "/bin/script").stream().map(Path::of).filter(Files::isExecutable).findFirst().orElse(null);
        log = dir.resolve("big.log");
        try (Writer w = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
            for (int i = 0; i < LINES; i++) {
                w.write("2024-05-01 10:00:00.000 [http-nio-8080-exec-1] INFO  c.e.api.Client - response {\"code\":200,\"msg\":\"success\"}\n");
            }
        }
        assertThat(Files.size(log)).isGreaterThan(Progress.MIN_BYTES);
    }

    @Test
    void theBarIsDrawnWhenStandardErrorIsATerminalAndStandardOutputAFile() throws Exception {
        String terminal = underScript(dcCli("analyze --json --zone UTC") + " " + quote(log) + " > " + quote(dir.resolve("a.json")));

        assertThat(terminal).containsPattern(BAR);
        assertThat(Files.readString(dir.resolve("a.json"))).contains("\"events\":" + LINES + ",");
    }

    @Test
    void theBarIsDrawnForStandardInputFromAPipe() throws Exception {
        String terminal = underScript("cat " + quote(log) + " | " + dcCli("analyze --json --zone UTC -") + " > " + quote(dir.resolve("b.json")));

        assertThat(terminal).containsPattern(STDIN_BAR);
        assertThat(Files.readString(dir.resolve("b.json"))).contains("\"events\":" + LINES + ",");
    }

    @Test
    void noBarInAFileWhenStandardErrorIsRedirectedWhileStandardOutputIsATerminal() throws Exception {
        Path err = dir.resolve("c.err");

        String terminal = underScript(dcCli("analyze --json --zone UTC") + " " + quote(log) + " 2> " + quote(err));

        assertThat(Files.readString(err)).isEmpty();
        assertThat(terminal).contains("\"events\":" + LINES + ",").doesNotContain("events, ");
    }

    @Test
    void progressAndNoProgressOverrideTheTerminalCheck() throws Exception {
        Path err = dir.resolve("d.err");
        Path small = Files.writeString(dir.resolve("small.log"), "2024-05-01 10:00:00.000 INFO x {\"code\":5147,\"msg\":\"locked\"}\n");

        String withoutBar = underScript(dcCli("analyze --json --no-progress --zone UTC") + " " + quote(log) + " > /dev/null");
        underScript(dcCli("analyze --json --progress --zone UTC") + " " + quote(small) + " 2> " + quote(err) + " > /dev/null");

        assertThat(withoutBar).doesNotContain("events, ");
        assertThat(Files.readString(err)).containsPattern(BAR);
    }

    @Test
    void procLinksToTerminalDevicesAreTerminalsAndFilesPipesAndDevNullAreNot() {
        assertThat(List.of("/dev/pts/3", "/dev/tty1", "/dev/tty", "/dev/console")).allMatch(Terminal::isTerminalDevice);
        assertThat(List.of("pipe:[73412]", "/tmp/err.txt", "/dev/null", "socket:[1]", "/dev/ptsx")).noneMatch(Terminal::isTerminalDevice);
    }

    private static String dcCli(String arguments) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return quote(Path.of(java)) + " -Xmx128m -cp " + quote(Path.of(System.getProperty("java.class.path"))) + " " + DcCli.class.getName() + " "
                + arguments;
    }

    /** Runs {@code command} with sh on a new pseudo-terminal; returns what the terminal showed. */
    private static String underScript(String command) throws IOException, InterruptedException {
        assumeThat(script).as("util-linux script is not installed").isNotNull();
        Path shown = Files.createTempFile(dir, "terminal", ".txt");
        Process process = new ProcessBuilder(script.toString(), "-qec", command, "/dev/null").redirectErrorStream(true)
                .redirectOutput(shown.toFile()).redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new AssertionError(command + " did not finish in 60 s; the terminal showed: " + Files.readString(shown));
        }
        String terminal = Files.readString(shown, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(terminal).isZero();
        return terminal;
    }

    private static String quote(Path path) {
        return "'" + path.toString().replace("'", "'\\''") + "'";
    }
}
