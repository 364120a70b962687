package dev.dcerrors.core;

import java.util.ArrayList;
import java.util.List;

/**
 * A random log text built from the forms backends write — JSON envelopes and request bodies, batches, escaped JSON
 * in JSON strings, logstash-style lines, Lombok {@code Name(…)}, records {@code Name[…]}, {@code Map.toString()},
 * prose — nested, with the codes the envelope rule counts known by construction: a code in an object counts when
 * that object has a message key, a code in prose always counts, and the content of a JSON string is a text of its
 * own. Used by the property tests (seeded) and the fuzz target (driven by the fuzzer's input).
 */
final class GeneratedText {

    /** The source of every choice; {@code below(n)} is in [0, n), and always 0 must lead to a short text. */
    interface Choices {
        int below(int bound);
    }

    /** Deeper than this, only prose leaves: the frames opened stay far under the scanner's limit. */
    private static final int MAX_DEPTH = 4;
    private static final String[] MESSAGE_KEYS = {"msg", "message", "errorMsg", "errMsg", "error_msg"};
    private static final String[] NAMES = {"Result", "DcResponse", "LoginRequest", "Device", "R"};
    /** Text that holds no code key and no message key followed by a separator, whatever surrounds it. */
    private static final String[] NEUTRAL = {"Device already bound", "took 5032 ms", "phone 13912345678", "设备已绑定",
        "productCode=5032", "/verify?code=5147", "errcode=5000", "x-request-id=abc", "jsCode: 5032", "[main]",
        "(retry 3)", "amount 5032.5", "code words", "messages: 3", "a&code=4821", "Ошибка"};
    private static final String[] PROSE_CODES = {"Login failed code=%d", "code: %d", "绑定失败code=%d设备已绑定",
        "code：%d", "Binding rejected, code=%d.", "returned code=%d. Retrying", "code=%d.0 x", "level=warn code=%d msg=x",
        "failed (code=%d)"};

    /** How a body is quoted without escaping: Spring's exception message, HttpClient's wire log, concatenation. */
    private static final String[] QUOTED_BEFORE = {"400 Bad Request: \"", "http-outgoing-0 << \"", "http-outgoing-0 >> \"",
        "body=\"", "DC response: \"", "body='"};

    private final Choices choices;
    /** Whether the forms of issue 22 (JSON quoted without escaping) are generated too. */
    private final boolean quotedJson;
    private final List<Integer> expected = new ArrayList<>();

    private GeneratedText(Choices choices, boolean quotedJson) {
        this.choices = choices;
        this.quotedJson = quotedJson;
    }

    /** A text and, in {@code expected}, the codes it counts (in no particular order). */
    static String generate(Choices choices, List<Integer> expected) {
        return generate(choices, expected, true);
    }

    /** Like {@link #generate}; without {@code quotedJson}, only the forms recognition v2 knew (its differential test). */
    static String generate(Choices choices, List<Integer> expected, boolean quotedJson) {
        GeneratedText generator = new GeneratedText(choices, quotedJson);
        String text = generator.text(0);
        expected.addAll(generator.expected);
        return text;
    }

    /**
     * A text whose only codes are request bodies' (JSON objects with a code and no message key, values 9000 to 9999),
     * quoted without escaping ({@code "…"}, {@code '…'}, HttpClient's {@code "…[\r][\n]"}), escaped into JSON
     * strings, side by side and nested in each other, among envelopes whose codes are below 9000; then, half of the
     * time, cut at any point (as the scan limit cuts). No code of 9000 or more may count. (A stray quote or backslash
     * that changes which quotes pair can turn a fragment into prose, as a cut at the front can: that is not a request
     * body any more, and is not generated.)
     */
    static String requestBodies(Choices choices) {
        GeneratedText generator = new GeneratedText(choices, true);
        String text = generator.bodies(0);
        return choices.below(2) == 0 ? text : text.substring(0, choices.below(text.length() + 1));
    }

