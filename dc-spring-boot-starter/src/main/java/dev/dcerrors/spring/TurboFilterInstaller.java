package dev.dcerrors.spring;

import ch.qos.logback.classic.LoggerContext;
import dev.dcerrors.core.ErrorRecognizer;
import dev.dcerrors.core.RecognizerOptions;
import dev.dcerrors.core.RecognizerOptions.Option;
import dev.dcerrors.logback.DevCenterErrorTurboFilter;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;

/**
 * Installs {@link DevCenterErrorTurboFilter} into the running Logback context, unless the application's
 * logback(-spring).xml declares one for the same counts already; uninstalls it when the application stops. The
 * filter survives Spring Boot's own resets of the logging system.
 */
public class TurboFilterInstaller implements InitializingBean, DisposableBean {

    private static final org.slf4j.Logger LOG = LoggerFactory.getLogger(TurboFilterInstaller.class);

    private final RecognizerOptions options;
    private final ErrorRecognizer recognizer;
    private final boolean includeDisabledLevels;
    private @Nullable DevCenterErrorTurboFilter installed;

    /**
     * @param options what {@code recognizer} was built from, to name those that have no effect on a declared filter
     * @param recognizer what the installed filter counts with
     */
    public TurboFilterInstaller(RecognizerOptions options, ErrorRecognizer recognizer, boolean includeDisabledLevels) {
        this.options = options;
        this.recognizer = recognizer;
        this.includeDisabledLevels = includeDisabledLevels;
    }

    @Override
    public void afterPropertiesSet() {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (!(factory instanceof LoggerContext)) {
            LOG.warn("DevCenterErrorTurboFilter not installed: SLF4J is bound to {}, not Logback", factory.getClass().getName());
            return;
        }
        installed = DevCenterErrorTurboFilter.install((LoggerContext) factory, recognizer, includeDisabledLevels);
        if (installed == null) {
            List<String> withoutEffect = propertiesWithoutEffectOnADeclaredFilter();
            if (withoutEffect.isEmpty()) {
                LOG.debug("DevCenterErrorTurboFilter declared by the logging configuration; not installed again");
            } else {
                LOG.warn("DevCenterErrorTurboFilter is declared by the logging configuration (logback-spring.xml) for counts '{}': its elements "
                        + "apply, and {} have no effect on it. Set them as elements of that <turboFilter>, or remove the filter from the "
                        + "logging configuration to let the starter install it.", options.getCounts(), withoutEffect);
            }
        }
    }

    /**
     * The recognition properties set to other than their defaults that a filter declared in logback-spring.xml does not
     * take: all but the counts name, and the catalog and max-unknown-codes, which apply to the counts themselves.
     */
    private List<String> propertiesWithoutEffectOnADeclaredFilter() {
        List<String> properties = new ArrayList<>();
        for (Option option : Option.values()) {
            boolean appliesToTheCounts = option == Option.COUNTS || option == Option.CATALOG || option == Option.MAX_UNKNOWN_CODES;
            if (!appliesToTheCounts && !options.valueOf(option).equals(option.defaultValue())) {
                properties.add("devcenter.errors." + option.property());
            }
        }
        if (includeDisabledLevels) {
            properties.add("devcenter.errors.include-disabled-levels");
        }
        return properties;
    }

    /** The filter this installer added, or null when the configuration declared one or Logback is absent. */
    public @Nullable DevCenterErrorTurboFilter installedFilter() {
        return installed;
    }

    @Override
    public void destroy() {
        DevCenterErrorTurboFilter filter = installed;
        if (filter != null) {
            filter.uninstall();
        }
        installed = null;
    }
}
