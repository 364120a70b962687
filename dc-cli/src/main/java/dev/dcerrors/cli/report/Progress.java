package dev.dcerrors.cli.report;

import dev.dcerrors.cli.input.InputReader;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * A progress bar on standard error, redrawn four times a second on one line: bytes read of the total (of
 * the files as stored, compressed or not), events, elapsed time. By default only for inputs over a few MB
 * (or standard input, whose size is unknown), and only when standard error is a terminal
 * ({@link Terminal}); {@code --progress} draws it always, {@code --no-progress} never.
 */
public final class Progress {

    static final long MIN_BYTES = 8L << 20;

    /** When a bar is drawn. */
    public enum When {
        NEVER,
        /** For inputs of {@link #MIN_BYTES} or more, or standard input. */
        LARGE_INPUTS,
        ALWAYS
    }

    private static final int WIDTH = 30;

    private final long total;
    private final AtomicLong bytesRead;
    private final PrintStream err;
    private final long started = System.nanoTime();
    private final Thread thread;
    private volatile long events;
    private volatile boolean running = true;

    private Progress(long total, AtomicLong bytesRead, PrintStream err) {
        this.total = total;
        this.bytesRead = bytesRead;
        this.err = err;
        this.thread = new Thread(this::loop, "dc-cli-progress");
        thread.setDaemon(true);
    }

    /**
     * A running progress bar, drawn once before this returns, or null when {@code when} says there is none for
     * these inputs.
     */
    public static @Nullable Progress start(When when, List<InputReader.Input> inputs, AtomicLong bytesRead, PrintStream err) {
        if (when == When.NEVER) {
            return null;
        }
        long total = 0;
        boolean stdin = false;
        for (InputReader.Input input : inputs) {
            Path path = input.path();
            if (path == null) {
                stdin = true;
            } else {
                try {
                    total += Files.size(path);
                } catch (Exception e) {
                    // a missing file is reported by the reader
                }
            }
        }
        if (when == When.LARGE_INPUTS && total < MIN_BYTES && !stdin) {
            return null;
        }
        Progress progress = new Progress(stdin ? -1 : total, bytesRead, err);
        progress.draw();
        progress.thread.start();
        return progress;
    }

    public void events(long count) {
        events = count;
    }

    private void loop() {
        while (running) {
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                return;
            }
            draw();
        }
    }

    private synchronized void draw() {
        if (running) {
            err.print("\r" + line());
            err.flush();
        }
    }

    private String line() {
        long read = bytesRead.get();
        double seconds = (System.nanoTime() - started) / 1e9;
        StringBuilder sb = new StringBuilder();
        if (total > 0) {
            int filled = (int) Math.min(WIDTH, read * WIDTH / total);
            sb.append('[').append("#".repeat(filled)).append(".".repeat(WIDTH - filled)).append("] ")
                    .append(String.format(Locale.ROOT, "%3d%% ", Math.min(100, read * 100 / total)))
                    .append(Text.bytes(read)).append(" of ").append(Text.bytes(total));
        } else {
            sb.append(Text.bytes(read)).append(" read");
        }
        sb.append(", ").append(Text.number(events)).append(" events, ").append(String.format(Locale.ROOT, "%.0f s", seconds));
        return sb.toString();
    }

    /** Clears the bar's line, so that a message can be printed; the bar comes back at the next redraw. */
    public synchronized void clear() {
        err.print("\r" + " ".repeat(WIDTH + 70) + "\r");
        err.flush();
    }

    public synchronized void stop() {
        running = false;
        thread.interrupt();
        clear();
    }
}
