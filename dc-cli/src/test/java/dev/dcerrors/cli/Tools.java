package dev.dcerrors.cli;

import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Real tools from Debian's packages, run as processes: promtool and prometheus ({@code prometheus}),
 * chromium ({@code chromium}). Where one is missing the calling test is skipped, except in CI
 * ({@code CI=true}), where {@code .ci/run} installs them and their absence is a failure.
 */
public final class Tools {

    private Tools() {
    }

    public record Result(int exitCode, String output) {
    }

    public static Path require(String tool, String debianPackage) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            Path candidate = Path.of(dir, tool);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        if ("true".equals(System.getenv("CI"))) {
            throw new IllegalStateException(tool + " is not installed; .ci/run installs Debian's " + debianPackage + " package");
        }
        assumeThat(false).as(tool + " is not installed (apt-get install " + debianPackage + "); skipped outside CI").isTrue();
        throw new AssertionError("unreachable");
    }

    public static Result run(List<String> command, Path directory) throws IOException, InterruptedException {
        Path output = Files.createTempFile(directory, "tool", ".out");
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile()).redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(command + " did not finish in 120 s; output: " + Files.readString(output, StandardCharsets.UTF_8));
        }
        return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    }
}
