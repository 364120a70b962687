package dev.dcerrors.log4j2;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dcerrors.core.ErrorCounts;
import java.nio.file.Files;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.logging.log4j.core.async.AsyncLogger;
import org.apache.logging.log4j.core.async.AsyncLoggerConfig;
import org.apache.logging.log4j.core.config.Configuration;
import org.junit.jupiter.api.Test;

/** The corpus replayed through every kind of logger and through reconfigurations: each call counted exactly once. */
class ExactlyOnceTest {

    private static Map<Integer, Long> counted(ErrorCounts counts, Map<Integer, Long> expected) {
        Map<Integer, Long> actual = new TreeMap<>();
        for (int code : List.of(200, 5000, 5146, 5147, 5148)) {
            long n = code == 200 ? counts.successCount() : counts.count(code);
            if (n != 0 || expected.containsKey(code)) {
                actual.put(code, n);
            }
        }
        return actual;
    }

    private static Map<Integer, Long> sum(Map<Integer, Long> a, Map<Integer, Long> b) {
        Map<Integer, Long> total = new TreeMap<>(a);
        b.forEach((code, n) -> total.merge(code, n, Long::sum));
        return total;
    }

    private static Map<Integer, Long> times(Map<Integer, Long> a, int n) {
        Map<Integer, Long> total = new TreeMap<>();
        a.forEach((code, count) -> total.put(code, count * n));
        return total;
    }

    @Test
    void synchronousLoggersCountEachCallOnceThroughLog4jApiAndSlf4j() {
        try (Log4j2Setup setup = Log4j2Setup.of("sync.xml")) {
            Map<Integer, Long> expected = sum(Corpus.replay(setup.logger("app.web")), Corpus.replay(setup.slf4j("app.web")));
            assertThat(counted(setup.counts, expected)).isEqualTo(expected);
        }
    }

    @Test
    void mixedAsyncLoggersCountEachCallOnceOnTheCallingThread() {
        try (Log4j2Setup setup = Log4j2Setup.of("mixed.xml")) {
            assertThat(setup.context.getConfiguration().getLoggerConfig("app")).isInstanceOf(AsyncLoggerConfig.class);
            Map<Integer, Long> expected = sum(Corpus.replay(setup.logger("app.web")), Corpus.replay(setup.slf4j("app.web")));
            expected = sum(expected, Corpus.replay(setup.logger("other"))); // the synchronous root beside
            // Counted before the call returns: no waiting for the async logger's thread.
            assertThat(counted(setup.counts, expected)).isEqualTo(expected);
        }
    }

    @Test
    void allAsyncLoggersCountEachCallOnceOnTheCallingThread() {
        try (Log4j2Setup setup = Log4j2Setup.allAsync("sync.xml")) {
            assertThat(setup.logger("app.web")).isInstanceOf(AsyncLogger.class);
            Map<Integer, Long> expected = sum(Corpus.replay(setup.logger("app.web")), Corpus.replay(setup.slf4j("app.web")));
            assertThat(counted(setup.counts, expected)).isEqualTo(expected);
        }
    }

    @Test
    void aCallReachingSeveralAppendersThroughAdditivityCountsOnce() throws Exception {
        Log4j2Setup setup = Log4j2Setup.of("appenders.xml");
        try {
            Map<Integer, Long> expected = sum(Corpus.replay(setup.logger("app.child")), Corpus.replay(setup.logger("quiet")));
            expected = sum(expected, Corpus.replay(setup.slf4j("app")));
            assertThat(counted(setup.counts, expected)).isEqualTo(expected);
            String once = "once " + Corpus.BLOCKED;
            setup.logger("app.child").info(once);
            assertThat(setup.counts.count(5148)).isEqualTo(expected.get(5148) + 1);
        } finally {
            setup.close(); // flushes the async appender
        }
        // The call did reach four appenders: FILE through app and root, SECOND directly and through ASYNC.
        String once = "once " + Corpus.BLOCKED;
        assertThat(setup.loggedLines().stream().filter(once::equals).count()).isEqualTo(2);
        assertThat(Files.readAllLines(setup.logFile.resolveSibling("app.log.second")).stream().filter(once::equals).count()).isEqualTo(2);
    }

