package dev.dcerrors.spring;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

/**
 * A Developer Center stand-in on 127.0.0.1: a real HTTP server (the JDK's) that answers envelopes, and bodies that
 * hold none or are hard to read.
 */
final class Upstream implements AutoCloseable {

    /** What the SMS login answers, and {@code /v2/users/...} with status 400. */
    static final String LOCKED = "{\"code\":5147,\"msg\":\"Your account has been temporarily locked.\",\"data\":null}";
    /** A body of 200 KB whose code is at its start. */
    static final String HUGE = "{\"code\":5325,\"msg\":\"blocked\",\"data\":\"" + "a".repeat(200_000) + "\"}";
    /** A body whose code lies past the first 64 K characters (maxScanChars). */
    static final String CODE_PAST_THE_LIMIT = "{\"data\":\"" + "b".repeat(100_000) + "\",\"code\":5000,\"msg\":\"Service exception.\"}";

    /** What {@code /gzip} answers, compressed. */
    static final String GZIPPED = "{\"code\":5146,\"msg\":\"X, You have X attempts before your account is locked.\"}";

    private final HttpServer server;

    Upstream() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v2/enduser/enduserapi/smsLogin", e -> {
            e.getRequestBody().readAllBytes(); // {"phone":...,"code":"5148"}: the SMS code of the request
            answer(e, "application/json", LOCKED);
        });
        // A 4xx with an envelope: Spring's clients throw an HttpClientErrorException that carries the body.
        server.createContext("/v2/users/", e -> answer(e, 400, "application/json", LOCKED.getBytes(StandardCharsets.UTF_8)));
        server.createContext("/v2/devices/", e -> answer(e, "application/json", "{\"code\":5021,\"msg\":\"Input mobile number.\"}"));
        server.createContext("/ok", e -> answer(e, "application/json", "{\"code\":200,\"msg\":\"success\",\"data\":{\"token\":\"t\"}}"));
        server.createContext("/notjson", e -> answer(e, "text/html", "<html><body>maintenance</body></html>"));
        server.createContext("/empty", e -> {
            e.sendResponseHeaders(200, -1);
            e.close();
        });
        server.createContext("/gzip", e -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
                gzip.write(GZIPPED.getBytes(StandardCharsets.UTF_8));
            }
            e.getResponseHeaders().set("Content-Encoding", "gzip");
            answer(e, "application/json", out.toByteArray());
        });
        server.createContext("/huge", e -> answer(e, "application/json", HUGE));
        server.createContext("/late", e -> answer(e, "application/json", CODE_PAST_THE_LIMIT));
        server.createContext("/events", e -> answer(e, "text/event-stream", "data: {\"code\":5148,\"msg\":\"blocked\"}\n\n"));
        server.start();
    }

    private static void answer(HttpExchange e, String type, String body) throws IOException {
        answer(e, type, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void answer(HttpExchange e, String type, byte[] body) throws IOException {
        answer(e, 200, type, body);
    }

    private static void answer(HttpExchange e, int status, String type, byte[] body) throws IOException {
        e.getResponseHeaders().set("Content-Type", type);
        e.sendResponseHeaders(status, body.length);
        try (OutputStream out = e.getResponseBody()) {
            out.write(body);
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
