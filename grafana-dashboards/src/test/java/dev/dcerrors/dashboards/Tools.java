package dev.dcerrors.dashboards;

import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Real tools from Debian's {@code prometheus} and {@code jsonnet} packages, run as processes. */
final class Tools {

    private Tools() {
    }

    /** The result of a finished process. */
    record Result(int exitCode, String output) {
    }

    /**
     * Finds a tool on the PATH. Where it is missing the calling test is skipped, except in CI
     * ({@code CI=true}), where {@code .ci/run} installs it and its absence is a failure.
     */
    static Path require(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            Path candidate = Path.of(dir, tool);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        if ("true".equals(System.getenv("CI"))) {
            throw new IllegalStateException(tool + " is not installed; .ci/run installs Debian's prometheus and jsonnet packages");
        }
        assumeThat(false).as(tool + " is not installed (apt-get install prometheus jsonnet); skipped outside CI").isTrue();
        throw new AssertionError("unreachable");
    }

    static Result run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(ProjectFiles.MODULE.toFile()).redirectErrorStream(true).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(command + " did not finish in 120 s");
        }
        return new Result(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }
}
