// Grafana provisioning: the Prometheus data source, the dashboard provider, the Grafana-managed
// alert rules (expressions inlined: no dependency on the Prometheus recording rules) and an example
// of contact points and notification policy.
{
  grafanaProvisioning+:: {
    local c = $._config,
    local gc = c.grafana,
    local d = $.alertDefinitions,

    datasources: {
      apiVersion: 1,
      datasources: [{
        name: gc.datasourceName,
        uid: gc.datasourceUid,
        type: 'prometheus',
        access: 'proxy',
        url: '${%s}' % gc.datasourceUrlEnv,
        isDefault: false,
        editable: false,
        jsonData: { timeInterval: gc.scrapeInterval },
      }],
    },

    dashboardProvider: {
      apiVersion: 1,
      providers: [{
        name: 'dc-errors',
        orgId: 1,
        folder: gc.dashboardFolderTitle,
        folderUid: gc.dashboardFolderUid,
        type: 'file',
        disableDeletion: false,
        allowUiUpdates: false,
        updateIntervalSeconds: 60,
        options: { path: gc.dashboardPath, foldersFromFilesStructure: false },
      }],
    },

    // Grafana 10 and 11 have no keep_firing_for: a rule that keeps firing in Prometheus holds its
    // condition here with the maximum over the same time (a subquery at the group's interval).
    local held(a) =
      local expr = std.stripChars(a.expr(false), '\n');
      if std.objectHas(a, 'keepFiringFor')
      then 'max_over_time(\n  (\n%s\n  )[%s:%s]\n)\n' % [
        std.join('\n', ['    ' + l for l in std.split(expr, '\n')]), a.keepFiringFor, gc.alertGroupInterval,
      ]
      else expr + '\n',
    local grafanaTemplate(text) = std.strReplace(text, '$value', '$values.A.Value'),
    local uid(name) = std.asciiLower(std.strReplace(name, 'DevCenter', 'dc-errors-')),

    alertRules: {
      apiVersion: 1,
      groups: [{
        orgId: 1,
        name: 'dc-errors',
        folder: gc.alertFolderTitle,
        interval: gc.alertGroupInterval,
        rules: [
          {
            uid: uid(a.name),
            title: a.name,
            condition: 'C',
            data: [
              {
                refId: 'A',
                relativeTimeRange: { from: 600, to: 0 },
                datasourceUid: gc.datasourceUid,
                model: {
                  refId: 'A',
                  datasource: { type: 'prometheus', uid: gc.datasourceUid },
                  expr: held(a),
                  instant: true,
                  range: false,
                  intervalMs: 60000,
                  maxDataPoints: 43200,
                },
              },
              {
                refId: 'C',
                relativeTimeRange: { from: 0, to: 0 },
                datasourceUid: '__expr__',
                model: {
                  refId: 'C',
                  datasource: { type: '__expr__', uid: '__expr__' },
                  type: 'threshold',
                  expression: 'A',
                  conditions: [{ evaluator: { type: 'gt', params: [0] } }],
                },
              },
            ],
            // Every expression returns series only while its condition holds: no data is the healthy
            // state (missing metrics have their own rules); a failing query is reported as an error.
            noDataState: 'OK',
            execErrState: 'Error',
            'for': a['for'],
            dashboardUid: a.dashboard,
            panelId: a.panelId,
            labels: d.labels(a),
            annotations: {
              summary: grafanaTemplate(a.summary),
              description: grafanaTemplate(a.description),
              runbook_url: d.runbookUrl(a),
            },
            isPaused: false,
          }
          for a in d.list
        ],
      }],
    },

    // Replaces the organisation's notification policy tree: for a fresh Grafana, or as a model.
    notificationsExample: {
      apiVersion: 1,
      contactPoints: [
        {
          orgId: 1,
          name: cp.name,
          receivers: [{ uid: cp.name, type: cp.type, settings: cp.settings, disableResolveMessage: false }],
        }
        for cp in [gc.contactPoints.critical, gc.contactPoints.warning]
      ],
      policies: [{
        orgId: 1,
        receiver: 'grafana-default-email',
        group_by: ['grafana_folder', 'alertname'],
        routes: [{
          receiver: gc.contactPoints.warning.name,
          object_matchers: [[k, '=', c.alertLabels[k]] for k in std.objectFields(c.alertLabels)],
          group_by: ['alertname'] + c.groupingLabels,
          routes: [
            {
              receiver: gc.contactPoints.critical.name,
              object_matchers: [['severity', '=', c.severities.page]],
              group_wait: '30s',
              group_interval: '5m',
              repeat_interval: '4h',
            },
            {
              receiver: gc.contactPoints.warning.name,
              object_matchers: [['severity', '=', c.severities.ticket]],
              group_wait: '5m',
              group_interval: '30m',
              repeat_interval: '24h',
            },
          ],
        }],
      }],
    },
  },
}
