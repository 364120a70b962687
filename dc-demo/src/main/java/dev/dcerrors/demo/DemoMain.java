package dev.dcerrors.demo;

import dev.dcerrors.micrometer.DevCenterErrorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import java.util.concurrent.CountDownLatch;

/**
 * The demo's entry point. Starts the metrics endpoint and the backend, runs the traffic scenario with a
 * live table, prints the summary, and exits (or keeps serving with {@code --serve}).
 */
public final class DemoMain {

    private DemoMain() {
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the demo with the given options; returns the exit status. With {@code --serve} it returns only when interrupted. */
    static int run(String[] args, PrintStream out, PrintStream err) throws InterruptedException {
        DemoOptions options;
        try {
            options = DemoOptions.parse(args);
        } catch (DemoOptions.BadOption e) {
            err.println("dc-demo: " + e.getMessage());
            err.println("Try --help for the options.");
            return 2;
        }
        if (options.help) {
            out.println(DemoOptions.USAGE);
            return 0;
        }
        DevCenterBackend.configureHttpServer();
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        // All the code a plain Micrometer user writes; logback.xml holds the one-line turbo filter.
        new DevCenterErrorMetrics().bindTo(registry);
        MetricsEndpoint endpoint;
        try {
            endpoint = new MetricsEndpoint(registry, options.port);
        } catch (BindException e) {
            err.println("dc-demo: port " + options.port + " is in use; pick another with --port N (0 picks a free one)");
            return 2;
        } catch (IOException e) {
            err.println("dc-demo: cannot serve metrics: " + e);
            return 1;
        }
        try (DevCenterBackend backend = new DevCenterBackend()) {
            DemoRun result = runScenario(options, registry, endpoint, backend, out);
            new ConsoleReport(out, registry, false).summary(result);
            if (options.serve) {
                out.println();
                out.println("Serving " + endpoint.url() + " and the backend at " + backend.baseUrl() + " until Ctrl-C.");
                out.flush();
                new CountDownLatch(1).await();
            }
            return result.differences().isEmpty() ? 0 : 1;
        } catch (IOException e) {
            err.println("dc-demo: " + e);
            return 1;
        } finally {
            endpoint.close();
        }
    }

    /** Runs the traffic against the backend and compares the scrape with the backend's tally. */
    static DemoRun runScenario(DemoOptions options, PrometheusMeterRegistry registry, MetricsEndpoint endpoint,
            DevCenterBackend backend, PrintStream out) throws IOException, InterruptedException {
        TrafficSimulator traffic = new TrafficSimulator(backend.baseUrl(), options.duration, options.rate, options.seed);
        boolean terminal = System.console() != null;
        ConsoleReport live = new ConsoleReport(out, registry, terminal);
        if (!options.quiet) {
            out.println("DC Error Analytics demo: backend " + backend.baseUrl() + ", metrics " + endpoint.url());
            out.println("Simulated traffic for " + options.duration.toSeconds() + " s at " + options.rate + " requests/s; brute-force burst from 40% to 70%.");
        }
        Thread driver = new Thread(() -> {
            try {
                traffic.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "traffic");
        driver.start();
        long refreshMillis = terminal ? 500 : 5000;
        while (driver.isAlive()) {
            driver.join(refreshMillis);
            if (!options.quiet) {
                live.drawLive(traffic.progress(), TrafficSimulator.attackPhase(traffic.progress()), traffic.sent());
            }
        }
        Scrape scrape = Scrape.fetch(endpoint.url());
        var tally = backend.tally();
        return new DemoRun(options.duration.toSeconds(), traffic.sent(), traffic.failedRequests(), tally, backend.timeline(), scrape,
                scrape.differencesFrom(tally), endpoint.url(), endpoint.port(),
                System.getProperty("dcDemoLog", "dc-demo.log"));
    }
}
