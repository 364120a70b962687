// The alerts, defined once: `alertDefinitions` feeds both the Prometheus alerting rules and the
// Grafana-managed rules (grafana.libsonnet), which inline the expressions instead of reading the
// recording rules.
local promql = import 'lib/promql.libsonnet';
{
  alertDefinitions:: {
    local c = $._config,
    local q = promql.new(c),
    local G = std.join(' ', ['{{ $labels.%s }}' % l for l in c.groupingLabels]),
    local T = std.join(' ', ['{{ $labels.%s }}' % l for l in c.absence.targetLabels]),
    list: [
      {
        name: 'DevCenterLockoutSpike',
        kind: 'page',
        expr(recorded):: q.alerts.lockoutPage(recorded),
        'for': c.lockout.pageFor,
        keepFiringFor: c.lockout.pageKeepFiringFor,
        dashboard: c.grafana.securityUid,
        panelId: 5,
        summary: 'Accounts are being locked out on %s' % G,
        description: '{{ $value | printf "%%.1f" }} accounts a minute are being locked (code %(code)s, 5-minute average) on %(G)s, above %(floor)s a minute and %(times)s times the same day last week: credential stuffing, or a client retrying wrong credentials.' % {
          code: c.lockout.code, G: G, floor: c.lockout.pagePerMinute, times: c.lockout.pageTimesLastWeek,
        },
      },
      {
        name: 'DevCenterLockoutsElevated',
        kind: 'ticket',
        expr(recorded):: q.alerts.lockoutTicket(recorded),
        'for': c.lockout.ticketFor,
        dashboard: c.grafana.securityUid,
        panelId: 5,
        summary: 'More account lockouts than usual on %s' % G,
        description: '{{ $value | printf "%%.0f" }} accounts were locked (code %(code)s) in the last hour on %(G)s, above %(floor)s and %(times)s times the same day last week: a slow attack, or a client retrying stored credentials.' % {
          code: c.lockout.code, G: G, floor: c.lockout.ticketPerHour, times: c.lockout.ticketTimesLastWeek,
        },
      },
      {
        name: 'DevCenterIpBlocks',
        kind: 'ticket',
        expr(recorded):: q.alerts.ipBlocks(recorded),
        'for': c.ipBlock['for'],
        dashboard: c.grafana.securityUid,
        panelId: 6,
        summary: 'Developer Center keeps answering "IP address blocked" to callers of %s' % G,
        description: '{{ $value | printf "%%.1f" }} answers a minute with code %(code)s (IP address blocked for 20 minutes) over the last %(w)s on %(G)s, above %(t)s a minute: addresses calling through this service are blocked and still calling, more often than one retrying client does.' % {
          code: c.ipBlock.code, w: c.ipBlock.window, G: G, t: c.ipBlock.perMinute,
        },
      },
      {
        name: 'DevCenterAbnormalAccessBlocks',
        kind: 'ticket',
        expr(recorded):: q.alerts.abnormalAccess(recorded),
        'for': c.abnormalAccess['for'],
        dashboard: c.grafana.securityUid,
        panelId: 6,
        summary: 'Developer Center is blocking access from %s for abnormal behaviour' % G,
        description: '{{ $value | printf "%%.1f" }} answers a minute with code %(code)s (access blocked for 24 hours) over the last %(w)s on %(G)s, above %(t)s a minute: callers blocked for a day keep calling, more often than one retrying client does.' % {
          code: c.abnormalAccess.code, w: c.abnormalAccess.window, G: G, t: c.abnormalAccess.perMinute,
        },
      },
      {
        name: 'DevCenterErrorBudgetBurnFast',
        kind: 'page',
        expr(recorded):: q.alerts.burnFast(recorded),
        'for': c.slo.fastFor,
        dashboard: c.grafana.overviewUid,
        panelId: 16,
        summary: 'Server-side errors are burning the error budget of %s fast' % G,
        description: 'Server-side error ratio {{ $value | humanizePercentage }} on %(G)s (long window): above 14.4 times the %(b)s budget over 1h and 5m, or 6 times over 6h and 30m. At this rate the %(t)s SLO of 30 days is spent in about 2 to 5 days.' % {
          G: G, b: '%g%%' % (q.budget * 100), t: '%g%%' % (c.slo.target * 100),
        },
      },
      {
        name: 'DevCenterErrorBudgetBurnSlow',
        kind: 'ticket',
        expr(recorded):: q.alerts.burnSlow(recorded),
        'for': c.slo.slowFor,
        dashboard: c.grafana.overviewUid,
        panelId: 16,
        summary: 'Server-side errors are burning the error budget of %s' % G,
        description: 'Server-side error ratio {{ $value | humanizePercentage }} on %(G)s (long window): above 3 times the %(b)s budget over 1d and 2h, or 1 time over 3d and 6h. The %(t)s SLO of 30 days will be missed if this goes on.' % {
          G: G, b: '%g%%' % (q.budget * 100), t: '%g%%' % (c.slo.target * 100),
        },
      },
      {
        name: 'DevCenterMetricsMissing',
        kind: 'ticket',
        expr(recorded):: q.alerts.metricsMissing(recorded),
        'for': c.absence['for'],
        dashboard: c.grafana.overviewUid,
        panelId: 10,
        summary: 'Target %s exports no Developer Center metrics' % T,
        description: 'Target %s is up but exports no devcenter_responses_total, although its job exported it before: the turbo filter is not installed in logback.xml, or the binder is not bound to the registry that is scraped. Every other DC alert is blind on it.' % T,
      },
      {
        name: 'DevCenterResponsesStopped',
        kind: 'ticket',
        expr(recorded):: q.alerts.responsesStopped(recorded),
        'for': c.absence['for'],
        dashboard: c.grafana.overviewUid,
        panelId: 10,
        summary: 'Target %s recognizes no Developer Center responses any more' % T,
        description: 'Target %s is up, exports the counters and recognized responses before, but none in the last %s: responses are no longer logged, or no longer reach the turbo filter. Every other DC alert is blind on it.' % [T, c.absence.stoppedFor],
      },
    ],
    severity(kind):: c.severities[kind],
    labels(a):: { severity: c.severities[a.kind] } + c.alertLabels,
    runbookUrl(a):: c.runbookUrlBase + '#' + std.asciiLower(a.name),
  },

  prometheusAlerts+:: {
    local d = $.alertDefinitions,
    local c = $._config,
    groups+: [
      {
        name: 'devcenter-errors.alerts',
        rules: [
          {
            alert: a.name,
            expr: a.expr(true),
            'for': a['for'],
            labels: d.labels(a),
            annotations: {
              summary: a.summary,
              description: a.description,
              runbook_url: d.runbookUrl(a),
            },
          } + (if std.objectHas(a, 'keepFiringFor') then { keep_firing_for: a.keepFiringFor } else {})
          for a in d.list
        ],
      } + (if c.ruleInterval == null then {} else { interval: c.ruleInterval }),
    ],
  },
}
