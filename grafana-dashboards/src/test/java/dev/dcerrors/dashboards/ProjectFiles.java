package dev.dcerrors.dashboards;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** The files this module ships, read as JSON trees, and the variables Grafana would substitute. */
final class ProjectFiles {

    static final ObjectMapper JSON = new ObjectMapper();
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    /** The module folder (tests run there). */
    static final Path MODULE = Path.of("").toAbsolutePath();

    /** Values for Grafana's variables when a query is run outside Grafana. */
    static final Map<String, String> VARIABLES = Map.of(
            "$__rate_interval", "1m",
            "$__range", "5m",
            "$__interval", "15s",
            "$job", ".*",
            "$instance", ".*",
            "$code", ".*");

    private ProjectFiles() {
    }

    static JsonNode readJson(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode readYaml(Path file) {
        try {
            return YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Grafana's JSON Schemas, vendored as test data with their license and source (see the README there). */
    static final Path GRAFANA_SCHEMAS = MODULE.resolve("src/test/resources/third_party/grafana-schemas");

    static Path schema(String name) {
        Path schema = GRAFANA_SCHEMAS.resolve(name + ".jsonschema.json");
        if (!Files.isRegularFile(schema)) {
            throw new IllegalStateException("no vendored Grafana schema " + schema);
        }
        return schema;
    }

    /** The dashboards, by file name. */
    static Map<String, JsonNode> dashboards() {
        Map<String, JsonNode> dashboards = new TreeMap<>();
        try (Stream<Path> files = Files.list(MODULE.resolve("dashboards"))) {
            files.filter(f -> f.toString().endsWith(".json")).forEach(f -> dashboards.put(f.getFileName().toString(), readJson(f)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dashboards;
    }

    /** Every panel of a dashboard, rows' panels included. */
    static List<JsonNode> panels(JsonNode dashboard) {
        List<JsonNode> panels = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            panels.add(panel);
            panel.path("panels").forEach(panels::add);
        }
        return panels;
    }

    /** One PromQL query of a dashboard, with where it came from. */
    record Query(String where, String expr) {

        /** The query as Prometheus would receive it from Grafana. */
        String resolved() {
            String resolved = expr;
            for (Map.Entry<String, String> v : VARIABLES.entrySet()) {
                resolved = resolved.replace(v.getKey(), v.getValue());
            }
            return resolved;
        }
    }

    /** Every query of every dashboard: panel targets, annotations, variables. */
    static List<Query> dashboardQueries() {
        List<Query> queries = new ArrayList<>();
        dashboards().forEach((file, dashboard) -> {
            for (JsonNode panel : panels(dashboard)) {
                for (JsonNode target : panel.path("targets")) {
                    queries.add(new Query(file + " panel " + panel.path("id").asInt() + " '" + panel.path("title").asText() + "'",
                            target.path("expr").asText()));
                }
            }
            for (JsonNode annotation : dashboard.path("annotations").path("list")) {
                if (annotation.has("expr")) {
                    queries.add(new Query(file + " annotation '" + annotation.path("name").asText() + "'", annotation.path("expr").asText()));
                }
            }
            for (JsonNode variable : dashboard.path("templating").path("list")) {
                if (variable.has("definition")) {
                    String definition = variable.path("definition").asText();
                    // label_values(metric{...}, label) asks for the series of metric{...}
                    String series = definition.replaceAll("^label_values\\((.*),\\s*\\w+\\)$", "$1");
                    queries.add(new Query(file + " variable " + variable.path("name").asText(), series));
                }
            }
        });
        return queries;
    }

    /** The rule groups of a Prometheus rules file. */
    static List<JsonNode> rules(String file) {
        List<JsonNode> rules = new ArrayList<>();
        for (JsonNode group : readYaml(MODULE.resolve("alerts").resolve(file)).path("groups")) {
            group.path("rules").forEach(rules::add);
        }
        return rules;
    }

    static List<JsonNode> recordingRules() {
        return rules("dc-errors-recording.rules.yml");
    }

    static List<JsonNode> alertingRules() {
        return rules("dc-errors-alerts.rules.yml");
    }

    /** The Grafana-managed alert rules of the provisioning file. */
    static List<JsonNode> grafanaRules() {
        List<JsonNode> rules = new ArrayList<>();
        for (JsonNode group : readYaml(MODULE.resolve("provisioning/alerting/dc-errors-alert-rules.yml")).path("groups")) {
            group.path("rules").forEach(rules::add);
        }
        return rules;
    }

    /** The panel of a dashboard with this id, rows' panels included, or null. */
    static JsonNode panel(JsonNode dashboard, int id) {
        return panels(dashboard).stream().filter(p -> p.path("id").asInt() == id).findFirst().orElse(null);
    }
}
