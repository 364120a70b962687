package dev.dcerrors.spring;

import dev.dcerrors.core.ErrorRecognizer;
import dev.dcerrors.core.RecognizerOptions;
import dev.dcerrors.log4j2.InstalledFilter;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Installs the Log4j2 {@code DevCenterErrorFilter} into the running Log4j2 logger context (an application on
 * {@code spring-boot-starter-log4j2}), unless the application's log4j2(-spring).xml declares one for the same counts
 * already; uninstalls it when the application stops. The filter stays across reconfigurations: see
 * {@link InstalledFilter}.
 */
public class Log4j2FilterInstaller implements InitializingBean, DisposableBean {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Log4j2FilterInstaller.class);

    private final RecognizerOptions options;
    private final ErrorRecognizer recognizer;
    private final boolean includeDisabledLevels;
    private @Nullable InstalledFilter installed;

    /**
     * @param options what {@code recognizer} was built from (its extra keys name the SLF4J fluent pairs that count)
     * @param recognizer what the installed filter counts with
     */
    public Log4j2FilterInstaller(RecognizerOptions options, ErrorRecognizer recognizer, boolean includeDisabledLevels) {
        this.options = options;
        this.recognizer = recognizer;
        this.includeDisabledLevels = includeDisabledLevels;
    }

    /**
     * Whether Log4j2's core is the logging system running: log4j-core on the class path is not enough, since Spring Boot's
     * Logback starter binds log4j-api to SLF4J (log4j-to-slf4j).
     */
    static final class Log4j2Running implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return runningContext() != null;
        }
    }

    /** The running Log4j2 logger context, or null when log4j-api is bound to another implementation. */
    static @Nullable LoggerContext runningContext() {
        return LogManager.getContext(false) instanceof LoggerContext ? (LoggerContext) LogManager.getContext(false) : null;
    }

    @Override
    public void afterPropertiesSet() {
        LoggerContext context = runningContext();
        if (context == null) {
            LOG.warn("DevCenterErrorFilter not installed: log4j-api is bound to {}, not Log4j2's core", LogManager.getContext(false).getClass().getName());
            return;
        }
        installed = InstalledFilter.install(context, options, recognizer, includeDisabledLevels);
        if (installed == null) {
            LOG.debug("DevCenterErrorFilter declared by the logging configuration for counts '{}'; not installed again; its attributes apply",
                    options.getCounts());
        }
    }

    /** What this installer added, or null when the configuration declared a filter or Log4j2 is not running. */
    public @Nullable InstalledFilter installedFilter() {
        return installed;
    }

    @Override
    public void destroy() {
        InstalledFilter filter = installed;
        if (filter != null) {
            filter.uninstall();
        }
        installed = null;
    }
}
