package dev.dcerrors.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The dashboards' layout, variables and queries: only metrics, labels and codes that really exist. */
class DashboardContentTest {

    private static final Pattern SAMPLE = Pattern.compile("^(\\w+)\\{([^}]*)}");
    private static final Pattern LABEL_NAME = Pattern.compile("(\\w+)=\"");
    private static final Pattern SELECTOR = Pattern.compile("([a-zA-Z_:][\\w:]*)\\s*\\{([^}]*)}");
    private static final Pattern METRIC = Pattern.compile("\\b(devcenter[\\w:]*|[a-z_]+:devcenter[\\w:]*|ALERTS|up)\\b(?!\\s*\\()");
    private static final Pattern MATCHER = Pattern.compile("(\\w+)\\s*(=~|!~|!=|=)\\s*\"([^\"]*)\"");
    private static final Pattern GROUPING = Pattern.compile("\\b(?:by|on|group_left|group_right|without)\\s*\\(([^)]*)\\)");
    private static final Pattern LEGEND = Pattern.compile("\\{\\{\\s*(\\w+)\\s*}}");
    /** Labels every scraped series gets from Prometheus. */
    private static final Set<String> TARGET_LABELS = Set.of("job", "instance");
    /** The recording rules of the per-service SLO: they keep only the grouping labels. */
    private static final Pattern SLO_RULE = Pattern.compile("\\bjob:devcenter_");

    /** Metric name to the labels it has: the binder's golden scrape, the recording rules, up and ALERTS. */
    static Map<String, Set<String>> knownMetrics() throws IOException {
        Map<String, Set<String>> metrics = new HashMap<>();
        for (String line : Files.readAllLines(Path.of(System.getProperty("dc.golden.scrape")))) {
            Matcher m = SAMPLE.matcher(line);
            if (m.find()) {
                Set<String> labels = metrics.computeIfAbsent(m.group(1), k -> new TreeSet<>(TARGET_LABELS));
                Matcher l = LABEL_NAME.matcher(m.group(2));
                while (l.find()) {
                    if (!l.group(1).equals("application")) { // the golden test's common tag
                        labels.add(l.group(1));
                    }
                }
            }
        }
        for (JsonNode rule : ProjectFiles.recordingRules()) {
            String expr = rule.path("expr").asText();
            // sum by for the rates, group by for the absence alerts' memory (a 1 per job or target)
            Matcher by = Pattern.compile("^(?:sum|group) by \\(([^)]*)\\)").matcher(expr.strip());
            assertThat(by.find()).as("recording rule %s aggregates with sum by (...) or group by (...)", rule.path("record").asText()).isTrue();
            Set<String> labels = new TreeSet<>();
            for (String label : by.group(1).split(",")) {
                labels.add(label.trim());
            }
            metrics.put(rule.path("record").asText(), labels);
        }
        metrics.put("up", new TreeSet<>(TARGET_LABELS));
        metrics.put("ALERTS", new TreeSet<>(Set.of("alertname", "alertstate", "job", "instance", "severity", "component")));
        return metrics;
    }

    static Set<Integer> catalogCodes() throws IOException {
        Set<Integer> codes = new HashSet<>();
        Path tsv = ProjectFiles.MODULE.resolve("../dc-core/src/main/resources/dev/dcerrors/core/error-codes.tsv").normalize();
        for (String line : Files.readAllLines(tsv)) {
            if (!line.startsWith("#") && !line.isBlank()) {
                codes.add(Integer.parseInt(line.split("\t")[0]));
            }
        }
        return codes;
    }

    private static List<JsonNode> queryPanels(JsonNode dashboard) {
        return ProjectFiles.panels(dashboard).stream().filter(p -> !p.path("type").asText().equals("row")).toList();
    }

