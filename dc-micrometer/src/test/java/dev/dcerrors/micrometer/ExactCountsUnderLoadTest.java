package dev.dcerrors.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import dev.dcerrors.core.ErrorCounts;
import dev.dcerrors.logback.LogbackCounts;
import dev.dcerrors.logback.DevCenterErrorTurboFilter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * 8 threads x 1 million log calls with a known mix of codes, through a real LoggerContext: every counter
 * is exact, also while a scrape runs every millisecond, and while the context is reset and reconfigured.
 */
class ExactCountsUnderLoadTest {

    private static final int THREADS = 8;
    private static final int PER_THREAD = 1_000_000;
    /** The codes of the mix, in the order of {@link #logOne}'s cases that count. */
    private static final int[] CODES = {200, 5147, 5005, 4026, 5032};
    private static final String LOGIN_OK = "{\"code\":200,\"msg\":\"success\",\"data\":{\"token\":\"t\"},\"extMsg\":null}";
    private static final String LOCKED = "{\"code\":5147,\"msg\":\"Your account has been temporarily locked.\"}";

    private final String countsName = "load-" + UUID.randomUUID();
    private final LoggerContext context = new LoggerContext();
    private final ErrorCounts counts = LogbackCounts.named(context, countsName);

    private void configure() throws JoranException {
        context.putProperty("countsName", countsName); // reset() clears context properties
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(new ByteArrayInputStream(("<configuration>"
                + "<turboFilter class=\"dev.dcerrors.logback.DevCenterErrorTurboFilter\"><counts>${countsName}</counts></turboFilter>"
                + "<appender name=\"NOP\" class=\"ch.qos.logback.core.helpers.NOPAppender\"/>"
                + "<root level=\"INFO\"><appender-ref ref=\"NOP\"/></root></configuration>").getBytes(StandardCharsets.UTF_8)));
    }

    /** A debug call carrying 5147: counted only while the logger's level is DEBUG. */
    private static final int DEBUG_LOCKED = -2;

    /** One call of the mix; returns the index in {@link #CODES} of the code it carries, -1, or {@link #DEBUG_LOCKED}. */
    private static int logOne(Logger log, int i) {
        switch (i % 10) {
            case 0, 1, 2, 3 -> {
                log.info("POST /login -> {}", LOGIN_OK);
                return 0;
            }
            case 4 -> {
                log.warn(LOCKED);
                return 1;
            }
            case 5 -> {
                log.info("login failed user={} code={}", "u", 5005);
                return 2;
            }
            case 6 -> {
                log.atInfo().addKeyValue("code", 4026).log("gateway");
                return 3;
            }
            case 7 -> {
                log.info("Result(code=5032, msg=Token verification is failed.)");
                return 4;
            }
            case 8 -> {
                log.info("request took 5032 ms, productCode=5147");
                return -1;
            }
            default -> {
                log.debug(LOCKED); // a level the logger drops, but for a reconfiguration (Logback's default is DEBUG then)
                return DEBUG_LOCKED;
            }
        }
    }

