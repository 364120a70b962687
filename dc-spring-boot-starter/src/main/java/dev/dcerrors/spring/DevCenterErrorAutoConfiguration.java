package dev.dcerrors.spring;

import ch.qos.logback.classic.LoggerContext;
import dev.dcerrors.core.EndpointCounts;
import dev.dcerrors.core.ErrorCounts;
import dev.dcerrors.core.FailureReporter;
import dev.dcerrors.core.ErrorRecognizer;
import dev.dcerrors.core.NamedCounts;
import dev.dcerrors.core.RecognizerOptions;
import dev.dcerrors.core.ResponseCounter;
import dev.dcerrors.spring.reactive.ResponseCountingWebFilter;
import dev.dcerrors.spring.reactive.WebClientCounting;
import dev.dcerrors.spring.web.ClientCustomizers;
import dev.dcerrors.spring.web.ExchangeFilter;
import dev.dcerrors.spring.web.ResponseCountingAdvice;
import dev.dcerrors.spring.web.ResponseCountingInterceptor;
import dev.dcerrors.logback.LogbackCounts;
import dev.dcerrors.micrometer.DevCenterErrorMetrics;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Import;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Adds DC Error Analytics to a Spring Boot application: the Logback turbo filter when Logback is present, the Log4j2
 * filter when Log4j2 is there instead ({@code spring-boot-starter-log4j2}), the {@link DevCenterErrorMetrics} binder when Micrometer is present (Actuator binds it to every registry,
 * {@code /actuator/prometheus} included, once through Boot's composite). {@code devcenter.errors.enabled=false}
 * switches both off.
 *
 * <p>Both halves use the one {@link ErrorRecognizer} bean built from the {@code devcenter.errors.*} recognition options:
 * the turbo filter counts with it, and the binder publishes its counts (the {@link ErrorCounts} bean). A bad property
 * stops the application with a message naming it. Its counts are looked up by {@code devcenter.errors.counts} in the
 * {@link NamedCounts} bean: with Logback, those of the logger context, which a filter declared in logback-spring.xml
 * names too; without, the application's own.
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
    ErrorRecognizer devCenterErrorRecognizer(RecognizerOptions options, ObjectProvider<NamedCounts> namedCounts) {
        List<String> problems = new ArrayList<>();
        ErrorRecognizer recognizer = options.build(namedCounts.getIfAvailable(NamedCounts::new), new RecognizerOptions.Reporter() {
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

    /** The counts the recognizer counts into: the binder publishes them, and the application may inject them. */
    @Bean
    @ConditionalOnMissingBean
    ErrorCounts devCenterErrorCounts(ErrorRecognizer recognizer) {
        return recognizer.counts();
    }

    /**
     * The error responses counted at their source, by endpoint: {@code devcenter.errors.max-endpoints} of them at most.
     *
     * @throws IllegalStateException naming the property when it is out of range
     */
    @Bean
    @ConditionalOnMissingBean
    EndpointCounts devCenterEndpointCounts(ErrorCounts counts, DevCenterErrorProperties properties) {
        int max = properties.getMaxEndpoints();
        if (max < 1 || max > EndpointCounts.MAX_ENDPOINTS_LIMIT) {
            throw new IllegalStateException("Invalid devcenter.errors properties:\n  devcenter.errors.max-endpoints: must be 1-"
                    + EndpointCounts.MAX_ENDPOINTS_LIMIT + ": " + max);
        }
        return new EndpointCounts(counts, max);
    }

    /**
     * Counting at the source: the bodies Spring MVC answers and RestClient and RestTemplate receive, each once with the
     * log calls of its exchange ({@link dev.dcerrors.core.Exchange}). {@code devcenter.errors.responses.enabled=false}
     * turns it off: then responses count from the logs only, as without it.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(prefix = "devcenter.errors.responses", name = "enabled", havingValue = "true", matchIfMissing = true)
    @ConditionalOnClass(name = "org.springframework.http.HttpRequest")
    static class SourceConfiguration {

        @Bean
        @ConditionalOnMissingBean
        ResponseCounter devCenterResponseCounter(ErrorRecognizer recognizer, EndpointCounts endpoints) {
            return new ResponseCounter(recognizer, endpoints, FailureReporter.once((problem, cause) -> LOG.warn("DC Error Analytics: {}", problem, cause)));
        }

        /** The server side: Spring MVC. */
        @Configuration(proxyBeanMethods = false)
        @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
        @ConditionalOnClass(name = {"org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice", "jakarta.servlet.Filter"})
        static class ServletServerConfiguration {

            /** A filter bean: Boot registers it for every request, first ({@link ExchangeFilter#getOrder()}), async dispatches included. */
            @Bean
            ExchangeFilter devCenterExchangeFilter() {
                return new ExchangeFilter();
            }

            @Bean
            ResponseCountingAdvice devCenterResponseCountingAdvice(ResponseCounter counter) {
                return new ResponseCountingAdvice(counter);
            }
        }

        /** The server side: Spring WebFlux. */
        @Configuration(proxyBeanMethods = false)
        @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
        @ConditionalOnClass(name = "org.springframework.web.server.WebFilter")
        static class ReactiveServerConfiguration {

            @Bean
            ResponseCountingWebFilter devCenterResponseCountingWebFilter(ResponseCounter counter) {
                return new ResponseCountingWebFilter(counter);
            }
        }

        /** The client side: WebClient built from Boot's builder. */
        @Configuration(proxyBeanMethods = false)
        @ConditionalOnClass(name = "org.springframework.web.reactive.function.client.WebClient")
        static class WebClientConfiguration {

            @Bean
            static WebClientCounting.Builders devCenterWebClientBuilders(ObjectProvider<ResponseCounter> counter) {
                return new WebClientCounting.Builders(counter);
            }
        }

        /** The client side: RestClient and RestTemplate built from Boot's builders. */
        @Configuration(proxyBeanMethods = false)
        @ConditionalOnClass(name = "org.springframework.web.client.RestClient")
        @Import(ClientCustomizers.RestTemplates.class)
        static class ClientConfiguration {

            @Bean
            ResponseCountingInterceptor devCenterResponseCountingInterceptor(ResponseCounter counter) {
                return new ResponseCountingInterceptor(counter);
            }

            @Bean
            static ClientCustomizers.RestClientBuilders devCenterRestClientBuilders(ObjectProvider<ResponseCountingInterceptor> interceptor) {
                return new ClientCustomizers.RestClientBuilders(interceptor);
            }
        }
    }

    /** The Logback half. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = {"ch.qos.logback.classic.LoggerContext", "dev.dcerrors.logback.DevCenterErrorTurboFilter"})
    static class LogbackConfiguration {

        /** The counts named in the running logger context, so that a filter declared in logback-spring.xml meets the starter's. */
        @Bean
        @ConditionalOnMissingBean
        NamedCounts devCenterNamedCounts() {
            ILoggerFactory factory = LoggerFactory.getILoggerFactory();
            return factory instanceof LoggerContext ? LogbackCounts.in((LoggerContext) factory) : new NamedCounts();
        }

        @Bean
        @ConditionalOnMissingBean
        TurboFilterInstaller devCenterErrorTurboFilterInstaller(RecognizerOptions options, ErrorRecognizer recognizer,
                DevCenterErrorProperties properties) {
            return new TurboFilterInstaller(options, recognizer, properties.isIncludeDisabledLevels());
        }
    }

    /**
     * The Log4j2 half, for an application on {@code spring-boot-starter-log4j2}: the same as the Logback half, with the
     * counts named in the Log4j2 logger context ({@code Log4j2Counts}), which a filter declared in log4j2-spring.xml
     * names too.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = {"org.apache.logging.log4j.core.LoggerContext", "dev.dcerrors.log4j2.DevCenterErrorFilter"})
    @ConditionalOnMissingClass("ch.qos.logback.classic.LoggerContext")
    @Conditional(Log4j2FilterInstaller.Log4j2Running.class)
    static class Log4j2Configuration {

        @Bean
        @ConditionalOnMissingBean
        NamedCounts devCenterNamedCounts() {
            org.apache.logging.log4j.core.LoggerContext context = Log4j2FilterInstaller.runningContext();
            return context != null ? dev.dcerrors.log4j2.Log4j2Counts.in(context) : new NamedCounts();
        }

        @Bean
        @ConditionalOnMissingBean
        Log4j2FilterInstaller devCenterErrorLog4j2FilterInstaller(RecognizerOptions options, ErrorRecognizer recognizer,
                DevCenterErrorProperties properties) {
            return new Log4j2FilterInstaller(options, recognizer, properties.isIncludeDisabledLevels());
        }
    }

    /** The Micrometer half. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = {"io.micrometer.core.instrument.MeterRegistry", "dev.dcerrors.micrometer.DevCenterErrorMetrics"})
    static class MetricsConfiguration {

        @Bean
        @ConditionalOnMissingBean
        DevCenterErrorMetrics devCenterErrorMetrics(ErrorCounts counts, EndpointCounts endpoints, DevCenterErrorProperties properties) {
            return DevCenterErrorMetrics.builder().counts(counts).endpoints(endpoints).registerWholeCatalog(properties.isRegisterWholeCatalog())
                    .build();
        }
    }
}
