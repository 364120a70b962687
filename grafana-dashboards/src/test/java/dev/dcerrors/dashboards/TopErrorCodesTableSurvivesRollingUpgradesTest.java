package dev.dcerrors.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Top error codes table's query, taken from the committed dashboard, evaluated by promtool on a rolling
 * upgrade: code 5005 has two catalog messages (old and new version side by side), code 4026 is unknown and
 * has no info series at all, instance a restarted (counter reset). Every code keeps exactly one row, with
 * its exact count; the naive join the table used to have fails on the same data.
 */
class TopErrorCodesTableSurvivesRollingUpgradesTest {

    private static final String SERIES = String.join("\n",
            "    input_series:",
            "      - series: 'devcenter_errors_total{job=\"backend\",instance=\"a:8080\",code=\"5005\",category=\"auth\",severity=\"warning\"}'",
            "        values: '0+10x30 0+10x29'",
            "      - series: 'devcenter_errors_total{job=\"backend\",instance=\"b:8080\",code=\"5005\",category=\"auth\",severity=\"warning\"}'",
            "        values: '_x30 0+5x29'",
            "      - series: 'devcenter_errors_total{job=\"backend\",instance=\"b:8080\",code=\"4026\",category=\"unknown\",severity=\"error\"}'",
            "        values: '_x30 0+1x29'",
            "      - series: 'devcenter_errors_total{job=\"backend\",instance=\"a:8080\",code=\"5147\",category=\"security\",severity=\"critical\"}'",
            "        values: '0x59'",
            "      - series: 'devcenter_error_code_info{job=\"backend\",instance=\"a:8080\",code=\"5005\",category=\"auth\",severity=\"warning\",message=\"Incorrect mobile number or password.\"}'",
            "        values: '1x59'",
            "      - series: 'devcenter_error_code_info{job=\"backend\",instance=\"b:8080\",code=\"5005\",category=\"auth\",severity=\"warning\",message=\"Incorrect phone number or password.\"}'",
            "        values: '_x30 1x29'",
            "      - series: 'devcenter_error_code_info{job=\"backend\",instance=\"a:8080\",code=\"5147\",category=\"security\",severity=\"critical\",message=\"Your account has been temporarily locked.\"}'",
            "        values: '1x59'");

    private static String tableQuery() {
        JsonNode table = ProjectFiles.panels(ProjectFiles.dashboards().get("dc-errors-overview.json")).stream()
                .filter(p -> p.path("title").asText().equals("Top error codes")).findFirst().orElseThrow();
        return new ProjectFiles.Query("table", table.path("targets").get(0).path("expr").asText()).resolved().replace("[5m]", "[1h]");
    }

    private static Tools.Result promtoolTest(String name, String body) throws Exception {
        String promtool = Tools.require("promtool").toString();
        Path dir = ProjectFiles.MODULE.resolve("target/top-codes");
        Files.createDirectories(dir);
        Path empty = Files.writeString(dir.resolve("no-rules.yml"), "groups: []\n");
        Path test = Files.writeString(dir.resolve(name), String.join("\n",
                "rule_files: [" + empty.getFileName() + "]",
                "evaluation_interval: 1m",
                "tests:",
                "  - interval: 1m",
                SERIES,
                body,
                ""));
        return Tools.run(List.of(promtool, "test", "rules", test.toString()));
    }

    private static String quoted(String expr) {
        return "'" + expr.replace("'", "''").replace("\n", " ") + "'";
    }

    @Test
    void everyCodeKeepsOneRowWithItsCountWhenMessagesDifferAndInfoSeriesAreMissing() throws Exception {
        String table = tableQuery();
        assertThat(table).contains("[1h]").doesNotContain("$");
        Tools.Result result = promtoolTest("table.test.yml", String.join("\n",
                "    promql_expr_test:",
                "      - expr: " + quoted("count by (code) (" + table + ")"),
                "        eval_time: 59m",
                "        exp_samples:",
                "          - {labels: '{code=\"5005\"}', value: 1}",
                "          - {labels: '{code=\"4026\"}', value: 1}",
                // 5005: instance a counts 300 before its restart and 280 after it, instance b 145 since it started
                "      - expr: " + quoted("sum by (code) (" + table + ")"),
                "        eval_time: 59m",
                "        exp_samples:",
                "          - {labels: '{code=\"5005\"}', value: 725}",
                "          - {labels: '{code=\"4026\"}', value: 29}",
                // 5005 carries one of its two messages; 4026 has none and keeps its row
                "      - expr: " + quoted("count by (code, has_message) (label_replace(" + table + ", \"has_message\", \"yes\", \"message\", \".+\"))"),
                "        eval_time: 59m",
                "        exp_samples:",
                "          - {labels: '{code=\"5005\",has_message=\"yes\"}', value: 1}",
                "          - {labels: '{code=\"4026\"}', value: 1}"));
        assertThat(result.exitCode()).as(result.output()).isZero();
    }

    @Test
    void theNaiveJoinFailsOnTheSameData() throws Exception {
        String naive = "sort_desc((sum by (code, category, severity) (increase(devcenter_errors_total[1h])) > 0)"
                + " * on (code) group_left(message) max by (code, message) (devcenter_error_code_info))";
        Tools.Result result = promtoolTest("naive.test.yml", String.join("\n",
                "    promql_expr_test:",
                "      - expr: " + quoted(naive),
                "        eval_time: 59m",
                "        exp_samples:",
                "          - {labels: '{code=\"5005\"}', value: 725}"));
        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output()).containsIgnoringCase("many-to-many");
    }
}
