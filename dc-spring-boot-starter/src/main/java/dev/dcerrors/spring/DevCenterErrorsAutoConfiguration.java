package dev.dcerrors.spring;

import dev.dcerrors.core.ErrorCounts;
import dev.dcerrors.micrometer.DevCenterErrorMetrics;
import io.micrometer.core.instrument.Tags;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Adds DC Error Analytics to a Spring Boot application: the Logback turbo filter when Logback is present, the
 * {@link DevCenterErrorMetrics} binder when Micrometer is present (Actuator binds it to every registry,
 * {@code /actuator/prometheus} included, once through Boot's composite). {@code devcenter.errors.enabled=false}
 * switches both off.
 */
@AutoConfiguration
@ConditionalOnProperty(prefix = "devcenter.errors", name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(DevCenterErrorsProperties.class)
public class DevCenterErrorsAutoConfiguration {

    /** The Logback half. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = {"ch.qos.logback.classic.LoggerContext", "dev.dcerrors.logback.DevCenterErrorTurboFilter"})
    static class LogbackConfiguration {

        @Bean
        @ConditionalOnMissingBean
        TurboFilterInstaller devCenterErrorsTurboFilterInstaller(DevCenterErrorsProperties properties) {
            return new TurboFilterInstaller(properties);
        }
    }

    /** The Micrometer half. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = {"io.micrometer.core.instrument.MeterRegistry", "dev.dcerrors.micrometer.DevCenterErrorMetrics"})
    static class MetricsConfiguration {

        @Bean
        @ConditionalOnMissingBean
        DevCenterErrorMetrics devCenterErrorMetrics(DevCenterErrorsProperties properties) {
            return new DevCenterErrorMetrics(ErrorCounts.named(properties.getCounts()), Tags.empty(), properties.isRegisterWholeCatalog());
        }
    }
}
