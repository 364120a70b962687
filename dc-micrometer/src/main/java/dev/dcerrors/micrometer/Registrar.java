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
 * The open {@link Publication}s of the binders that share this registrar, what it knows of their counts
 * ({@link CountsWatch}, one per counts), and the one background thread that keeps them up to date. New
 * codes reach a registry in two ways, whichever comes first:
 *
 * <ol>
 *   <li>the registrar thread ({@value #THREAD_NAME}) scans every {@link #PERIOD} and registers what is
 *       missing in every registry, whatever reads what: a registry nobody reads, or one whose meter filters
 *       deny the meters that are read, has every new code within {@link DevCenterErrorMetrics#PUBLISHED_WITHIN};</li>
 *   <li>a scrape of a Prometheus registry ({@link ScrapeHooks}) first brings the publications it reaches up to
 *       date ({@link #beforeScrape}), so that it shows the codes counted before it began.</li>
 * </ol>
 *
 * <p>Reading a meter does neither: it only reads the counts. The thread is a daemon, started by the first bind
 * and stopped when the last publication goes (the last {@code close()}, or the last registry
 * garbage-collected). The logging side takes no part in this: it only increments {@link ErrorCounts}.
 *
 * <p>Binders share the process's registrar ({@link #shared()}): meters belong to the registry, so any two
 * binders over the same counts and tags bound to one registry must find the same publication. One lock
 * guards this registrar's state. Binding and closing (a user's thread, holding nothing else) and the
 * registrar thread wait for it; a scrape may run inside a registry's own locks, so it waits a bounded time
 * ({@link #SCRAPE_WAIT}) and after one such timeout does not wait again for a second: a scrape never
 * deadlocks, and a scrape that our own registration started (a meter filter or listener scraping) does not
 * recurse.
 */
final class Registrar {

    /** The name of the background thread. */
    static final String THREAD_NAME = "devcenter-metrics-registrar";
    /** How often the background thread scans: a quarter of the stated bound, for scheduling slack. */
    static final Duration PERIOD = Duration.ofMillis(250);
    /** How long a scrape waits for the lock before it leaves the work to the thread. */
    static final Duration SCRAPE_WAIT = Duration.ofMillis(50);
    private static final long BACKOFF_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final long JOIN_MILLIS = 2_000;

    private static final Registrar SHARED = new Registrar();

    private final ReentrantLock lock = new ReentrantLock();
    /** The publications of this registrar, from their opening until the last close or until their registry is collected. */
    private final List<Holding> listed = new ArrayList<>();
    private final Map<ErrorCounts, CountsWatch> watches = new IdentityHashMap<>();
    private @Nullable Thread thread;
    /** Until when scrapes do not wait for the lock, after one timed out waiting ({@link System#nanoTime()}). */
    private volatile long noWaitUntil = System.nanoTime();

    /** The registrar every binder of this class loader shares. */
    static Registrar shared() {
        return SHARED;
    }

    /**
     * One publication as this registrar keeps it: how many bindings hold it, whether it is listed, and the
     * scrape hooks that bring it up to date. A binder holds it between {@link #open} and {@link #release}.
     */
    static final class Holding {

        private final Publication publication;
        private final ScrapeHooks hooks;
        private int holders;
        private boolean listed;

        private Holding(Publication publication, Registrar registrar) {
            this.publication = publication;
            this.hooks = new ScrapeHooks(() -> registrar.beforeScrape(this));
        }

        /** The registry of the publication, or null once it has been garbage-collected. */
        @Nullable MeterRegistry registry() {
            return publication.registry();
        }
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
    Holding open(MeterRegistry registry, ErrorCounts counts, Tags tags, boolean wholeCatalog, @Nullable EndpointCounts endpoints) {
        lock.lock();
        try {
            Holding holding = find(registry, counts, tags);
            boolean created = holding == null;
            if (holding == null) {
                CountsWatch watch = watches.get(counts);
                holding = new Holding(new Publication(registry, watch == null ? new CountsWatch(counts) : watch, tags), this);
            }
            Publication publication = holding.publication;
            boolean widened = publication.widen(wholeCatalog) | publication.widen(endpoints);
            try {
                if (created) {
                    publication.open(registry);
                }
                publication.watch().scan();
                publication.sync(registry, created || widened);
                holding.hooks.update(registry);
            } catch (RuntimeException e) {
                if (created) {
                    holding.hooks.removeAll();
                    publication.remove();
                }
                throw e;
            }
            if (created) {
                watches.putIfAbsent(counts, publication.watch());
                holding.listed = true;
                listed.add(holding);
            }
            holding.holders++;
            startIfStopped();
            return holding;
        } finally {
            lock.unlock();
        }
    }

    /** Gives up one hold on each publication; the last holder removes its meters. Stops the thread when none is left. */
    void release(List<Holding> held) {
        Thread stopped;
        lock.lock();
        try {
            for (Holding holding : held) {
                if (--holding.holders == 0) {
                    if (holding.listed) { // else its registry was collected, and the registrar let it go
                        listed.remove(holding);
                        forget(holding);
                    }
                    holding.hooks.removeAll();
                    holding.publication.remove();
                }
            }
            stopped = stopIfIdle();
        } finally {
            lock.unlock();
        }
        join(stopped);
    }

    private @Nullable Holding find(MeterRegistry registry, ErrorCounts counts, Tags tags) {
        for (Holding holding : listed) {
            if (holding.publication.isFor(registry, counts, tags)) {
                return holding;
            }
        }
        return null;
    }

    /** Takes a holding off the list; its counts are no longer watched when no other listed publication has them. */
    private void forget(Holding holding) {
        holding.listed = false;
        CountsWatch watch = holding.publication.watch();
        for (Holding other : listed) {
            if (other.publication.watch() == watch) {
                return;
            }
        }
        watches.remove(watch.counts());
    }

    // ---------------------------------------------------------------- a scrape (any thread, maybe inside a registry)

    /** Run by a Prometheus scrape before it reads any meter ({@link ScrapeHooks}): registers what the publication lacks. */
    private void beforeScrape(Holding holding) {
        if (lock.isHeldByCurrentThread()) {
            return; // our own registration started a scrape (a filter, a listener): no recursion
        }
        long now = System.nanoTime();
        boolean locked;
        try {
            locked = now - noWaitUntil < 0 ? lock.tryLock() : lock.tryLock(SCRAPE_WAIT.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (!locked) {
            noWaitUntil = now + BACKOFF_NANOS; // the registrar thread registers within its period instead
            return;
        }
        try {
            MeterRegistry registry = holding.registry();
            if (registry != null && holding.holders > 0) {
                holding.publication.watch().scan();
                holding.publication.sync(registry, false);
            }
        } catch (RuntimeException e) {
            // A registry refused a meter: the scrape goes on, the registrar thread tries again.
        } finally {
            lock.unlock();
        }
    }

    // ---------------------------------------------------------------- the registrar thread

    private void startIfStopped() {
        if (thread == null) {
            Thread started = new Thread(this::run, THREAD_NAME);
            started.setDaemon(true);
            started.setContextClassLoader(Registrar.class.getClassLoader());
            thread = started;
            started.start();
        }
    }

    /** Under the lock: when no publication is left, tells the thread to stop and returns it, to join. */
    private @Nullable Thread stopIfIdle() {
        if (!listed.isEmpty() || thread == null) {
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

    private void run() {
        Thread self = Thread.currentThread();
        try {
            while (true) {
                LockSupport.parkNanos(PERIOD.toNanos());
                Thread.interrupted(); // an interrupt must not turn the park into a busy loop
                lock.lock();
                try {
                    if (thread != self) {
                        return;
                    }
                    tick();
                    if (stopIfIdle() != null) {
                        return;
                    }
                } finally {
                    lock.unlock();
                }
            }
        } finally {
            lock.lock();
            try {
                if (thread == self) {
                    thread = null; // died of an Error: the next bind starts another
                }
            } finally {
                lock.unlock();
            }
        }
    }

    /**
     * One round: each counts scanned once, each publication brought up to date (and its scrape hooks to the
     * registries it reaches now) or, if its registry is gone, dropped.
     */
    private void tick() {
        for (CountsWatch watch : watches.values()) {
            watch.scan();
        }
        for (Iterator<Holding> it = listed.iterator(); it.hasNext();) {
            Holding holding = it.next();
            MeterRegistry registry = holding.registry();
            if (registry == null) {
                it.remove();
                forget(holding);
                continue;
            }
            try {
                holding.publication.sync(registry, false);
            } catch (RuntimeException e) {
                // This registry refused a meter; the others go on, and the next round tries again.
            }
            holding.hooks.update(registry);
        }
    }

    // ---------------------------------------------------------------- for tests

    /** How many publications are open. */
    int openPublications() {
        lock.lock();
        try {
            return listed.size();
        } finally {
            lock.unlock();
        }
    }
}
