package dev.dcerrors.spring;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import dev.dcerrors.core.ErrorCounts;
import dev.dcerrors.logback.LogbackCounts;
import dev.dcerrors.logback.DevCenterErrorTurboFilter;
import dev.dcerrors.micrometer.DevCenterErrorMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import dev.dcerrors.core.EndpointCounts;
import dev.dcerrors.core.ResponseCounter;
import dev.dcerrors.spring.reactive.ResponseCountingWebFilter;
import dev.dcerrors.spring.web.ExchangeFilter;
import dev.dcerrors.spring.web.ResponseCountingAdvice;
import dev.dcerrors.spring.web.ResponseCountingInterceptor;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class DevCenterErrorAutoConfigurationTest {

    private static final String LOCKED = "{\"code\":5147,\"msg\":\"Your account has been temporarily locked.\"}";

    private final String counts = "boot-" + UUID.randomUUID();
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DevCenterErrorAutoConfiguration.class))
            .withPropertyValues("devcenter.errors.counts=" + counts);

    private static LoggerContext logback() {
        return (LoggerContext) LoggerFactory.getILoggerFactory();
    }

    private long filtersCountingInto(String name) {
        return logback().getTurboFilterList().stream()
                .filter(f -> f instanceof DevCenterErrorTurboFilter && ((DevCenterErrorTurboFilter) f).isCounting()
                        && ((DevCenterErrorTurboFilter) f).counts().name().equals(name))
                .count();
    }

    @Test
    void withLogbackAndMicrometerTheFilterIsInstalledAndTheBinderRegistered() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(TurboFilterInstaller.class).hasSingleBean(DevCenterErrorMetrics.class);
            assertThat(filtersCountingInto(counts)).isEqualTo(1);
            LoggerFactory.getLogger("app").info("response {}", LOCKED);
            assertThat(LogbackCounts.named(logback(), counts).count(5147)).isEqualTo(1);
            assertThat(context.getBean(DevCenterErrorMetrics.class).counts()).isSameAs(LogbackCounts.named(logback(), counts));
        });
        assertThat(filtersCountingInto(counts)).as("removed when the application stops").isZero();
    }

    @Test
    void oneRecognizerIsBuiltTheFilterCountsWithItAndTheBinderPublishesItsCounts() {
        runner.withPropertyValues("devcenter.errors.extra-keys=errorCode").run(context -> {
            assertThat(context).hasSingleBean(dev.dcerrors.core.ErrorRecognizer.class).hasSingleBean(ErrorCounts.class);
            ErrorCounts named = context.getBean(dev.dcerrors.core.ErrorRecognizer.class).counts();
            assertThat(named).isSameAs(context.getBean(ErrorCounts.class)).isSameAs(LogbackCounts.named(logback(), counts))
                    .isSameAs(context.getBean(DevCenterErrorMetrics.class).counts())
                    .isSameAs(context.getBean(TurboFilterInstaller.class).installedFilter().counts());
            LoggerFactory.getLogger("app").info("{\"errorCode\":5148,\"msg\":\"blocked\"}");
            assertThat(named.count(5148)).as("counted with the recognizer's options").isEqualTo(1);
        });
    }

    @Test
    void withoutLogbackOnlyTheBinderIsRegistered() {
        runner.withClassLoader(new FilteredClassLoader(LoggerContext.class)).run(context -> {
            assertThat(context).doesNotHaveBean(TurboFilterInstaller.class).hasSingleBean(DevCenterErrorMetrics.class);
            assertThat(filtersCountingInto(counts)).isZero();
        });
    }

    @Test
    void withoutMicrometerOnlyTheFilterIsInstalled() {
        runner.withClassLoader(new FilteredClassLoader(MeterRegistry.class)).run(context -> {
            assertThat(context).hasSingleBean(TurboFilterInstaller.class).doesNotHaveBean(DevCenterErrorMetrics.class);
            assertThat(filtersCountingInto(counts)).isEqualTo(1);
        });
    }

    @Test
    void disabledByPropertyNothingIsInstalled() {
        runner.withPropertyValues("devcenter.errors.enabled=false").run(context -> {
            assertThat(context).doesNotHaveBean(TurboFilterInstaller.class).doesNotHaveBean(DevCenterErrorMetrics.class);
            assertThat(filtersCountingInto(counts)).isZero();
        });
    }

    @Test
    void aFilterDeclaredInTheLoggingConfigurationIsNotInstalledTwice() {
        DevCenterErrorTurboFilter declared = new DevCenterErrorTurboFilter();
        declared.setContext(logback());
        declared.setCounts(counts);
        declared.start();
        logback().addTurboFilter(declared);
        try {
            runner.run(context -> {
                assertThat(context.getBean(TurboFilterInstaller.class).installedFilter()).isNull();
                assertThat(filtersCountingInto(counts)).isEqualTo(1);
                LoggerFactory.getLogger("app").info(LOCKED);
                assertThat(LogbackCounts.named(logback(), counts).count(5147)).isEqualTo(1);
            });
        } finally {
            declared.stop();
            logback().getTurboFilterList().remove(declared);
        }
    }

    @Test
    void propertiesThatADeclaredFilterDoesNotTakeAreNamedInAWarning() {
        DevCenterErrorTurboFilter declared = new DevCenterErrorTurboFilter();
        declared.setContext(logback());
        declared.setCounts(counts);
        declared.start();
        logback().addTurboFilter(declared);
        ch.qos.logback.classic.Logger installerLog = logback().getLogger(TurboFilterInstaller.class);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> warnings = new ch.qos.logback.core.read.ListAppender<>();
        warnings.setContext(logback());
        warnings.start();
        installerLog.addAppender(warnings);
        try {
            runner.withPropertyValues("devcenter.errors.extra-keys=errorCode", "devcenter.errors.scan-throwables=false",
                    "devcenter.errors.max-unknown-codes=10").run(context -> {
                        assertThat(context.getBean(TurboFilterInstaller.class).installedFilter()).isNull();
                        assertThat(warnings.list).singleElement().satisfies(event -> {
                            assertThat(event.getLevel()).isEqualTo(ch.qos.logback.classic.Level.WARN);
                            assertThat(event.getFormattedMessage()).contains("logback-spring.xml", "'" + counts + "'",
                                    "[devcenter.errors.extra-keys, devcenter.errors.scan-throwables]");
                        });
                    });
        } finally {
            installerLog.detachAppender(warnings);
            declared.stop();
            logback().getTurboFilterList().remove(declared);
        }
    }

    @Test
    void propertiesConfigureTheFilter() {
        runner.withPropertyValues("devcenter.errors.extra-keys=errorCode,err_code", "devcenter.errors.error-code-range=7000-7099",
                "devcenter.errors.max-codes-per-event=2").run(context -> {
                    org.slf4j.Logger log = LoggerFactory.getLogger("app");
                    log.info("{\"errorCode\":7001,\"msg\":\"a\"} {\"err_code\":5147,\"msg\":\"b\"} {\"code\":5000,\"msg\":\"c\"}");
                    ErrorCounts c = LogbackCounts.named(logback(), counts);
                    assertThat(c.count(7001) + c.count(5147) + c.count(5000)).isEqualTo(2);
                    assertThat(c.count(7001)).isEqualTo(1);
                });
    }

    @Test
    void badPropertiesStopTheApplicationWithAMessageNamingThem() {
        runner.withPropertyValues("devcenter.errors.error-code-range=5999-4000", "devcenter.errors.scan-arguments=everything",
                "devcenter.errors.max-codes-per-event=0").run(context -> {
                    assertThat(context).hasFailed();
                    String message = String.valueOf(context.getStartupFailure());
                    Throwable cause = context.getStartupFailure();
                    while (cause.getCause() != null) {
                        message += " / " + cause.getCause();
                        cause = cause.getCause();
                    }
                    assertThat(message).contains("devcenter.errors.error-code-range: '5999-4000': inverted code range")
                            .contains("devcenter.errors.scan-arguments: 'everything' is not a mode")
                            .contains("devcenter.errors.max-codes-per-event: 0 is out of range");
                });
    }

    @Test
    void sourceCountingIsOnByDefaultAndTheBinderPublishesTheEndpointCounts() {
        new WebApplicationContextRunner().withConfiguration(AutoConfigurations.of(DevCenterErrorAutoConfiguration.class))
                .withPropertyValues("devcenter.errors.counts=" + counts, "devcenter.errors.max-endpoints=7").run(context -> {
                    assertThat(context).hasSingleBean(ResponseCounter.class).hasSingleBean(ResponseCountingAdvice.class)
                            .hasSingleBean(ExchangeFilter.class).hasSingleBean(ResponseCountingInterceptor.class);
                    EndpointCounts endpoints = context.getBean(EndpointCounts.class);
                    assertThat(endpoints.maxEndpoints()).isEqualTo(7);
                    assertThat(context.getBean(DevCenterErrorMetrics.class).endpoints()).isSameAs(endpoints);
                    assertThat(context.getBean(ResponseCounter.class).endpoints()).isSameAs(endpoints);
                });
    }

    @Test
    void aReactiveApplicationCountsWithTheWebFilterInsteadOfTheServletParts() {
        new ReactiveWebApplicationContextRunner().withConfiguration(AutoConfigurations.of(DevCenterErrorAutoConfiguration.class))
                .withPropertyValues("devcenter.errors.counts=" + counts).run(context -> {
                    assertThat(context).hasSingleBean(ResponseCountingWebFilter.class).doesNotHaveBean(ResponseCountingAdvice.class)
                            .doesNotHaveBean(ExchangeFilter.class);
                });
    }

    @Test
    void responsesEnabledFalseTurnsSourceCountingOff() {
        new WebApplicationContextRunner().withConfiguration(AutoConfigurations.of(DevCenterErrorAutoConfiguration.class))
                .withPropertyValues("devcenter.errors.counts=" + counts, "devcenter.errors.responses.enabled=false").run(context -> {
                    assertThat(context).hasNotFailed().doesNotHaveBean(ResponseCounter.class).doesNotHaveBean(ResponseCountingAdvice.class)
                            .doesNotHaveBean(ExchangeFilter.class).doesNotHaveBean(ResponseCountingInterceptor.class);
                    assertThat(filtersCountingInto(counts)).isEqualTo(1); // the logs still count
                });
    }

    @Test
    void aMaxEndpointsOutOfRangeStopsTheApplicationWithAMessageNamingIt() {
        runner.withPropertyValues("devcenter.errors.max-endpoints=0").run(context -> {
            assertThat(context).hasFailed();
            Throwable cause = context.getStartupFailure();
            String message = String.valueOf(cause);
            while (cause.getCause() != null) {
                message += " / " + cause.getCause();
                cause = cause.getCause();
            }
            assertThat(message).contains("devcenter.errors.max-endpoints: must be 1-1000: 0");
        });
    }

    @Test
    void theBinderAndTheFilterAgreeOnTheCatalogWhicheverIsCreatedFirst() {
        runner.withPropertyValues("devcenter.errors.catalog=classpath:boot-extra-codes.tsv", "devcenter.errors.error-code-range=4000-5999")
                .run(context -> {
                    // Ask for the binder before anything else: it must already see the extra catalog.
                    DevCenterErrorMetrics binder = context.getBean(DevCenterErrorMetrics.class);
                    assertThat(binder.counts().catalog().find(7001)).isNotNull();
                    assertThat(binder.counts().catalog().find(5005).category().label()).isEqualTo("security");
                    io.micrometer.prometheusmetrics.PrometheusMeterRegistry registry =
                            new io.micrometer.prometheusmetrics.PrometheusMeterRegistry(io.micrometer.prometheusmetrics.PrometheusConfig.DEFAULT);
                    binder.bindTo(registry);
                    LoggerFactory.getLogger("app").info("answer {\"code\":7001,\"msg\":\"Payment gateway timeout.\"}");
                    LoggerFactory.getLogger("app").info("answer {\"code\":5005,\"msg\":\"Incorrect mobile number or password.\"}");
                    String scrape = registry.scrape();
                    assertThat(scrape).contains("devcenter_errors_total{category=\"platform\",code=\"7001\",severity=\"error\"} 1.0")
                            .contains("devcenter_errors_total{category=\"security\",code=\"5005\",severity=\"critical\"} 1.0");
                    binder.close();
                });
    }

    @Test
    void theCatalogReachesTheBinderEvenWithoutLogback() {
        runner.withPropertyValues("devcenter.errors.catalog=classpath:boot-extra-codes.tsv")
                .withClassLoader(new FilteredClassLoader(LoggerContext.class)).run(context -> {
                    assertThat(context).doesNotHaveBean(TurboFilterInstaller.class);
                    assertThat(context.getBean(DevCenterErrorMetrics.class).counts().catalog().find(7001)).isNotNull();
                });
    }

    @Test
    void aMaxUnknownCodesForCountsThatExistAlreadyIsLoggedNotIgnored() {
        LogbackCounts.in(logback()).get(counts, 5);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> warnings = new ch.qos.logback.core.read.ListAppender<>();
        warnings.setContext(logback());
        warnings.start();
        ch.qos.logback.classic.Logger log = logback().getLogger(DevCenterErrorAutoConfiguration.class);
        log.addAppender(warnings);
        try {
            runner.withPropertyValues("devcenter.errors.max-unknown-codes=100").run(context -> {
                assertThat(context).hasNotFailed();
                assertThat(LogbackCounts.named(logback(), counts).maxUnknownCodes()).isEqualTo(5);
            });
            assertThat(warnings.list).extracting(ch.qos.logback.classic.spi.ILoggingEvent::getFormattedMessage)
                    .anySatisfy(m -> assertThat(m).startsWith("devcenter.errors.max-unknown-codes: 100 cannot apply"));
        } finally {
            log.detachAppender(warnings);
        }
    }

    @Test
    void aUserDefinedBinderReplacesTheAutoConfiguredOne() {
        runner.withUserConfiguration(UserBinder.class).run(context -> {
            assertThat(context).hasSingleBean(DevCenterErrorMetrics.class);
            assertThat(context.getBean(DevCenterErrorMetrics.class)).isSameAs(context.getBean(UserBinder.class).binder);
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class UserBinder {
        final DevCenterErrorMetrics binder = DevCenterErrorMetrics.builder().counts(new ErrorCounts()).build();

        @Bean
        DevCenterErrorMetrics userDevCenterErrorMetrics() {
            return binder;
        }
    }
}
