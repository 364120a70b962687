#!/usr/bin/env python3
"""Writes sample logs of a backend for trying dc-cli: three days up to now, Logback's default pattern, rotated
as app.log, app.log.1.gz and app.log.2.gz. Ordinary traffic (mostly successes, wrong passwords, missing
input), a night with a brute-force attack (attempt warnings, lockouts, IP blocks, an abnormal-access block)
and half an hour of platform errors. Usage: sample-logs.py DIR [SEED]"""
import datetime
import gzip
import os
import random
import sys

directory = sys.argv[1]
random.seed(int(sys.argv[2]) if len(sys.argv) > 2 else 16)
os.makedirs(directory, exist_ok=True)
now = datetime.datetime.now().replace(microsecond=0)
start = (now - datetime.timedelta(days=3)).replace(minute=0, second=0)
attack = start + datetime.timedelta(days=1, hours=26 - start.hour)    # 02:00 on the second night
outage = start + datetime.timedelta(days=2, hours=14 - start.hour)    # 14:00 on the third day

ordinary = [(200, 'success')] * 90 + [(5005, 'Incorrect mobile number or password.')] * 6 + \
           [(5021, 'Input mobile number.')] * 3 + [(5049, 'The device is bound.')]


def stamp(t):
    return t.strftime('%Y-%m-%d %H:%M:%S.') + '%03d' % (t.microsecond // 1000)


def event(t):
    thread = 'http-nio-8080-exec-%d' % random.randint(1, 12)
    head = '%s [%s] ' % (stamp(t), thread)
    if attack <= t < attack + datetime.timedelta(minutes=12):
        roll = random.random()
        code, msg = ((5146, 'X, You have X attempts before your account is locked.') if roll < 0.7 else
                     (5147, 'Your account has been temporarily locked. Please try again after 20 minutes.') if roll < 0.9 else
                     (5148, 'The current IP address is blocked. Please try again after 20 minutes.') if roll < 0.995 else
                     (5325, 'Due to the abnormal behavior from the page you currently accessed, there may be security risks.'))
        return head + 'WARN  c.e.api.LoginController - login rejected {"code":%d,"msg":"%s"}\n' % (code, msg)
    if outage <= t < outage + datetime.timedelta(minutes=30) and random.random() < 0.3:
        return (head + 'ERROR c.e.api.DeviceController - upstream failed {"code":5000,"msg":"Service exception."}\n'
                'java.net.SocketTimeoutException: Read timed out\n'
                '\tat java.base/java.net.SocketInputStream.read(SocketInputStream.java:183)\n'
                '\tat com.example.api.DeviceController.list(DeviceController.java:57)\n')
    roll = random.random()
    if roll < 0.5:
        return head + 'INFO  c.e.api.AccessLog - GET /api/devices took %d ms\n' % random.randint(3, 300)
    code, msg = random.choice(ordinary)
    if roll < 0.9:
        return head + 'INFO  c.e.api.Client - response {"code":%d,"msg":"%s"}\n' % (code, msg)
    if code == 200:
        return head + 'INFO  c.e.api.Client - response body:\n{\n  "code": 200,\n  "msg": "success"\n}\n'
    return head + 'WARN  c.e.api.LoginController - Login failed code=%d for user u%d\n' % (code, random.randint(1, 999))


files = [(os.path.join(directory, 'app.log.2.gz'), start, start + datetime.timedelta(days=1)),
         (os.path.join(directory, 'app.log.1.gz'), start + datetime.timedelta(days=1), start + datetime.timedelta(days=2)),
         (os.path.join(directory, 'app.log'), start + datetime.timedelta(days=2), now)]
for path, begin, end in files:
    out = gzip.open(path, 'wt', encoding='utf-8') if path.endswith('.gz') else open(path, 'w', encoding='utf-8')
    t = begin
    while t < end:
        in_attack = attack <= t < attack + datetime.timedelta(minutes=12)
        t += datetime.timedelta(milliseconds=random.randint(50, 400) if in_attack else random.randint(500, 6000))
        out.write(event(t))
    out.close()
    print(path)
