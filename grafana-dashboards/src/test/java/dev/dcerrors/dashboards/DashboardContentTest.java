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
    private static final Pattern METRIC = Pattern.compile("\\b(devcenter[\\w:]*|ALERTS)\\b");
    private static final Pattern MATCHER = Pattern.compile("(\\w+)\\s*(=~|!~|!=|=)\\s*\"([^\"]*)\"");
    private static final Pattern GROUPING = Pattern.compile("\\b(?:by|on|group_left|group_right|without)\\s*\\(([^)]*)\\)");
    private static final Pattern LEGEND = Pattern.compile("\\{\\{\\s*(\\w+)\\s*}}");
    /** Labels every scraped series gets from Prometheus. */
    private static final Set<String> TARGET_LABELS = Set.of("job", "instance");

    /** Metric name to the labels it has: the binder's golden scrape, the recording rules, and ALERTS. */
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
            Matcher by = Pattern.compile("^sum by \\(([^)]*)\\)").matcher(expr.strip());
            assertThat(by.find()).as("recording rule %s aggregates with sum by (...)", rule.path("record").asText()).isTrue();
            Set<String> labels = new TreeSet<>();
            for (String label : by.group(1).split(",")) {
                labels.add(label.trim());
            }
            metrics.put(rule.path("record").asText(), labels);
        }
        metrics.put("ALERTS", new TreeSet<>(Set.of("alertname", "alertstate", "job", "severity")));
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

    @Test
    void dashboardsAreInProvisioningFormWithFixedUidsAndVariables() {
        Set<String> uids = new HashSet<>();
        ProjectFiles.dashboards().forEach((file, d) -> {
            assertThat(d.has("__inputs") || d.has("__requires") || d.has("id")).as(file + ": provisioning form, no __inputs/__requires/id").isFalse();
            assertThat(d.path("uid").asText()).as(file).isEqualTo(file.replace(".json", ""));
            assertThat(uids.add(d.path("uid").asText())).isTrue();
            assertThat(d.path("refresh").asText()).as(file).isNotEmpty();
            assertThat(d.path("time").path("from").asText()).as(file).startsWith("now-");
            List<String> names = new ArrayList<>();
            d.path("templating").path("list").forEach(v -> names.add(v.path("name").asText()));
            assertThat(names).as(file).containsExactly("datasource", "job", "instance");
            JsonNode datasource = d.path("templating").path("list").get(0);
            assertThat(datasource.path("type").asText()).isEqualTo("datasource");
            assertThat(datasource.path("query").asText()).isEqualTo("prometheus");
            for (int i = 1; i <= 2; i++) {
                JsonNode v = d.path("templating").path("list").get(i);
                assertThat(v.path("includeAll").asBoolean()).as(file + " " + v.path("name") + " has All").isTrue();
                assertThat(v.path("datasource").path("uid").asText()).isEqualTo("${datasource}");
            }
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
            for (JsonNode panel : ProjectFiles.panels(d)) {
                String where = file + " panel " + panel.path("id");
                assertThat(panel.path("description").asText()).as(where).hasSizeGreaterThan(60);
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
        assertThat(queries).hasSizeGreaterThan(30);
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
                    if (matcher.group(1).equals("code")) {
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
            for (JsonNode panel : ProjectFiles.panels(d)) {
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
    void everyRecordingRuleIsUsedByADashboardOrAnAlert() {
        StringBuilder users = new StringBuilder();
        ProjectFiles.dashboardQueries().forEach(q -> users.append(q.expr()).append('\n'));
        ProjectFiles.alertingRules().forEach(r -> users.append(r.path("expr").asText()).append('\n'));
        for (JsonNode rule : ProjectFiles.recordingRules()) {
            assertThat(users.toString()).as("recording rule " + rule.path("record").asText() + " is used").contains(rule.path("record").asText());
        }
    }
}
