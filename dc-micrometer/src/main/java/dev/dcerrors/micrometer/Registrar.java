package dev.dcerrors.micrometer;

import dev.dcerrors.core.EndpointCounts;
import dev.dcerrors.core.ErrorCounts;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * Every open {@link Publication} in this class loader, and the one background thread that keeps them up
 * to date. New codes reach a registry in two ways, whichever comes first:
 *
 * <ol>
 *   <li>a read of a devcenter meter ({@link #beforeRead}) first scans the counts and registers what is
 *       missing in that meter's registry: every read of the success counter (the first meter a Prometheus
 *       scrape reads, so a scrape shows the codes counted before it began), and the first read of any
 *       other meter after {@link #READ_SCAN_INTERVAL} without a scan (a registry whose filters deny the
 *       success counter; a scrape of many meters still scans about once);</li>
 *   <li>the registrar thread ({@value #THREAD_NAME}) scans every {@link #PERIOD} and registers what is
 *       missing in every registry, whatever reads what: a registry nobody reads, or one whose meter filters
 *       deny the meters that are read, has every new code within {@link DevCenterErrorMetrics#PUBLISHED_WITHIN}.</li>
 * </ol>
 *
 * <p>The thread is a daemon, started by the first bind and stopped when the last publication goes (the
 * last {@code close()}, or the last registry garbage-collected). The logging side takes no part in this:
 * it only increments {@link ErrorCounts}.
 *
 * <p>One lock guards every publication. Binding and closing (a user's thread, holding nothing else) and
 * the registrar thread wait for it; a meter read may run inside a registry's own locks, so it waits a
 * bounded time ({@link #READ_WAIT}) and after one such timeout does not wait again for a second: a read
 * never deadlocks, and a read that registered something itself (a meter filter or listener reading a
 * meter) does not recurse.
 */
final class Registrar {

    /** The name of the background thread. */
    static final String THREAD_NAME = "devcenter-metrics-registrar";
    /** How often the background thread scans: a quarter of the stated bound, for scheduling slack. */
    static final Duration PERIOD = Duration.ofMillis(250);
    /** A read of a meter other than the success counter scans when no read did for this long. */
    static final Duration READ_SCAN_INTERVAL = Duration.ofMillis(50);
    /** How long a meter read waits for the lock before it leaves the work to the thread. */
    static final Duration READ_WAIT = Duration.ofMillis(50);
    private static final long BACKOFF_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final long JOIN_MILLIS = 2_000;

    static final ReentrantLock LOCK = new ReentrantLock();
    private static final List<Publication> PUBLICATIONS = new ArrayList<>();
    private static final Map<ErrorCounts, CountsWatch> WATCHES = new IdentityHashMap<>();
    private static @Nullable Thread thread;
    /** Until when reads do not wait for the lock, after a read timed out waiting ({@link System#nanoTime()}). */
    private static volatile long noWaitUntil = System.nanoTime();

    private Registrar() {
    }

    // ---------------------------------------------------------------- binding and closing (a user's thread)

    /**
     * The publication of {@code counts} with {@code tags} in {@code registry}, opened if none is, with one
     * more holder. Registers the responses meters, the alert codes, the whole catalog if asked, and every
     * code counted so far.
     *
     * @throws RuntimeException what the registry threw (a meter filter that throws, for example); nothing
     *     stays registered then
     */
    static Publication open(MeterRegistry registry, ErrorCounts counts, Tags tags, boolean wholeCatalog, @Nullable EndpointCounts endpoints) {
        LOCK.lock();
        try {
            Publication publication = find(registry, counts, tags);
            boolean created = publication == null;
            if (publication == null) {
                CountsWatch watch = WATCHES.computeIfAbsent(counts, CountsWatch::new);
                publication = new Publication(registry, watch, tags);
            }
            boolean widen = wholeCatalog && !publication.wholeCatalog || endpoints != null && publication.endpoints == null;
            publication.wholeCatalog |= wholeCatalog;
            if (publication.endpoints == null) {
                publication.endpoints = endpoints; // the first binder's; a later binder's other endpoint counts are not published
            }
            try {
                if (created) {
                    publication.open(registry);
                }
                publication.watch.scan();
                publication.sync(registry, created || widen);
            } catch (RuntimeException e) {
                if (created) {
                    publication.remove();
                    if (publication.watch.users == 0) {
                        WATCHES.remove(counts);
                    }
                }
                throw e;
            }
            if (created) {
                publication.watch.users++;
                publication.listed = true;
                PUBLICATIONS.add(publication);
            }
            publication.holders++;
            startIfStopped();
            return publication;
        } finally {
            LOCK.unlock();
        }
    }

    /** Gives up one hold on each publication; the last holder removes its meters. Stops the thread when none is left. */
    static void release(List<Publication> held) {
        Thread stopped;
        LOCK.lock();
        try {
            for (Publication publication : held) {
                if (--publication.holders == 0) {
                    if (publication.listed) { // else its registry was collected, and the registrar let it go
                        PUBLICATIONS.remove(publication);
                        forget(publication);
                    }
                    publication.remove();
                }
            }
            stopped = stopIfIdle();
        } finally {
            LOCK.unlock();
        }
        join(stopped);
    }

    private static @Nullable Publication find(MeterRegistry registry, ErrorCounts counts, Tags tags) {
        for (Publication publication : PUBLICATIONS) {
            if (publication.isFor(registry, counts, tags)) {
                return publication;
            }
        }
        return null;
    }

    private static void forget(Publication publication) {
        publication.listed = false;
        if (--publication.watch.users == 0) {
            WATCHES.remove(publication.watch.counts);
        }
    }

    // ---------------------------------------------------------------- reading (any thread, maybe inside a registry)

    /** Called by a devcenter meter before it returns its value (see {@link Publication}): registers what its registry lacks. */
    static void beforeRead(Publication publication) {
        if (LOCK.isHeldByCurrentThread()) {
            return; // our own registration read a meter (a filter, a listener): no recursion
        }
        long now = System.nanoTime();
        boolean locked;
        try {
            locked = now - noWaitUntil < 0 ? LOCK.tryLock() : LOCK.tryLock(READ_WAIT.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (!locked) {
            noWaitUntil = now + BACKOFF_NANOS; // the registrar thread registers within its period instead
            return;
        }
        try {
            MeterRegistry registry = publication.registry();
            if (registry != null && publication.holders > 0) {
                publication.lastReadScan = now;
                publication.watch.scan();
                publication.sync(registry, false);
            }
        } catch (RuntimeException e) {
            // A registry refused a meter: the value is still returned, the registrar thread tries again.
        } finally {
            LOCK.unlock();
        }
    }

    // ---------------------------------------------------------------- the registrar thread

    private static void startIfStopped() {
        if (thread == null) {
            Thread started = new Thread(Registrar::run, THREAD_NAME);
            started.setDaemon(true);
            started.setContextClassLoader(Registrar.class.getClassLoader());
            thread = started;
            started.start();
        }
    }

    /** Under the lock: when no publication is left, tells the thread to stop and returns it, to join. */
    private static @Nullable Thread stopIfIdle() {
        if (!PUBLICATIONS.isEmpty() || thread == null) {
            return null;
        }
        Thread stopping = thread;
        thread = null;
        LockSupport.unpark(stopping);
        return stopping;
    }

    private static void join(@Nullable Thread stopping) {
        if (stopping == null || stopping == Thread.currentThread()) {
            return;
        }
        try {
            stopping.join(JOIN_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void run() {
        Thread self = Thread.currentThread();
        try {
            while (true) {
                LockSupport.parkNanos(PERIOD.toNanos());
                Thread.interrupted(); // an interrupt must not turn the park into a busy loop
                LOCK.lock();
                try {
                    if (thread != self) {
                        return;
                    }
                    tick();
                    if (stopIfIdle() != null) {
                        return;
                    }
                } finally {
                    LOCK.unlock();
                }
            }
        } finally {
            LOCK.lock();
            try {
                if (thread == self) {
                    thread = null; // died of an Error: the next bind starts another
                }
            } finally {
                LOCK.unlock();
            }
        }
    }

    /** One round: each counts scanned once, each publication brought up to date or, if its registry is gone, dropped. */
    private static void tick() {
        for (CountsWatch watch : WATCHES.values()) {
            watch.scan();
        }
        for (Iterator<Publication> it = PUBLICATIONS.iterator(); it.hasNext();) {
            Publication publication = it.next();
            MeterRegistry registry = publication.registry();
            if (registry == null) {
                it.remove();
                forget(publication);
                continue;
            }
            try {
                publication.sync(registry, false);
            } catch (RuntimeException e) {
                // This registry refused a meter; the others go on, and the next round tries again.
            }
        }
    }

    // ---------------------------------------------------------------- for tests

    /** How many publications are open. */
    static int openPublications() {
        LOCK.lock();
        try {
            return PUBLICATIONS.size();
        } finally {
            LOCK.unlock();
        }
    }
}
