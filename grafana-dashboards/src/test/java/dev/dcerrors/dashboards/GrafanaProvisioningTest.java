package dev.dcerrors.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Grafana provisioning that loads on a fresh Grafana: alert rules valid against Grafana's alerting schema,
 * equivalent to the Prometheus alerts but with their expressions inlined, folders that do not clash, a data
 * source of its own, and an example of contact points and notification policy.
 */
class GrafanaProvisioningTest {

    private static final Path ALERTING = ProjectFiles.MODULE.resolve("provisioning/alerting/dc-errors-alert-rules.yml");
    private static final JsonNode PROVISIONED = ProjectFiles.readYaml(ALERTING);
    private static final JsonNode PROVIDERS = ProjectFiles.readYaml(ProjectFiles.MODULE.resolve("provisioning/dashboards/dc-errors.yml"));
    private static final JsonNode DATASOURCES = ProjectFiles.readYaml(ProjectFiles.MODULE.resolve("provisioning/datasources/dc-errors-prometheus.yml"));
    private static final JsonNode NOTIFICATIONS = ProjectFiles.readYaml(ProjectFiles.MODULE.resolve("provisioning/examples/dc-errors-notifications.yml"));

    private static JsonSchema alertingSchema(String definition) {
        ObjectNode root = (ObjectNode) ProjectFiles.readJson(ProjectFiles.schema("alerting")).deepCopy();
        root.put("$ref", "#/definitions/" + definition);
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(root);
    }

    private static Map<String, JsonNode> grafanaRulesByTitle() {
        Map<String, JsonNode> rules = new HashMap<>();
        ProjectFiles.grafanaRules().forEach(r -> rules.put(r.path("title").asText(), r));
        return rules;
    }

