package dev.dcerrors.logback;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.WeakReference;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Filter start/stop, several contexts, redeployment in a class loader of its own, threads and memory. */
class LifecycleTest {

    private static final String LOCKED = "{\"code\":5147,\"msg\":\"Your account has been temporarily locked.\"}";

    private static String config(String countsName) {
        return "<configuration><turboFilter class=\"dev.dcerrors.logback.DevCenterErrorTurboFilter\"><counts>" + countsName
                + "</counts></turboFilter><root level=\"INFO\"/></configuration>";
    }

    private static Set<String> threadNames() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName).collect(Collectors.toSet());
    }

    @Test
    void twoLoggerContextsInOneJvmCountApartAndResetApart() {
        LoggingSetup a = LoggingSetup.fromXml("<configuration><turboFilter class=\"dev.dcerrors.logback.DevCenterErrorTurboFilter\">"
                + "<counts>${countsName}</counts></turboFilter><root level=\"INFO\"/></configuration>");
        LoggingSetup b = LoggingSetup.fromXml("<configuration><turboFilter class=\"dev.dcerrors.logback.DevCenterErrorTurboFilter\">"
                + "<counts>${countsName}</counts></turboFilter><root level=\"INFO\"/></configuration>");
        try {
            a.logger("web").info(LOCKED);
            b.logger("web").info(LOCKED);
            b.logger("web").info(LOCKED);
            a.context.reset();
            a.logger("web").info(LOCKED);
            assertThat(a.counts.count(5147)).isEqualTo(2);
            assertThat(b.counts.count(5147)).isEqualTo(2);
            assertThat(a.turboFilters()).isEqualTo(1);
            assertThat(b.turboFilters()).isEqualTo(1);
        } finally {
            a.stop();
            b.stop();
        }
    }

    @Test
    void configuringAndStoppingContextsLeavesNoThreadsBehind() {
        Set<String> before = threadNames();
        for (int i = 0; i < 20; i++) {
            LoggingSetup setup = LoggingSetup.fromXml(config("lifecycle-threads"));
            setup.logger("t").info(LOCKED);
            setup.context.reset();
            setup.stop();
        }
        Set<String> after = threadNames();
        after.removeAll(before);
        after.removeIf(name -> name.startsWith("surefire") || name.equals("process reaper") || name.startsWith("Attach Listener"));
        assertThat(after).as("threads started and left running").isEmpty();
    }

    @Test
    void aRedeployedApplicationsClassLoaderCanBeCollectedAfterItsContextStops() throws Exception {
        List<URL> urls = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            urls.add(new File(entry).toURI().toURL());
        }
        WeakReference<ClassLoader> loaderRef = deployLogAndUndeploy(urls);
        for (int i = 0; i < 100 && loaderRef.get() != null; i++) {
            System.gc();
            Thread.sleep(20);
        }
        assertThat(loaderRef.get()).as("the application's class loader is still reachable after undeploy").isNull();
    }

    /** The redeployed application's logback.xml: the turbo filter, and the converters printing into a file. */
    private static String redeployedConfig() throws java.io.IOException {
        java.nio.file.Path log = java.nio.file.Files.createTempFile("redeployed", ".log");
        log.toFile().deleteOnExit();
        return "<configuration>"
                + "<conversionRule conversionWord=\"dcCode\" class=\"dev.dcerrors.logback.CodeConverter\"/>"
                + "<conversionRule conversionWord=\"dcCategory\" class=\"dev.dcerrors.logback.CategoryConverter\"/>"
                + "<turboFilter class=\"dev.dcerrors.logback.DevCenterErrorTurboFilter\"><counts>redeployed</counts></turboFilter>"
                + "<appender name=\"FILE\" class=\"ch.qos.logback.core.FileAppender\"><file>" + log + "</file>"
                + "<encoder><pattern>%dcCode %dcCategory %msg%n</pattern></encoder></appender>"
                + "<root level=\"INFO\"><appender-ref ref=\"FILE\"/></root></configuration>";
    }

    /** Loads Logback and this library in a class loader of their own, as a web application would, logs (through the converters too), then stops it. */
    private static WeakReference<ClassLoader> deployLogAndUndeploy(List<URL> urls) throws Exception {
        URLClassLoader loader = new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader());
        Class<?> contextClass = loader.loadClass("ch.qos.logback.classic.LoggerContext");
        Object context = contextClass.getConstructor().newInstance();
        Class<?> configuratorClass = loader.loadClass("ch.qos.logback.classic.joran.JoranConfigurator");
        Object configurator = configuratorClass.getConstructor().newInstance();
        configuratorClass.getMethod("setContext", loader.loadClass("ch.qos.logback.core.Context")).invoke(configurator, context);
        configuratorClass.getMethod("doConfigure", InputStream.class)
                .invoke(configurator, new ByteArrayInputStream(redeployedConfig().getBytes(StandardCharsets.UTF_8)));
        Object logger = contextClass.getMethod("getLogger", String.class).invoke(context, "app");
        logger.getClass().getMethod("info", String.class).invoke(logger, LOCKED);
        Object counts = loader.loadClass("dev.dcerrors.logback.LogbackCounts").getMethod("named", contextClass, String.class).invoke(null, context, "redeployed");
        assertThat(counts.getClass().getMethod("count", int.class).invoke(counts, 5147)).isEqualTo(1L);
        contextClass.getMethod("reset").invoke(context);
        contextClass.getMethod("stop").invoke(context);
        loader.close();
        return new WeakReference<>(loader);
    }

    /**
     * Warms up {@code decide()} with one argument (the JIT compiles the path; accessors are looked up once), then
     * returns the bytes this thread allocates over {@code calls} more calls, after checking each call counted 5147.
     */
    private static long bytesAllocatedByMatchingCalls(Object argument, int calls) {
        return bytesAllocatedByMatchingCalls(null, argument, calls);
    }

    /** The same with a marker on each call ({@code marker} may hold the code, then {@code argument} need not). */
    private static long bytesAllocatedByMatchingCalls(org.slf4j.@org.jspecify.annotations.Nullable Marker marker, Object argument, int calls) {
        LoggingSetup setup = LoggingSetup.fromXml(config("${countsName}"));
        try {
            DevCenterErrorTurboFilter filter = (DevCenterErrorTurboFilter) setup.context.getTurboFilterList().get(0);
            Logger logger = setup.logger("alloc");
            com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            long thread = Thread.currentThread().getId();
            Object[] oneArgument = {argument};
            for (int i = 0; i < 200_000; i++) {
                filter.decide(marker, logger, Level.INFO, "response {}", oneArgument, null);
            }
            long before = threads.getThreadAllocatedBytes(thread);
            for (int i = 0; i < calls; i++) {
                filter.decide(marker, logger, Level.INFO, "response {}", oneArgument, null);
            }
            long allocated = threads.getThreadAllocatedBytes(thread) - before;
            assertThat(setup.counts.count(5147)).isEqualTo(200_000L + calls);
            return allocated;
        } finally {
            setup.stop();
        }
    }

    @Test
    @Tag("slow")
    void theFilterAllocatesNothingPerMatchingCall() {
        int calls = 10_000_000;
        // Zero per call; a few KB of slack for the measurement itself.
        assertThat(bytesAllocatedByMatchingCalls(LOCKED, calls)).as("bytes allocated by %d matching calls", calls).isLessThan(64 * 1024);
    }

    /** A Lombok-style response DTO, as services pass it to {@code log.info("response {}", result)}. */
    public static final class Result {
        private final Integer code;
        private final String msg;

        Result(Integer code, String msg) {
            this.code = code;
            this.msg = msg;
        }

        public Integer getCode() {
            return code;
        }

        public String getMsg() {
            return msg;
        }
    }

    @Test
    @Tag("slow")
    void aResponseObjectArgumentIsReadWithoutAllocatingOnceItsClassIsKnown() {
        int calls = 5_000_000;
        assertThat(bytesAllocatedByMatchingCalls(new Result(5147, "Your account has been temporarily locked."), calls))
                .as("bytes allocated by %d calls with a DTO argument", calls).isLessThan(64 * 1024);
    }

    @Test
    @Tag("slow")
    void logstashStructuredArgumentsAndMarkersAreReadWithoutAllocating() {
        int calls = 2_000_000;
        Result locked = new Result(5147, "Your account has been temporarily locked.");
        assertThat(bytesAllocatedByMatchingCalls(net.logstash.logback.argument.StructuredArguments.kv("response", locked), calls))
                .as("bytes allocated by %d calls with kv(\"response\", dto)", calls).isLessThan(64 * 1024);
        assertThat(bytesAllocatedByMatchingCalls(net.logstash.logback.marker.Markers.append("response", locked), "no code", calls))
                .as("bytes allocated by %d calls with Markers.append(\"response\", dto)", calls).isLessThan(64 * 1024);
    }

    @Test
    @Tag("slow")
    void aThrowableIsReadByDefaultWithoutAllocating() {
        int calls = 2_000_000;
        assertThat(bytesAllocatedByMatchingCalls(new IllegalStateException("DC answered " + LOCKED), calls))
                .as("bytes allocated by %d calls with an exception argument", calls).isLessThan(64 * 1024);
    }

    /** The heap in use right after a collection that provably ran: a weakly reachable canary was cleared. */
    private static long usedHeapAfterACollection(MemoryMXBean memory) throws InterruptedException {
        WeakReference<Object> canary = new WeakReference<>(new Object());
        for (int i = 0; i < 100 && canary.get() != null; i++) {
            System.gc();
            Thread.sleep(10);
        }
        assertThat(canary.get()).as("a garbage collection ran").isNull();
        return memory.getHeapMemoryUsage().getUsed();
    }

    @Test
    @Tag("slow")
    void heapDoesNotGrowOverTenMillionMatchingEvents() throws InterruptedException {
        LoggingSetup setup = LoggingSetup.fromXml(config("${countsName}"));
        try {
            Logger logger = setup.logger("heap");
            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            for (int i = 0; i < 100_000; i++) {
                logger.info(LOCKED);
            }
            long before = usedHeapAfterACollection(memory);
            for (int i = 0; i < 10_000_000; i++) {
                logger.info(LOCKED);
            }
            long after = usedHeapAfterACollection(memory);
            assertThat(setup.counts.count(5147)).isEqualTo(10_100_000L);
            assertThat(after - before).as("heap growth over 10 million events").isLessThan(32L * 1024 * 1024);
        } finally {
            setup.stop();
        }
    }
}
