package dev.dcerrors.bench;

import dev.dcerrors.core.CodeScanner;
import dev.dcerrors.core.CodeSink;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The scanner alone against a single {@code indexOf} pass (the physical-limit proxy), the least a walk that follows
 * the structure costs ({@link #bracketWalk}) and a regex recognizer.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
public class ScannerBenchmark {

    private static final CodeSink ACCEPT = value -> true;
    private static final String KEY = "\"code\"";

    @Param({"RESPONSE_1K_WITH_CODE", "RESPONSE_1K_NO_CODE", "RESPONSE_64K", "FORMAT_ONLY", "R_MSG_AFTER_DATA_1K", "R_MSG_AFTER_DATA_64K",
        "SUCCESS_PAGE_1K", "SUCCESS_PAGE_64K", "REQUEST_CODE_LAST_1K", "REQUEST_CODE_LAST_64K", "LOGSTASH_ESCAPED_1K", "LOGSTASH_ESCAPED_64K",
        "REQUEST_CODE_FIRST_64K", "CJK_SHORT"})
    public Input input;

    private String text;

    @Setup
    public void setUp() {
        text = input.text();
    }

    /**
     * The physical-limit proxy: one pass of the {@code String.indexOf} intrinsic over the whole text, finding
     * every {@code "code"} (a recognizer must find them all: batch responses), with no grammar at all.
     */
    @Benchmark
    public int indexOf() {
        int found = 0;
        for (int i = text.indexOf(KEY); i >= 0; i = text.indexOf(KEY, i + KEY.length())) {
            found++;
        }
        return found;
    }

    /**
     * The least a walk that must know the text's structure costs: one pass that follows only brackets and string
     * quotes (each string's closing quote found with {@code String.indexOf}, a backslash before it checked), with no
     * rule, no key and no limit. Measured beside the scanner to show how much of its cost any such walk pays on a
     * shape whose answer depends on the middle of the text (a code waiting for a message key past a large value).
     */
    @Benchmark
    public int bracketWalk() {
        String s = text;
        int depth = 0;
        int deepest = 0;
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c == '"') {
                int q = s.indexOf('"', i + 1);
                while (q > 0 && s.charAt(q - 1) == '\\') {
                    q = s.indexOf('"', q + 1);
                }
                if (q < 0) {
                    break;
                }
                i = q;
            } else if (c == '{' || c == '[') {
                deepest = Math.max(deepest, ++depth);
            } else if (c == '}' || c == ']') {
                depth--;
            }
        }
        return deepest * 31 + depth;
    }

    @Benchmark
    public int scanner() {
        return CodeScanner.defaults().scan(text, ACCEPT, 16);
    }

    @Benchmark
    public int regex() {
        return RegexRecognizer.scan(text, ACCEPT, 16);
    }
}