    private String bodies(int depth) {
        StringBuilder sb = new StringBuilder();
        int parts = 1 + choices.below(3);
        for (int i = 0; i < parts; i++) {
            sb.append(pick("", " ", "\n", "[\\r][\\n]"));
            String body = requestBody(depth + 1);
            switch (depth >= MAX_DEPTH ? 0 : choices.below(5)) {
                case 0 -> sb.append(body);
                case 1 -> {
                    String before = pick(QUOTED_BEFORE);
                    sb.append(before).append(body).append(before.endsWith("'") ? "'" : pick("\"", "[\\r][\\n]\""));
                }
                case 2 -> sb.append("{\"message\":\"").append(escape(bodies(depth + 1))).append("\"}");
                case 3 -> sb.append("{\"code\":").append(4000 + choices.below(2000)).append(",\"msg\":\"").append(escape(bodies(depth + 1)))
                        .append("\"}");
                default -> sb.append("\"[").append(body).append(",").append(requestBody(depth + 1)).append("]\"");
            }
        }
        return sb.toString();
    }

    /** An object with a code of 9000 or more and no message key; its members may hold more such objects, quoted or not. */
    private String requestBody(int depth) {
        List<String> fields = new ArrayList<>();
        int code = 9000 + choices.below(1000);
        fields.add(pick("\"code\":" + code, "\"code\":\"" + code + "\"", "\"code\" : " + code));
        fields.add(pick("\"phone\":\"13912345678\"", "\"countryCode\":\"86\"", "\"a\":\"{\"", "\"b\":\"}\"", "\"c\":\"[{\""));
        if (depth < MAX_DEPTH && choices.below(2) == 0) {
            String inner = requestBody(depth + 1);
            fields.add(pick("\"data\":" + inner, "\"body\":\"" + escape(inner) + "\"", "\"body\":\"" + inner + "\"",
                    "\"items\":[" + inner + "]"));
        }
        return pick("{", "{\n  ") + String.join(pick(",", ",\n  "), shuffled(fields)) + "}";
    }

    /** A text of its own: the top of a log message, or the content of a JSON string. */
    private String text(int depth) {
        StringBuilder sb = new StringBuilder();
        int parts = 1 + choices.below(3);
        for (int i = 0; i < parts; i++) {
            if (i > 0) {
                sb.append(pick(" ", " | ", "\n", "，"));
            }
            int form = depth >= MAX_DEPTH ? choices.below(2) : choices.below(quotedJson ? 8 : 7);
            switch (form) {
                case 0 -> sb.append(pick(NEUTRAL));
                case 1 -> sb.append(String.format(PROSE_CODES[choices.below(PROSE_CODES.length)], counted(code())));
                case 2 -> sb.append(jsonObject(depth + 1));
                case 3 -> sb.append(javaObject(depth + 1));
                case 4 -> sb.append("[").append(jsonObject(depth + 1)).append(",").append(jsonObject(depth + 1)).append("]");
                case 5 -> sb.append("{\"@timestamp\":\"2026-01-01T00:00:00Z\",\"level\":\"WARN\",\"message\":")
                        .append(jsonString(depth + 1)).append("}");
                case 6 -> sb.append("response: ").append(jsonString(depth + 1));
                default -> {
                    // JSON quoted without escaping: an object (pretty-printed or not) or an array of objects
                    String quote = pick("\"", "\"", "'");
                    String json = jsonObject(depth + 1);
                    if (choices.below(3) == 0) {
                        String second = jsonObject(depth + 1);
                        // an array is told from a string by its first object's first key: "[{}, …]" is a string, not built here
                        json = json.equals("{}") ? "[" + second + "]" : "[" + json + "," + second + "]";
                    }
                    if (choices.below(2) == 0) {
                        json = json.replace("{\"", "{\n  \"");
                    }
                    sb.append(pick("400 Bad Request: ", "http-outgoing-0 << ", "body=", "DC response: ")).append(quote).append(json)
                            .append(quote.equals("\"") ? pick("\"", "[\\r][\\n]\"") : quote);
                }
            }
        }
        return sb.toString();
    }

