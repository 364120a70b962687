local promql = import '../lib/promql.libsonnet';
local lib = import 'lib.libsonnet';
{
  grafanaDashboards+:: {
    local c = $._config,
    local q = promql.new(c),
    local g = lib.new(c),
    local F(extra=[]) = std.join(',', g.codeFilter + extra),
    local I(extra=[]) = std.join(',', g.instanceFilter + extra),
    local G = std.join(',', g.groupFilter),
    local errRate(extra=[]) = '%s{%s}' % [q.rules.errorsByCode, F(extra)],
    local respRate(extra=[]) = '%s{%s}' % [q.rules.responsesByOutcome, I(extra)],
    local rawErrors(extra=[]) = q.errors(g.codeFilter + extra),
    local rawResponses(extra=[]) = q.responses(g.instanceFilter + extra),
    local bad = g.codeFilter + q.badMatchers,
    local severityStat(id, x, severity, color) = g.stat(
      id, '%s errors /s' % (std.asciiUpper(severity[0]) + severity[1:]), |||
        Error responses per second with severity %s, now (5-minute rate from the recording rule %s), over the selected services, instances and codes.
      ||| % [severity, q.rules.errorsByCode] + {
        critical: 'Critical: a security block (5147, 5148, 5325) or the platform failing (5000): open the Security dashboard and the alerts.',
        'error': 'Error: the platform or a dependency failed a request (Failed to ..., exceptions); these spend the error budget.',
        warning: 'Warning: mostly user mistakes (wrong password, wrong SMS code, device already bound); watch for sudden rises.',
        info: 'Info: input validation (missing or malformed fields): usually client bugs, never the platform.',
      }[severity],
      [x, 0, 4, 4], 'sum(%s)' % errRate(['severity="%s"' % severity]), 'cps', [[0.01, color]], 2
    ),

    'dc-errors-overview.json': g.dashboard(
      c.grafana.overviewUid,
      'DC Errors — Overview',
      'Developer Center error codes recognized in the backend logs: rates by category and severity, the server-side error SLO and its burn rates, the top codes with their messages, and a drill-down into the selected codes. Needs Grafana %s or newer.' % c.grafana.minimumVersion,
      [
        severityStat(1, 0, 'critical', 'red'),
        severityStat(2, 4, 'error', 'orange'),
        severityStat(3, 8, 'warning', 'yellow'),
        severityStat(4, 12, 'info', 'blue'),
        g.stat(5, 'Server-side error ratio', |||
          Share of recognized responses that failed on the server side now (5-minute rates): codes of severity %s outside the categories %s, divided by all recognized responses, as a ratio of sums. The SLI of the error-budget alerts; the dashed threshold is the fast-burn level.
        ||| % [std.join(' or ', c.slo.badSeverities), std.join(', ', c.slo.excludedCategories)],
          [16, 0, 4, 4],
          '(sum(%s) or vector(0)) / sum(%s)' % [errRate(q.badMatchers), respRate()],
          'percentunit', [[14.4 * q.budget, 'red']], 2),
        g.stat(6, 'Responses /s', |||
          Recognized Developer Center responses per second, success and error, now (5-minute rate). Zero while the service is up means responses are no longer logged or the filter is not installed: see the absence alerts. The code filter does not apply: responses have no code.
        |||, [20, 0, 4, 4], 'sum(%s)' % respRate(), 'reqps', [], 1),

        g.timeseries(7, 'Error rate by category', |||
          Error responses per second by category (auth, security, sms, device, ...), stacked. When one category rises alone its subsystem is the place to look: sms points to the SMS provider, auth to tokens and passwords, security to attacks.
        |||, [0, 4, 12, 8], [g.target('sum by (category) (rate(%s[$__rate_interval]))' % rawErrors(), '{{category}}')], 'cps', stack=true),
        g.timeseries(8, 'Error rate by severity', |||
          Error responses per second by severity (critical, error, warning, info), stacked. Critical and error are what the platform or an attack does; warning and info are mostly what users and clients do wrong.
        |||, [12, 4, 12, 8], [g.target('sum by (severity) (rate(%s[$__rate_interval]))' % rawErrors(), '{{severity}}')], 'cps', stack=true),
        g.timeseries(9, 'Error ratio', |||
          Share of recognized responses carrying an error code (any severity), and the server-side error ratio (the SLI), both as ratios of sums over the selected services and instances. The dashed line is the fast-burn level (14.4 times the error budget).
        |||, [0, 12, 12, 8], [
          g.target('sum(rate(%s[$__rate_interval])) / sum(rate(%s[$__rate_interval]))' % [rawErrors(), rawResponses()], 'all error codes'),
          g.target('(sum(rate(%s[$__rate_interval])) or vector(0)) / sum(rate(%s[$__rate_interval]))' % [q.errors(bad), rawResponses()], 'server-side errors (SLI)', refId='B'),
        ], 'percentunit', thresholdLine=14.4 * q.budget),
        g.timeseries(10, 'Responses by outcome', |||
          Recognized responses per second by outcome: success and error. The traffic behind every ratio on this dashboard; a drop to zero while the service is up means the responses are no longer logged. The code filter does not apply.
        |||, [12, 12, 12, 8], [g.target('sum by (outcome) (rate(%s[$__rate_interval]))' % rawResponses(), '{{outcome}}')], 'reqps', stack=true),

        g.row(11, 'Error budget (SLO %g%% of responses free of server-side errors)' % (c.slo.target * 100), 20),
      ] + [
        local w = ['1h', '6h', '1d', '3d'][i];
        local factor = [14.4, 6, 3, 1][i];
        g.stat(12 + i, 'Burn rate %s' % w, |||
          How fast the error budget is being spent over the last %s: the server-side error ratio divided by the budget (%g%%), from the recording rules %s and %s of the selected services (a ratio of sums; instance and code filters do not apply to the SLO). 1 spends exactly the budget in 30 days; the alerts fire above %g over this window (with its short window).
        ||| % [w, q.budget * 100, q.rules.serverErrors(w), q.rules.responses(w), factor],
          [i * 4, 21, 4, 4],
          '(sum(%s{%s}) or vector(0)) / sum(%s{%s}) / %s' % [q.rules.serverErrors(w), G, q.rules.responses(w), G, q.num(q.budget)],
          'none', [[factor, 'red']], 2)
        for i in std.range(0, 3)
      ] + [
        g.timeseries(16, 'Burn rate over time', |||
          The error-budget burn rate over the alerts' windows (1h, 6h, 1d, 3d) from the recording rules, as ratios of sums over the selected services (instance and code filters do not apply to the SLO). The page fires when 1h and 5m are above 14.4, or 6h and 30m above 6; the ticket when 1d and 2h are above 3, or 3d and 6h above 1.
        |||, [16, 21, 8, 8], [
          g.target('(sum(%s{%s}) or vector(0)) / sum(%s{%s}) / %s' % [q.rules.serverErrors(w), G, q.rules.responses(w), G, q.num(q.budget)], w, refId=std.asciiUpper(std.char(97 + i)))
          for i in std.range(0, 3)
          for w in [['1h', '6h', '1d', '3d'][i]]
        ], 'none', thresholdLine=14.4),

        g.row(17, 'Codes', 29),
        g.base(18, 'table', 'Top error codes', |||
          Each error code seen over the dashboard's time range, most frequent first, with the platform's message (joined from devcenter_error_code_info with group_left over last_over_time, one message per code, so that restarts, codes without an info series and messages changed by a rolling upgrade neither drop rows nor fail the query), category, severity and count. Click a code for the Security dashboard or its logs in Explore (Loki).
        |||, [0, 30, 24, 10], [g.target(|||
          sort_desc(
            (
              sum by (code, category, severity) (increase(%(errors)s[$__range])) > 0
            )
            * on (code) group_left (message)
            topk by (code) (1, max by (code, message) (last_over_time(%(info)s[$__range])))
            or on (code)
            sum by (code, category, severity) (increase(%(errors)s[$__range])) > 0
          )
        ||| % { errors: rawErrors(), info: q.info(g.instanceFilter) }, '', instant=true, format='table')]) + {
          transformations: [
            {
              id: 'organize',
              options: {
                excludeByName: { Time: true },
                indexByName: { code: 0, message: 1, category: 2, severity: 3, Value: 4 },
                renameByName: { Value: 'count over range' },
              },
            },
          ],
          fieldConfig: {
            defaults: {
              unit: 'short',
              decimals: 0,
              custom: { align: 'auto', inspect: false },
              thresholds: g.thresholds([]),
              // Links on every cell of a row, to that row's code.
              links: [
                g.link('Security dashboard for code ${__data.fields.code}', '/d/%s?${__url_time_range}&${datasource:queryparam}&%s&var-code=${__data.fields.code}' % [
                  c.grafana.securityUid, std.join('&', ['${%s:queryparam}' % v for v in c.groupingLabels + [c.instanceLabel]]),
                ]),
                g.link('Logs with code ${__data.fields.code} in Explore (Loki)', '/explore?left=' + std.manifestJsonMinified({
                  datasource: '${loki}',
                  queries: [{ refId: 'A', expr: c.grafana.lokiStreamSelector + ' |= "${__data.fields.code}"' }],
                  range: { from: '${__from}', to: '${__to}' },
                }), newTab=true),
              ],
            },
            overrides: [],
          },
          options: {
            showHeader: true,
            frameIndex: 0,
            cellHeight: 'sm',
            sortBy: [{ displayName: 'count over range', desc: true }],
            footer: { show: false, reducer: ['sum'], countRows: false },
          },
        },
        g.timeseries(19, 'Errors by instance', |||
          Error responses per second of the selected codes, one line per instance. One instance far above the others points to that host: its configuration, its release, or the callers routed to it.
        |||, [0, 40, 24, 8], [g.target('sum by (%s) (rate(%s[$__rate_interval]))' % [c.instanceLabel, rawErrors()], '{{%s}}' % c.instanceLabel)], 'cps'),

        g.row(20, 'Drill-down: the selected codes ($code)', 48),
        g.timeseries(21, 'Selected codes per second', |||
          The codes chosen in the code variable, per second, one line per code: pick one or a few codes at the top to follow them through a release or an incident.
        |||, [0, 49, 12, 8], [g.target('sum by (code) (rate(%s[$__rate_interval]))' % rawErrors(), '{{code}}')], 'cps'),
        g.timeseries(22, 'Selected codes: share of responses', |||
          The selected codes as a share of all recognized responses (a ratio of sums), one line per code: tells a rising code apart from rising traffic.
        |||, [12, 49, 12, 8], [g.target('sum by (code) (rate(%s[$__rate_interval])) / scalar(sum(rate(%s[$__rate_interval])))' % [rawErrors(), rawResponses()], '{{code}}')], 'percentunit'),

        g.row(23, 'Endpoints', 57),
        g.timeseries(24, 'Errors per minute by endpoint and side', |||
          Error responses of the selected codes per minute by endpoint and side, the %d busiest: server, answered by this service (METHOD and route template); client, received from the Developer Center (URI template, or METHOD and host). Counted where the responses are answered or received (devcenter_endpoint_errors_total); a response seen only in a log has no endpoint. Endpoints beyond the application's max-endpoints are "other".
        ||| % c.endpoints.topk, [0, 58, 24, 8], [
          g.target(q.byEndpointPerMinute(g.codeFilter), '{{%s}} {{%s}}' % [c.endpoints.sideLabel, c.endpoints.endpointLabel]),
        ], 'cpm'),
      ]
    ),
  },
}