    @Test
    void dashboardsAreInProvisioningFormForGrafana10WithFixedUidsAndTheFleetVariables() {
        Set<String> uids = new HashSet<>();
        ProjectFiles.dashboards().forEach((file, d) -> {
            assertThat(d.has("__inputs") || d.has("__requires") || d.has("id")).as(file + ": provisioning form, no __inputs/__requires/id").isFalse();
            assertThat(d.path("uid").asText()).as(file).isEqualTo(file.replace(".json", ""));
            assertThat(uids.add(d.path("uid").asText())).isTrue();
            // Grafana 10.0's dashboard schema, the minimum version the README and the description state
            assertThat(d.path("schemaVersion").asInt()).as(file).isEqualTo(38);
            assertThat(d.path("description").asText()).as(file).contains("Grafana 10.0 or newer");
            assertThat(d.path("time").path("from").asText()).as(file).startsWith("now-");
            List<String> names = new ArrayList<>();
            d.path("templating").path("list").forEach(v -> names.add(v.path("name").asText()));
            assertThat(names).as(file).containsExactly("datasource", "loki", "job", "instance", "code");
            JsonNode datasource = d.path("templating").path("list").get(0);
            assertThat(datasource.path("type").asText()).isEqualTo("datasource");
            assertThat(datasource.path("query").asText()).isEqualTo("prometheus");
            assertThat(d.path("templating").path("list").get(1).path("query").asText()).isEqualTo("loki");
            for (int i = 2; i <= 4; i++) {
                JsonNode v = d.path("templating").path("list").get(i);
                assertThat(v.path("includeAll").asBoolean()).as(file + " " + v.path("name") + " has All").isTrue();
                assertThat(v.path("multi").asBoolean()).as(file + " " + v.path("name") + " is multi-value").isTrue();
                assertThat(v.path("datasource").path("uid").asText()).isEqualTo("${datasource}");
            }
            // each variable's values are filtered by the variables before it
            assertThat(d.path("templating").path("list").get(3).path("query").asText()).contains("job=~\"$job\"");
            assertThat(d.path("templating").path("list").get(4).path("query").asText()).contains("job=~\"$job\"", "instance=~\"$instance\"");
        });
    }

    @Test
    void panelIdsAreUniqueAndGridPositionsDoNotOverlap() {
        ProjectFiles.dashboards().forEach((file, d) -> {
            Set<Integer> ids = new HashSet<>();
            List<int[]> boxes = new ArrayList<>();
            for (JsonNode panel : ProjectFiles.panels(d)) {
                assertThat(ids.add(panel.path("id").asInt())).as(file + ": duplicate panel id " + panel.path("id")).isTrue();
                JsonNode g = panel.path("gridPos");
                int[] box = {g.path("x").asInt(), g.path("y").asInt(), g.path("w").asInt(), g.path("h").asInt()};
                assertThat(box[0] + box[2]).as(file + " panel " + panel.path("id") + " fits 24 columns").isLessThanOrEqualTo(24);
                for (int[] other : boxes) {
                    boolean overlap = box[0] < other[0] + other[2] && other[0] < box[0] + box[2]
                            && box[1] < other[1] + other[3] && other[1] < box[1] + box[3];
                    assertThat(overlap).as(file + " panel " + panel.path("id") + " overlaps another").isFalse();
                }
                boxes.add(box);
            }
        });
    }

    @Test
    void everyPanelDescribesWhatItShowsAndUsesTheDatasourceVariable() {
        ProjectFiles.dashboards().forEach((file, d) -> {
            for (JsonNode panel : queryPanels(d)) {
                String where = file + " panel " + panel.path("id");
                assertThat(panel.path("description").asText()).as(where).hasSizeGreaterThan(60).doesNotContain("\n");
                assertThat(panel.path("datasource").path("uid").asText()).as(where).isEqualTo("${datasource}");
                assertThat(panel.path("targets")).as(where).isNotEmpty();
                for (JsonNode target : panel.path("targets")) {
                    assertThat(target.path("datasource").path("uid").asText()).as(where).isEqualTo("${datasource}");
                }
            }
            for (JsonNode annotation : d.path("annotations").path("list")) {
                if (annotation.has("expr")) {
                    assertThat(annotation.path("datasource").path("uid").asText()).isEqualTo("${datasource}");
                }
            }
        });
    }

    @Test
    void everyPanelAppliesTheVariablesItsSeriesCarry() {
        ProjectFiles.dashboards().forEach((file, d) -> {
            for (JsonNode panel : queryPanels(d)) {
                String where = file + " panel " + panel.path("id") + " '" + panel.path("title").asText() + "'";
                for (JsonNode target : panel.path("targets")) {
                    String expr = target.path("expr").asText();
                    assertThat(expr).as(where + " filters by job").contains("job=~\"$job\"");
                    if (SLO_RULE.matcher(expr).find()) {
                        // the SLO is per service: its recording rules have no instance or code; the panel says so
                        assertThat(expr).as(where).doesNotContain("devcenter_errors_total", "_instance_");
                        assertThat(panel.path("description").asText()).as(where).contains("instance and code filters do not apply");
                        continue;
                    }
                    assertThat(expr).as(where + " filters by instance").contains("instance=~\"$instance\"");
                    Matcher selector = SELECTOR.matcher(expr);
                    while (selector.find()) {
                        if (selector.group(1).startsWith("devcenter_errors_total") || selector.group(1).contains("_code:devcenter_errors")) {
                            assertThat(selector.group(2)).as(where + " filters " + selector.group(1) + " by code")
                                    .containsAnyOf("code=~\"$code\"", "code=\"", "code=~\"5");
                        }
                    }
                }
            }
        });
    }

