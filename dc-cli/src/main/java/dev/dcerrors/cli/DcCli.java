package dev.dcerrors.cli;

import dev.dcerrors.cli.backfill.OpenMetricsWriter;
import dev.dcerrors.cli.input.InputResult;
import dev.dcerrors.cli.input.Timestamps;
import dev.dcerrors.cli.recognition.Analysis;
import dev.dcerrors.cli.recognition.Tally;
import dev.dcerrors.cli.report.HtmlReport;
import dev.dcerrors.cli.report.JsonReport;
import dev.dcerrors.cli.report.Progress;
import dev.dcerrors.cli.report.SummaryReport;
import dev.dcerrors.cli.report.Terminal;
import dev.dcerrors.cli.report.Text;
import dev.dcerrors.core.ErrorCatalog;
import dev.dcerrors.core.ErrorCounts;
import dev.dcerrors.core.ErrorRecognizer;
import dev.dcerrors.core.RecognizerOptions;
import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The entry point of {@code dc-cli.jar}: {@code analyze}, {@code backfill} and {@code --help}. Exit status
 * 0 when every input was read, 1 when one could not be (the others are still processed and reported), 2
 * for a command line that cannot run (with the usage).
 */
public final class DcCli {

    static final int OK = 0;
    static final int INPUT_ERROR = 1;
    static final int USAGE_ERROR = 2;

    private DcCli() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16), false, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        int status = run(args, System.in, out, err, Terminal.standardErrorIsTerminal());
        out.flush();
        System.exit(status);
    }

    /**
     * Runs one command line.
     *
     * @param terminal whether standard error is a terminal: the progress bar is drawn there unless {@code --progress}
     *                 or {@code --no-progress} says otherwise
     * @return the exit status
     */
    static int run(String[] args, InputStream stdin, PrintStream out, PrintStream err, boolean terminal) {
        CommandLine line;
        try {
            line = CommandLine.parse(args);
        } catch (UsageException e) {
            err.println("dc-cli: " + e.getMessage());
            err.println(args.length > 0 && args[0].equals("analyze") ? CommandLine.USAGE_ANALYZE
                    : args.length > 0 && args[0].equals("backfill") ? CommandLine.USAGE_BACKFILL : CommandLine.USAGE);
            err.println("Try 'dc-cli --help'.");
            return USAGE_ERROR;
        }
        if (line.command == CommandLine.Command.HELP || line.help) {
            out.print(Help.text(line.command));
            return OK;
        }
        List<String> problems = new ArrayList<>();
        RecognizerOptions.Reporter reporter = new RecognizerOptions.Reporter() {
            @Override
            public void error(RecognizerOptions.Option option, String message) {
                problems.add(RecognitionFlag.flagOf(option) + ": " + message);
            }

            @Override
            public void warn(RecognizerOptions.Option option, String message) {
                err.println("dc-cli: " + RecognitionFlag.flagOf(option) + ": warning: " + message);
            }
        };
        // Counts of this run's own, so that it neither shares the JVM-wide default nor a previous run's catalog; the
        // options are checked first, as the counts are made with --max-unknown-codes.
        ErrorRecognizer recognizer = line.options.validate(reporter)
                ? line.options.build(new ErrorCounts(ErrorCatalog.builtIn(), line.options.getMaxUnknownCodes()), reporter) : null;
        if (recognizer == null) {
            problems.forEach(p -> err.println("dc-cli: " + p));
            err.println(line.command == CommandLine.Command.ANALYZE ? CommandLine.USAGE_ANALYZE : CommandLine.USAGE_BACKFILL);
            return USAGE_ERROR;
        }
        try {
            return line.command == CommandLine.Command.ANALYZE ? analyze(line, recognizer, stdin, out, err, terminal)
                    : backfill(line, recognizer, stdin, out, err, terminal);
        } catch (IOException e) {
            err.println("dc-cli: " + e.getMessage());
            return INPUT_ERROR;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("dc-cli: interrupted");
            return INPUT_ERROR;
        }
    }

    private static Analysis read(CommandLine line, ErrorRecognizer recognizer, long stepMillis, InputStream stdin, PrintStream err, boolean terminal,
            List<InputResult> results) throws InterruptedException {
        Analysis analysis = new Analysis(recognizer, line.sample, stepMillis);
        Progress.When progress = line.progress != null ? (line.progress ? Progress.When.ALWAYS : Progress.When.NEVER)
                : terminal ? Progress.When.LARGE_INPUTS : Progress.When.NEVER;
        results.addAll(Analyzer.run(line.inputs, stdin, new Timestamps(line.zone), line.options.getMaxScanChars() + 1, analysis,
                () -> new Analysis(recognizer, line.sample, 0), recognizer.maxCodesPerEvent(), err, progress));
        return analysis;
    }

    private static int analyze(CommandLine line, ErrorRecognizer recognizer, InputStream stdin, PrintStream out, PrintStream err, boolean terminal)
            throws IOException, InterruptedException {
        List<InputResult> results = new ArrayList<>();
        Analysis analysis = read(line, recognizer, 0, stdin, err, terminal, results);
        if (line.json) {
            out.println(JsonReport.of(analysis, results));
        } else {
            SummaryReport.print(out, analysis, results, line.zone, line.sample);
        }
        Path html = line.html;
        if (html != null) {
            Files.writeString(html, HtmlReport.render(analysis, results, line.zone, line.sample), StandardCharsets.UTF_8);
            err.println("dc-cli: HTML report written to " + html);
        }
        return status(results);
    }

    private static int backfill(CommandLine line, ErrorRecognizer recognizer, InputStream stdin, PrintStream out, PrintStream err, boolean terminal)
            throws IOException, InterruptedException {
        List<InputResult> results = new ArrayList<>();
        long stepMillis = line.stepSeconds * 1000;
        Analysis analysis = read(line, recognizer, stepMillis, stdin, err, terminal, results);
        Tally steps = analysis.steps();
        OpenMetricsWriter writer = new OpenMetricsWriter(analysis, steps != null ? steps : new Tally(stepMillis), line.job, line.instanceLabel());
        String target = line.out != null ? line.out : "-";
        if (target.equals("-")) {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            writer.write(w);
            w.flush();
        } else {
            try (Writer w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(Path.of(target)), StandardCharsets.UTF_8), 1 << 16)) {
                writer.write(w);
            } catch (IOException e) {
                throw new IOException("--out " + target + ": cannot write: " + e, e);
            }
        }
        if (!analysis.hasDatedEvents()) {
            err.println("dc-cli: no dated event: " + target + " holds no samples");
        } else {
            int codes = analysis.series().size() - 1;
            err.println("dc-cli: " + target + ": " + codes + (codes == 1 ? " code, " : " codes, ") + Text.number(writer.samplesPerSeries())
                    + " samples each, every " + line.stepSeconds + " s from " + Text.second(analysis.first(), line.zone) + " to "
                    + Text.second(analysis.last(), line.zone) + " " + line.zone.getId() + "; job=\"" + line.job + "\", instance=\""
                    + line.instanceLabel() + "\"" + (analysis.undated() > 0 ? "; " + Text.number(analysis.undated()) + " undated events left out" : ""));
        }
        return status(results);
    }

    private static int status(List<InputResult> results) {
        return results.stream().anyMatch(r -> r.error() != null) ? INPUT_ERROR : OK;
    }
}
