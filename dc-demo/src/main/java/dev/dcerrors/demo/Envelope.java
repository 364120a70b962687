package dev.dcerrors.demo;

import dev.dcerrors.core.ErrorCatalog;
import dev.dcerrors.core.ErrorCode;
import org.jspecify.annotations.Nullable;

/** The Developer Center response envelope: always HTTP 200, the outcome in {@code code}. */
record Envelope(int code, String msg, @Nullable String data) {

    static Envelope success(@Nullable String data) {
        return new Envelope(200, "success", data);
    }

    /** An error envelope with the platform's message for {@code code}. */
    static Envelope error(int code) {
        ErrorCode entry = ErrorCatalog.builtIn().find(code);
        return new Envelope(code, entry == null ? "error" : entry.message(), null);
    }

    static Envelope error(int code, String msg) {
        return new Envelope(code, msg, null);
    }

    String toJson() {
        return "{\"code\":" + code + ",\"msg\":\"" + escape(msg) + "\",\"data\":" + (data == null ? "null" : data) + ",\"extMsg\":null}";
    }

    /** The way Lombok's {@code @Data} prints a result object. */
    String toLombokString() {
        return "Result(code=" + code + ", msg=" + msg + ", data=" + data + ")";
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
