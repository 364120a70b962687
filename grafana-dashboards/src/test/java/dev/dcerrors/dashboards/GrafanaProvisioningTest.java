package dev.dcerrors.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Grafana provisioning: the alert rules validate against Grafana's alerting schema and match the Prometheus alerts. */
class GrafanaProvisioningTest {

    private static final JsonNode PROVISIONED = ProjectFiles.readYaml(ProjectFiles.MODULE.resolve("provisioning/alerting/dc-errors-alert-rules.yml"));

    private static JsonSchema ruleSchema() {
        ObjectNode root = (ObjectNode) ProjectFiles.readJson(ProjectFiles.schema("alerting")).deepCopy();
        root.put("$ref", "#/definitions/Rule");
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(root);
    }

    @Test
    void provisionedAlertRulesValidateAgainstTheAlertingSchema() {
        JsonSchema schema = ruleSchema();
        assertThat(PROVISIONED.path("apiVersion").asInt()).isEqualTo(1);
        int rules = 0;
        for (JsonNode group : PROVISIONED.path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                // The provisioning file names the group and folder once; the API form carries them per rule.
                ObjectNode apiForm = ((ObjectNode) rule.deepCopy())
                        .put("orgID", group.path("orgId").asInt())
                        .put("folderUID", "dc-errors")
                        .put("ruleGroup", group.path("name").asText());
                Set<ValidationMessage> errors = schema.validate(apiForm);
                assertThat(errors).as(rule.path("title").asText() + ": " + errors).isEmpty();
                rules++;
            }
        }
        assertThat(rules).isEqualTo(ProjectFiles.alertingRules().size());
    }

    @Test
    void grafanaRulesAreEquivalentToThePrometheusAlerts() {
        Map<String, JsonNode> grafana = new HashMap<>();
        PROVISIONED.path("groups").forEach(g -> g.path("rules").forEach(r -> grafana.put(r.path("title").asText(), r)));
        for (JsonNode alert : ProjectFiles.alertingRules()) {
            String name = alert.path("alert").asText();
            JsonNode rule = grafana.get(name);
            assertThat(rule).as(name + " has a Grafana-managed twin").isNotNull();
            assertThat(rule.path("data").get(0).path("model").path("expr").asText()).as(name).isEqualTo(alert.path("expr").asText().strip());
            assertThat(rule.path("data").get(0).path("datasourceUid").asText()).isEqualTo("prometheus");
            assertThat(rule.path("for").asText()).as(name).isEqualTo(alert.path("for").asText("0s"));
            assertThat(rule.path("labels")).as(name).isEqualTo(alert.path("labels"));
            assertThat(rule.path("annotations").path("runbook").asText()).isEqualTo(alert.path("annotations").path("runbook").asText());
            assertThat(rule.path("noDataState").asText()).isEqualTo("OK");
        }
    }

    @Test
    void datasourceAndDashboardProviderAreConsistent() {
        JsonNode datasources = ProjectFiles.readYaml(ProjectFiles.MODULE.resolve("provisioning/datasources/prometheus.yml"));
        assertThat(datasources.path("datasources").get(0).path("uid").asText()).isEqualTo("prometheus");
        assertThat(datasources.path("datasources").get(0).path("type").asText()).isEqualTo("prometheus");
        JsonNode providers = ProjectFiles.readYaml(ProjectFiles.MODULE.resolve("provisioning/dashboards/dc-errors.yml"));
        assertThat(providers.path("providers").get(0).path("type").asText()).isEqualTo("file");
        assertThat(providers.path("providers").get(0).path("options").path("path").asText()).isNotEmpty();
    }
}
