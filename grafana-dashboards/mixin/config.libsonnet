// Everything a user may want to change, in one place. Override with
//   (import 'mixin.libsonnet') + { _config+:: { groupingLabels: ['cluster', 'namespace', 'job'] } }
// or pass the object to generate.jsonnet: jsonnet -J mixin --tla-code-file config=my-config.libsonnet ...
{
  _config+:: {
    // Extra label matchers added to every devcenter_* selector, e.g. 'namespace="prod"'. Empty: none.
    selector: '',

    // Labels every rule and panel aggregates by. `job` is the default; add the target labels or common
    // tags your fleet uses, e.g. ['cluster', 'namespace', 'application', 'job']. Each one becomes a
    // dashboard variable, and the recording rules keep them.
    groupingLabels: ['job'],
    // The first part of the recording rules' names (level:metric:operations). Derived from the labels.
    levelName: std.join('_', self.groupingLabels),
    // The label that names one scraped process.
    instanceLabel: 'instance',
    // Evaluation interval of the rule groups; null: Prometheus's global evaluation_interval.
    ruleInterval: null,

    // Alert severities (label `severity`): page someone now, open a ticket, or only inform.
    severities: { page: 'critical', ticket: 'warning', info: 'info' },
    // Labels added to every alert, for routing: e.g. { team: 'identity', component: 'devcenter-errors' }.
    alertLabels: { component: 'devcenter-errors' },
    // runbook_url of an alert: this base, '#', the alert's name in lower case (RUNBOOKS.md's anchors).
    runbookUrlBase: 'https://github.com/dcerrors/dc-error-analytics/blob/main/grafana-dashboards/RUNBOOKS.md',

    // Account lockouts (5147). Page: a sustained attack, above the absolute floor AND above a multiple
    // of the same day last week (the floor alone where there is no history). Ticket: a slow, long attack.
    lockout: {
      code: '5147',
      warningCode: '5146',  // "X attempts left": on the dashboard as an early signal, never an alert
      pagePerMinute: 1.5,  // lockouts per minute, averaged over 5 minutes (7.5 in 5 minutes)
      pageTimesLastWeek: 10,  // and more than this many times the rate of the same day a week ago
      pageFor: '0m',  // the 5-minute average smooths bursts already; a pending minute only delayed the page (issue 23: within 7 minutes)
      pageKeepFiringFor: '15m',  // keeps the page open through the lulls of an attack
      ticketPerHour: 20,  // lockouts in the last hour
      ticketTimesLastWeek: 5,
      ticketFor: '15m',
    },
    // IP address blocked for 20 minutes (5148) and access blocked for 24 hours after abnormal
    // behaviour (5325): every answer to a blocked caller counts, and the counters have no address
    // label, so one client cannot be told from many except by the rate. One client retrying every
    // 2 to 5 seconds for its whole block sends 12 to 30 answers a minute, for 20 minutes (5148) or
    // all day (5325), and may be blocked again when the block ends: a longer window or `for` does
    // not help, only a floor above what one client produces does. 60 a minute (one a second) is
    // twice one client retrying every 2 s; a wave of blocked addresses (credential stuffing,
    // a scraper farm) answers several a second and trips it. Below it: at most two clients
    // retrying every 2 s, or one retrying every second; the Security dashboard shows those.
    ipBlock: { code: '5148', window: '10m', perMinute: 60, 'for': '10m' },
    abnormalAccess: { code: '5325', window: '30m', perMinute: 60, 'for': '5m' },

    // SLO on server-side errors. Bad events: codes of these severities outside these categories
    // (security rejections and user mistakes are not the service failing). Good + bad: every
    // recognized response (devcenter_responses_total).
    slo: {
      target: 0.995,
      badSeverities: ['error', 'critical'],
      excludedCategories: ['security'],
      // A burn-rate alert needs at least this many recognized responses per second over its long
      // window: a quiet service does not page on two errors.
      minResponsesPerSecond: 0.05,
      fastFor: '2m',
      slowFor: '15m',
    },

    // Missing metrics: a target that is up but exports no devcenter_responses_total although its job
    // did; a target that is up, had recognized responses, and recognized none for `stoppedFor`.
    // "Did" and "had": the Prometheus rules remember it with recording rules that read their own series
    // back, for as long as the job (the target) has an `up` series and across gaps of up to `remember`
    // (a job scaled to zero for a weekend, Prometheus down for a while), so these alerts keep firing
    // for as long as the problem lasts. Each evaluation reads up to `remember` of those series (one per
    // job, one per target; cheap, constant 1s): shorten it on a very large fleet, but keep it longer
    // than any gap you want bridged. The Grafana-managed twins cannot use recording rules: they look
    // `lookback` back in the raw counters, so they resolve once the problem is older than `lookback`.
    absence: {
      targetLabels: ['job', 'instance'],  // the labels that name a scrape target (add `cluster` across clusters)
      upSelector: '',  // extra matchers on `up`, e.g. 'job=~"backend|payments"'
      remember: '30d',
      lookback: '1d',  // Grafana-managed rules only
      stoppedFor: '30m',
      'for': '10m',
    },

    // Responses counted at their source (devcenter_endpoint_errors_total): the label naming the endpoint
    // (`METHOD <route template>` on the server, the URI template or `METHOD host` on a client, `other`
    // beyond the application's max-endpoints), the label telling answered (`server`) from received
    // (`client`) responses, and how many endpoints the by-endpoint panels show at most.
    endpoints: { endpointLabel: 'endpoint', sideLabel: 'side', topk: 10 },

    // Failed-login codes: the Security dashboard's panels and RUNBOOKS.md list exactly these.
    failedLoginCodes: ['5005', '5008', '5012', '5028', '5097', '5144'],

    grafana: {
      minimumVersion: '10.0',
      schemaVersion: 38,  // Grafana 10.0's dashboard schema; newer versions migrate it on load
      tags: ['dc-errors', 'developer-center'],
      overviewUid: 'dc-errors-overview',
      securityUid: 'dc-errors-security',
      // Dashboards: one folder, created by the dashboard provider with this uid. Alert rules: their
      // own folder title, so alerting (provisioned first) never creates a folder of the same title.
      dashboardFolderTitle: 'DC Errors',
      dashboardFolderUid: 'dc-errors',
      alertFolderTitle: 'DC Errors alerts',
      dashboardPath: '/var/lib/grafana/dashboards/dc-errors',
      // The Prometheus data source: provisioned under its own name and uid, never the default, its
      // URL read from this environment variable of the Grafana process.
      datasourceName: 'DC Errors Prometheus',
      datasourceUid: 'dc-errors-prometheus',
      datasourceUrlEnv: 'DC_ERRORS_PROMETHEUS_URL',
      // Optional Loki data source for the "logs of this code" links; its stream selector.
      lokiStreamSelector: '{job=~"$job"}',
      alertGroupInterval: '1m',
      scrapeInterval: '15s',  // the data source's scrape interval, the base of $__rate_interval
      // Example routing: critical and warning to their contact points (replace the addresses).
      contactPoints: {
        critical: { name: 'dc-errors-oncall', type: 'email', settings: { addresses: 'oncall@example.com' } },
        warning: { name: 'dc-errors-tickets', type: 'email', settings: { addresses: 'backend-team@example.com' } },
      },
    },
  },
}
