package dev.dcerrors.log4j2;

import java.util.Map;
import java.util.TreeMap;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.message.Message;
import org.apache.logging.log4j.message.ObjectMessage;
import org.apache.logging.log4j.message.ParameterizedMessage;
import org.apache.logging.log4j.message.SimpleMessage;
import org.apache.logging.log4j.message.StringMapMessage;
import org.slf4j.MDC;

/**
 * Log calls with known codes, as applications make them, through log4j-api and through SLF4J bound to Log4j2. Each
 * replay returns how often each code must have been counted: once per call that carries it, whatever the path.
 * Loggers are at INFO; DEBUG calls and level probes must count nothing.
 */
final class Corpus {

    static final String LOCKED = "{\"code\":5147,\"msg\":\"Your account has been temporarily locked.\"}";
    static final String ATTEMPTS = "{\"code\":5146,\"msg\":\"X, You have X attempts before your account is locked.\"}";
    static final String BLOCKED = "{\"code\":5148,\"msg\":\"The current IP address is blocked. Please try again after 20 minutes.\"}";
    static final String SERVICE = "{\"code\":5000,\"msg\":\"Service exception.\"}";
    static final String OK = "{\"code\":200,\"msg\":\"success\"}";

    /** A response DTO as applications log it: a code and a message, read through the getters. */
    public static final class LoginResponse {
        private final Integer code;
        private final String msg;

        LoginResponse(Integer code, String msg) {
            this.code = code;
            this.msg = msg;
        }

        public Integer getCode() {
            return code;
        }

        public String getMsg() {
            return msg;
        }
    }

    /** Expected counts per code. */
    static final class Expected {
        final Map<Integer, Long> counts = new TreeMap<>();

        void add(int code, int times) {
            counts.merge(code, (long) times, Long::sum);
        }
    }

    private Corpus() {
    }

    /** The log4j-api calls, each path once. */
    static Map<Integer, Long> replay(Logger log) {
        Expected e = new Expected();
        log.info(LOCKED);                                                   // String: the varargs overload, no parameters
        e.add(5147, 1);
        log.info("response {}", ATTEMPTS);                                  // p0
        e.add(5146, 1);
        log.warn("user {} got {}", "u-17", BLOCKED);                        // p0, p1
        e.add(5148, 1);
        log.error("{} {} {} {} {} {} {} {} {} {}", 1, 2, 3, 4, 5, 6, 7, 8, 9, SERVICE); // p0..p9
        e.add(5000, 1);
        log.info("{} {} {} {} {} {} {} {} {} {} {}", 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, LOCKED); // eleven: varargs
        e.add(5147, 1);
        log.info("login failed code={}", 5146);                             // code={} resolved from its argument
        e.add(5146, 1);
        log.info("response {} then {}", LOCKED, LOCKED);                    // the same code twice in one call: once
        e.add(5147, 1);
        log.info(new ParameterizedMessage("response {}", BLOCKED));         // Message
        e.add(5148, 1);
        log.info((Message) new SimpleMessage(SERVICE));
        e.add(5000, 1);
        log.info(new StringMapMessage().with("code", "5146").with("msg", "X, You have X attempts before your account is locked."));
        e.add(5146, 1);
        log.info(new ObjectMessage(new LoginResponse(5147, "Your account has been temporarily locked.")));
        e.add(5147, 1);
        log.info(new LoginResponse(5148, "The current IP address is blocked."));  // Object
        e.add(5148, 1);
        log.info("login {}", new LoginResponse(5000, "Service exception."));     // DTO argument
        e.add(5000, 1);
        log.info((CharSequence) new StringBuilder(LOCKED));                      // CharSequence
        e.add(5147, 1);
        log.info(OK);                                                            // a success
        e.add(200, 1);
        log.atInfo().log("response {}", ATTEMPTS);                               // LogBuilder
        e.add(5146, 1);
        log.atWarn().withThrowable(new IllegalStateException("x")).log("response {}", BLOCKED);
        e.add(5148, 1);
        log.atError().log(LOCKED);
        e.add(5147, 1);
        log.error("call failed: " + SERVICE, new IllegalStateException("boom")); // String with a throwable
        e.add(5000, 1);
        log.error("failed {}", LOCKED, new IllegalStateException("boom"));        // throwable as the last parameter
        e.add(5147, 1);
        // Count nothing: a disabled level, probes, text without a code.
        log.debug(LOCKED);
        log.debug("response {}", LOCKED);
        log.atDebug().log(LOCKED);
        if (log.isDebugEnabled() && log.isInfoEnabled()) {
            log.info("never");
        }
        log.atInfo();
        log.info("user {} logged in", "u-17");
        log.info("GET /orders 200 in {} ms", 12);
        return e.counts;
    }

    /** The SLF4J calls, the fluent API and its key-value pairs included. */
    static Map<Integer, Long> replay(org.slf4j.Logger log) {
        Expected e = new Expected();
        log.info(LOCKED);
        e.add(5147, 1);
        log.info("response {}", ATTEMPTS);
        e.add(5146, 1);
        log.warn("user {} got {}", "u-17", BLOCKED);
        e.add(5148, 1);
        log.error("{} {} {}", 1, 2, SERVICE);                                      // varargs
        e.add(5000, 1);
        log.error("failed {}", LOCKED, new IllegalStateException("boom"));
        e.add(5147, 1);
        log.info("login {}", new LoginResponse(5146, "X, You have X attempts before your account is locked."));
        e.add(5146, 1);
        log.atInfo().addKeyValue("code", 5147).addKeyValue("msg", "Your account has been temporarily locked.").log("login failed");
        e.add(5147, 1);
        log.atWarn().setMessage("response {}").addArgument(BLOCKED).log();
        e.add(5148, 1);
        log.atError().addKeyValue("code", 5000).log("response {}", SERVICE);       // the same code as a pair and in the text: once
        e.add(5000, 1);
        log.atInfo().addKeyValue("user", "u-17").log(OK);
        e.add(200, 1);
        // A code kept in the MDC for a while is not a response per log line.
        MDC.put("code", "5146");
        try {
            log.info("still handling the request");
            log.info("user {} {} {}", "u-17", "x", "y");
        } finally {
            MDC.remove("code");
        }
        // Count nothing: a disabled level and probes.
        log.debug(LOCKED);
        log.atDebug().addKeyValue("code", 5147).log("login failed");
        if (log.isDebugEnabled()) {
            log.info("never");
        }
        log.info("user {} logged in", "u-17");
        return e.counts;
    }
}