    @Test
    void provisionedAlertRulesValidateAgainstTheAlertingSchema() {
        JsonSchema schema = alertingSchema("Rule");
        assertThat(PROVISIONED.path("apiVersion").asInt()).isEqualTo(1);
        int rules = 0;
        for (JsonNode group : PROVISIONED.path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                // The file names group and folder once and links the panel by dashboardUid/panelId; the API form
                // carries them per rule, the link as the __dashboardUid__/__panelId__ annotations.
                ObjectNode apiForm = ((ObjectNode) rule.deepCopy())
                        .put("orgID", group.path("orgId").asInt())
                        .put("folderUID", "dc-errors-alerts")
                        .put("ruleGroup", group.path("name").asText());
                apiForm.remove(List.of("dashboardUid", "panelId"));
                ((ObjectNode) apiForm.path("annotations"))
                        .put("__dashboardUid__", rule.path("dashboardUid").asText())
                        .put("__panelId__", rule.path("panelId").asText());
                Set<ValidationMessage> errors = schema.validate(apiForm);
                assertThat(errors).as(rule.path("title").asText() + ": " + errors).isEmpty();
                rules++;
            }
        }
        assertThat(rules).isEqualTo(ProjectFiles.alertingRules().size());
    }

    @Test
    void grafanaRulesMatchThePrometheusAlertsWithExpressionsInlinedAndExplicitStates() {
        Map<String, JsonNode> grafana = grafanaRulesByTitle();
        Set<String> recorded = new HashSet<>();
        ProjectFiles.recordingRules().forEach(r -> recorded.add(r.path("record").asText()));
        String datasourceUid = DATASOURCES.path("datasources").get(0).path("uid").asText();
        for (JsonNode alert : ProjectFiles.alertingRules()) {
            String name = alert.path("alert").asText();
            JsonNode rule = grafana.get(name);
            assertThat(rule).as(name + " has a Grafana-managed twin").isNotNull();
            String expr = rule.path("data").get(0).path("model").path("expr").asText();
            for (String record : recorded) {
                assertThat(expr).as(name + " does not depend on the recording rule " + record).doesNotContain(record);
            }
            assertThat(rule.path("data").get(0).path("model").path("instant").asBoolean()).as(name).isTrue();
            // Grafana expands $VARIABLES of the environment in provisioned labels (not in annotations): no $ there
            assertThat(rule.path("labels").toString()).as(name + " labels").doesNotContain("$");
            assertThat(expr).as(name).doesNotContain("$");
            assertThat(rule.path("data").get(0).path("datasourceUid").asText()).isEqualTo(datasourceUid);
            assertThat(rule.path("data").get(1).path("model").path("type").asText()).isEqualTo("threshold");
            assertThat(rule.path("condition").asText()).isEqualTo("C");
            assertThat(rule.path("for").asText()).as(name).isEqualTo(alert.path("for").asText());
            assertThat(rule.path("labels")).as(name).isEqualTo(alert.path("labels"));
            assertThat(rule.path("annotations").path("runbook_url").asText()).isEqualTo(alert.path("annotations").path("runbook_url").asText());
            assertThat(rule.path("annotations").path("summary").asText()).isEqualTo(alert.path("annotations").path("summary").asText());
            assertThat(rule.path("annotations").path("description").asText())
                    .isEqualTo(alert.path("annotations").path("description").asText().replace("$value", "$values.A.Value"));
            assertThat(rule.has("noDataState") && rule.has("execErrState")).as(name + " states no-data and error handling").isTrue();
            assertThat(rule.path("noDataState").asText()).isEqualTo("OK");
            assertThat(rule.path("execErrState").asText()).isEqualTo("Error");
            if (alert.has("keep_firing_for")) {
                // Grafana 10/11 have no keep_firing_for: the same hold as a maximum over a subquery
                assertThat(expr).as(name).startsWith("max_over_time(").contains(")[" + alert.path("keep_firing_for").asText() + ":1m]");
            }
        }
    }

    @Test
    void alertMarkersPointAtTimeSeriesPanelsOfTheShippedDashboards() {
        Map<String, JsonNode> dashboards = new HashMap<>();
        ProjectFiles.dashboards().values().forEach(d -> dashboards.put(d.path("uid").asText(), d));
        for (JsonNode rule : ProjectFiles.grafanaRules()) {
            JsonNode dashboard = dashboards.get(rule.path("dashboardUid").asText());
            assertThat(dashboard).as(rule.path("title").asText()).isNotNull();
            JsonNode panel = ProjectFiles.panel(dashboard, rule.path("panelId").asInt());
            assertThat(panel).as(rule.path("title").asText()).isNotNull();
            assertThat(panel.path("type").asText()).as(rule.path("title").asText() + " panel " + panel.path("title")).isEqualTo("timeseries");
        }
    }

    @Test
    void grafanaRuleExpressionsPassPromtool() throws Exception {
        String promtool = Tools.require("promtool").toString();
        List<String> yaml = new ArrayList<>(List.of("groups:", "  - name: grafana-inlined", "    rules:"));
        for (JsonNode rule : ProjectFiles.grafanaRules()) {
            yaml.add("      - alert: " + rule.path("title").asText());
            yaml.add("        expr: " + ProjectFiles.JSON.writeValueAsString(rule.path("data").get(0).path("model").path("expr").asText()));
        }
        Path dir = Files.createDirectories(ProjectFiles.MODULE.resolve("target/grafana-inlined"));
        Path file = Files.writeString(dir.resolve("rules.yml"), String.join("\n", yaml) + "\n");
        Tools.Result result = Tools.run(List.of(promtool, "check", "rules", file.toString()));
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("SUCCESS: 8 rules found");
    }

    @Test
    void foldersDoNotClashOnAFreshGrafana() {
        JsonNode provider = PROVIDERS.path("providers").get(0);
        assertThat(provider.path("type").asText()).isEqualTo("file");
        assertThat(provider.path("folderUid").asText()).isNotEmpty();
        assertThat(provider.path("options").path("path").asText()).isNotEmpty();
        // Grafana provisions alerting before dashboards and creates the alert folder by title with a random uid:
        // the dashboard provider's folder must not have the same title.
        for (JsonNode group : PROVISIONED.path("groups")) {
            assertThat(group.path("folder").asText()).isNotBlank().isNotEqualTo(provider.path("folder").asText());
        }
    }

    @Test
    void theDataSourceHasItsOwnNameAndUidReadsItsUrlFromTheEnvironmentAndIsNotTheDefault() {
        JsonNode datasource = DATASOURCES.path("datasources").get(0);
        assertThat(DATASOURCES.path("datasources")).hasSize(1);
        assertThat(datasource.path("type").asText()).isEqualTo("prometheus");
        assertThat(datasource.path("isDefault").asBoolean(true)).isFalse();
        assertThat(datasource.path("name").asText()).isNotEqualTo("Prometheus");
        assertThat(datasource.path("url").asText()).isEqualTo("${DC_ERRORS_PROMETHEUS_URL}");
        ProjectFiles.dashboards().forEach((file, d) ->
                assertThat(d.path("templating").path("list").get(0).path("current").path("value").asText()).as(file).isEqualTo(datasource.path("uid").asText()));
    }

    @Test
    void exampleNotificationsRouteCriticalAndWarningToContactPointsThatExist() {
        JsonSchema receiverSchema = alertingSchema("ContactPoint");
        Set<String> contactPoints = new HashSet<>(Set.of("grafana-default-email")); // exists on every fresh Grafana
        for (JsonNode cp : NOTIFICATIONS.path("contactPoints")) {
            contactPoints.add(cp.path("name").asText());
            for (JsonNode receiver : cp.path("receivers")) {
                Set<ValidationMessage> errors = receiverSchema.validate(receiver);
                assertThat(errors).as(cp.path("name") + ": " + errors).isEmpty();
            }
        }
        JsonNode policy = NOTIFICATIONS.path("policies").get(0);
        ObjectNode apiForm = ((ObjectNode) policy.deepCopy());
        apiForm.remove("orgId");
        Set<ValidationMessage> errors = alertingSchema("NotificationPolicy").validate(apiForm);
        assertThat(errors).as("policy: " + errors).isEmpty();
        Map<String, String> receiverBySeverity = new HashMap<>();
        List<JsonNode> routes = new ArrayList<>();
        routes.add(policy);
        for (int i = 0; i < routes.size(); i++) {
            JsonNode route = routes.get(i);
            assertThat(contactPoints).as("receiver of a route").contains(route.path("receiver").asText());
            for (JsonNode matcher : route.path("object_matchers")) {
                if (matcher.get(0).asText().equals("severity")) {
                    receiverBySeverity.put(matcher.get(2).asText(), route.path("receiver").asText());
                }
            }
            route.path("routes").forEach(routes::add);
        }
        assertThat(receiverBySeverity).containsOnlyKeys("critical", "warning");
        assertThat(receiverBySeverity.get("critical")).isNotEqualTo(receiverBySeverity.get("warning"));
    }
}
