#!/usr/bin/env python3
"""Writes a Logback-style log of about SIZE bytes (default 1 GiB) to PATH for dc-cli's throughput benchmark:
60% access lines without a code, 20% response envelopes, 12% code=N prose, 8% errors with stack traces."""
import random, datetime, sys
path = sys.argv[1]
target = int(sys.argv[2]) if len(sys.argv) > 2 else 1 << 30
random.seed(1)
out = open(path, 'w', buffering=1<<20)
t = datetime.datetime(2024, 5, 1, 0, 0, 0)
codes = [5005, 5021, 5000, 5049, 5146, 5147, 5148, 5325, 4321, 200, 200, 200]
size = 0
i = 0
while size < target:
    i += 1
    t += datetime.timedelta(milliseconds=random.randint(1, 400))
    ts = t.strftime('%Y-%m-%d %H:%M:%S.') + '%03d' % (t.microsecond // 1000)
    r = random.random()
    th = 'http-nio-8080-exec-%d' % random.randint(1, 32)
    if r < 0.60:
        line = f'{ts} [{th}] INFO  c.e.api.AccessLog - GET /api/devices/{i}/status?verbose=false took {random.randint(1,900)} ms, user agent okhttp/4.12.0, tenant acme-{i % 97}\n'
    elif r < 0.80:
        c = random.choice(codes)
        line = f'{ts} [{th}] INFO  c.e.api.Client - response {{"code":{c},"msg":"upstream message for {i}","data":{{"id":{i},"name":"device-{i % 1000}"}}}}\n'
    elif r < 0.92:
        c = random.choice(codes)
        line = f'{ts} [{th}] WARN  c.e.api.LoginController - Login failed code={c} for user u{i} from 10.0.{i % 255}.{i % 13}\n'
    else:
        c = random.choice(codes)
        line = (f'{ts} [{th}] ERROR c.e.api.DeviceController - request failed {{"code":{c},"msg":"failed"}}\n'
                'java.lang.IllegalStateException: upstream failed\n'
                '\tat com.example.api.DeviceController.bind(DeviceController.java:42)\n'
                '\tat org.springframework.web.servlet.FrameworkServlet.service(FrameworkServlet.java:885)\n'
                '\tat java.base/java.lang.Thread.run(Thread.java:840)\n')
    out.write(line)
    size += len(line)
out.close()
