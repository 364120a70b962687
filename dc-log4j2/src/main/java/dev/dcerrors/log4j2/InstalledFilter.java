package dev.dcerrors.log4j2;

import dev.dcerrors.core.ErrorRecognizer;
import dev.dcerrors.core.RecognizerOptions;
import java.beans.PropertyChangeEvent;
import java.beans.PropertyChangeListener;
import java.util.List;
import org.apache.logging.log4j.core.Filter;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.NullConfiguration;
import org.apache.logging.log4j.core.filter.CompositeFilter;
import org.jspecify.annotations.Nullable;

/**
 * A {@link DevCenterErrorFilter} installed by code into a running Log4j2 logger context, as the Spring Boot starter
 * installs it: a context-wide filter of the configuration in use, and of each configuration that replaces it (a
 * reconfiguration builds a new configuration without it), until {@link #uninstall()}. A configuration that declares a
 * counting {@code <DevCenterErrorFilter/>} for the same counts keeps its own, so that no call is counted twice.
 *
 * <p>A configuration that replaces the one in use gets the filter when Log4j2 announces it, just after loggers switched
 * to it: calls made in between are not counted. Spring Boot configures Log4j2 before the application's beans, so that
 * gap is only that of a later reconfiguration (a {@code monitorInterval} reload of a file that does not declare the
 * filter).
 */
public final class InstalledFilter implements PropertyChangeListener {

    private final LoggerContext context;
    private final ErrorRecognizer recognizer;
    private final List<String> extraKeys;
    private final boolean includeDisabledLevels;
    /** The filter added to the configuration in use, or null when that configuration declares one; guarded by this. */
    private @Nullable DevCenterErrorFilter current;
    private boolean installed = true;
    /** The configuration last announced; guarded by this. */
    private @Nullable Configuration seen;

    private InstalledFilter(LoggerContext context, ErrorRecognizer recognizer, List<String> extraKeys, boolean includeDisabledLevels) {
        this.context = context;
        this.recognizer = recognizer;
        this.extraKeys = List.copyOf(extraKeys);
        this.includeDisabledLevels = includeDisabledLevels;
    }

    /**
     * Installs a filter that counts with {@code recognizer} (built from {@code options} over the counts of
     * {@link Log4j2Counts#in} this context) into {@code context}.
     *
     * @return the installation, or null when the configuration in use declares a filter counting into the same counts
     */
    public static @Nullable InstalledFilter install(LoggerContext context, RecognizerOptions options, ErrorRecognizer recognizer,
            boolean includeDisabledLevels) {
        InstalledFilter installation = new InstalledFilter(context, recognizer, options.getExtraKeys(), includeDisabledLevels);
        context.addPropertyChangeListener(installation);
        installation.addTo(context.getConfiguration());
        if (installation.filter() == null) {
            installation.uninstall();
            return null;
        }
        return installation;
    }

    /** Installs the filter into each configuration that replaces the one in use. */
    @Override
    public void propertyChange(PropertyChangeEvent event) {
        if (LoggerContext.PROPERTY_CONFIG.equals(event.getPropertyName()) && event.getNewValue() instanceof Configuration) {
            addTo((Configuration) event.getNewValue());
        }
    }

    private synchronized void addTo(Configuration configuration) {
        if (configuration == seen) {
            return; // announced again
        }
        seen = configuration;
        current = null;
        // A stopped context's configuration is a NullConfiguration that Log4j2 shares between contexts.
        if (!installed || configuration instanceof NullConfiguration || context.isStopping() || context.isStopped()
                || declaresCounting(configuration)) {
            return;
        }
        DevCenterErrorFilter filter = DevCenterErrorFilter.counting(recognizer, Log4j2Counts.in(context), extraKeys, includeDisabledLevels,
                configuration);
        configuration.addFilter(filter);
        filter.start(); // after: reports another context-wide filter declared before it
        current = filter;
    }

    /** Whether {@code configuration} declares a counting filter for the counts of this installation. */
    private boolean declaresCounting(Configuration configuration) {
        Filter filter = configuration.getFilter();
        Filter[] filters = filter instanceof CompositeFilter ? ((CompositeFilter) filter).getFiltersArray() : new Filter[] {filter};
        for (Filter f : filters) {
            if (f instanceof DevCenterErrorFilter && ((DevCenterErrorFilter) f).isCounting() && ((DevCenterErrorFilter) f).counts() == recognizer.counts()) {
                return true;
            }
        }
        return false;
    }

    /** The filter this installation added to the configuration in use, or null when that configuration declares one. */
    public synchronized @Nullable DevCenterErrorFilter filter() {
        return current;
    }

    /** Takes the filter out of the configuration in use, and out of those to come. */
    public synchronized void uninstall() {
        installed = false;
        context.removePropertyChangeListener(this);
        DevCenterErrorFilter filter = current;
        current = null;
        if (filter != null) {
            context.getConfiguration().removeFilter(filter);
            filter.stop();
        }
    }
}
