package dev.dcerrors.logback;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggerContextListener;
import ch.qos.logback.core.spi.ConfigurationEvent;
import ch.qos.logback.core.spi.ConfigurationEventListener;
import org.jspecify.annotations.Nullable;

/**
 * Keeps exactly one {@link DevCenterErrorTurboFilter} counting per logger context and counts instance,
 * across {@code LoggerContext.reset()} and reconfiguration, without a gap.
 *
 * <p>{@code reset()} stops and removes every turbo filter; reconfiguration then creates a new instance
 * from logback.xml, and log calls made in between would go uncounted. So the filter that counts (the
 * <em>primary</em>) is put back as soon as the reset is over ({@link #onReset}), and keeps counting while
 * the new configuration is read. When the configuration declares the filter again, the new instance hands
 * its options to the primary and stays out of the way ({@link #claim}); it is taken off the list when the
 * configuration ends. When the new configuration no longer declares the filter, the primary is retired at
 * its end. Registered once per context and counts name, as a reset-resistant context listener.
 */
final class FilterHandover implements LoggerContextListener, ConfigurationEventListener {

    private final LoggerContext context;
    private final String countsName;
    private @Nullable DevCenterErrorTurboFilter primary;
    private @Nullable DevCenterErrorTurboFilter replacedBy;
    private boolean declaredInCurrentConfiguration;

    private FilterHandover(LoggerContext context, String countsName) {
        this.context = context;
        this.countsName = countsName;
    }

    /** The handover of this context and counts name, registered on first use. */
    static FilterHandover of(LoggerContext context, String countsName) {
        synchronized (FilterHandover.class) {
            for (LoggerContextListener listener : context.getCopyOfListenerList()) {
                if (listener instanceof FilterHandover && ((FilterHandover) listener).countsName.equals(countsName)) {
                    return (FilterHandover) listener;
                }
            }
            FilterHandover handover = new FilterHandover(context, countsName);
            context.addListener(handover);
            try {
                context.addConfigurationEventListener(handover);
            } catch (LinkageError olderLogback) {
                // Logback before 1.3.6 has no configuration events: a filter left out of a new configuration
                // then keeps counting until the context stops.
            }
            return handover;
        }
    }

    /**
     * Called by a starting filter. Returns true when it is to count; false when a primary counts already, in
     * which case the primary takes over the starting filter's configuration.
     */
    synchronized boolean claim(DevCenterErrorTurboFilter starting, DevCenterErrorTurboFilter.Config config) {
        declaredInCurrentConfiguration = true;
        DevCenterErrorTurboFilter current = primary;
        if (current != null && current != starting && context.getTurboFilterList().contains(current)) {
            current.adopt(config);
            replacedBy = starting;
            return false;
        }
        primary = starting;
        return true;
    }

    @Override
    public synchronized void onReset(LoggerContext resetContext) {
        DevCenterErrorTurboFilter current = primary;
        if (current != null && current.rejoin()) {
            resetContext.addTurboFilter(current);
        }
        declaredInCurrentConfiguration = false;
    }

    @Override
    public synchronized void listen(ConfigurationEvent event) {
        switch (event.getEventType()) {
            case CONFIGURATION_STARTED -> declaredInCurrentConfiguration = false;
            case CONFIGURATION_ENDED_SUCCESSFULLY, CONFIGURATION_ENDED_WITH_XML_PARSING_ERRORS -> {
                DevCenterErrorTurboFilter inert = replacedBy;
                if (inert != null) {
                    context.getTurboFilterList().remove(inert);
                    replacedBy = null;
                }
                DevCenterErrorTurboFilter current = primary;
                if (!declaredInCurrentConfiguration && current != null && !current.keptAcrossReconfiguration()) {
                    // The new configuration no longer declares the filter: stop counting.
                    current.stop();
                    context.getTurboFilterList().remove(current);
                    primary = null;
                }
            }
            default -> { }
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
    public synchronized void onStop(LoggerContext stoppedContext) {
        primary = null;
        replacedBy = null;
    }

    @Override
    public void onLevelChange(Logger logger, Level level) {
    }

}
