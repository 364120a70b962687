package dev.dcerrors.cli;

import dev.dcerrors.cli.input.EventSplitter;
import dev.dcerrors.cli.input.InputReader;
import dev.dcerrors.cli.input.InputResult;
import dev.dcerrors.cli.recognition.Analysis;
import dev.dcerrors.cli.report.Progress;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * Runs the data path over the inputs: the {@link InputReader} on a thread of its own, the splitting and
 * recognition on the calling thread, a {@link Progress} bar on standard error when asked for.
 * Input errors are printed as they happen, naming the input, and the next input is read.
 */
final class Analyzer {

    private static final int QUEUE_CHUNKS = 4;

    private Analyzer() {
    }

    static List<InputResult> run(List<InputReader.Input> inputs, InputStream stdin, EventSplitter splitter, Analysis analysis, PrintStream err,
            Progress.When progressWhen) throws InterruptedException {
        BlockingQueue<InputReader.Item> queue = new ArrayBlockingQueue<>(QUEUE_CHUNKS);
        AtomicLong bytesRead = new AtomicLong();
        Thread reader = new Thread(new InputReader(inputs, stdin, queue, bytesRead), "dc-cli-reader");
        reader.setDaemon(true);
        reader.start();
        Progress progress = Progress.start(progressWhen, inputs, bytesRead, err);
        List<InputResult> results = new ArrayList<>();
        long eventsBefore = 0;
        try {
            for (InputReader.Item item = queue.take(); !(item instanceof InputReader.Done); item = queue.take()) {
                if (item instanceof InputReader.Start) {
                    splitter.startInput();
                    analysis.input(((InputReader.Start) item).input().name());
                    eventsBefore = analysis.events();
                } else if (item instanceof InputReader.Text) {
                    splitter.accept(((InputReader.Text) item).text());
                    if (progress != null) {
                        progress.events(analysis.events());
                    }
                } else {
                    InputReader.End end = (InputReader.End) item;
                    splitter.endInput();
                    results.add(new InputResult(end.input().name(), end.gzip(), end.bytes(), analysis.events() - eventsBefore, end.error()));
                    if (end.error() != null) {
                        if (progress != null) {
                            progress.clear();
                        }
                        err.println("dc-cli: " + end.input().name() + ": " + end.error());
                    }
                }
            }
        } finally {
            reader.interrupt(); // ends the reader should recognition have failed while it waits to hand on a chunk
            if (progress != null) {
                progress.stop();
            }
        }
        return results;
    }
}
