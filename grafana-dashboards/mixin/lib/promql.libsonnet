// PromQL used by the recording rules, the alerts, the Grafana-managed rules and the dashboards:
// one definition of each selector, of the SLI and of every alert condition.
{
  new(c):: {
    local q = self,
    local L = c.levelName,

    by(labels):: std.join(', ', labels),
    grouping:: q.by(c.groupingLabels),

    // A selector: the configured selector, then the given matchers.
    sel(metric, matchers=[])::
      local m = std.filter(function(m) m != '', [c.selector] + matchers);
      if std.length(m) == 0 then metric else metric + '{' + std.join(',', m) + '}',
    // Numbers as PromQL reads them (jsonnet's own conversion prints 0.005 as 0.0050000000000000001).
    num(x):: '%g' % x,
    codeMatcher(codes):: if std.isArray(codes) then 'code=~"%s"' % std.join('|', codes) else 'code="%s"' % codes,

    errors(matchers=[]):: q.sel('devcenter_errors_total', matchers),
    responses(matchers=[]):: q.sel('devcenter_responses_total', matchers),
    info(matchers=[]):: q.sel('devcenter_error_code_info', matchers),
    endpointErrors(matchers=[]):: q.sel('devcenter_endpoint_errors_total', matchers),
    // Error responses per minute by endpoint and side, the `topk` busiest (of the selected codes).
    byEndpointPerMinute(matchers, window='$__rate_interval'):: 'topk(%d, sum by (%s, %s) (rate(%s[%s])) * 60)' % [
      c.endpoints.topk, c.endpoints.endpointLabel, c.endpoints.sideLabel, q.endpointErrors(matchers), window,
    ],

    // The SLI's bad events: severity error or critical outside the excluded categories.
    badMatchers:: [
      'severity=~"%s"' % std.join('|', c.slo.badSeverities),
    ] + (if std.length(c.slo.excludedCategories) > 0 then ['category!~"%s"' % std.join('|', c.slo.excludedCategories)] else []),
    budget:: std.floor((1 - c.slo.target) * 1e6 + 0.5) / 1e6,

    // Recording rule names (level:metric:operations).
    rules:: {
      errorsByCode: '%s_%s_code:devcenter_errors:rate5m' % [L, c.instanceLabel],
      responsesByOutcome: '%s_%s_outcome:devcenter_responses:rate5m' % [L, c.instanceLabel],
      serverErrors(w): '%s:devcenter_server_errors:rate%s' % [L, w],
      responses(w): '%s:devcenter_responses:rate%s' % [L, w],
      serverErrorRatio(w): '%s:devcenter_server_errors:ratio_rate%s' % [L, w],
      // The memory of the absence alerts (value 1): jobs that exported devcenter_responses_total,
      // targets that recognized responses.
      jobExported: '%s:devcenter_responses:exported' % std.join('_', q.absenceJobLabels),
      targetCounted: '%s:devcenter_responses:counted' % std.join('_', c.absence.targetLabels),
    },
    // The labels that name a job: the target labels without the instance label.
    absenceJobLabels:: std.filter(function(l) l != c.instanceLabel, c.absence.targetLabels),
    // The absence alerts' memory, as recording rules: now, or remembered (the rule's own series over
    // `absence.remember`) while the job (the target) still has an `up` series.
    absenceMemory(record, now, labels)::
      |||
        %(now)s
        or
        (
          max by (%(L)s) (last_over_time(%(record)s[%(remember)s]))
          and on (%(L)s)
          group by (%(L)s) (%(up)s)
        )
      ||| % {
        now: now, record: record, L: q.by(labels), remember: c.absence.remember,
        up: 'up' + (if c.absence.upSelector == '' then '' else '{%s}' % c.absence.upSelector),
      },
    sloWindows:: ['5m', '30m', '1h', '2h', '6h', '1d', '3d'],

    // Rates per grouping, either from the recording rules or inlined from the raw counters
    // (Grafana-managed rules must not depend on Prometheus recording rules).
    codeRate(code, recorded):: if recorded
    then 'sum by (%s) (%s{%s})' % [q.grouping, q.rules.errorsByCode, q.codeMatcher(code)]
    else 'sum by (%s) (rate(%s[5m]))' % [q.grouping, q.errors([q.codeMatcher(code)])],
    codeIncrease(code, window):: 'sum by (%s) (increase(%s[%s]))' % [q.grouping, q.errors([q.codeMatcher(code)]), window],
    lastWeekRate(code, window):: 'sum by (%s) (rate(%s[%s] offset 1w))' % [q.grouping, q.errors([q.codeMatcher(code)]), window],

    serverErrorRatio(w, recorded):: if recorded then q.rules.serverErrorRatio(w)
    else '(sum by (%(g)s) (rate(%(bad)s[%(w)s])) or 0 * sum by (%(g)s) (rate(%(all)s[%(w)s])))\n  / sum by (%(g)s) (rate(%(all)s[%(w)s]))' % {
      g: q.grouping, bad: q.errors(q.badMatchers), all: q.responses(), w: w,
    },
    responseRate(w, recorded):: if recorded then q.rules.responses(w)
    else 'sum by (%s) (rate(%s[%s]))' % [q.grouping, q.responses(), w],

    // The alert conditions. Each returns series only while its condition holds, with a value above 0.
    alerts:: {
      lockoutPage(recorded)::
        local now = q.codeRate(c.lockout.code, recorded);
        |||
          %(now)s * 60 > %(floor)s
          and
          %(now)s
            > %(times)s * (%(week)s or %(now)s * 0)
        ||| % { now: now, floor: q.num(c.lockout.pagePerMinute), times: q.num(c.lockout.pageTimesLastWeek), week: q.lastWeekRate(c.lockout.code, '1d') },
      lockoutTicket(recorded)::
        local hour = q.codeIncrease(c.lockout.code, '1h');
        |||
          %(hour)s > %(floor)s
          and
          %(hour)s
            > %(times)s * 3600 * (%(week)s or %(hour)s * 0)
        ||| % { hour: hour, floor: q.num(c.lockout.ticketPerHour), times: q.num(c.lockout.ticketTimesLastWeek), week: q.lastWeekRate(c.lockout.code, '1d') },
      ipBlocks(recorded)::
        'sum by (%s) (rate(%s[%s])) * 60 > %s' % [q.grouping, q.errors([q.codeMatcher(c.ipBlock.code)]), c.ipBlock.window, q.num(c.ipBlock.perMinute)],
      abnormalAccess(recorded)::
        'sum by (%s) (rate(%s[%s])) * 60 > %s' % [q.grouping, q.errors([q.codeMatcher(c.abnormalAccess.code)]), c.abnormalAccess.window, q.num(c.abnormalAccess.perMinute)],
      // Multi-window, multi-burn-rate (SRE workbook, chapter 5): a long window for significance, a
      // short one so that the alert resolves soon after the errors stop.
      burn(pairs, guardWindow, recorded)::
        std.join('\nor\n', [
          '(\n  %s > (%s * %s)\n  and\n  %s > (%s * %s)\n)' % [
            q.serverErrorRatio(p.long, recorded), q.num(p.factor), q.num(q.budget),
            q.serverErrorRatio(p.short, recorded), q.num(p.factor), q.num(q.budget),
          ]
          for p in pairs
        ]),
      burnGuarded(pairs, guardWindow, recorded)::
        '(\n%s\n)\nand on (%s)\n%s >= %s\n' % [
          std.join('\n', ['  ' + l for l in std.split(q.alerts.burn(pairs, guardWindow, recorded), '\n')]),
          q.grouping, q.responseRate(guardWindow, recorded), q.num(c.slo.minResponsesPerSecond),
        ],
      fastPairs:: [{ long: '1h', short: '5m', factor: 14.4 }, { long: '6h', short: '30m', factor: 6 }],
      slowPairs:: [{ long: '1d', short: '2h', factor: 3 }, { long: '3d', short: '6h', factor: 1 }],
      burnFast(recorded):: q.alerts.burnGuarded(q.alerts.fastPairs, '1h', recorded),
      burnSlow(recorded):: q.alerts.burnGuarded(q.alerts.slowPairs, '1d', recorded),

      // Missing metrics. Prometheus: the memory recording rules (rules.jobExported, rules.targetCounted,
      // absenceMemory above) say which jobs exported devcenter_responses_total and which targets
      // recognized responses, for as long as those jobs and targets are scraped, so the alerts fire for
      // as long as the problem lasts. Grafana-managed
      // rules cannot read recording rules: they look `absence.lookback` back in the raw counters and
      // therefore resolve once the problem is older than that.
      local T = q.by(c.absence.targetLabels),
      local up = 'up' + (if c.absence.upSelector == '' then '' else '{%s}' % c.absence.upSelector) + ' == 1',
      local J = q.by(q.absenceJobLabels),
      metricsMissing(recorded)::
        |||
          group by (%(T)s) (%(up)s)
          unless on (%(T)s)
          group by (%(T)s) (%(responses)s)
          and on (%(J)s)
          %(jobExported)s
        ||| % {
          T: T, J: J, up: up, responses: q.responses(),
          jobExported: if recorded then q.rules.jobExported
          else 'group by (%s) (present_over_time(%s[%s]))' % [J, q.responses(), c.absence.lookback],
        },
      responsesStopped(recorded)::
        |||
          %(targetCounted)s
          and on (%(T)s)
          sum by (%(T)s) (rate(%(responses)s[%(stopped)s])) == 0
          and on (%(T)s)
          %(up)s
        ||| % {
          T: T, up: up, responses: q.responses(), stopped: c.absence.stoppedFor,
          targetCounted: if recorded then q.rules.targetCounted
          else 'sum by (%s) (rate(%s[%s])) > 0' % [T, q.responses(), c.absence.lookback],
        },
    },
  },
}
