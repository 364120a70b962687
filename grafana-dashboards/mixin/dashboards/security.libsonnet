local promql = import '../lib/promql.libsonnet';
local lib = import 'lib.libsonnet';
{
  grafanaDashboards+:: {
    local c = $._config,
    local q = promql.new(c),
    local g = lib.new(c),
    local raw(codes) = q.errors(g.instanceFilter + [q.codeMatcher(codes)]),
    local count(id, x, title, code, text) = g.stat(
      id, title, text, [x, 0, 6, 4], 'sum(increase(%s[$__range]))' % raw(code), 'short', [[1, 'red']], 0
    ),
    local perMinute(codes, offset='') = 'sum by (code) (rate(%s[$__rate_interval]%s)) * 60' % [raw(codes), offset],
    local failed = c.failedLoginCodes,
    local byEndpoint(id, x, title, codes, text) = g.timeseries(id, title, text, [x, 30, 8, 8], [
      g.target(q.byEndpointPerMinute(g.instanceFilter + [q.codeMatcher(codes)]),
               '{{%s}} {{%s}}' % [c.endpoints.sideLabel, c.endpoints.endpointLabel]),
    ], 'cpm'),

    'dc-errors-security.json': g.dashboard(
      c.grafana.securityUid,
      'DC Errors — Security',
      'Account lockouts, IP blocks, abnormal-access blocks and failed logins recognized in the backend logs, against the same time last week. Needs Grafana %s or newer.' % c.grafana.minimumVersion,
      [
        count(1, 0, 'Lockout warnings (%s)' % c.lockout.warningCode, c.lockout.warningCode, |||
          Answers with code %s ("X attempts before your account is locked") over the dashboard's time range. The early signal of a lockout wave: warnings rise before lockouts do. Shown here, never alerted on.
        ||| % c.lockout.warningCode),
        count(2, 6, 'Lockouts (%s)' % c.lockout.code, c.lockout.code, |||
          Answers with code %s (account temporarily locked for 20 minutes) over the dashboard's time range. A few an hour are users who forgot their password; the lockout alerts page above %g a minute and open a ticket above %g an hour.
        ||| % [c.lockout.code, c.lockout.pagePerMinute, c.lockout.ticketPerHour]),
        count(3, 12, 'IP blocks (%s)' % c.ipBlock.code, c.ipBlock.code, |||
          Answers with code %s (IP address blocked for 20 minutes) over the dashboard's time range. Every answer to a blocked address counts, so one address retrying gives many.
        ||| % c.ipBlock.code),
        count(4, 18, 'Abnormal-access blocks (%s)' % c.abnormalAccess.code, c.abnormalAccess.code, |||
          Answers with code %s (access blocked for 24 hours after abnormal behaviour) over the dashboard's time range. Never expected from a well-behaved client.
        ||| % c.abnormalAccess.code),

        g.timeseries(5, 'Lockout warnings and lockouts per minute, against last week', |||
          Codes %s (warnings) and %s (lockouts) per minute, and the same codes one week earlier (dashed). The dashed red line is the lockout page's floor (%g a minute over 5 minutes; it also needs %g times last week's rate).
        ||| % [c.lockout.warningCode, c.lockout.code, c.lockout.pagePerMinute, c.lockout.pageTimesLastWeek], [0, 4, 12, 8], [
          g.target(perMinute([c.lockout.warningCode, c.lockout.code]), '{{code}}'),
          g.target(perMinute([c.lockout.warningCode, c.lockout.code], ' offset 1w'), '{{code}} last week', refId='B'),
        ], 'cpm', thresholdLine=c.lockout.pagePerMinute),
        g.timeseries(6, 'IP and abnormal-access blocks per minute, against last week', |||
          Codes %s (IP blocked) and %s (access blocked for 24 hours) per minute, and the same codes one week earlier (dashed). The dashed red line is the IP-block ticket's threshold (%g a minute over %s; the abnormal-access ticket's is %g a minute over %s), above what one client retrying every 2 seconds produces (30 a minute).
        ||| % [c.ipBlock.code, c.abnormalAccess.code, c.ipBlock.perMinute, c.ipBlock.window, c.abnormalAccess.perMinute, c.abnormalAccess.window], [12, 4, 12, 8], [
          g.target(perMinute([c.ipBlock.code, c.abnormalAccess.code]), '{{code}}'),
          g.target(perMinute([c.ipBlock.code, c.abnormalAccess.code], ' offset 1w'), '{{code}} last week', refId='B'),
        ], 'cpm', thresholdLine=c.ipBlock.perMinute),
        g.timeseries(7, 'Failed logins by code', |||
          Failed logins per second by code (%s: wrong password or user name, failed authentication). Users' mistakes, not the service failing: outside the SLO. A rise together with lockouts is an attack.
        ||| % std.join(', ', failed), [0, 12, 12, 8], [
          g.target('sum by (code) (rate(%s[$__rate_interval]))' % raw(failed), '{{code}}'),
        ], 'cps', stack=true),
        g.timeseries(8, 'Failed logins by instance', |||
          Failed logins per second (codes %s), one line per instance: an attack spreads over the instances behind the load balancer; one instance alone points to its callers or its configuration.
        ||| % std.join(', ', failed), [12, 12, 12, 8], [
          g.target('sum by (%s) (rate(%s[$__rate_interval]))' % [c.instanceLabel, raw(failed)], '{{%s}}' % c.instanceLabel),
        ], 'cps'),

        g.row(9, 'Drill-down: the selected codes ($code)', 20),
        g.timeseries(10, 'Selected codes per minute, against last week', |||
          The codes chosen in the code variable (the Top error codes table links here with its code) per minute, and one week earlier (dashed).
        |||, [0, 21, 24, 8], [
          g.target('sum by (code) (rate(%s[$__rate_interval])) * 60' % q.errors(g.codeFilter), '{{code}}'),
          g.target('sum by (code) (rate(%s[$__rate_interval] offset 1w)) * 60' % q.errors(g.codeFilter), '{{code}} last week', refId='B'),
        ], 'cpm'),

        g.row(11, 'By endpoint: which endpoint is being attacked', 29),
        byEndpoint(12, 0, 'Lockouts and warnings per minute by endpoint', [c.lockout.code, c.lockout.warningCode], |||
          Codes %s and %s per minute by endpoint and side (server: answered by this service, METHOD and route template; client: received from the Developer Center, URI template or host), the %d busiest. Counted where the responses are answered or received (devcenter_endpoint_errors_total); a response seen only in a log has no endpoint.
        ||| % [c.lockout.code, c.lockout.warningCode, c.endpoints.topk]),
        byEndpoint(13, 8, 'IP and abnormal-access blocks per minute by endpoint', [c.ipBlock.code, c.abnormalAccess.code], |||
          Codes %s and %s per minute by endpoint and side, the %d busiest.
        ||| % [c.ipBlock.code, c.abnormalAccess.code, c.endpoints.topk]),
        byEndpoint(14, 16, 'Endpoints with failed logins, per minute', failed, |||
          Failed logins (codes %s) per minute by endpoint and side, the %d busiest.
        ||| % [std.join(', ', failed), c.endpoints.topk]),
      ]
    ),
  },
}
