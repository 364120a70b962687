package dev.dcerrors.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The rules and the example configuration, checked and unit-tested by Prometheus's own promtool. */
class PromtoolTest {

    private static final List<String> UNIT_TESTS = List.of("alerts/tests/dc-errors-alerts.test.yml", "alerts/tests/dc-errors-lockout-baseline.test.yml",
            "alerts/tests/dc-errors-absence-long.test.yml", "alerts/tests/dc-errors-lockout-page-latency.test.yml");

    @Test
    void rulesPassPromtoolCheckRules() throws Exception {
        String promtool = Tools.require("promtool").toString();
        Tools.Result result = Tools.run(List.of(promtool, "check", "rules", "alerts/dc-errors-recording.rules.yml", "alerts/dc-errors-alerts.rules.yml"));
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("SUCCESS: 25 rules found", "SUCCESS: 8 rules found");
    }

    @Test
    void everyScenarioOfTheAlertUnitTestsPassesInPromtool() throws Exception {
        String promtool = Tools.require("promtool").toString();
        for (String file : UNIT_TESTS) {
            Tools.Result result = Tools.run(List.of(promtool, "test", "rules", file));
            assertThat(result.exitCode()).as(file + "\n" + result.output()).isZero();
            assertThat(result.output()).contains("SUCCESS");
        }
    }

    @Test
    void examplePrometheusConfigPassesPromtoolCheckConfig() throws Exception {
        String promtool = Tools.require("promtool").toString();
        Tools.Result result = Tools.run(List.of(promtool, "check", "config", "prometheus/prometheus.yml"));
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("2 rule files found").contains("is valid prometheus config file syntax");
    }

    @Test
    void everyAlertFiresInAUnitTestAndHasRoutingLabelsAndARunbookSection() throws Exception {
        Set<String> firedInTests = new HashSet<>();
        Set<String> silentInTests = new HashSet<>();
        for (String file : UNIT_TESTS) {
            for (JsonNode test : ProjectFiles.readYaml(ProjectFiles.MODULE.resolve(file)).path("tests")) {
                for (JsonNode check : test.path("alert_rule_test")) {
                    (check.path("exp_alerts").isEmpty() ? silentInTests : firedInTests).add(check.path("alertname").asText());
                }
            }
        }
        String runbooks = Files.readString(ProjectFiles.MODULE.resolve("RUNBOOKS.md"));
        List<JsonNode> alerts = ProjectFiles.alertingRules();
        assertThat(alerts).hasSize(8);
        for (JsonNode rule : alerts) {
            String alert = rule.path("alert").asText();
            assertThat(firedInTests).as(alert + " fires in a unit test").contains(alert);
            assertThat(silentInTests).as(alert + " stays silent in a unit test").contains(alert);
            assertThat(rule.path("labels").path("severity").asText()).as(alert).isIn("critical", "warning", "info");
            assertThat(rule.path("labels").path("component").asText()).as(alert).isEqualTo("devcenter-errors");
            assertThat(rule.path("annotations").path("summary").asText()).as(alert).isNotEmpty();
            assertThat(rule.path("annotations").path("description").asText()).as(alert).isNotEmpty();
            String runbookUrl = rule.path("annotations").path("runbook_url").asText();
            assertThat(runbookUrl).as(alert).isEqualTo("https://github.com/dcerrors/dc-error-analytics/blob/main/grafana-dashboards/RUNBOOKS.md#"
                    + alert.toLowerCase(Locale.ROOT));
            assertThat(runbooks).as(alert + " has a runbook section").contains("\n## " + alert + "\n");
        }
        assertThat(runbooks).contains("\n## Metrics missing\n");
    }

    @Test
    void thePageAlertsAreTheLockoutAttackAndTheFastBurnOnly() {
        Set<String> pages = new HashSet<>();
        for (JsonNode rule : ProjectFiles.alertingRules()) {
            if (rule.path("labels").path("severity").asText().equals("critical")) {
                pages.add(rule.path("alert").asText());
            }
        }
        assertThat(pages).containsExactlyInAnyOrder("DevCenterLockoutSpike", "DevCenterErrorBudgetBurnFast");
        JsonNode lockout = ProjectFiles.alertingRules().stream().filter(r -> r.path("alert").asText().equals("DevCenterLockoutSpike")).findFirst().orElseThrow();
        assertThat(lockout.path("keep_firing_for").asText()).isEqualTo("15m");
        assertThat(lockout.path("expr").asText()).contains("offset 1w");
    }
}
