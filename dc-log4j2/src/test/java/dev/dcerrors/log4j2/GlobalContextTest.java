package dev.dcerrors.log4j2;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dcerrors.core.ErrorCounts;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.Configurator;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The JVM-wide context as an application has it: configured by Log4j2 from log4j2-test.xml on the class path, SLF4J
 * bound through log4j-slf4j2-impl's service provider, reconfigured through {@link Configurator}.
 */
class GlobalContextTest {

    private static final ErrorCounts COUNTS = Log4j2Counts.named((LoggerContext) LogManager.getContext(false), "log4j2-global-test");

    @Test
    void configuratorReconfigureWhileLoggingThroughLogManagerAndSlf4jNeitherLosesNorDoublesCounts() throws Exception {
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        assertThat(context.getConfiguration().getFilter()).isInstanceOf(DevCenterErrorFilter.class);
        assertThat(LoggerFactory.getLogger("app")).isInstanceOf(org.apache.logging.slf4j.Log4jLogger.class);
        long before5147 = COUNTS.count(5147);
        long before5148 = COUNTS.count(5148);
        Configuration first = context.getConfiguration();
        URI location = context.getConfigLocation();
        AtomicBoolean stop = new AtomicBoolean();
        long[] calls = new long[2];
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            int index = t;
            Thread worker = new Thread(() -> {
                org.apache.logging.log4j.Logger log4j = LogManager.getLogger("app.global.w" + index);
                org.slf4j.Logger slf4j = LoggerFactory.getLogger("app.global.slf4j.w" + index);
                while (!stop.get() || calls[index] < 1000) {
                    log4j.info("response {}", Corpus.LOCKED);
                    slf4j.atWarn().addKeyValue("code", 5148).log("blocked");
                    calls[index]++;
                }
            });
            worker.start();
            workers.add(worker);
        }
        for (int i = 0; i < 5; i++) {
            Configurator.reconfigure();
            Configurator.reconfigure(location);
        }
        stop.set(true);
        for (Thread worker : workers) {
            worker.join();
        }
        assertThat(context.getConfiguration()).isNotSameAs(first);
        assertThat(context.getConfiguration().getFilter()).isInstanceOf(DevCenterErrorFilter.class);
        assertThat(COUNTS.count(5147) - before5147).isEqualTo(calls[0] + calls[1]);
        assertThat(COUNTS.count(5148) - before5148).isEqualTo(calls[0] + calls[1]);
    }
}
