package dev.dcerrors.cli.input;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.jspecify.annotations.Nullable;

/**
 * The reading side, on a thread of its own: opens each input in turn, decompresses gzip (recognized by its
 * magic bytes, not by name), decodes UTF-8 (invalid bytes become U+FFFD) and hands the text on in chunks
 * that end at a line break, through a bounded queue, so that recognition runs on the other core. A line
 * longer than a chunk is handed on in pieces cut between characters. A failing input is reported with
 * what went wrong and the next one is read.
 */
public final class InputReader implements Runnable {

    static final int CHUNK_BYTES = 1 << 18; // below half a G1 region of a small heap: no humongous allocation per chunk

    /** An input: a file, or standard input ({@code -}). */
    public record Input(String name, @Nullable Path path) {
        public static Input of(String argument) {
            return argument.equals("-") ? new Input("-", null) : new Input(argument, Path.of(argument));
        }
    }

    /** What the reader hands on, in order: for each input a {@link Start}, its {@link Text}s, an {@link End}. */
    public sealed interface Item permits Start, Text, End, Done {
    }

    public record Start(Input input) implements Item {
    }

    public record Text(String text) implements Item {
    }

    /** The end of an input: {@code error} says what went wrong, null when it was read to its end. */
    public record End(Input input, boolean gzip, long bytes, @Nullable String error) implements Item {
    }

    /** No more inputs. */
    public record Done() implements Item {
    }

    private final List<Input> inputs;
    private final InputStream stdin;
    private final BlockingQueue<Item> queue;
    private final AtomicLong bytesRead;

    public InputReader(List<Input> inputs, InputStream stdin, BlockingQueue<Item> queue, AtomicLong bytesRead) {
        this.inputs = inputs;
        this.stdin = stdin;
        this.queue = queue;
        this.bytesRead = bytesRead;
    }

    @Override
    public void run() {
        try {
            for (Input input : inputs) {
                queue.put(new Start(input));
                queue.put(read(input));
            }
            queue.put(new Done());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private End read(Input input) throws InterruptedException {
        boolean gzip = false;
        long textBytes = 0;
        byte[] buffer = new byte[CHUNK_BYTES];
        int filled = 0;
        try (InputStream raw = open(input)) {
            BufferedInputStream buffered = new BufferedInputStream(new Counting(raw, bytesRead), 1 << 16);
            buffered.mark(2);
            gzip = buffered.read() == 0x1f && buffered.read() == 0x8b;
            buffered.reset();
            InputStream in = gzip ? new GZIPInputStream(buffered, 1 << 16) : buffered;
            for (int n; (n = in.read(buffer, filled, buffer.length - filled)) >= 0; ) {
                filled += n;
                textBytes += n;
                if (filled == buffer.length) {
                    int cut = lineEnd(buffer, filled);
                    queue.put(new Text(new String(buffer, 0, cut, StandardCharsets.UTF_8)));
                    System.arraycopy(buffer, cut, buffer, 0, filled - cut);
                    filled -= cut;
                }
            }
            flush(buffer, filled);
            return new End(input, gzip, textBytes, null);
        } catch (IOException e) {
            flush(buffer, filled);
            return new End(input, gzip, textBytes, describe(e, gzip, textBytes));
        }
    }

    private void flush(byte[] buffer, int filled) throws InterruptedException {
        if (filled > 0) {
            queue.put(new Text(new String(buffer, 0, filled, StandardCharsets.UTF_8)));
        }
    }

    private InputStream open(Input input) throws IOException {
        Path path = input.path();
        if (path == null) {
            return new FilterInputStream(stdin) {
                @Override
                public void close() {
                    // standard input stays open
                }
            };
        }
        if (Files.isDirectory(path)) {
            throw new NotALogFile("is a directory, not a log file");
        }
        return Files.newInputStream(path);
    }

    /**
     * Where to cut a full buffer: after its last line break, or, in a line longer than the buffer, before the
     * last character that may be incomplete (a UTF-8 lead byte and its continuation bytes).
     */
    static int lineEnd(byte[] buffer, int filled) {
        for (int i = filled - 1; i >= 0; i--) {
            if (buffer[i] == '\n') {
                return i + 1;
            }
        }
        int cut = filled;
        while (cut > filled - 3 && cut > 0 && (buffer[cut - 1] & 0xC0) == 0x80) {
            cut--;
        }
        if (cut > 0 && (buffer[cut - 1] & 0xC0) == 0xC0) {
            cut--;
        }
        return cut > 0 ? cut : filled;
    }

    private static String describe(IOException e, boolean gzip, long textBytes) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof NotALogFile) {
            return e.getMessage();
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (gzip && (e instanceof ZipException || e instanceof EOFException)) {
            return "corrupt gzip stream (" + e.getMessage() + ") after " + textBytes + " bytes of text; the events before it were counted";
        }
        String message = e.getMessage();
        return "read failed after " + textBytes + " bytes: " + (message != null ? message : e.getClass().getSimpleName());
    }

    /** An input that exists but is no file to read, such as a directory. */
    private static final class NotALogFile extends IOException {
        private static final long serialVersionUID = 1L;

        NotALogFile(String message) {
            super(message);
        }
    }

    /** Counts the bytes read from the source (compressed bytes for gzip), for the progress bar. */
    private static final class Counting extends FilterInputStream {
        private final AtomicLong counter;

        Counting(InputStream in, AtomicLong counter) {
            super(in);
            this.counter = counter;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                counter.incrementAndGet();
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                counter.addAndGet(n);
            }
            return n;
        }
    }
}