    /** Log calls from several threads while the configuration is reloaded: none lost, none counted twice. */
    private static void logWhileReconfiguring(Log4j2Setup setup, Runnable reconfigure, int reconfigurations) throws Exception {
        int threads = 3;
        AtomicBoolean stop = new AtomicBoolean();
        long[] calls = new long[threads];
        CountDownLatch started = new CountDownLatch(threads);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int index = t;
            Thread worker = new Thread(() -> {
                org.apache.logging.log4j.Logger log = setup.logger(index == 0 ? "app.async.w" : "app.sync.w" + index);
                org.slf4j.Logger slf4j = setup.slf4j("app.slf4j.w" + index);
                started.countDown();
                while (!stop.get() || calls[index] < 1000) {
                    log.info("response {}", Corpus.LOCKED);
                    slf4j.atInfo().addKeyValue("code", 5146).log("login failed");
                    calls[index]++;
                }
            });
            worker.start();
            workers.add(worker);
        }
        started.await();
        for (int i = 0; i < reconfigurations; i++) {
            reconfigure.run();
        }
        stop.set(true);
        for (Thread worker : workers) {
            worker.join();
        }
        long total = 0;
        for (long n : calls) {
            total += n;
        }
        assertThat(setup.counts.count(5147)).isEqualTo(total);
        assertThat(setup.counts.count(5146)).isEqualTo(total);
        assertThat(setup.context.getConfiguration().getFilter()).isInstanceOf(DevCenterErrorFilter.class);
    }

    @Test
    void reconfiguringWhileLoggingNeitherLosesNorDoublesCounts() throws Exception {
        try (Log4j2Setup setup = Log4j2Setup.of("monitored.xml")) {
            Configuration first = setup.context.getConfiguration();
            logWhileReconfiguring(setup, () -> {
                setup.context.reconfigure(); // what Configurator.reconfigure() does for the context
                Thread.yield();
            }, 20);
            assertThat(setup.context.getConfiguration()).isNotSameAs(first);
            assertThat(setup.filter().isCounting()).isTrue();
        }
    }

    @Test
    void allAsyncReconfiguredWhileLoggingNeitherLosesNorDoublesCounts() throws Exception {
        try (Log4j2Setup setup = Log4j2Setup.allAsync("sync.xml")) {
            logWhileReconfiguring(setup, setup.context::reconfigure, 10);
        }
    }

    @Test
    void aChangedFileReloadedByMonitorIntervalKeepsTheFilterAndTheCounts() throws Exception {
        try (Log4j2Setup setup = Log4j2Setup.of("monitored.xml")) {
            Configuration first = setup.context.getConfiguration();
            logWhileReconfiguring(setup, () -> {
                try {
                    // A changed file (the root now at WARN... and back to INFO, so the workers' calls stay enabled).
                    String xml = Files.readString(setup.configFile).replace("<Root level=\"INFO\">", "<Root level=\"info\">");
                    Files.writeString(setup.configFile, xml);
                    Files.setLastModifiedTime(setup.configFile, FileTime.fromMillis(System.currentTimeMillis() + 5_000));
                    for (int i = 0; i < 200 && setup.context.getConfiguration() == first; i++) {
                        Thread.sleep(50); // the watcher looks every second
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, 1);
            assertThat(setup.context.getConfiguration()).as("reloaded by the file watcher").isNotSameAs(first);
            assertThat(setup.filter()).isNotSameAs(first.getFilter());
        }
    }

    @Test
    void stoppingTheContextRemovesTheFilter() {
        Log4j2Setup setup = Log4j2Setup.of("sync.xml");
        org.apache.logging.log4j.Logger log = setup.logger("app.web");
        log.info(Corpus.LOCKED);
        setup.close();
        log.info(Corpus.LOCKED);
        setup.slf4j("app.web").info(Corpus.LOCKED);
        assertThat(setup.counts.count(5147)).isEqualTo(1);
        assertThat(setup.context.getConfiguration().getFilter()).isNull();
    }
}
