// Prometheus recording rules, named level:metric:operations and aggregated over the grouping labels.
local promql = import 'lib/promql.libsonnet';
{
  prometheusRules+:: {
    local c = $._config,
    local q = promql.new(c),
    local interval = if c.ruleInterval == null then {} else { interval: c.ruleInterval },
    groups+: [
      {
        name: 'devcenter-errors.rules',
        rules: [
          {
            record: q.rules.errorsByCode,
            expr: 'sum by (%s) (rate(%s[5m]))' % [q.by(c.groupingLabels + [c.instanceLabel, 'code', 'category', 'severity']), q.errors()],
          },
          {
            record: q.rules.responsesByOutcome,
            expr: 'sum by (%s) (rate(%s[5m]))' % [q.by(c.groupingLabels + [c.instanceLabel, 'outcome']), q.responses()],
          },
        ],
      } + interval,
      {
        name: 'devcenter-errors-slo.rules',
        rules: std.flattenArrays([
          [
            {
              record: q.rules.serverErrors(w),
              expr: 'sum by (%s) (rate(%s[%s]))' % [q.grouping, q.errors(q.badMatchers), w],
            },
            {
              record: q.rules.responses(w),
              expr: 'sum by (%s) (rate(%s[%s]))' % [q.grouping, q.responses(), w],
            },
            {
              // A ratio of sums; no server-side error series at all counts as 0, not as no data.
              record: q.rules.serverErrorRatio(w),
              expr: 'sum by (%(g)s) (%(bad)s or 0 * %(all)s) / sum by (%(g)s) (%(all)s)' % {
                g: q.grouping, bad: q.rules.serverErrors(w), all: q.rules.responses(w),
              },
            },
          ]
          for w in q.sloWindows
        ]),
      } + interval,
      {
        // The memory of DevCenterMetricsMissing and DevCenterResponsesStopped (see RUNBOOKS.md, "Metrics
        // missing"): each rule reads its own series back, so what it has seen once stays remembered
        // while the job (the target) is scraped, and across gaps shorter than `absence.remember`.
        name: 'devcenter-errors-absence.rules',
        rules: [
          {
            // Jobs that export devcenter_responses_total.
            record: q.rules.jobExported,
            expr: q.absenceMemory(q.rules.jobExported, 'group by (%s) (%s)' % [q.by(q.absenceJobLabels), q.responses()], q.absenceJobLabels),
          },
          {
            // Targets that recognized responses.
            record: q.rules.targetCounted,
            expr: q.absenceMemory(q.rules.targetCounted, 'group by (%s) (rate(%s[5m]) > 0)' % [q.by(c.absence.targetLabels), q.responses()], c.absence.targetLabels),
          },
        ],
      } + interval,
    ],
  },
}
