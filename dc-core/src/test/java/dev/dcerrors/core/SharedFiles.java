package dev.dcerrors.core;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the project's {@code shared/} folder, which lies beside the checkout. */
final class SharedFiles {

    private SharedFiles() {
    }

    static Path dir() {
        String configured = System.getProperty("dc.shared.dir");
        if (configured != null && Files.isDirectory(Path.of(configured))) {
            return Path.of(configured);
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared");
            if (Files.isRegularFile(candidate.resolve("error-code-summary.md"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("shared/ not found beside the checkout (set -Ddc.shared.dir)");
    }

    static Path errorCodeSummary() {
        return dir().resolve("error-code-summary.md");
    }
}
