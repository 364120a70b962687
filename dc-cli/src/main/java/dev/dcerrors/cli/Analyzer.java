package dev.dcerrors.cli;

import dev.dcerrors.cli.input.EventSplitter;
import dev.dcerrors.cli.input.InputReader;
import dev.dcerrors.cli.input.InputResult;
import dev.dcerrors.cli.input.Timestamps;
import dev.dcerrors.cli.recognition.Analysis;
import dev.dcerrors.cli.report.Progress;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Runs the data path over the inputs, on every core where it pays:
 * <ol>
 * <li>the {@link InputReader} reads (and inflates) and decodes the inputs into chunks of whole lines, on a thread
 *     of its own;</li>
 * <li>a splitter thread cuts them into events ({@link EventSplitter}) and hands them on in batches;</li>
 * <li>one recognizer thread per processor (at most four) recognizes batches, each with an {@link Analysis} of its
 *     own used for {@link Analysis#recognize} alone;</li>
 * <li>the calling thread tallies the batches in the order of the input ({@link Analysis#tally}), so that every
 *     count, sample and label is what one thread reading event after event would give.</li>
 * </ol>
 * Memory stays bounded: at most {@value #QUEUE_CHUNKS} chunks wait for the splitter, and at most
 * {@value #BATCHES_IN_FLIGHT} batches of at most {@value #BATCH_EVENTS} events and {@value #CHARS_IN_FLIGHT}
 * characters in all are in flight (or one batch, when its events are longer: {@code maxScanChars} has no upper
 * bound). A
 * {@link Progress} bar is drawn on standard error when asked for. Input errors are printed as they happen, naming
 * the input, and the next input is read.
 */
final class Analyzer {

    private static final int QUEUE_CHUNKS = 4;
    static final int BATCH_EVENTS = 2048;
    static final int BATCH_CHARS = 1 << 18;
    private static final int BATCHES_IN_FLIGHT = 8;
    private static final int CHARS_IN_FLIGHT = BATCHES_IN_FLIGHT * BATCH_CHARS;

    private Analyzer() {
    }

    /** What the splitter hands on to the tallying thread, in the order of the input. */
    private sealed interface Step permits Begin, Batch, Finish, Done, Failure {
    }

    private record Begin(InputReader.Input input) implements Step {
    }

    private record Finish(InputReader.End end) implements Step {
    }

    private record Done() implements Step {
    }

    /** Something went wrong on the splitter thread: the run ends with it, as it would on one thread. */
    private record Failure(Throwable cause) implements Step {
    }

    /** Consecutive events of one input, with their codes once a recognizer thread is done with them. */
    private static final class Batch implements Step {
        final String[] texts = new String[BATCH_EVENTS];
        final long[] times = new long[BATCH_EVENTS];
        final long[] lines = new long[BATCH_EVENTS];
        /** The codes of event {@code i} are {@code codes[ends[i - 1], ends[i])}. */
        final int[] ends = new int[BATCH_EVENTS];
        int[] codes = new int[BATCH_EVENTS];
        int size;
        int chars;
        /** The characters this batch holds of {@link #CHARS_IN_FLIGHT}, released once it is tallied. */
        int permits;
        private final CountDownLatch recognized = new CountDownLatch(1);
        private @Nullable Throwable failure;

        boolean isFull() {
            return size == BATCH_EVENTS || chars >= BATCH_CHARS;
        }

        void add(String text, long time, long line) {
            texts[size] = text;
            times[size] = time;
            lines[size] = line;
            size++;
            chars += text.length();
        }

        /** On a recognizer thread. */
        void recognize(Analysis recognizer, int[] scratch) {
            try {
                int end = 0;
                for (int i = 0; i < size; i++) {
                    int n = recognizer.recognize(texts[i], scratch);
                    if (end + n > codes.length) {
                        codes = Arrays.copyOf(codes, Math.max(codes.length * 2, end + n));
                    }
                    System.arraycopy(scratch, 0, codes, end, n);
                    end += n;
                    ends[i] = end;
                }
            } catch (Throwable t) {
                failure = t;
            } finally {
                recognized.countDown();
            }
        }

        /** On a recognizer thread that could not start. */
        void fail(Throwable t) {
            failure = t;
            recognized.countDown();
        }

        /** On the tallying thread: waits for the recognizer, then tallies the events in order. */
        void tally(Analysis analysis) throws InterruptedException {
            recognized.await();
            Throwable t = failure;
            if (t != null) {
                throw rethrow(t);
            }
            int from = 0;
            for (int i = 0; i < size; i++) {
                analysis.tally(texts[i], times[i], lines[i], codes, from, ends[i]);
                from = ends[i];
            }
        }
    }

    /**
     * Runs the inputs through the data path.
     *
     * @param maxChars   the splitter's limit on the characters of an event
     * @param recognizers makes the {@link Analysis} that each recognizer thread uses for {@link Analysis#recognize}
     * @param maxCodes   the most codes one event can have
     */
    static List<InputResult> run(List<InputReader.Input> inputs, InputStream stdin, Timestamps timestamps, int maxChars, Analysis analysis,
            Supplier<Analysis> recognizers, int maxCodes, PrintStream err, Progress.When progressWhen) throws InterruptedException {
        BlockingQueue<InputReader.Item> chunks = new ArrayBlockingQueue<>(QUEUE_CHUNKS);
        BlockingQueue<Step> steps = new ArrayBlockingQueue<>(BATCHES_IN_FLIGHT);
        BlockingQueue<Batch> work = new LinkedBlockingQueue<>();
        Semaphore chars = new Semaphore(CHARS_IN_FLIGHT);
        AtomicLong bytesRead = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        threads.add(new Thread(new InputReader(inputs, stdin, chunks, bytesRead), "dc-cli-reader"));
        threads.add(new Thread(() -> split(chunks, timestamps, maxChars, steps, work, chars), "dc-cli-splitter"));
        // half the batches in flight at most, so that each recognizer has a next batch while the oldest is tallied
        int workers = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), BATCHES_IN_FLIGHT / 2));
        for (int w = 0; w < workers; w++) {
            threads.add(new Thread(() -> recognize(work, recognizers, maxCodes), "dc-cli-recognizer-" + w));
        }
        Progress progress = Progress.start(progressWhen, inputs, bytesRead, err); // drawn first at 0 bytes, before the reader starts
        for (Thread thread : threads) {
            thread.setDaemon(true);
            thread.start();
        }
        List<InputResult> results = new ArrayList<>();
        long eventsBefore = 0;
        try {
            for (Step step = steps.take(); !(step instanceof Done); step = steps.take()) {
                if (step instanceof Batch batch) {
                    batch.tally(analysis);
                    chars.release(batch.permits);
                    if (progress != null) {
                        progress.events(analysis.events());
                    }
                } else if (step instanceof Begin begin) {
                    analysis.input(begin.input().name());
                    eventsBefore = analysis.events();
                } else if (step instanceof Finish finish) {
                    InputReader.End end = finish.end();
                    results.add(new InputResult(end.input().name(), end.gzip(), end.bytes(), analysis.events() - eventsBefore, end.error()));
                    if (end.error() != null) {
                        if (progress != null) {
                            progress.clear();
                        }
                        err.println("dc-cli: " + end.input().name() + ": " + end.error());
                    }
                } else {
                    throw rethrow(((Failure) step).cause());
                }
            }
        } finally {
            for (Thread thread : threads) {
                thread.interrupt(); // ends them should the run have failed while they wait
            }
            if (progress != null) {
                progress.stop();
            }
        }
        return results;
    }

    /** The splitter thread: chunks in, batches of events out, each to the tallying thread and to a recognizer. */
    private static void split(BlockingQueue<InputReader.Item> chunks, Timestamps timestamps, int maxChars, BlockingQueue<Step> steps,
            BlockingQueue<Batch> work, Semaphore chars) {
        try {
            Batch[] open = {new Batch()};
            EventSplitter splitter = new EventSplitter(timestamps, maxChars, (text, time, line) -> {
                Batch batch = open[0];
                batch.add(text, time, line);
                if (batch.isFull()) {
                    open[0] = new Batch();
                    handOn(batch, steps, work, chars);
                }
            });
            for (InputReader.Item item = chunks.take(); !(item instanceof InputReader.Done); item = chunks.take()) {
                if (item instanceof InputReader.Text text) {
                    splitter.accept(text.text());
                } else if (item instanceof InputReader.Start start) {
                    splitter.startInput();
                    steps.put(new Begin(start.input()));
                } else {
                    splitter.endInput();
                    if (open[0].size > 0) {
                        handOn(open[0], steps, work, chars);
                        open[0] = new Batch();
                    }
                    steps.put(new Finish((InputReader.End) item));
                }
            }
            steps.put(new Done());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable t) {
            try {
                steps.put(new Failure(t));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void handOn(Batch batch, BlockingQueue<Step> steps, BlockingQueue<Batch> work, Semaphore chars) {
        try {
            batch.permits = Math.min(batch.chars, CHARS_IN_FLIGHT);
            chars.acquire(batch.permits);
            steps.put(batch); // before the work queue, so that the batches in flight are bounded by the steps' capacity
            work.put(batch);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /**
     * A recognizer thread. Its {@link Analysis} and scratch array are made here, so that they sit in this thread's
     * allocation buffer, not on the cache line of another's.
     */
    private static void recognize(BlockingQueue<Batch> work, Supplier<Analysis> recognizers, int maxCodes) {
        try {
            Analysis recognizer;
            int[] scratch;
            try {
                recognizer = recognizers.get();
                scratch = new int[maxCodes];
            } catch (RuntimeException | Error e) {
                while (true) {
                    work.take().fail(e); // the run ends with it at the first batch it should have recognized
                }
            }
            while (true) {
                work.take().recognize(recognizer, scratch);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException e) {
            throw e;
        }
        if (t instanceof Error e) {
            throw e;
        }
        throw new IllegalStateException(t);
    }
}
