local promql = import '../lib/promql.libsonnet';
// Plain-jsonnet builders for the few Grafana panel types the dashboards use (no grafonnet).
{
  new(c):: {
    local g = self,
    ds:: { type: 'prometheus', uid: '${datasource}' },
    local varNames = c.groupingLabels + [c.instanceLabel],

    // Matchers for the dashboard variables: grouping labels always, instance and code where the series has them.
    groupFilter:: ['%s=~"$%s"' % [l, l] for l in c.groupingLabels],
    instanceFilter:: g.groupFilter + ['%s=~"$%s"' % [c.instanceLabel, c.instanceLabel]],
    codeFilter:: g.instanceFilter + ['code=~"$code"'],

    target(expr, legend='', instant=false, refId='A', format=null):: {
      datasource: g.ds,
      expr: expr,
      refId: refId,
      editorMode: 'code',
      legendFormat: legend,
      range: !instant,
      instant: instant,
    } + (if format == null then {} else { format: format }),

    thresholds(steps):: {
      mode: 'absolute',
      steps: [{ color: 'green', value: null }] + [{ color: s[1], value: s[0] } for s in steps],
    },

    base(id, type, title, description, pos, targets):: {
      id: id,
      type: type,
      title: title,
      // Descriptions are written as ||| blocks: one line each in the JSON.
      description: std.strReplace(std.stripChars(description, ' \n'), '\n', ' '),
      datasource: g.ds,
      gridPos: { x: pos[0], y: pos[1], w: pos[2], h: pos[3] },
      targets: targets,
    },

    // A stat panel: an instant query, its value now (or over the dashboard's range).
    stat(id, title, description, pos, expr, unit, steps=[], decimals=null)::
      g.base(id, 'stat', title, description, pos, [g.target(expr, title, instant=true)]) + {
        fieldConfig: {
          defaults: {
            unit: unit,
            color: { mode: 'thresholds' },
            thresholds: g.thresholds(steps),
          } + (if decimals == null then {} else { decimals: decimals }),
          overrides: [],
        },
        options: {
          graphMode: 'none',
          colorMode: 'value',
          justifyMode: 'auto',
          textMode: 'value',
          wideLayout: true,
          showPercentChange: false,
          percentChangeColorMode: 'standard',
          orientation: 'auto',
          reduceOptions: { calcs: ['lastNotNull'], fields: '', values: false },
        },
      },

    timeseries(id, title, description, pos, targets, unit, stack=false, thresholdLine=null)::
      g.base(id, 'timeseries', title, description, pos, targets) + {
        fieldConfig: {
          defaults: {
            unit: unit,
            min: 0,
            custom: {
              drawStyle: 'line',
              lineWidth: 1,
              fillOpacity: if stack then 20 else 5,
              showPoints: 'never',
              spanNulls: false,
              axisPlacement: 'auto',
              lineInterpolation: 'linear',
              stacking: { mode: if stack then 'normal' else 'none', group: 'A' },
              thresholdsStyle: { mode: if thresholdLine == null then 'off' else 'dashed' },
            },
            color: { mode: 'palette-classic' },
            thresholds: g.thresholds(if thresholdLine == null then [] else [[thresholdLine, 'red']]),
          },
          overrides: [],
        },
        options: {
          legend: { displayMode: 'list', placement: 'bottom', showLegend: true, calcs: [] },
          tooltip: { mode: 'multi', sort: 'desc' },
        },
      },

    // A data link. Grafana reads title, url and targetBlank; the other fields make it valid against the
    // foundation SDK's schema, which types field links as dashboard links.
    link(title, url, newTab=false):: {
      title: title,
      url: url,
      targetBlank: newTab,
      type: 'link',
      icon: 'external link',
      tooltip: title,
      tags: [],
      asDropdown: false,
      includeVars: false,
      keepTime: false,
    },

    row(id, title, y):: {
      id: id,
      type: 'row',
      title: title,
      collapsed: false,
      gridPos: { x: 0, y: y, w: 24, h: 1 },
      panels: [],
    },

    // Variables: data sources, then one per grouping label (each filtered by the ones before), instance, code.
    variables(withCode=true):: {
      local labelVar(name, query) = {
        type: 'query',
        name: name,
        label: name,
        datasource: g.ds,
        query: query,
        definition: query,
        current: { selected: true, text: ['All'], value: ['$__all'] },
        includeAll: true,
        allValue: '.*',
        multi: true,
        refresh: 2,
        sort: 1,
        hide: 0,
        regex: '',
        options: [],
      },
      local series(metric, names) = promql.new(c).sel(metric, ['%s=~"$%s"' % [n, n] for n in names]),
      list: [
        {
          type: 'datasource',
          name: 'datasource',
          label: 'Prometheus',
          query: 'prometheus',
          current: { selected: true, text: c.grafana.datasourceName, value: c.grafana.datasourceUid },
          hide: 0,
          refresh: 1,
          regex: '',
          includeAll: false,
          multi: false,
          options: [],
        },
        {
          type: 'datasource',
          name: 'loki',
          label: 'Loki (optional, for log links)',
          query: 'loki',
          current: { selected: false, text: '', value: '' },
          hide: 0,
          refresh: 1,
          regex: '',
          includeAll: false,
          multi: false,
          options: [],
        },
      ] + [
        labelVar(varNames[i], 'label_values(%s, %s)' % [series('devcenter_responses_total', varNames[0:i]), varNames[i]])
        for i in std.range(0, std.length(varNames) - 1)
      ] + (if withCode then [
             labelVar('code', 'label_values(%s, code)' % series('devcenter_errors_total', varNames)),
           ] else []),
    },

    annotations:: {
      list: [
        {
          builtIn: 1,
          datasource: { type: 'grafana', uid: '-- Grafana --' },
          enable: true,
          hide: true,
          iconColor: 'rgba(0, 211, 255, 1)',
          name: 'Annotations & Alerts',
          type: 'dashboard',
        },
        {
          name: 'Firing DC error alerts (Prometheus)',
          datasource: g.ds,
          enable: true,
          hide: false,
          iconColor: 'red',
          expr: 'ALERTS{alertname=~"DevCenter.*",alertstate="firing",%s}' % std.join(',', g.groupFilter),
          step: '60s',
          titleFormat: '{{alertname}}',
          textFormat: '{{severity}}: ' + std.join(' ', ['{{%s}}' % l for l in c.groupingLabels]),
          tagKeys: 'alertname,severity',
          useValueForTime: false,
        },
      ],
    },

    dashboard(uid, title, description, panels, withCode=true):: {
      uid: uid,
      title: title,
      description: description,
      tags: c.grafana.tags,
      timezone: 'browser',
      editable: true,
      graphTooltip: 1,
      time: { from: 'now-6h', to: 'now' },
      timepicker: { refresh_intervals: ['30s', '1m', '5m', '15m'] },
      refresh: '1m',
      schemaVersion: c.grafana.schemaVersion,
      version: 1,
      fiscalYearStartMonth: 0,
      liveNow: false,
      weekStart: '',
      links: [
        {
          title: 'DC Errors dashboards',
          type: 'dashboards',
          icon: 'external link',
          tooltip: '',
          tags: [c.grafana.tags[0]],
          asDropdown: true,
          targetBlank: false,
          includeVars: true,
          keepTime: true,
          url: '',
        },
      ],
      templating: g.variables(withCode),
      annotations: g.annotations,
      panels: panels,
    },
  },
}
