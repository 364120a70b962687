package dev.dcerrors.spring;

import dev.dcerrors.core.ErrorRecognizer;
import dev.dcerrors.core.RecognizerOptions;
import dev.dcerrors.micrometer.DevCenterErrorMetrics;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Adds DC Error Analytics to a Spring Boot application: the Logback turbo filter when Logback is present, the
 * {@link DevCenterErrorMetrics} binder when Micrometer is present (Actuator binds it to every registry,
 * {@code /actuator/prometheus} included, once through Boot's composite). {@code devcenter.errors.enabled=false}
 * switches both off.
 *
 * <p>Both halves depend on one {@link ErrorRecognizer} bean built from the {@code devcenter.errors.*} recognition
 * options: it creates the named counts and adds the extra catalog before either half uses them, whatever the bean
 * order, and a bad property stops the application with a message naming it.
 */
@AutoConfiguration
@ConditionalOnProperty(prefix = "devcenter.errors", name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(DevCenterErrorProperties.class)
public class DevCenterErrorAutoConfiguration {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DevCenterErrorAutoConfiguration.class);

    /** The recognition options, bound from {@code devcenter.errors.*}: the logback.xml element names in kebab case. */
    @Bean
    @ConditionalOnMissingBean
    @ConfigurationProperties(prefix = "devcenter.errors")
    RecognizerOptions devCenterErrorRecognizerOptions() {
        return new RecognizerOptions();
    }

    /**
     * The recognizer the options describe. A value that cannot take effect (a {@code max-unknown-codes} for counts
     * that exist already) is logged as a warning naming the property.
     *
     * @throws IllegalStateException naming every bad {@code devcenter.errors.*} property
     */
    @Bean
    @ConditionalOnMissingBean
    ErrorRecognizer devCenterErrorRecognizer(RecognizerOptions options) {
        List<String> problems = new ArrayList<>();
        ErrorRecognizer recognizer = options.build(new RecognizerOptions.Reporter() {
            @Override
            public void error(RecognizerOptions.Option option, String message) {
                problems.add("devcenter.errors." + option.property() + ": " + message);
            }

            @Override
            public void warn(RecognizerOptions.Option option, String message) {
                LOG.warn("devcenter.errors.{}: {}", option.property(), message);
            }
        });
        if (recognizer == null) {
            throw new IllegalStateException("Invalid devcenter.errors properties:\n  " + String.join("\n  ", problems));
        }
        return recognizer;
    }

    /** The Logback half. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = {"ch.qos.logback.classic.LoggerContext", "dev.dcerrors.logback.DevCenterErrorTurboFilter"})
    static class LogbackConfiguration {

        /** Takes the recognizer only to come after it: the options are valid and the counts set up before the filter starts. */
        @Bean
        @ConditionalOnMissingBean
        TurboFilterInstaller devCenterErrorTurboFilterInstaller(RecognizerOptions options, ErrorRecognizer recognizer,
                DevCenterErrorProperties properties) {
            return new TurboFilterInstaller(options, properties.isIncludeDisabledLevels());
        }
    }

    /** The Micrometer half. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = {"io.micrometer.core.instrument.MeterRegistry", "dev.dcerrors.micrometer.DevCenterErrorMetrics"})
    static class MetricsConfiguration {

        @Bean
        @ConditionalOnMissingBean
        DevCenterErrorMetrics devCenterErrorMetrics(ErrorRecognizer recognizer, DevCenterErrorProperties properties) {
            return DevCenterErrorMetrics.builder().counts(recognizer.counts()).registerWholeCatalog(properties.isRegisterWholeCatalog()).build();
        }
    }
}