    @Test
    void panelsAreRatiosOfSumsWithInstantStatsRateIntervalsAndUnitsThatFit() {
        ProjectFiles.dashboards().forEach((file, d) -> {
            for (JsonNode panel : queryPanels(d)) {
                String where = file + " panel " + panel.path("id") + " '" + panel.path("title").asText() + "'";
                String type = panel.path("type").asText();
                String unit = panel.path("fieldConfig").path("defaults").path("unit").asText();
                for (JsonNode target : panel.path("targets")) {
                    String expr = target.path("expr").asText();
                    assertThat(expr).as(where + ": no average of ratios").doesNotContain("avg(");
                    assertThat(expr).as(where + ": no fixed window on raw counters").doesNotContainPattern("(rate|increase)\\(devcenter_\\w+\\{[^}]*}\\[\\d+[smhd]]");
                    if (type.equals("stat") || type.equals("table")) {
                        assertThat(target.path("instant").asBoolean()).as(where + " is an instant query").isTrue();
                        assertThat(target.path("range").asBoolean()).as(where).isFalse();
                    } else {
                        assertThat(target.path("range").asBoolean()).as(where + " is a range query").isTrue();
                        if (expr.contains("rate(devcenter_")) {
                            assertThat(expr).as(where).contains("[$__rate_interval]");
                        }
                    }
                }
                String title = panel.path("title").asText();
                if (title.startsWith("Responses")) {
                    assertThat(unit).as(where).isEqualTo("reqps");
                } else if (title.contains("ratio") || title.contains("share")) {
                    assertThat(unit).as(where).isEqualTo("percentunit");
                } else if (title.contains("/s") || title.contains("per second") || title.startsWith("Error rate") || title.startsWith("Failed logins") || title.startsWith("Errors by")) {
                    assertThat(unit).as(where + ": errors per second are counts, not requests").isEqualTo("cps");
                } else if (title.contains("per minute")) {
                    assertThat(unit).as(where).isEqualTo("cpm");
                }
            }
        });
    }

    @Test
    void topCodesTableJoinsOneMessagePerCodeAndKeepsCodesWithoutOne() {
        JsonNode table = ProjectFiles.panels(ProjectFiles.dashboards().get("dc-errors-overview.json")).stream()
                .filter(p -> p.path("title").asText().equals("Top error codes")).findFirst().orElseThrow();
        String expr = table.path("targets").get(0).path("expr").asText();
        assertThat(expr).contains("group_left (message)", "topk by (code) (1,", "last_over_time(devcenter_error_code_info", "or on (code)");
        assertThat(table.path("targets").get(0).path("format").asText()).isEqualTo("table");
        JsonNode links = table.path("fieldConfig").path("defaults").path("links");
        assertThat(links).hasSize(2);
        assertThat(links.get(0).path("url").asText()).startsWith("/d/dc-errors-security?").contains("var-code=${__data.fields.code}", "${job:queryparam}");
        assertThat(links.get(1).path("url").asText()).startsWith("/explore?left=").contains("${loki}", "${__data.fields.code}");
    }

    @Test
    void securityPanelsOverlayLastWeekAndFailedLoginCodesMatchTheRunbook() throws IOException {
        JsonNode security = ProjectFiles.dashboards().get("dc-errors-security.json");
        for (int id : new int[] {5, 6, 10}) {
            JsonNode panel = ProjectFiles.panel(security, id);
            assertThat(panel.path("targets")).as("panel " + id).hasSize(2);
            assertThat(panel.path("targets").get(1).path("expr").asText()).as("panel " + id).contains("offset 1w");
            assertThat(panel.path("targets").get(1).path("legendFormat").asText()).as("panel " + id).endsWith("last week");
        }
        Set<String> panelCodes = new TreeSet<>();
        for (int id : new int[] {7, 8}) {
            Matcher codes = Pattern.compile("code=~\"([0-9|]+)\"").matcher(ProjectFiles.panel(security, id).path("targets").get(0).path("expr").asText());
            assertThat(codes.find()).isTrue();
            Set<String> these = new TreeSet<>(List.of(codes.group(1).split("\\|")));
            if (!panelCodes.isEmpty()) {
                assertThat(these).isEqualTo(panelCodes);
            }
            panelCodes = these;
        }
        Matcher runbook = Pattern.compile("Failed-login codes: ([0-9, ]+)\\.").matcher(Files.readString(ProjectFiles.MODULE.resolve("RUNBOOKS.md")));
        assertThat(runbook.find()).as("RUNBOOKS.md lists the failed-login codes").isTrue();
        assertThat(new TreeSet<>(List.of(runbook.group(1).split(",\\s*")))).isEqualTo(panelCodes);
        String lockoutWarnings = ProjectFiles.panel(security, 1).path("targets").get(0).path("expr").asText();
        assertThat(lockoutWarnings).contains("code=\"5146\"");
        assertThat(ProjectFiles.alertingRules()).noneMatch(r -> r.path("expr").asText().contains("5146"));
    }

