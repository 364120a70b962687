package dev.dcerrors.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import com.sun.net.httpserver.HttpServer;
import dev.dcerrors.core.ErrorCounts;
import dev.dcerrors.logback.LogbackCounts;
import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.registry.otlp.OtlpConfig;
import io.micrometer.registry.otlp.OtlpMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * End to end on the logging side: a code logged through a real {@link LoggerContext}, configured from a
 * logback.xml with the turbo filter, first seen after binding, has its series with its count in each kind
 * of registry within {@link DevCenterErrorMetrics#PUBLISHED_WITHIN}, with nothing reading the devcenter
 * meters but the lookup itself.
 */
@Timeout(60)
class LoggedCodeReachesEveryRegistryKindTest {

    private static final Duration STEP = Duration.ofMinutes(1);

    private final String countsName = "kinds-" + UUID.randomUUID();
    private final LoggerContext context = new LoggerContext();
    private final ErrorCounts counts = LogbackCounts.named(context, countsName);
    @RegisterExtension
    final Binders binders = new Binders(counts);
    private final MockClock clock = new MockClock();
    /** What the test started, last first. */
    private final Deque<AutoCloseable> closeAfter = new ArrayDeque<>();
    private Logger log;

    /** The registry kinds; each binds the test's binders to a registry of its kind and returns it. */
    enum Kind {
        SIMPLE {
            @Override
            MeterRegistry bind(LoggedCodeReachesEveryRegistryKindTest test) {
                SimpleMeterRegistry registry = new SimpleMeterRegistry();
                test.binders.binder().bindTo(registry);
                return registry;
            }
        },
        /** A registry whose filter denies the responses metric, the one a scrape reads first. */
        FILTERED {
            @Override
            MeterRegistry bind(LoggedCodeReachesEveryRegistryKindTest test) {
                SimpleMeterRegistry registry = new SimpleMeterRegistry();
                registry.config().meterFilter(MeterFilter.denyNameStartsWith(DevCenterErrorMetrics.RESPONSES));
                test.binders.binder().bindTo(registry);
                return registry;
            }
        },
        /** Two binders on one registry, the first closed before the code is logged. */
        TWO_BINDERS {
            @Override
            MeterRegistry bind(LoggedCodeReachesEveryRegistryKindTest test) {
                SimpleMeterRegistry registry = new SimpleMeterRegistry();
                DevCenterErrorMetrics first = test.binders.binder();
                first.bindTo(registry);
                test.binders.binder().bindTo(registry);
                first.close();
                return registry;
            }
        },
        /** Micrometer's OTLP registry, pushing every second to a receiver on 127.0.0.1 that accepts everything. */
        OTLP_PUSH {
            @Override
            MeterRegistry bind(LoggedCodeReachesEveryRegistryKindTest test) throws IOException {
                OtlpMeterRegistry registry = new OtlpMeterRegistry(test.otlpConfig(), Clock.SYSTEM);
                test.closeAfter.push(registry::close); // before the receiver stops: closing pushes once more
                test.binders.binder().bindTo(registry);
                return registry;
            }
        },
        /** A registry whose counters report each step's increase, moved from step to step by the test's clock. */
        STEP {
            @Override
            MeterRegistry bind(LoggedCodeReachesEveryRegistryKindTest test) {
                SimpleMeterRegistry registry = StepRegistry.create(test.clock, LoggedCodeReachesEveryRegistryKindTest.STEP);
                test.binders.binder().bindTo(registry);
                return registry;
            }
        };

        abstract MeterRegistry bind(LoggedCodeReachesEveryRegistryKindTest test) throws IOException;
    }

    @BeforeEach
    void configureLogback() throws JoranException {
        context.putProperty("countsName", countsName);
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(LoggedCodeReachesEveryRegistryKindTest.class.getResource("/logback-counting.xml"));
        log = context.getLogger("backend");
    }

    @AfterEach
    void closeWhatTheTestStarted() throws Exception { // the binders after, by their extension
        for (AutoCloseable closeable : closeAfter) {
            closeable.close();
        }
        context.stop();
    }

    /** Settings of an OTLP registry pushing every second to a local receiver, stopped after the test. */
    private OtlpConfig otlpConfig() throws IOException {
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/v1/metrics", exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                body.readAllBytes();
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
        closeAfter.push(() -> receiver.stop(0));
        String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/v1/metrics";
        return new OtlpConfig() {
            @Override
            public @Nullable String get(String key) {
                return null;
            }

            @Override
            public String url() {
                return url;
            }

            @Override
            public Duration step() {
                return Duration.ofSeconds(1);
            }
        };
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Kind.class)
    void aCodeFirstLoggedAfterBindingIsPublishedWithinTheBound(Kind kind) throws IOException {
        MeterRegistry registry = kind.bind(this);
        assertThat(registry.find(DevCenterErrorMetrics.ERRORS).tag("code", "5021").functionCounter())
                .as("not logged yet").isNull();

        long since = System.nanoTime();
        for (int i = 0; i < 3; i++) {
            log.info("response {}", "{\"code\":5021,\"msg\":\"Input mobile number.\"}");
        }
        FunctionCounter counter = Eventually.published(since, kind + ": devcenter.errors{code=5021}",
                () -> registry.find(DevCenterErrorMetrics.ERRORS).tag("code", "5021").functionCounter());

        assertThat(counter.getId().getTag("category")).isEqualTo("account");
        assertThat(counter.getId().getTag("severity")).isEqualTo("info");
        assertThat(registry.find(DevCenterErrorMetrics.CODE_INFO).tag("code", "5021").gauge()).isNotNull();
        if (kind == Kind.STEP) {
            assertThat(counter.count()).as("the step the code was logged in is not over").isZero();
            clock.add(STEP);
        }
        assertThat(counter.count()).isEqualTo(3);
    }
}
