package dev.dcerrors.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import dev.dcerrors.core.ErrorCatalog;
import dev.dcerrors.core.ErrorCounts;
import dev.dcerrors.logback.LogbackCounts;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Cardinality stays bounded and no text of a log message reaches a label, through the real filter and scrape. */
class NoLeakageTest {

    private final String countsName = "leak-" + UUID.randomUUID();
    private final LoggerContext context = new LoggerContext();
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final DevCenterErrorMetrics metrics = DevCenterErrorMetrics.builder().counts(LogbackCounts.named(context, countsName)).build();
    private Logger log;

    @BeforeEach
    void setUp() throws Exception {
        context.putProperty("countsName", countsName);
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(new ByteArrayInputStream(("<configuration>"
                + "<turboFilter class=\"dev.dcerrors.logback.DevCenterErrorTurboFilter\"><counts>${countsName}</counts>"
                + "<errorCodeRange>4000-5999,1000000-2999999</errorCodeRange><scanArguments>all</scanArguments>"
                + "<scanThrowables>true</scanThrowables></turboFilter>"
                + "<root level=\"INFO\"/></configuration>").getBytes(StandardCharsets.UTF_8)));
        log = context.getLogger("backend");
        metrics.bindTo(registry);
    }

    @AfterEach
    void tearDown() {
        metrics.close();
        context.stop();
    }

    private static long series(String scrape, String metric) {
        return Arrays.stream(scrape.split("\n")).filter(l -> l.startsWith(metric + "{")).count();
    }

    @Test
    @Tag("slow")
    void aMillionDistinctUnknownCodesGiveAtMostCatalogPlusLimitPlusOneSeries() {
        for (int i = 0; i < 1_000_000; i++) {
            log.info("{\"code\":{},\"msg\":\"upstream\"}", 1_000_000 + i);
        }
        log.info("{\"code\":5147,\"msg\":\"locked\"}");
        String scrape = registry.scrape();
        long errorSeries = series(scrape, "devcenter_errors_total");
        assertThat(errorSeries).isLessThanOrEqualTo(ErrorCatalog.builtIn().size() + ErrorCounts.DEFAULT_MAX_UNKNOWN_CODES + 1);
        assertThat(errorSeries).isEqualTo(DevCenterErrorMetrics.ALERT_CODES.size() + ErrorCounts.DEFAULT_MAX_UNKNOWN_CODES + 1);
        assertThat(series(scrape, "devcenter_error_code_info")).isEqualTo(errorSeries);
        assertThat(scrape).contains("code=\"other\"");
        assertThat(scrape).contains("devcenter_responses_total{outcome=\"error\"} 1000001.0");
    }

    @Test
    void plantedSecretsNeverAppearInTheScrape() {
        List<String> secrets = List.of("13812345678", "alice.secret@example.com", "tok-9f8e7d6c5b4a", "P@ssw0rd-xyzzy",
                "6222021234567890123", "Bearer eyJhbGciOiJIUzI1NiJ9.secret");
        for (int i = 0; i < 1000; i++) {
            String secret = secrets.get(i % secrets.size());
            log.info("login phone={} password={} -> {\"code\":5005,\"msg\":\"{}\"}", secret, secret, secret);
            log.atWarn().addKeyValue("code", 5147).addKeyValue("user", secret).addKeyValue("token", secret).log("locked " + secret);
            log.error("{\"code\":5000,\"msg\":\"" + secret + "\",\"data\":\"" + secret + "\"}", new IllegalStateException("code=5148 " + secret));
            log.info("{\"code\":\"" + secret + "\"}");
            log.info("code=" + secret.replaceAll("\\D", ""));
        }
        String scrape = registry.scrape();
        assertThat(scrape).contains("code=\"5005\"").contains("code=\"5147\"").contains("code=\"5000\"").contains("code=\"5148\"");
        for (String secret : secrets) {
            assertThat(scrape).as("the scrape contains a planted secret").doesNotContain(secret);
        }
        // Every label value is a catalog code, "other", a fixed category or severity, or a catalog message.
        ErrorCatalog catalog = ErrorCatalog.builtIn();
        for (String line : scrape.split("\n")) {
            if (line.startsWith("devcenter_error_code_info{")) {
                String code = line.replaceAll(".*code=\"([^\"]*)\".*", "$1");
                String message = line.replaceAll(".*message=\"([^\"]*)\".*", "$1");
                if (catalog.find(Integer.parseInt(code)) != null) {
                    assertThat(message).isEqualTo(catalog.find(Integer.parseInt(code)).message());
                } else {
                    assertThat(message).isIn(ErrorCounts.UNKNOWN_MESSAGE, ErrorCounts.OTHER_MESSAGE);
                }
            }
        }
    }
}
