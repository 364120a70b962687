package dev.dcerrors.demo;

import java.time.Duration;
import java.util.Locale;

/** The demo's command-line options. */
final class DemoOptions {

    static final String USAGE = String.join("\n",
            "Usage: java -jar dc-demo.jar [options]",
            "",
            "Runs a Developer Center-style backend on 127.0.0.1, drives simulated traffic against it (normal users,",
            "then a brute-force burst), counts the error codes it logs with DevCenterErrorTurboFilter and serves",
            "them for Prometheus.",
            "",
            "Options:",
            "  --port N          port of the Prometheus endpoint http://127.0.0.1:N/metrics (default 9464; 0 picks a free one)",
            "  --duration D      how long the scenario runs: 30s, 2m or plain seconds (default 30s)",
            "  --rate N          requests per second of simulated traffic (default 120)",
            "  --serve           keep serving /metrics (and the backend) after the scenario, until Ctrl-C",
            "  --seed N          seed of the simulated traffic, for a repeatable run (default 42)",
            "  --quiet           no live table; print only the summary",
            "  --help            print this help and exit",
            "",
            "Exit status: 0 when the scenario ran and the scrape matched the backend's own tally, 1 when it did not,",
            "2 for a bad option.");

    int port = 9464;
    Duration duration = Duration.ofSeconds(30);
    int rate = 120;
    boolean serve;
    long seed = 42;
    boolean quiet;
    boolean help;

    /** A bad option; the message says which and what is expected. */
    static final class BadOption extends Exception {
        private static final long serialVersionUID = 1L;

        BadOption(String message) {
            super(message);
        }
    }

    static DemoOptions parse(String... args) throws BadOption {
        DemoOptions options = new DemoOptions();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--help", "-h" -> options.help = true;
                case "--serve" -> options.serve = true;
                case "--quiet" -> options.quiet = true;
                case "--port" -> options.port = intValue(arg, value(args, ++i, arg), 0, 65535);
                case "--rate" -> options.rate = intValue(arg, value(args, ++i, arg), 1, 100_000);
                case "--seed" -> options.seed = longValue(arg, value(args, ++i, arg));
                case "--duration" -> options.duration = duration(value(args, ++i, arg));
                default -> throw new BadOption("unknown option '" + arg + "'");
            }
        }
        return options;
    }

    private static String value(String[] args, int i, String option) throws BadOption {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new BadOption(option + " needs a value");
        }
        return args[i];
    }

    private static int intValue(String option, String value, int min, int max) throws BadOption {
        try {
            int v = Integer.parseInt(value);
            if (v < min || v > max) {
                throw new BadOption(option + " " + value + " is out of range: expected " + min + "-" + max);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new BadOption(option + " '" + value + "' is not a number: expected " + min + "-" + max);
        }
    }

    private static long longValue(String option, String value) throws BadOption {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new BadOption(option + " '" + value + "' is not a number");
        }
    }

    static Duration duration(String value) throws BadOption {
        String v = value.trim().toLowerCase(Locale.ROOT);
        long factor = 1000;
        if (v.endsWith("ms")) {
            factor = 1;
            v = v.substring(0, v.length() - 2);
        } else if (v.endsWith("s")) {
            v = v.substring(0, v.length() - 1);
        } else if (v.endsWith("m")) {
            factor = 60_000;
            v = v.substring(0, v.length() - 1);
        }
        try {
            long amount = Long.parseLong(v);
            Duration d = Duration.ofMillis(amount * factor);
            if (d.toMillis() < 500 || d.toHours() > 24) {
                throw new BadOption("--duration " + value + " is out of range: expected 500ms to 24h, e.g. 30s or 2m");
            }
            return d;
        } catch (NumberFormatException e) {
            throw new BadOption("--duration '" + value + "' is not a duration: expected e.g. 30s, 2m or 45");
        }
    }
}