    /** Runs the load; with {@code epoch}, calls that overlap a reset (odd epoch) are tallied apart. */
    private long[][] load(AtomicLong epoch) throws InterruptedException {
        long[][] clean = new long[THREADS][CODES.length];
        long[][] windowed = new long[THREADS][CODES.length];
        Logger log = context.getLogger("load");
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            Thread worker = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < PER_THREAD; i++) {
                    long before = epoch.get();
                    int code = logOne(log, i);
                    if (code == DEBUG_LOCKED) {
                        windowed[thread][1]++; // may count: only while a reconfiguration runs
                    } else if (code >= 0) {
                        boolean inWindow = (before & 1) == 1 || epoch.get() != before;
                        (inWindow ? windowed : clean)[thread][code]++;
                    }
                }
            }, "load-" + t);
            threads.add(worker);
            worker.start();
        }
        go.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        long[] cleanTotals = new long[CODES.length];
        long[] windowTotals = new long[CODES.length];
        for (int t = 0; t < THREADS; t++) {
            for (int c = 0; c < CODES.length; c++) {
                cleanTotals[c] += clean[t][c];
                windowTotals[c] += windowed[t][c];
            }
        }
        return new long[][] {cleanTotals, windowTotals};
    }

    private long counted(int code) {
        return code == 200 ? counts.successCount() : counts.count(code);
    }

    private static long expected(int codeIndex) {
        return (long) THREADS * PER_THREAD * (codeIndex == 0 ? 4 : 1) / 10;
    }

    @Test
    @Tag("slow")
    void everyCounterIsExactAfterEightThreadsLogAMillionEventsEach() throws Exception {
        configure();
        try {
            load(new AtomicLong());
            for (int c = 0; c < CODES.length; c++) {
                assertThat(counted(CODES[c])).as("code %d", CODES[c]).isEqualTo(expected(c));
            }
            assertThat(counts.errorCount()).isEqualTo(expected(1) + expected(2) + expected(3) + expected(4));
        } finally {
            context.stop();
        }
    }

    @Test
    @Tag("slow")
    void countsStayExactWhileAScrapeRunsEveryMillisecond() throws Exception {
        configure();
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        DevCenterErrorMetrics metrics = DevCenterErrorMetrics.builder().counts(counts).build();
        metrics.bindTo(registry);
        AtomicBoolean done = new AtomicBoolean();
        List<String> problems = new ArrayList<>();
        Thread scraper = new Thread(() -> {
            double last = 0;
            int scrapes = 0;
            while (!done.get()) {
                double now = value(registry.scrape(), "devcenter_responses_total\\{outcome=\"success\"}");
                if (now < last) {
                    problems.add("the success count went down from " + last + " to " + now);
                }
                last = now;
                scrapes++;
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    return;
                }
            }
            if (scrapes < 10) {
                problems.add("only " + scrapes + " scrapes");
            }
        }, "scraper");
        scraper.start();
        String scrape;
        try {
            load(new AtomicLong());
        } finally {
            done.set(true);
            scraper.join();
            context.stop();
            scrape = registry.scrape();
            metrics.close();
        }
        assertThat(problems).isEmpty();
        assertThat(value(scrape, "devcenter_responses_total\\{outcome=\"success\"}")).isEqualTo(expected(0));
        assertThat(value(scrape, "devcenter_errors_total\\{category=\"security\",code=\"5147\",severity=\"critical\"}")).isEqualTo(expected(1));
        assertThat(value(scrape, "devcenter_errors_total\\{category=\"auth\",code=\"5005\",severity=\"warning\"}")).isEqualTo(expected(2));
        assertThat(value(scrape, "devcenter_errors_total\\{category=\"unknown\",code=\"4026\",severity=\"error\"}")).isEqualTo(expected(3));
        assertThat(value(scrape, "devcenter_errors_total\\{category=\"auth\",code=\"5032\",severity=\"warning\"}")).isEqualTo(expected(4));
    }

    @Test
    @Tag("slow")
    void everyCallOutsideLogbacksResetIsCountedOnceWhileTheContextIsResetAndReconfigured() throws Exception {
        configure();
        AtomicLong epoch = new AtomicLong();
        AtomicBoolean done = new AtomicBoolean();
        AtomicLong reconfigurations = new AtomicLong();
        List<Throwable> failures = new ArrayList<>();
        Thread reconfigurer = new Thread(() -> {
            while (!done.get()) {
                epoch.incrementAndGet(); // odd: Logback is inside reset()
                context.reset();
                epoch.incrementAndGet();
                try {
                    configure(); // the filter counts on while the configuration is read
                } catch (JoranException e) {
                    failures.add(e);
                    return;
                }
                reconfigurations.incrementAndGet();
            }
        }, "reconfigurer");
        long[][] tallies;
        reconfigurer.start();
        try {
            tallies = load(epoch);
        } finally {
            done.set(true);
            reconfigurer.join();
        }
        try {
            assertThat(failures).isEmpty();
            assertThat(reconfigurations.get()).as("reconfigurations during the load").isGreaterThan(5);
            long windowed = 0;
            for (int c = 0; c < CODES.length; c++) {
                long clean = tallies[0][c];
                windowed += tallies[1][c];
                assertThat(counted(CODES[c])).as("code %d: no call outside a reset lost, none counted twice", CODES[c])
                        .isBetween(clean, clean + tallies[1][c]);
            }
            assertThat(windowed - (long) THREADS * PER_THREAD / 10).as("calls overlapping Logback's reset()").isLessThan((long) THREADS * PER_THREAD / 10);
            assertThat(context.getTurboFilterList().stream().filter(f -> f instanceof DevCenterErrorTurboFilter).count()).isEqualTo(1);
        } finally {
            context.stop();
        }
    }

    private static double value(String scrape, String series) {
        Matcher m = Pattern.compile("(?m)^" + series + " (\\S+)$").matcher(scrape);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

}
