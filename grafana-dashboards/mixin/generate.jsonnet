// The files this module ships, generated from the mixin. Run generate.sh, or by hand:
//   jsonnet -J grafana-dashboards/mixin -S -m OUT --tla-code-file config=my-config.libsonnet grafana-dashboards/mixin/generate.jsonnet
// where OUT has the folders dashboards/, alerts/ and provisioning/{alerting,dashboards,datasources,examples}/,
// and my-config.libsonnet holds an object merged into _config, e.g. { groupingLabels: ['cluster', 'job'] }.
function(config={})
  local mixin = (import 'mixin.libsonnet') + { _config+:: config };
  local header = '# Generated from grafana-dashboards/mixin by mixin/generate.sh: edit the mixin, not this file.\n';
  local yaml(value) = header + std.manifestYamlDoc(value, indent_array_in_object=true, quote_keys=false) + '\n';
  local json(value) = std.manifestJsonEx(value, '  ') + '\n';
  {
    ['dashboards/' + name]: json(mixin.grafanaDashboards[name])
    for name in std.objectFields(mixin.grafanaDashboards)
  } + {
    'alerts/dc-errors-recording.rules.yml': yaml(mixin.prometheusRules),
    'alerts/dc-errors-alerts.rules.yml': yaml(mixin.prometheusAlerts),
    'provisioning/alerting/dc-errors-alert-rules.yml': yaml(mixin.grafanaProvisioning.alertRules),
    'provisioning/dashboards/dc-errors.yml': yaml(mixin.grafanaProvisioning.dashboardProvider),
    'provisioning/datasources/dc-errors-prometheus.yml': yaml(mixin.grafanaProvisioning.datasources),
    'provisioning/examples/dc-errors-notifications.yml': yaml(mixin.grafanaProvisioning.notificationsExample),
  }
