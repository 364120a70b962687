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

/** Every dashboard, panel and query validates against Grafana's own JSON Schemas (draft-07). */
class DashboardSchemaTest {

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);
    private final Map<String, JsonSchema> cache = new HashMap<>();

    /** The schema of one definition of a Grafana schema file. */
    private JsonSchema definition(String file, String definition) {
        return cache.computeIfAbsent(file + "#" + definition, k -> {
            ObjectNode root = (ObjectNode) ProjectFiles.readJson(ProjectFiles.schema(file)).deepCopy();
            if (definition != null) {
                root.put("$ref", "#/definitions/" + definition);
            }
            return FACTORY.getSchema(root);
        });
    }

    private static String describe(Set<ValidationMessage> errors) {
        StringBuilder sb = new StringBuilder();
        errors.forEach(e -> sb.append("\n  ").append(e.getMessage()));
        return sb.toString();
    }

    @Test
    void dashboardsValidateAgainstTheDashboardSchema() {
        assertThat(ProjectFiles.dashboards()).containsOnlyKeys("dc-errors-overview.json", "dc-errors-security.json");
        ProjectFiles.dashboards().forEach((file, dashboard) -> {
            Set<ValidationMessage> errors = definition("dashboard", "Dashboard").validate(dashboard);
            assertThat(errors).as("%s:%s", file, describe(errors)).isEmpty();
        });
    }

    @Test
    void panelOptionsAndFieldConfigValidateAgainstTheirPanelTypesSchema() {
        ProjectFiles.dashboards().forEach((file, dashboard) -> {
            for (JsonNode panel : ProjectFiles.panels(dashboard)) {
                String type = panel.path("type").asText();
                String where = file + " panel " + panel.path("id") + " (" + type + ")";
                assertThat(type).as(where).isIn("timeseries", "stat", "table", "bargauge", "piechart", "text", "row");
                if (type.equals("row")) {
                    continue;
                }
                Set<ValidationMessage> options = definition(type, "Options").validate(panel.path("options"));
                assertThat(options).as("%s options:%s", where, describe(options)).isEmpty();
                JsonNode custom = panel.path("fieldConfig").path("defaults").path("custom");
                if (!custom.isMissingNode() && ProjectFiles.readJson(ProjectFiles.schema(type)).path("definitions").has("FieldConfig")) {
                    Set<ValidationMessage> fieldConfig = definition(type, "FieldConfig").validate(custom);
                    assertThat(fieldConfig).as("%s fieldConfig.defaults.custom:%s", where, describe(fieldConfig)).isEmpty();
                }
            }
        });
    }

    @Test
    void everyTargetValidatesAsAPrometheusQuery() {
        ProjectFiles.dashboards().forEach((file, dashboard) -> {
            for (JsonNode panel : ProjectFiles.panels(dashboard)) {
                for (JsonNode target : panel.path("targets")) {
                    Set<ValidationMessage> errors = definition("prometheus", "Dataquery").validate(target);
                    assertThat(errors).as("%s panel %s target %s:%s", file, panel.path("id"), target.path("refId"), describe(errors)).isEmpty();
                }
            }
        });
    }
}
