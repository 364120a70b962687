package dev.dcerrors.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import dev.dcerrors.core.Exchange;
import dev.dcerrors.core.ResponseCounter;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small backend in the style of the Developer Center OpenAPI, on 127.0.0.1: every answer is HTTP 200
 * with the envelope {@code {"code":..,"msg":..,"data":..,"extMsg":..}}, and every answer is logged the way
 * real backends log (a JSON string argument, a Lombok {@code toString()}, fluent key-value pairs, a
 * placeholder, a WARN with an exception). It keeps its own tally of the codes it answered: the ground
 * truth the metrics must equal.
 */
final class DevCenterBackend implements AutoCloseable {

    static final int ATTEMPTS_BEFORE_WARNING = 2;
    static final int ATTEMPTS_BEFORE_LOCK = 5;
    static final int IP_FAILURES_BEFORE_BLOCK = 30;
    static final int LIST_CALLS_PER_SECOND_BEFORE_BLOCK = 40;

    private static final Logger LOGIN = LoggerFactory.getLogger("com.example.backend.LoginController");
    private static final Logger SMS = LoggerFactory.getLogger("com.example.backend.SmsService");
    private static final Logger DEVICE = LoggerFactory.getLogger("com.example.backend.DeviceController");
    private static final Logger SHARE = LoggerFactory.getLogger("com.example.backend.ShareController");

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "backend-http");
        t.setDaemon(true);
        return t;
    });
    private final long startNanos = System.nanoTime();

    private final Map<Integer, LongAdder> tally = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<SecurityEvent> timeline = new ConcurrentLinkedQueue<>();
    private final Map<String, AtomicInteger> loginFailures = new ConcurrentHashMap<>();
    private final Map<String, Boolean> lockedAccounts = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> ipFailures = new ConcurrentHashMap<>();
    private final Map<String, Boolean> blockedIps = new ConcurrentHashMap<>();
    private final Map<String, Long> lastSmsNanos = new ConcurrentHashMap<>();
    private final Map<String, Boolean> boundDevices = new ConcurrentHashMap<>();
    private final Map<String, long[]> listCalls = new ConcurrentHashMap<>();
    private final Map<String, Boolean> abnormalIps = new ConcurrentHashMap<>();

    /** A security event for the summary's timeline. */
    record SecurityEvent(long millis, int code, String subject) {
    }

    /**
     * Sets TCP_NODELAY for the JDK's HTTP servers (this backend's and the metrics endpoint's), which otherwise wait
     * on delayed ACKs (about 40 ms a request on loopback). Call it before the first server is created: the JDK reads
     * the setting once.
     */
    static void configureHttpServer() {
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    DevCenterBackend() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.createContext("/api/v1/login", atTheSource(this::login));
        server.createContext("/api/v1/sms/send", atTheSource(this::smsSend));
        server.createContext("/api/v1/sms/verify", atTheSource(this::smsVerify));
        server.createContext("/api/v1/device/bind", atTheSource(this::deviceBind));
        server.createContext("/api/v1/device/list", atTheSource(this::deviceList));
        server.createContext("/api/v1/share/accept", atTheSource(this::shareAccept));
        server.setExecutor(executor);
        server.start();
    }

    /** The base URL, e.g. {@code http://127.0.0.1:41234}. */
    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    // ---------------------------------------------------------------- endpoints

    private void login(HttpExchange exchange) throws IOException {
        Map<String, String> q = query(exchange);
        String account = q.getOrDefault("account", "");
        String ip = clientIp(exchange);
        boolean byPhone = account.chars().allMatch(Character::isDigit);
        Envelope answer;
        if (blockedIps.containsKey(ip)) {
            answer = Envelope.error(5148);
        } else if ("correct".equals(q.get("password")) && !lockedAccounts.containsKey(account)) {
            loginFailures.remove(account);
            answer = Envelope.success("{\"token\":\"tok-" + Math.abs(account.hashCode()) + "\"}");
        } else {
            int fromIp = ipFailures.computeIfAbsent(ip, a -> new AtomicInteger()).incrementAndGet();
            if (fromIp >= IP_FAILURES_BEFORE_BLOCK) {
                if (blockedIps.putIfAbsent(ip, Boolean.TRUE) == null) {
                    timeline.add(new SecurityEvent(elapsedMillis(), 5148, "IP " + ip + " blocked after " + fromIp + " failed logins"));
                }
                answer = Envelope.error(5148);
            } else if (lockedAccounts.containsKey(account)) {
                answer = Envelope.error(5147);
            } else {
                answer = wrongPassword(account, ip, byPhone);
            }
        }
        // A JSON string argument: the most common way backends log responses.
        LOGIN.info("POST /api/v1/login account={} ip={} -> {}", account, ip, answer.toJson());
        respond(exchange, answer);
    }

    private Envelope wrongPassword(String account, String ip, boolean byPhone) {
        int failures = loginFailures.computeIfAbsent(account, a -> new AtomicInteger()).incrementAndGet();
        if (failures >= ATTEMPTS_BEFORE_LOCK) {
            if (lockedAccounts.putIfAbsent(account, Boolean.TRUE) == null) {
                timeline.add(new SecurityEvent(elapsedMillis(), 5147, "account " + account + " locked (attack from " + ip + ")"));
            }
            return Envelope.error(5147);
        }
        if (failures > ATTEMPTS_BEFORE_WARNING) {
            int left = ATTEMPTS_BEFORE_LOCK - failures;
            if (failures == ATTEMPTS_BEFORE_WARNING + 1) {
                timeline.add(new SecurityEvent(elapsedMillis(), 5146, "account " + account + " warned (" + left + " attempts left)"));
            }
            return Envelope.error(5146, left + ", You have " + left + " attempts before your account is locked.");
        }
        return Envelope.error(byPhone ? 5005 : 5012);
    }

    private void smsSend(HttpExchange exchange) throws IOException {
        String phone = query(exchange).getOrDefault("phone", "");
        long now = System.nanoTime();
        Long last = phone.isEmpty() ? null : lastSmsNanos.put(phone, now);
        Envelope answer;
        if (phone.isEmpty()) {
            answer = Envelope.error(5021); // Input mobile number.
        } else if (last != null && now - last < 300_000_000L) {
            answer = Envelope.error(5058);
        } else if (ThreadLocalRandom.current().nextInt(100) < 2) {
            answer = Envelope.error(5017);
        } else {
            answer = Envelope.success(null);
        }
        // A Lombok @Data toString(), concatenated into the message.
        SMS.info("sms send phone=" + phone + " result " + answer.toLombokString());
        respond(exchange, answer);
    }

    private void smsVerify(HttpExchange exchange) throws IOException {
        Map<String, String> q = query(exchange);
        // The request line carries the code the user typed (&code=4821): a form parameter, never counted.
        SMS.info("POST /api/v1/sms/verify?phone={}&code={}", q.get("phone"), q.get("code"));
        Envelope answer = "4821".equals(q.get("code")) ? Envelope.success(null) : Envelope.error(5003);
        SMS.info("sms verify phone=" + q.get("phone") + " result " + answer.toLombokString());
        respond(exchange, answer);
    }

    private void deviceBind(HttpExchange exchange) throws IOException {
        Map<String, String> q = query(exchange);
        String device = q.getOrDefault("pk", "") + "/" + q.getOrDefault("dk", "");
        Envelope answer;
        if (ThreadLocalRandom.current().nextInt(100) < 2) {
            answer = Envelope.error(5048);
        } else if (boundDevices.putIfAbsent(device, Boolean.TRUE) != null) {
            answer = Envelope.error(5049);
        } else {
            answer = Envelope.success(null);
        }
        // The SLF4J 2 fluent API with key-value pairs.
        DEVICE.atInfo().addKeyValue("code", answer.code()).addKeyValue("device", device).log("device bind: {}", answer.msg());
        respond(exchange, answer);
    }

    private void deviceList(HttpExchange exchange) throws IOException {
        Map<String, String> q = query(exchange);
        String ip = clientIp(exchange);
        Envelope answer;
        if (abnormalIps.containsKey(ip) || tooManyListCalls(ip)) {
            if (abnormalIps.putIfAbsent(ip, Boolean.TRUE) == null) {
                timeline.add(new SecurityEvent(elapsedMillis(), 5325, "IP " + ip + " (scraping device lists)"));
            }
            answer = Envelope.error(5325);
        } else if (!q.getOrDefault("token", "").startsWith("tok-")) {
            answer = Envelope.error(5032);
        } else if (ThreadLocalRandom.current().nextInt(100) < 1) {
            answer = Envelope.error(5000);
            // A platform error: logged at WARN with the exception.
            DEVICE.warn("GET /api/v1/device/list failed -> {}", answer.toJson(),
                    new IllegalStateException("device registry timed out after 3000 ms"));
            respond(exchange, answer);
            return;
        } else {
            answer = Envelope.success("{\"list\":[{\"pk\":\"p1\",\"dk\":\"d1\"}],\"total\":1}");
        }
        DEVICE.info("GET /api/v1/device/list -> {}", answer.toJson());
        respond(exchange, answer);
    }

    private boolean tooManyListCalls(String ip) {
        long second = (System.nanoTime() - startNanos) / 1_000_000_000L;
        long[] window = listCalls.computeIfAbsent(ip, k -> new long[] {second, 0});
        synchronized (window) {
            if (window[0] != second) {
                window[0] = second;
                window[1] = 0;
            }
            return ++window[1] > LIST_CALLS_PER_SECOND_BEFORE_BLOCK;
        }
    }

    private void shareAccept(HttpExchange exchange) throws IOException {
        String shareCode = query(exchange).getOrDefault("shareCode", "");
        Envelope answer;
        if (shareCode.startsWith("bad")) {
            answer = Envelope.error(5137);
        } else if (shareCode.startsWith("old")) {
            answer = Envelope.error(5142);
        } else {
            answer = Envelope.success(null);
        }
        // Placeholders: the code as an argument of its own.
        SHARE.info("share accept shareCode={} code={} msg={}", shareCode, answer.code(), answer.msg());
        respond(exchange, answer);
    }

    // ---------------------------------------------------------------- plumbing

    /**
     * Counting at the source, as the Spring Boot starter does it for a Spring MVC application: each request is an
     * exchange ({@link Exchange}), so the log lines a handler writes about its answer and the answer itself, counted
     * where it is sent ({@link #respond}), are one response; the answer is also counted at its endpoint
     * ({@code devcenter_endpoint_errors_total}).
     */
    private static HttpHandler atTheSource(HttpHandler handler) {
        return exchange -> {
            Exchange.beginServer();
            try {
                handler.handle(exchange);
            } finally {
                Exchange.endServer();
            }
        };
    }

    private void respond(HttpExchange exchange, Envelope answer) throws IOException {
        tally.computeIfAbsent(answer.code(), c -> new LongAdder()).increment();
        byte[] body = answer.toJson().getBytes(StandardCharsets.UTF_8);
        ResponseCounter.shared().countServerBytes(body, body.length, exchange.getRequestMethod(), exchange.getHttpContext().getPath());
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static Map<String, String> query(HttpExchange exchange) {
        Map<String, String> params = new HashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return params;
    }

    private static String clientIp(HttpExchange exchange) {
        String forwarded = exchange.getRequestHeaders().getFirst("X-Forwarded-For");
        return forwarded != null ? forwarded : exchange.getRemoteAddress().getAddress().getHostAddress();
    }

    private long elapsedMillis() {
        return (System.nanoTime() - startNanos) / 1_000_000L;
    }

    /** How many answers the backend gave with each code, 200 included. */
    SortedMap<Integer, Long> tally() {
        SortedMap<Integer, Long> copy = new TreeMap<>();
        tally.forEach((code, adder) -> copy.put(code, adder.sum()));
        return copy;
    }

    /** Lockout warnings, lockouts, IP blocks and access blocks, in order. */
    List<SecurityEvent> timeline() {
        List<SecurityEvent> events = new ArrayList<>(timeline);
        events.sort(Comparator.comparingLong(SecurityEvent::millis));
        return events;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
