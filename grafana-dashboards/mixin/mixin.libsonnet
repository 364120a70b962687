// The DC Errors monitoring mixin: configuration, Prometheus rules and alerts, Grafana dashboards,
// Grafana-managed alert rules and provisioning. Override `_config` to adapt it (see README.md).
(import 'config.libsonnet')
+ (import 'rules.libsonnet')
+ (import 'alerts.libsonnet')
+ (import 'dashboards/overview.libsonnet')
+ (import 'dashboards/security.libsonnet')
+ (import 'grafana.libsonnet')