    @Test
    void queriesUseOnlyMetricsLabelsAndCodesThatAreExported() throws IOException {
        Map<String, Set<String>> known = knownMetrics();
        Set<Integer> codes = catalogCodes();
        List<ProjectFiles.Query> queries = new ArrayList<>(ProjectFiles.dashboardQueries());
        for (JsonNode rule : ProjectFiles.alertingRules()) {
            queries.add(new ProjectFiles.Query("alert " + rule.path("alert").asText(), rule.path("expr").asText()));
        }
        for (JsonNode rule : ProjectFiles.recordingRules()) {
            queries.add(new ProjectFiles.Query("record " + rule.path("record").asText(), rule.path("expr").asText()));
        }
        for (JsonNode rule : ProjectFiles.grafanaRules()) {
            queries.add(new ProjectFiles.Query("grafana rule " + rule.path("title").asText(), rule.path("data").get(0).path("model").path("expr").asText()));
        }
        assertThat(queries).hasSizeGreaterThan(60);
        for (ProjectFiles.Query query : queries) {
            String expr = query.expr();
            Set<String> labelsInScope = new TreeSet<>();
            Matcher metric = METRIC.matcher(expr);
            int metrics = 0;
            while (metric.find()) {
                metrics++;
                assertThat(known).as(query.where() + ": metric " + metric.group(1)).containsKey(metric.group(1));
                labelsInScope.addAll(known.get(metric.group(1)));
            }
            assertThat(metrics).as(query.where() + " reads a metric").isPositive();
            Matcher selector = SELECTOR.matcher(expr);
            while (selector.find()) {
                Set<String> labels = known.getOrDefault(selector.group(1), Set.of());
                Matcher matcher = MATCHER.matcher(selector.group(2));
                while (matcher.find()) {
                    assertThat(labels).as(query.where() + ": label " + matcher.group(1) + " of " + selector.group(1)).contains(matcher.group(1));
                    if (matcher.group(1).equals("code") && !matcher.group(3).startsWith("$")) {
                        for (String code : matcher.group(3).split("\\|")) {
                            assertThat(codes).as(query.where() + ": code " + code + " is a catalog code").contains(Integer.parseInt(code));
                        }
                    }
                    if (matcher.group(1).equals("severity") && !selector.group(1).equals("ALERTS")) {
                        for (String severity : matcher.group(3).split("\\|")) {
                            assertThat(severity).as(query.where()).isIn("info", "warning", "error", "critical");
                        }
                    }
                }
            }
            Matcher grouping = GROUPING.matcher(expr);
            while (grouping.find()) {
                for (String label : grouping.group(1).split(",")) {
                    if (!label.isBlank()) {
                        assertThat(labelsInScope).as(query.where() + ": grouping label " + label.trim()).contains(label.trim());
                    }
                }
            }
        }
    }

    @Test
    void legendsNameOnlyLabelsTheirQueryKeeps() {
        ProjectFiles.dashboards().forEach((file, d) -> {
            for (JsonNode panel : queryPanels(d)) {
                for (JsonNode target : panel.path("targets")) {
                    Matcher legend = LEGEND.matcher(target.path("legendFormat").asText());
                    while (legend.find()) {
                        assertThat(target.path("expr").asText()).as(file + " panel " + panel.path("id") + " legend {{" + legend.group(1) + "}}")
                                .containsPattern("by \\(([^)]*\\b)?" + legend.group(1) + "\\b");
                    }
                }
            }
        });
    }

    @Test
    void everyRecordingRuleIsUsedByADashboardAnAlertOrAnotherRule() {
        StringBuilder users = new StringBuilder();
        ProjectFiles.dashboardQueries().forEach(q -> users.append(q.expr()).append('\n'));
        ProjectFiles.alertingRules().forEach(r -> users.append(r.path("expr").asText()).append('\n'));
        ProjectFiles.recordingRules().forEach(r -> users.append(r.path("expr").asText()).append('\n'));
        for (JsonNode rule : ProjectFiles.recordingRules()) {
            String name = rule.path("record").asText();
            assertThat(name).as("level:metric:operations").matches("[a-z_]+:devcenter_[a-z_]+:[a-z_0-9]+");
            assertThat(users.toString()).as("recording rule " + name + " is used").containsPattern(Pattern.quote(name) + "(?![\\w:])");
        }
    }
}
