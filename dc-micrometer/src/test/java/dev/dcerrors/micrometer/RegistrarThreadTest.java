package dev.dcerrors.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dcerrors.core.ErrorCatalog;
import dev.dcerrors.core.ErrorCounts;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.ref.WeakReference;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The registrar's thread: one, named, a daemon, started by the first bind and gone when the last close() returns. */
class RegistrarThreadTest {

    private static List<Thread> registrarThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals(Registrar.THREAD_NAME) && t.isAlive())
                .toList();
    }

    @Test
    void oneDaemonThreadRunsWhileAnyBinderIsBoundAndTheLastCloseStopsIt() {
        assertThat(Registrar.shared().openPublications()).as("publications that other tests left open").isZero();
        assertThat(registrarThreads()).as("no binder bound, no thread").isEmpty();

        ErrorCounts counts = new ErrorCounts(ErrorCatalog.builtIn(), 50);
        ErrorCounts others = new ErrorCounts(ErrorCatalog.builtIn(), 50);
        SimpleMeterRegistry one = new SimpleMeterRegistry();
        SimpleMeterRegistry two = new SimpleMeterRegistry();
        DevCenterErrorMetrics first = DevCenterErrorMetrics.builder().counts(counts).build();
        DevCenterErrorMetrics second = DevCenterErrorMetrics.builder().counts(others).tags("application", "b").build();
        first.bindTo(one);
        first.bindTo(two);
        second.bindTo(one);
        assertThat(registrarThreads()).singleElement().satisfies(t -> assertThat(t.isDaemon()).isTrue());

        first.close();
        assertThat(registrarThreads()).as("a binder is still bound").hasSize(1);
        long since = System.nanoTime();
        Counting.record(others, 5032);
        Eventually.published(since, "5032 through the running thread",
                () -> one.find(DevCenterErrorMetrics.ERRORS).tag("code", "5032").functionCounter());

        second.close();
        assertThat(registrarThreads()).as("after the last close()").isEmpty();
        assertThat(one.getMeters()).isEmpty();
        assertThat(two.getMeters()).isEmpty();

        first.bindTo(two); // a closed binder binds again, and the thread comes back with it
        assertThat(registrarThreads()).hasSize(1);
        first.close();
        assertThat(registrarThreads()).isEmpty();
    }

    @Test
    void closingABinderWhoseRegistryWasCollectedLeavesTheOtherBindersPublishing() throws InterruptedException {
        ErrorCounts counts = new ErrorCounts(ErrorCatalog.builtIn(), 50);
        SimpleMeterRegistry dropped = new SimpleMeterRegistry();
        SimpleMeterRegistry kept = new SimpleMeterRegistry();
        DevCenterErrorMetrics first = DevCenterErrorMetrics.builder().counts(counts).build();
        DevCenterErrorMetrics second = DevCenterErrorMetrics.builder().counts(counts).build();
        first.bindTo(dropped);
        second.bindTo(kept);
        int open = Registrar.shared().openPublications();
        WeakReference<SimpleMeterRegistry> gone = new WeakReference<>(dropped);
        dropped = null;
        DevCenterErrorMetricsTest.collectGarbageUntilCleared(gone);
        Eventually.within(Registrar.PERIOD.multipliedBy(4), System.nanoTime(), "the collected registry's publication dropped",
                () -> Registrar.shared().openPublications() == open - 1);
        first.close(); // its registry is gone already: the counts stay watched for the other binder

        long since = System.nanoTime();
        Counting.record(counts, 5021);
        Eventually.published(since, "5021 in the registry still bound",
                () -> kept.find(DevCenterErrorMetrics.ERRORS).tag("code", "5021").functionCounter());
        second.close();
        assertThat(registrarThreads()).isEmpty();
    }
}
