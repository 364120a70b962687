package dev.dcerrors.cli.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether standard error is a terminal, without native code. On Linux the link {@code /proc/self/fd/2}
 * names what file descriptor 2 is open on: a terminal is {@code /dev/pts/N}, {@code /dev/tty…} or
 * {@code /dev/console}; a file, a pipe ({@code pipe:[…]}) or {@code /dev/null} is not. Elsewhere the only
 * hint the JDK gives is {@link System#console()}, which on JDK 17 says whether standard input and standard
 * output are terminals; it stands in for standard error there.
 */
public final class Terminal {

    private static final Path FD_DIRECTORY = Path.of("/proc/self/fd");

    private Terminal() {
    }

    public static boolean standardErrorIsTerminal() {
        if (!Files.isDirectory(FD_DIRECTORY)) {
            return System.console() != null;
        }
        try {
            return isTerminalDevice(Files.readSymbolicLink(FD_DIRECTORY.resolve("2")).toString());
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false; // closed, or not to be read: no terminal to draw on
        }
    }

    /** Whether the target of a {@code /proc/self/fd/N} link is a terminal device. */
    static boolean isTerminalDevice(String target) {
        return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
    }
}
