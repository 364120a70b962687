package dev.dcerrors.bench;

/** The texts every benchmark runs over. */
public enum Input {
    /** A realistic Developer Center response of about 1 KB, with an error code. */
    RESPONSE_1K_WITH_CODE(response(1024, true)),
    /** The same size without a code: the common case on a logging path. */
    RESPONSE_1K_NO_CODE(response(1024, false)),
    /** A 64 KB response (a device list), code first. */
    RESPONSE_64K(response(64_000, true)),
    /** A short message with no argument text: the most common log line. */
    FORMAT_ONLY("Scheduled token cleanup finished, 12 entries removed"),
    /** Issue 22, shape 1: a MyBatis-Plus style {@code R} whose {@code msg} comes after its {@code data} object. */
    R_MSG_AFTER_DATA_1K(msgAfterData(1024)),
    R_MSG_AFTER_DATA_64K(msgAfterData(64_000)),
    /** Shape 2: a success page whose {@code msg} comes last. */
    SUCCESS_PAGE_1K(successPage(1024)),
    SUCCESS_PAGE_64K(successPage(64_000)),
    /** Shape 3: a request body whose {@code code} key comes last, after a list of items. */
    REQUEST_CODE_LAST_1K(requestCodeLast(1024)),
    REQUEST_CODE_LAST_64K(requestCodeLast(64_000)),
    /** Shape 4: a logstash JSON line whose {@code message} holds an escaped envelope with {@code msg} after {@code data}. */
    LOGSTASH_ESCAPED_1K(logstash(1024)),
    LOGSTASH_ESCAPED_64K(logstash(64_000)),
    /** A request body whose {@code code} comes first, before a list of items, with no message key anywhere. */
    REQUEST_CODE_FIRST_64K(requestCodeFirst(64_000)),
    /** A short CJK log line with a code in prose. */
    CJK_SHORT("设备绑定失败，code=5049，设备已被其他用户绑定，请先解绑后重试");

    private final String text;

    Input(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }

    /** A one-line message (under 256 characters), held to the short-line goal; the others are the 1 KB and 64 KB shapes. */
    public boolean isShortLine() {
        return text.length() < 256;
    }

    /** An envelope padded with a device list up to {@code size} characters. */
    static String response(int size, boolean withCode) {
        StringBuilder sb = new StringBuilder(size + 200);
        sb.append(withCode
                ? "{\"code\":5147,\"msg\":\"Your account has been temporarily locked. Please try again after 20 minutes.\",\"data\":{\"list\":["
                : "{\"status\":\"OK\",\"message\":\"Device list of the user domain, page 1 of 3.\",\"data\":{\"list\":[");
        int i = 0;
        while (sb.length() < size - 120) {
            sb.append(i == 0 ? "" : ",")
                    .append("{\"productKey\":\"p1x7Qk").append(i % 10)
                    .append("\",\"deviceKey\":\"8C1F64").append(1000 + i)
                    .append("\",\"deviceName\":\"Living room sensor ").append(i)
                    .append("\",\"online\":").append(i % 3 != 0).append('}');
            i++;
        }
        sb.append("],\"total\":").append(i).append(",\"pageSize\":").append(i).append("},\"extMsg\":null}");
        return sb.toString();
    }

    /** Device records, as a page or a data object holds them, appended until {@code sb} reaches {@code size} less {@code reserve}. */
    private static int records(StringBuilder sb, int size, int reserve, String escape) {
        String q = escape + "\"";
        int i = 0;
        while (sb.length() < size - reserve) {
            sb.append(i == 0 ? "" : ",")
                    .append('{').append(q).append("id").append(q).append(':').append(100_000 + i)
                    .append(',').append(q).append("productKey").append(q).append(':').append(q).append("p1x7Qk").append(i % 10).append(q)
                    .append(',').append(q).append("deviceName").append(q).append(':').append(q).append("Living room sensor ").append(i).append(q)
                    .append(',').append(q).append("bindTime").append(q).append(':').append(q).append("2026-01-0").append(1 + i % 9)
                    .append(" 10:12:").append(10 + i % 50).append(q)
                    .append(',').append(q).append("online").append(q).append(':').append(i % 3 != 0).append('}');
            i++;
        }
        return i;
    }

    static String msgAfterData(int size) {
        StringBuilder sb = new StringBuilder(size + 200).append("{\"code\":5005,\"data\":{\"userId\":\"u-8812\",\"devices\":[");
        records(sb, size, 90, "");
        return sb.append("]},\"msg\":\"System busy, please try again later.\"}").toString();
    }

    static String successPage(int size) {
        StringBuilder sb = new StringBuilder(size + 200).append("{\"code\":200,\"data\":{\"records\":[");
        int n = records(sb, size, 80, "");
        return sb.append("],\"total\":").append(n).append(",\"size\":").append(n).append(",\"current\":1,\"pages\":1},\"msg\":\"ok\"}").toString();
    }

    static String requestCodeLast(int size) {
        StringBuilder sb = new StringBuilder(size + 200).append("{\"orderNo\":\"SO20260101000123\",\"items\":[");
        int i = 0;
        while (sb.length() < size - 80) {
            sb.append(i == 0 ? "" : ",").append("{\"sku\":\"SKU-").append(10_000 + i).append("\",\"qty\":").append(1 + i % 5)
                    .append(",\"remark\":\"gift wrap ").append(i).append("\"}");
            i++;
        }
        return sb.append("],\"countryCode\":\"86\",\"phone\":\"13912345678\",\"code\":\"5146\"}").toString();
    }

    static String requestCodeFirst(int size) {
        String last = requestCodeLast(size);
        return "{\"code\":\"5146\",\"countryCode\":\"86\",\"phone\":\"13912345678\"," + last.substring(1, last.indexOf(",\"countryCode\"")) + "}";
    }

    static String logstash(int size) {
        StringBuilder sb = new StringBuilder(size + 300).append("{\"@timestamp\":\"2026-01-01T10:12:13.456+08:00\",\"@version\":\"1\",")
                .append("\"message\":\"DC response: {\\\"code\\\":5005,\\\"data\\\":{\\\"devices\\\":[");
        records(sb, size, 260, "\\");
        return sb.append("]},\\\"msg\\\":\\\"System busy, please try again later.\\\"}\",")
                .append("\"logger_name\":\"com.example.backend.DcClient\",\"thread_name\":\"http-nio-8080-exec-3\",\"level\":\"INFO\",")
                .append("\"level_value\":20000}").toString();
    }
}
