package dev.dcerrors.logback;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggerContextListener;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.ConfigurationEvent;
import ch.qos.logback.core.spi.ConfigurationEventListener;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How {@link DevCenterErrorTurboFilter} survives {@code LoggerContext.reset()} and reconfiguration: the whole
 * story is in this class.
 *
 * <p>There is one seat per logger context and counts name, and exactly one filter sits in it and counts, so
 * that no log call is counted twice and none is missed:
 * <ol>
 *   <li>The first filter to start takes the seat and counts.</li>
 *   <li>{@code reset()} (a logback.xml with {@code scan="true"} that changed, a JoranConfigurator run again,
 *       Spring Boot) stops and removes every turbo filter. Right after, {@link #onReset} puts the seated filter
 *       back, counting with the options it had, while the new configuration is read.</li>
 *   <li>A filter that the new configuration declares starts while the seated one is in the list: it hands its
 *       options to the seated filter and does not count ({@link #take}); it is taken off the list when the
 *       configuration ends. Whichever filter counts on takes over the readers of response objects of the recognizer it
 *       replaces when the keys are the same ({@link dev.dcerrors.core.ErrorRecognizer#reusingObjectReaders}).</li>
 *   <li>A configuration that ends without declaring the filter empties the seat: the seated filter stops and
 *       leaves the list, unless it was installed by code ({@link DevCenterErrorTurboFilter#install}).</li>
 *   <li>{@code LoggerContext.stop()} (which resets first) and {@link DevCenterErrorTurboFilter#uninstall()}
 *       empty the seat as well: a context started and configured again starts afresh.</li>
 * </ol>
 * The seated filter is kept ahead of every other kind of turbo filter in the list ({@link #placeFirst}): a response
 * happened whether or not another turbo filter lets its log line through.
 *
 * <p>The seat is a reset-resistant context listener, as Micrometer's {@code LogbackMetrics} keeps its filter.
 * Its methods run while Logback configures, resets or stops, synchronized on the seat; a log call never
 * touches it.
 */
final class FilterSeat implements LoggerContextListener, ConfigurationEventListener {

    private final LoggerContext context;
    private final String countsName;
    private @Nullable DevCenterErrorTurboFilter seated;
    /** What the seated filter counts with; kept here because reset() stops the filter. */
    private DevCenterErrorTurboFilter.@Nullable Counting counting;
    /** Filters declared again by the configuration being read; they count nothing and leave at its end. */
    private final List<DevCenterErrorTurboFilter> declaredAgain = new ArrayList<>();
    private boolean declaredInThisConfiguration;

    private FilterSeat(LoggerContext context, String countsName) {
        this.context = context;
        this.countsName = countsName;
    }

    /** The seat of this context and counts name, registered with the context on first use. */
    static FilterSeat of(LoggerContext context, String countsName) {
        synchronized (context) {
            for (LoggerContextListener listener : context.getCopyOfListenerList()) {
                if (listener instanceof FilterSeat && ((FilterSeat) listener).countsName.equals(countsName)) {
                    return (FilterSeat) listener;
                }
            }
            FilterSeat seat = new FilterSeat(context, countsName);
            context.addListener(seat);
            try {
                context.addConfigurationEventListener(seat);
            } catch (LinkageError olderLogback) {
                // Logback before 1.3.6 has no configuration events: a filter left out of a new configuration
                // then counts on until the context stops.
            }
            return seat;
        }
    }

    /** A starting filter asks to count: it takes the seat, or hands its options to the filter that holds it. */
    synchronized void take(DevCenterErrorTurboFilter starting, DevCenterErrorTurboFilter.Counting wanted) {
        declaredInThisConfiguration = true;
        DevCenterErrorTurboFilter holder = seated;
        DevCenterErrorTurboFilter.Counting previous = counting;
        // A filter configured again takes over the readers of response objects of the one it replaces: a DTO's code
        // getter is a class of its own, made once per configuration of keys, not once per reconfiguration.
        DevCenterErrorTurboFilter.Counting options = previous == null ? wanted
                : new DevCenterErrorTurboFilter.Counting(wanted.recognizer().reusingObjectReaders(previous.recognizer()), wanted.includeDisabledLevels());
        counting = options;
        if (holder != null && holder != starting && context.getTurboFilterList().contains(holder)) {
            holder.countWith(options);
            starting.countWith(null);
            declaredAgain.add(starting);
            return;
        }
        if (holder != null && holder != starting) {
            holder.countWith(null); // taken off the list by someone else: it sees no call any more
        }
        seated = starting;
        starting.countWith(options);
        placeFirst(starting);
    }

    /**
     * Moves the seated filter to the head of the turbo-filter list, in one atomic step ({@code sort} replaces the
     * list's array at once: no call sees the filter twice or not at all). Turbo filters run in list order and the first
     * that does not answer NEUTRAL ends the chain: a {@code DuplicateMessageFilter} or {@code MarkerFilter} declared
     * before ours would otherwise hide responses that happened from the counts.
     */
    void placeFirst(DevCenterErrorTurboFilter filter) {
        List<TurboFilter> list = context.getTurboFilterList();
        if (list.contains(filter) && !onlyCountingFiltersBefore(list, filter)) {
            // Stable: the counting filters keep their order among themselves, and so do the others.
            list.sort((a, b) -> Boolean.compare(b instanceof DevCenterErrorTurboFilter, a instanceof DevCenterErrorTurboFilter));
        }
    }

    private static boolean onlyCountingFiltersBefore(List<TurboFilter> list, DevCenterErrorTurboFilter filter) {
        for (TurboFilter f : list) {
            if (f == filter) {
                return true;
            }
            if (!(f instanceof DevCenterErrorTurboFilter)) {
                return false;
            }
        }
        return false;
    }

    /** The filter leaves for good (stopped by its owner, or the context stops). */
    synchronized void vacate(DevCenterErrorTurboFilter leaving) {
        declaredAgain.remove(leaving);
        if (seated == leaving) {
            seated = null;
            counting = null;
        }
        leaving.countWith(null);
        context.getTurboFilterList().remove(leaving);
    }

    @Override
    public synchronized void onReset(LoggerContext resetContext) {
        declaredAgain.clear();
        declaredInThisConfiguration = false;
        DevCenterErrorTurboFilter holder = seated;
        DevCenterErrorTurboFilter.Counting options = counting;
        if (holder != null && options != null) {
            holder.resume(options);
            resetContext.addTurboFilter(holder); // the list is empty but for other seats' filters: first among the others
        }
    }

    @Override
    public synchronized void listen(ConfigurationEvent event) {
        String type = event.getEventType().name();
        if (type.equals("CONFIGURATION_STARTED")) {
            declaredInThisConfiguration = false;
        } else if (type.startsWith("CONFIGURATION_ENDED")) {
            for (DevCenterErrorTurboFilter extra : declaredAgain) {
                extra.stop();
                context.getTurboFilterList().remove(extra);
            }
            declaredAgain.clear();
            DevCenterErrorTurboFilter holder = seated;
            if (holder != null && !declaredInThisConfiguration && !holder.installedByCode()) {
                vacate(holder); // the new configuration no longer declares the filter
                holder.stop();
            } else if (holder != null) {
                placeFirst(holder);
            }
        }
    }

    @Override
    public synchronized void onStop(LoggerContext stoppedContext) {
        DevCenterErrorTurboFilter holder = seated;
        if (holder != null) {
            vacate(holder);
            holder.stop();
        }
        declaredAgain.clear();
        // stop() drops the context's listeners but not its configuration event listeners: a context started
        // again gets a new seat, so this one leaves both lists.
        try {
            stoppedContext.removeConfigurationEventListener(this);
        } catch (LinkageError olderLogback) {
            // Logback without removeConfigurationEventListener: the stale seat holds no filter and only answers events.
        }
    }

    @Override
    public boolean isResetResistant() {
        return true;
    }

    @Override
    public void onStart(LoggerContext startedContext) {
    }

    @Override
    public void onLevelChange(Logger logger, Level level) {
    }
}
