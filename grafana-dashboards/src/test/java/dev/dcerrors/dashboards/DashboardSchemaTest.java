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
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every dashboard, panel and query validates against the draft-07 JSON Schemas of grafana-foundation-sdk, vendored in
 * {@code src/test/resources/third_party/grafana-schemas/} (commit f178d5a of the SDK's {@code main} branch, which is
 * generated from Grafana's own main branch: its dashboard schema defaults {@code schemaVersion} to 42, Grafana 12's
 * model). That catches misnamed fields and wrong types, but not Grafana 10.0 compatibility: the schemas are newer
 * than 10.0 and accept fields 10.0 does not know. The README's minimum, Grafana 10.0, is checked separately by
 * {@link #dashboardsUseOnlyWhatGrafana10_0Knows()}, with what can be checked from the files.
 */
class DashboardSchemaTest {

    /** Grafana 10.0's dashboard schema version (the README's minimum); a dashboard at a higher one needs a newer Grafana. */
    private static final int GRAFANA_10_0_SCHEMA_VERSION = 38;
    /** Top-level fields of the classic dashboard model, all older than Grafana 10.0. */
    private static final Set<String> DASHBOARD_FIELDS = Set.of("annotations", "description", "editable", "fiscalYearStartMonth", "gnetId",
            "graphTooltip", "id", "links", "liveNow", "panels", "refresh", "schemaVersion", "tags", "templating", "time", "timepicker",
            "timezone", "title", "uid", "version", "weekStart");
    /** Panel fields, all older than Grafana 10.0 (the schemas also accept e.g. timeCompare, which 10.0 does not have). */
    private static final Set<String> PANEL_FIELDS = Set.of("collapsed", "datasource", "description", "fieldConfig", "gridPos", "id",
            "interval", "links", "maxDataPoints", "options", "panels", "repeat", "repeatDirection", "targets", "timeFrom", "timeShift",
            "title", "transformations", "transparent", "type");
    /** Field config defaults, all older than Grafana 10.0 (the schemas also accept actions, which 10.0 does not have). */
    private static final Set<String> FIELD_CONFIG_FIELDS = Set.of("color", "custom", "decimals", "displayName", "links", "mappings", "max",
            "min", "noValue", "thresholds", "unit");
    /** Core panel types that Grafana 10.0 ships. */
    private static final Set<String> PANEL_TYPES = Set.of("timeseries", "stat", "table", "bargauge", "piechart", "text", "row");
    /** Variable types that Grafana 10.0 has (the schemas also accept switch and groupby, which 10.0 does not have). */
    private static final Set<String> VARIABLE_TYPES = Set.of("query", "datasource", "custom", "constant", "interval", "textbox", "adhoc");
    /** Transformations that Grafana 10.0 has (add one only after checking that it does). */
    private static final Set<String> TRANSFORMATIONS = Set.of("organize", "merge", "reduce", "labelsToFields", "sortBy", "filterFieldsByName",
            "seriesToColumns");

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
    void dashboardsUseOnlyWhatGrafana10_0Knows() {
        ProjectFiles.dashboards().forEach((file, dashboard) -> {
            assertThat(dashboard.path("schemaVersion").asInt()).as("%s schemaVersion", file).isBetween(1, GRAFANA_10_0_SCHEMA_VERSION);
            assertThat(fieldNames(dashboard)).as("%s top-level fields", file).isSubsetOf(DASHBOARD_FIELDS);
            for (JsonNode link : dashboard.path("links")) {
                assertThat(link.has("placement")).as("%s dashboard link placement (newer than Grafana 10.0)", file).isFalse();
            }
            for (JsonNode variable : dashboard.path("templating").path("list")) {
                assertThat(variable.path("type").asText()).as("%s variable %s", file, variable.path("name")).isIn(VARIABLE_TYPES);
            }
            for (JsonNode panel : ProjectFiles.panels(dashboard)) {
                String where = file + " panel " + panel.path("id");
                assertThat(panel.path("type").asText()).as(where).isIn(PANEL_TYPES);
                assertThat(panel.has("pluginVersion")).as("%s pluginVersion (written by the Grafana that saved a dashboard; without it every Grafana runs its own panel migrations)", where).isFalse();
                assertThat(fieldNames(panel)).as("%s fields", where).isSubsetOf(PANEL_FIELDS);
                assertThat(fieldNames(panel.path("fieldConfig").path("defaults"))).as("%s fieldConfig.defaults", where).isSubsetOf(FIELD_CONFIG_FIELDS);
                for (JsonNode override : panel.path("fieldConfig").path("overrides")) {
                    for (JsonNode property : override.path("properties")) {
                        assertThat(property.path("id").asText()).as("%s override property", where).isNotEqualTo("actions");
                    }
                }
                for (JsonNode transformation : panel.path("transformations")) {
                    assertThat(transformation.path("id").asText()).as("%s transformation", where).isIn(TRANSFORMATIONS);
                }
            }
        });
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
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