    /** A JSON object: an envelope when it has a code and a message key, else a request body or an item. */
    private String jsonObject(int depth) {
        List<String> fields = new ArrayList<>();
        int code = code();
        boolean hasCode = choices.below(4) != 0;
        boolean hasMessage = choices.below(3) != 0;
        if (hasCode) {
            fields.add(pick("\"code\":" + code, "\"code\":\"" + code + "\"", "\"code\": " + code + ".0", "\"code\" : " + code));
        }
        if (hasMessage) {
            fields.add("\"" + pick(MESSAGE_KEYS) + "\":" + (choices.below(2) == 0 ? "\"" + pick(NEUTRAL) + "\"" : jsonString(depth + 1)));
        }
        int fillers = choices.below(3);
        for (int i = 0; i < fillers; i++) {
            fields.add(jsonFiller(depth + 1));
        }
        if (hasCode && hasMessage) {
            counted(code);
        }
        return "{" + String.join(",", shuffled(fields)) + "}";
    }

    private String jsonFiller(int depth) {
        if (depth >= MAX_DEPTH) {
            return pick("\"phone\":\"13912345678\"", "\"productCode\":5032", "\"amount\":5032.5", "\"data\":null");
        }
        return switch (choices.below(6)) {
            case 0 -> "\"countryCode\":\"86\"";
            case 1 -> "\"data\":" + jsonObject(depth + 1);
            case 2 -> "\"items\":[" + jsonObject(depth + 1) + "," + jsonObject(depth + 1) + "]";
            case 3 -> "\"note\":" + jsonString(depth + 1);
            case 4 -> "\"list\":[1,2,\"x\"]";
            default -> "\"jsCode\":\"5032\"";
        };
    }

    /** A JSON string holding a text of its own, escaped. */
    private String jsonString(int depth) {
        return "\"" + escape(text(depth)) + "\"";
    }

    /** A Lombok, record or {@code Map.toString()} object; values are unquoted. */
    private String javaObject(int depth) {
        List<String> fields = new ArrayList<>();
        int code = code();
        boolean hasCode = choices.below(4) != 0;
        boolean hasMessage = choices.below(3) != 0;
        if (hasCode) {
            fields.add("code=" + code + pick("", "", ".0"));
        }
        if (hasMessage) {
            fields.add(pick(MESSAGE_KEYS) + "=" + pick(NEUTRAL));
        }
        int fillers = choices.below(3);
        for (int i = 0; i < fillers; i++) {
            fields.add(depth >= MAX_DEPTH ? "phone=13912345678" : switch (choices.below(4)) {
                case 0 -> "data=" + javaObject(depth + 1);
                case 1 -> "devices=[" + javaObject(depth + 1) + ", " + javaObject(depth + 1) + "]";
                case 2 -> "body=" + jsonObject(depth + 1);
                default -> "phone=13912345678";
            });
        }
        if (hasCode && hasMessage) {
            counted(code);
        }
        String body = String.join(", ", shuffled(fields));
        return switch (choices.below(3)) {
            case 0 -> pick(NAMES) + "(" + body + ")";
            case 1 -> pick(NAMES) + "[" + body + "]";
            default -> "{" + body + "}";
        };
    }

    private int code() {
        return choices.below(4) == 0 ? 200 : 4000 + choices.below(2000);
    }

    private int counted(int code) {
        expected.add(code);
        return code;
    }

    private List<String> shuffled(List<String> items) {
        List<String> out = new ArrayList<>(items);
        for (int i = out.size() - 1; i > 0; i--) {
            int j = choices.below(i + 1);
            String t = out.get(i);
            out.set(i, out.get(j));
            out.set(j, t);
        }
        return out;
    }

    private String pick(String... options) {
        return options[choices.below(options.length)];
    }

    /** JSON string escaping of a text: backslashes, quotes and line breaks. */
    static String escape(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '"' -> sb.append("\\\"");
                case '\n' -> sb.append("\\n");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /** {@code text} as the value of a JSON string, escaping only backslashes and quotes (line breaks stay). */
    static String inJsonString(String text) {
        return "{\"message\":\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
    }
}
