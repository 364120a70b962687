package dev.dcerrors.cli;

import dev.dcerrors.cli.input.InputReader;
import dev.dcerrors.core.RecognizerOptions;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A parsed command line: the command, its inputs and its options. Options are written {@code --name VALUE}
 * or {@code --name=VALUE}; {@code -} is standard input; {@code --} ends the options.
 */
final class CommandLine {

    enum Command {
        HELP, ANALYZE, BACKFILL;

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    static final String USAGE_ANALYZE = "usage: dc-cli analyze [--json] [--html FILE] [--sample N] [options] FILE...";
    static final String USAGE_BACKFILL = "usage: dc-cli backfill --out FILE [--job NAME] [--instance NAME] [--step 1m] [options] FILE...";
    static final String USAGE = USAGE_ANALYZE + "\n" + USAGE_BACKFILL.replace("usage:", "      ")
            + "\n       dc-cli --help | analyze --help | backfill --help";

    static final String DEFAULT_JOB = "dc-backfill";
    static final long DEFAULT_STEP_SECONDS = 60;

    Command command = Command.HELP;
    boolean help;
    final List<InputReader.Input> inputs = new ArrayList<>();
    final RecognizerOptions options = new RecognizerOptions();
    ZoneId zone = ZoneId.systemDefault();
    /** {@code --progress} (true) or {@code --no-progress} (false); null: when standard error is a terminal. */
    @Nullable Boolean progress;
    // analyze
    boolean json;
    @Nullable Path html;
    int sample;
    // backfill
    @Nullable String out;
    String job = DEFAULT_JOB;
    @Nullable String instance;
    long stepSeconds = DEFAULT_STEP_SECONDS;

    /**
     * Parses the arguments.
     *
     * @throws UsageException when they are not a command line that can run
     */
    static CommandLine parse(String[] args) {
        CommandLine line = new CommandLine();
        if (args.length == 0) {
            throw new UsageException("no command: expected analyze or backfill");
        }
        if (args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
            return line;
        }
        switch (args[0]) {
            case "analyze":
                line.command = Command.ANALYZE;
                break;
            case "backfill":
                line.command = Command.BACKFILL;
                break;
            default:
                throw new UsageException("unknown command '" + args[0] + "': expected analyze or backfill");
        }
        boolean optionsEnded = false;
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if (optionsEnded || arg.equals("-") || !arg.startsWith("-")) {
                line.inputs.add(InputReader.Input.of(arg));
                continue;
            }
            if (arg.equals("--")) {
                optionsEnded = true;
                continue;
            }
            if (arg.equals("--help") || arg.equals("-h")) {
                line.help = true;
                continue;
            }
            int eq = arg.indexOf('=');
            String name = eq > 0 ? arg.substring(0, eq) : arg;
            String inline = eq > 0 ? arg.substring(eq + 1) : null;
            RecognitionFlag flag = RecognitionFlag.of(name);
            if (flag != null && flag.kind == RecognitionFlag.Kind.SWITCH) {
                flag.apply(line.options, inline == null ? "true" : inline);
                continue;
            }
            RecognitionFlag negated = name.startsWith("--no-") ? RecognitionFlag.of("--" + name.substring(5)) : null;
            if (negated != null && negated.kind == RecognitionFlag.Kind.SWITCH && inline == null) { // --no-scan-throwables
                negated.apply(line.options, "false");
                continue;
            }
            if ((name.equals("--progress") || name.equals("--no-progress")) && inline == null) {
                line.progress = name.equals("--progress");
                continue;
            }
            if (name.equals("--json") && line.command == Command.ANALYZE && inline == null) {
                line.json = true;
                continue;
            }
            if (flag == null && !line.takesValue(name)) {
                throw new UsageException("unknown option '" + name + "' for " + line.command.label());
            }
            String value = inline;
            if (value == null) {
                if (i + 1 >= args.length) {
                    throw new UsageException(name + " needs a value");
                }
                value = args[++i];
            }
            if (flag != null) {
                flag.apply(line.options, value);
            } else {
                line.set(name, value);
            }
        }
        if (line.help) {
            return line;
        }
        if (line.inputs.isEmpty()) {
            throw new UsageException("no input: name log files, or - for standard input");
        }
        if (line.command == Command.BACKFILL && line.out == null) {
            throw new UsageException("backfill needs --out FILE (- for standard output)");
        }
        return line;
    }

    private boolean takesValue(String name) {
        switch (name) {
            case "--zone":
                return true;
            case "--html":
            case "--sample":
                return command == Command.ANALYZE;
            case "--out":
            case "--job":
            case "--instance":
            case "--step":
                return command == Command.BACKFILL;
            default:
                return false;
        }
    }

    private void set(String name, String value) {
        switch (name) {
            case "--zone":
                try {
                    zone = ZoneId.of(value);
                } catch (DateTimeException e) {
                    throw new UsageException("--zone: '" + value + "' is not a time zone: expected a region such as Europe/Berlin or an offset such as +02:00");
                }
                break;
            case "--html":
                html = Path.of(value);
                break;
            case "--sample":
                if (!value.matches("\\d{1,4}")) {
                    throw new UsageException("--sample: '" + value + "' is not a number of lines (0-9999)");
                }
                sample = Integer.parseInt(value);
                break;
            case "--out":
                out = value;
                break;
            case "--job":
                job = requireLabel(name, value);
                break;
            case "--instance":
                instance = requireLabel(name, value);
                break;
            case "--step":
                stepSeconds = parseStep(value);
                break;
            default:
                throw new IllegalStateException(name);
        }
    }

    private static String requireLabel(String name, String value) {
        if (value.isBlank()) {
            throw new UsageException(name + ": must not be empty");
        }
        return value;
    }

    /** A step such as {@code 15s}, {@code 1m}, {@code 1h}, {@code 1d}, in whole seconds. */
    static long parseStep(String value) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{1,6})([smhd])").matcher(value);
        if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
            throw new UsageException("--step: '" + value + "' is not a step: expected a positive number with s, m, h or d, e.g. 1m");
        }
        long n = Long.parseLong(m.group(1));
        switch (m.group(2)) {
            case "s":
                return n;
            case "m":
                return n * 60;
            case "h":
                return n * 3600;
            default:
                return n * 86_400;
        }
    }

    /** The backfill's {@code instance} label: {@code --instance}, else the host name. */
    String instanceLabel() {
        if (instance != null) {
            return instance;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
