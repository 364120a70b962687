package dev.dcerrors.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The dashboards, rules and provisioning files users import are exactly what mixin/generate.sh produces from
 * the mixin with its default _config (the same check as .ci/run's git diff, inside mvn verify), and a user's
 * _config reaches every file.
 */
class CommittedFilesAreGeneratedFromTheMixinTest {

    private static Path generate(String name, String config) throws Exception {
        Tools.require("jsonnet");
        Path out = ProjectFiles.MODULE.resolve("target/regenerated/" + name);
        List<String> command = new java.util.ArrayList<>(List.of("bash", "mixin/generate.sh", out.toString()));
        if (config != null) {
            Files.createDirectories(out);
            command.add(Files.writeString(out.resolve("config.libsonnet"), config).toString());
        }
        Tools.Result result = Tools.run(command);
        assertThat(result.exitCode()).as(result.output()).isZero();
        return out;
    }

    @Test
    void everyCommittedFileEqualsItsRegeneration() throws Exception {
        Path out = generate("default", null);
        List<Path> generated;
        try (Stream<Path> files = Files.walk(out)) {
            generated = files.filter(Files::isRegularFile).toList();
        }
        assertThat(generated).hasSize(8);
        for (Path file : generated) {
            Path committed = ProjectFiles.MODULE.resolve(out.relativize(file).toString());
            assertThat(committed).as("committed twin of " + out.relativize(file)).isRegularFile();
            assertThat(Files.readString(committed)).as(committed + " is stale: run mixin/generate.sh").isEqualTo(Files.readString(file));
        }
    }

    @Test
    void aUsersGroupingLabelsSeverityAndTeamReachTheRulesTheDashboardsAndGrafana() throws Exception {
        Path out = generate("fleet", "{ groupingLabels: ['cluster', 'namespace', 'job'], severities+: { page: 'page' }, "
                + "alertLabels+: { team: 'identity' }, selector: 'env=\"prod\"' }\n");
        String recording = Files.readString(out.resolve("alerts/dc-errors-recording.rules.yml"));
        assertThat(recording).contains("record: 'cluster_namespace_job_instance_code:devcenter_errors:rate5m'",
                "record: 'cluster_namespace_job:devcenter_server_errors:ratio_rate1h'",
                "sum by (cluster, namespace, job) (rate(devcenter_responses_total{env=\"prod\"}[1h]))");
        String alerts = Files.readString(out.resolve("alerts/dc-errors-alerts.rules.yml"));
        assertThat(alerts).contains("severity: 'page'", "team: 'identity'", "and on (cluster, namespace, job)",
                "{{ $labels.cluster }} {{ $labels.namespace }} {{ $labels.job }}");
        String overview = Files.readString(out.resolve("dashboards/dc-errors-overview.json"));
        assertThat(overview).contains("\"name\": \"cluster\"", "\"name\": \"namespace\"",
                "label_values(devcenter_responses_total{env=\\\"prod\\\",cluster=~\\\"$cluster\\\",namespace=~\\\"$namespace\\\"}, job)");
        String grafana = Files.readString(out.resolve("provisioning/alerting/dc-errors-alert-rules.yml"));
        assertThat(grafana).contains("team: 'identity'", "sum by (cluster, namespace, job) (rate(devcenter_errors_total{env=\"prod\",code=\"5147\"}[5m]))");
    }
}
