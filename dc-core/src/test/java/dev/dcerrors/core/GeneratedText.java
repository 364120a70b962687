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

    private final Choices choices;
    private final List<Integer> expected = new ArrayList<>();

    private GeneratedText(Choices choices) {
        this.choices = choices;
    }

    /** A text and, in {@code expected}, the codes it counts (in no particular order). */
    static String generate(Choices choices, List<Integer> expected) {
        GeneratedText generator = new GeneratedText(choices);
        String text = generator.text(0);
        expected.addAll(generator.expected);
        return text;
    }

    /** A text of its own: the top of a log message, or the content of a JSON string. */
    private String text(int depth) {
        StringBuilder sb = new StringBuilder();
        int parts = 1 + choices.below(3);
        for (int i = 0; i < parts; i++) {
            if (i > 0) {
                sb.append(pick(" ", " | ", "\n", "，"));
            }
            int form = depth >= MAX_DEPTH ? choices.below(2) : choices.below(7);
            switch (form) {
                case 0 -> sb.append(pick(NEUTRAL));
                case 1 -> sb.append(String.format(PROSE_CODES[choices.below(PROSE_CODES.length)], counted(code())));
                case 2 -> sb.append(jsonObject(depth + 1));
                case 3 -> sb.append(javaObject(depth + 1));
                case 4 -> sb.append("[").append(jsonObject(depth + 1)).append(",").append(jsonObject(depth + 1)).append("]");
                case 5 -> sb.append("{\"@timestamp\":\"2026-01-01T00:00:00Z\",\"level\":\"WARN\",\"message\":")
                        .append(jsonString(depth + 1)).append("}");
                default -> sb.append("response: ").append(jsonString(depth + 1));
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
