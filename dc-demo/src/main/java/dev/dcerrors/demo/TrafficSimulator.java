package dev.dcerrors.demo;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Drives the backend with simulated clients: normal users throughout (logins, SMS, devices, shares, with
 * a realistic share of errors), and in the middle of the run a brute-force burst from a few addresses on a
 * few accounts plus a scraper that reads device lists too fast. Talks only to 127.0.0.1.
 */
final class TrafficSimulator {

    static final int WORKERS = 4;
    static final List<String> ATTACKED_ACCOUNTS = List.of("13800000001", "13800000002", "13800000003", "13800000004", "admin", "ops");
    static final List<String> ATTACKER_IPS = List.of("203.0.113.7", "203.0.113.8", "203.0.113.9");
    static final String SCRAPER_IP = "198.51.100.23";

    private final String baseUrl;
    private final Duration duration;
    private final int rate;
    private final long seed;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicBoolean scraperBurstDone = new AtomicBoolean();
    private volatile long startNanos;

    TrafficSimulator(String baseUrl, Duration duration, int rate, long seed) {
        this.baseUrl = baseUrl;
        this.duration = duration;
        this.rate = rate;
        this.seed = seed;
    }

    /** Runs the scenario to its end; returns how many requests were sent. */
    long run() throws InterruptedException {
        startNanos = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < WORKERS; w++) {
            SplittableRandom random = new SplittableRandom(seed * 31 + w);
            Thread t = new Thread(() -> work(random), "traffic-" + w);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        return sent.get();
    }

    /** The share of the run elapsed, 0 to 1. */
    double progress() {
        long start = startNanos;
        return start == 0 ? 0 : Math.min(1.0, (System.nanoTime() - start) / (double) duration.toNanos());
    }

    /** Whether the brute-force burst is on at this point of the run. */
    static boolean attackPhase(double progress) {
        return progress >= 0.4 && progress < 0.7;
    }

    long sent() {
        return sent.get();
    }

    long failedRequests() {
        return failed.get();
    }

    private void work(SplittableRandom random) {
        long intervalNanos = 1_000_000_000L * WORKERS / rate;
        long next = System.nanoTime();
        long end = startNanos + duration.toNanos();
        while (System.nanoTime() < end) {
            double progress = progress();
            if (attackPhase(progress) && scraperBurstDone.compareAndSet(false, true)) {
                for (int i = 0; i < 2 * DevCenterBackend.LIST_CALLS_PER_SECOND_BEFORE_BLOCK + 10; i++) { // over the limit within one second
                    call("/api/v1/device/list", SCRAPER_IP, "token", "tok-scraper");
                }
            }
            if (attackPhase(progress) && random.nextBoolean()) {
                attack(random);
            } else {
                normalUser(random);
            }
            next += intervalNanos;
            long sleep = next - System.nanoTime();
            if (sleep > 0) {
                try {
                    Thread.sleep(sleep / 1_000_000L, (int) (sleep % 1_000_000L));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void attack(SplittableRandom random) {
        String account = ATTACKED_ACCOUNTS.get(random.nextInt(ATTACKED_ACCOUNTS.size()));
        String ip = ATTACKER_IPS.get(random.nextInt(ATTACKER_IPS.size()));
        if (random.nextInt(10) == 0) {
            call("/api/v1/device/list", SCRAPER_IP, "token", "tok-scraper");
        } else {
            call("/api/v1/login", ip, "account", account, "password", "guess" + random.nextInt(100_000));
        }
    }

    private void normalUser(SplittableRandom random) {
        int user = random.nextInt(50);
        String phone = "139" + String.format("%08d", user);
        String ip = "192.0.2." + (user + 1);
        int action = random.nextInt(100);
        if (action < 40) {
            boolean typo = random.nextInt(100) < 8;
            call("/api/v1/login", ip, "account", random.nextInt(5) == 0 ? "user" + user : phone, "password", typo ? "typo" : "correct");
        } else if (action < 55) {
            call("/api/v1/sms/send", ip, "phone", random.nextInt(100) < 3 ? "" : phone); // an app bug now and then
        } else if (action < 65) {
            call("/api/v1/sms/verify", ip, "phone", phone, "code", random.nextInt(100) < 90 ? "4821" : "1234");
        } else if (action < 80) {
            call("/api/v1/device/bind", ip, "pk", "p" + random.nextInt(5), "dk", "d" + random.nextInt(400));
        } else if (action < 93) {
            call("/api/v1/device/list", ip, "token", random.nextInt(100) < 5 ? "expired-" + user : "tok-" + user);
        } else {
            int kind = random.nextInt(100);
            call("/api/v1/share/accept", ip, "shareCode", (kind < 10 ? "bad" : kind < 15 ? "old" : "s") + random.nextInt(1000));
        }
    }

    private void call(String path, String ip, String... params) {
        StringBuilder url = new StringBuilder(baseUrl).append(path).append('?');
        for (int i = 0; i < params.length; i += 2) {
            url.append(i == 0 ? "" : "&").append(params[i]).append('=').append(URLEncoder.encode(params[i + 1], StandardCharsets.UTF_8));
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(url.toString()))
                .header("X-Forwarded-For", ip)
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();
        try {
            client.send(request, HttpResponse.BodyHandlers.discarding());
            sent.incrementAndGet();
        } catch (IOException e) {
            failed.incrementAndGet();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
