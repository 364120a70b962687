// The files this module ships, generated from the mixin. Run generate.sh, or by hand (from the repository root):
//   jsonnet -J grafana-dashboards/mixin -m OUT --tla-str part=json --tla-code-file config=my-config.libsonnet grafana-dashboards/mixin/generate.jsonnet
//   jsonnet -J grafana-dashboards/mixin -m OUT -S --tla-str part=yaml --tla-code-file config=my-config.libsonnet grafana-dashboards/mixin/generate.jsonnet
// where OUT has the folders dashboards/, alerts/ and provisioning/{alerting,dashboards,datasources,examples}/,
// and my-config.libsonnet holds an object merged into _config, e.g. { groupingLabels: ['cluster', 'job'] }.
// part=json gives the dashboards (written by jsonnet itself, which is much faster than std.manifestJsonEx),
// part=yaml the rules and provisioning files (with -S: they are strings).
function(part, config={})
  local mixin = (import 'mixin.libsonnet') + { _config+:: config };
  local header = '# Generated from grafana-dashboards/mixin by mixin/generate.sh: edit the mixin, not this file.\n';
  local yaml(value) = header + (import 'lib/yaml.libsonnet').manifest(value);
  if part == 'json' then {
    ['dashboards/' + name]: mixin.grafanaDashboards[name]
    for name in std.objectFields(mixin.grafanaDashboards)
  } else if part == 'yaml' then {
    'alerts/dc-errors-recording.rules.yml': yaml(mixin.prometheusRules),
    'alerts/dc-errors-alerts.rules.yml': yaml(mixin.prometheusAlerts),
    'provisioning/alerting/dc-errors-alert-rules.yml': yaml(mixin.grafanaProvisioning.alertRules),
    'provisioning/dashboards/dc-errors.yml': yaml(mixin.grafanaProvisioning.dashboardProvider),
    'provisioning/datasources/dc-errors-prometheus.yml': yaml(mixin.grafanaProvisioning.datasources),
    'provisioning/examples/dc-errors-notifications.yml': yaml(mixin.grafanaProvisioning.notificationsExample),
  } else error 'part must be json or yaml'
