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
    FORMAT_ONLY("Scheduled token cleanup finished, 12 entries removed");

    private final String text;

    Input(String text) {
        this.text = text;
    }

    public String text() {
        return text;
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
}
