package dev.dcerrors.spring;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.status.Status;
import dev.dcerrors.logback.DevCenterErrorTurboFilter;
import org.jspecify.annotations.Nullable;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;

/**
 * Installs {@link DevCenterErrorTurboFilter} into the running Logback context, unless the application's
 * logback(-spring).xml declares one for the same counts already; removes it when the application stops. The
 * filter survives Spring Boot's own resets of the logging system (see the filter's reset handling).
 */
public class TurboFilterInstaller implements InitializingBean, DisposableBean {

    private static final org.slf4j.Logger LOG = LoggerFactory.getLogger(TurboFilterInstaller.class);

    private final DevCenterErrorsProperties properties;
    private @Nullable DevCenterErrorTurboFilter installed;
    private @Nullable LoggerContext context;

    public TurboFilterInstaller(DevCenterErrorsProperties properties) {
        this.properties = properties;
    }

    @Override
    public void afterPropertiesSet() {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (!(factory instanceof LoggerContext)) {
            LOG.warn("DevCenterErrorTurboFilter not installed: SLF4J is bound to {}, not Logback", factory.getClass().getName());
            return;
        }
        LoggerContext loggerContext = (LoggerContext) factory;
        for (TurboFilter existing : loggerContext.getTurboFilterList()) {
            if (existing instanceof DevCenterErrorTurboFilter && ((DevCenterErrorTurboFilter) existing).isCounting()
                    && ((DevCenterErrorTurboFilter) existing).counts().name().equals(properties.getCounts())) {
                LOG.debug("DevCenterErrorTurboFilter declared by the logging configuration; not installed again");
                return;
            }
        }
        DevCenterErrorTurboFilter filter = new DevCenterErrorTurboFilter();
        filter.setContext(loggerContext);
        filter.setName("devcenter-errors");
        filter.setMaxScanChars(properties.getMaxScanChars());
        filter.setMaxCodesPerEvent(properties.getMaxCodesPerEvent());
        filter.setErrorCodeRange(properties.getErrorCodeRange());
        properties.getExtraKeys().forEach(filter::addExtraKey);
        filter.setIgnoreKeyCase(properties.isIgnoreKeyCase());
        filter.setIncludeDisabledLevels(properties.isIncludeDisabledLevels());
        filter.setScanArguments(properties.getScanArguments());
        filter.setScanThrowables(properties.isScanThrowables());
        if (properties.getCatalog() != null) {
            filter.setCatalog(properties.getCatalog());
        }
        filter.setCounts(properties.getCounts());
        filter.setKeptAcrossReconfiguration(true);
        long statusesBefore = loggerContext.getStatusManager().getCount();
        filter.start();
        if (!filter.isStarted()) {
            StringBuilder problems = new StringBuilder();
            loggerContext.getStatusManager().getCopyOfStatusList().stream().skip(statusesBefore)
                    .filter(s -> s.getLevel() == Status.ERROR).forEach(s -> problems.append("\n  ").append(s.getMessage()));
            throw new IllegalStateException("DevCenterErrorTurboFilter could not start from devcenter.errors.* properties:" + problems);
        }
        if (filter.isCounting()) {
            loggerContext.addTurboFilter(filter);
            installed = filter;
            context = loggerContext;
        }
    }

    /** The filter this installer added, or null when the configuration declared one or Logback is absent. */
    public @Nullable DevCenterErrorTurboFilter installedFilter() {
        return installed;
    }

    @Override
    public void destroy() {
        DevCenterErrorTurboFilter filter = installed;
        LoggerContext loggerContext = context;
        if (filter != null && loggerContext != null) {
            filter.stop();
            loggerContext.getTurboFilterList().remove(filter);
        }
        installed = null;
    }
}
