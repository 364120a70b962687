#!/usr/bin/env python3
"""Writes about SIZE bytes (default 1 GiB) of a realistic mix of log lines to PATH for dc-cli's throughput
benchmark (BENCHMARKS.md, "dc-cli throughput"). By events:

  36%  Logback access lines without a code
  14%  Logback lines with a code-first response envelope, {"code":N,"msg":…,"data":{…}}, body 200 B to 4 KB
  12%  Logback lines with an envelope whose msg comes after its data (MyBatis-Plus R): {"code":N,"data":{…},"msg":…}
   8%  Logback lines with a request body whose code key comes last: {"items":[…],…,"code":"5001"} (counts nothing)
  12%  logstash-logback-encoder JSON lines whose message holds an escaped envelope (msg after data)
   6%  Logback lines with code=N prose
   6%  errors with a Spring-sized stack trace (20 to 60 frames, a Caused by)
   6%  Logback lines with a pretty-printed envelope on the lines after them

Seeded: the same SIZE gives the same file."""
import datetime
import random
import sys

path = sys.argv[1]
target = int(sys.argv[2]) if len(sys.argv) > 2 else 1 << 30
rnd = random.Random(1)
CODES = [5005, 5021, 5000, 5049, 5146, 5147, 5148, 5325, 4321, 5032, 200, 200, 200, 200, 200, 200]
STATUSES = ['ONLINE', 'OFFLINE', 'PAIRING', 'UPDATING']
LOGGERS = ['c.e.api.DeviceClient', 'c.e.api.UserClient', 'c.e.gateway.DcGateway', 'c.e.api.OrderService']
FRAMES = ['com.example.api.DeviceController.bind(DeviceController.java:%d)',
          'com.example.api.DeviceService.pair(DeviceService.java:%d)',
          'org.springframework.web.client.RestTemplate.doExecute(RestTemplate.java:%d)',
          'org.springframework.web.servlet.FrameworkServlet.service(FrameworkServlet.java:%d)',
          'org.springframework.web.servlet.DispatcherServlet.doDispatch(DispatcherServlet.java:%d)',
          'org.apache.catalina.core.ApplicationFilterChain.internalDoFilter(ApplicationFilterChain.java:%d)',
          'org.apache.catalina.core.StandardWrapperValve.invoke(StandardWrapperValve.java:%d)',
          'org.apache.tomcat.util.net.NioEndpoint$SocketProcessor.doRun(NioEndpoint.java:%d)',
          'java.base/java.util.concurrent.ThreadPoolExecutor.runWorker(ThreadPoolExecutor.java:%d)',
          'java.base/java.lang.Thread.run(Thread.java:%d)']


def record(i):
    return ('{"id":%d,"name":"device-%d","status":"%s","firmware":"2.%d.%d","updatedAt":"2024-05-01T%02d:%02d:00Z",'
            '"tags":["home","%s"]}' % (i, i % 1000, rnd.choice(STATUSES), i % 9, i % 31, i % 24, i % 60, rnd.choice(STATUSES).lower()))


def data(i):
    """A data object of 200 B to 4 KB: a page of records."""
    n = rnd.choice([1, 1, 2, 3, 4, 6, 10, 16, 24])
    return '{"total":%d,"records":[%s]}' % (n, ','.join(record(i + k) for k in range(n)))


# A pool of bodies, so that generating a GiB stays quick; ids still differ per line through the prefix.
POOL = [data(k * 37) for k in range(400)]


def msg(c):
    return 'ok' if c == 200 else 'upstream refused the call (%d)' % c


def frames(n):
    return ''.join('\tat ' + (rnd.choice(FRAMES) % rnd.randint(40, 2000)) + '\n' for _ in range(n))


out = open(path, 'w', buffering=1 << 20)
t = datetime.datetime(2024, 5, 1, 0, 0, 0)
size = 0
i = 0
while size < target:
    i += 1
    t += datetime.timedelta(milliseconds=rnd.randint(1, 60))
    ts = t.strftime('%Y-%m-%d %H:%M:%S.') + '%03d' % (t.microsecond // 1000)
    th = 'http-nio-8080-exec-%d' % rnd.randint(1, 64)
    head = '%s [%s] %%s %s - ' % (ts, th, rnd.choice(LOGGERS))
    r = rnd.random()
    c = rnd.choice(CODES)
    if r < 0.36:
        line = (head % 'INFO ') + 'GET /api/devices/%d/status?verbose=false took %d ms, user agent okhttp/4.12.0, tenant acme-%d\n' % (
            i, rnd.randint(1, 900), i % 97)
    elif r < 0.50:
        line = (head % 'INFO ') + 'DC response {"code":%d,"msg":"%s","data":%s}\n' % (c, msg(c), rnd.choice(POOL))
    elif r < 0.62:
        line = (head % 'WARN ') + 'DC call returned {"code":%d,"data":%s,"msg":"%s"}\n' % (c, rnd.choice(POOL), msg(c))
    elif r < 0.70:
        line = (head % 'INFO ') + 'DC request {"items":%s,"countryCode":"86","phone":"1380013%04d","code":"%d"}\n' % (
            rnd.choice(POOL), i % 10000, rnd.randint(1000, 9999))
    elif r < 0.82:
        body = '{"code":%d,"data":%s,"msg":"%s"}' % (c, rnd.choice(POOL), msg(c))
        iso = t.strftime('%Y-%m-%dT%H:%M:%S.') + '%03d+02:00' % (t.microsecond // 1000)
        line = ('{"@timestamp":"%s","@version":"1","message":"DC response %s","logger_name":"com.example.api.DeviceClient",'
                '"thread_name":"%s","level":"WARN","level_value":30000}\n') % (iso, body.replace('"', '\\"'), th)
    elif r < 0.88:
        line = (head % 'WARN ') + 'Login failed code=%d for user u%d from 10.0.%d.%d\n' % (c, i, i % 255, i % 13)
    elif r < 0.94:
        line = ((head % 'ERROR') + 'request %d failed\n' % i
                + 'org.springframework.web.client.HttpServerErrorException$BadGateway: 502 Bad Gateway\n'
                + frames(rnd.randint(10, 30))
                + 'Caused by: java.net.SocketTimeoutException: Read timed out\n'
                + frames(rnd.randint(10, 30))
                + '\t... 42 common frames omitted\n')
    else:
        line = ((head % 'WARN ') + 'DC response:\n{\n  "code" : %d,\n  "msg" : "%s",\n  "data" : {\n    "id" : %d,\n'
                '    "name" : "device-%d"\n  }\n}\n') % (c, msg(c), i, i % 1000)
    out.write(line)
    size += len(line)
out.close()
