package dev.dcerrors.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules and the example configuration, checked and unit-tested by Prometheus's own promtool. */
class PromtoolTest {

    @Test
    void rulesPassPromtoolCheckRules() throws Exception {
        String promtool = Tools.require("promtool").toString();
        Tools.Result result = Tools.run(List.of(promtool, "check", "rules", "alerts/dc-errors-recording.rules.yml", "alerts/dc-errors-alerts.rules.yml"));
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("SUCCESS: 6 rules found");
    }

    @Test
    void alertsFireOnSpikesAndStaySilentOnNormalTrafficInPromtoolUnitTests() throws Exception {
        String promtool = Tools.require("promtool").toString();
        Tools.Result result = Tools.run(List.of(promtool, "test", "rules", "alerts/tests/dc-errors-alerts.test.yml"));
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("SUCCESS");
    }

    @Test
    void examplePrometheusConfigPassesPromtoolCheckConfig() throws Exception {
        String promtool = Tools.require("promtool").toString();
        Tools.Result result = Tools.run(List.of(promtool, "check", "config", "prometheus/prometheus.yml"));
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("2 rule files found").contains("is valid prometheus config file syntax");
    }

    @Test
    void eachAlertHasItsUnitTestsAndItsRunbook() throws Exception {
        String tests = java.nio.file.Files.readString(ProjectFiles.MODULE.resolve("alerts/tests/dc-errors-alerts.test.yml"));
        String runbooks = java.nio.file.Files.readString(ProjectFiles.MODULE.resolve("RUNBOOKS.md"));
        for (var rule : ProjectFiles.alertingRules()) {
            String alert = rule.path("alert").asText();
            assertThat(tests).as(alert + " has unit tests").contains("alertname: " + alert);
            assertThat(rule.path("labels").path("severity").asText()).as(alert).isIn("page", "ticket");
            assertThat(rule.path("annotations").path("summary").asText()).as(alert).isNotEmpty();
            assertThat(rule.path("annotations").path("description").asText()).as(alert).isNotEmpty();
            String runbook = rule.path("annotations").path("runbook").asText();
            assertThat(runbook).as(alert).startsWith("grafana-dashboards/RUNBOOKS.md#");
            String anchor = runbook.substring(runbook.indexOf('#') + 1);
            assertThat(runbooks.toLowerCase(java.util.Locale.ROOT)).as(alert + " runbook section").contains("## " + anchor);
        }
    }
}
