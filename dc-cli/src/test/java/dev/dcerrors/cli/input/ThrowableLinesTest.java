package dev.dcerrors.cli.input;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dcerrors.cli.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lines of a printed throwable count as the turbo filter counts a throwable: its messages by default, nothing with --no-scan-throwables. */
class ThrowableLinesTest {

    private static final String TRACE_ONLY = """
            2024-05-01 10:00:03.000 [main] ERROR c.e.Api - msg no code
            java.lang.IllegalStateException: {"code":5000,"msg":"Service exception."}
            \tat com.example.Api.call(Api.java:12)
            \tSuppressed: java.io.IOException: {"code":5325,"msg":"blocked"}
            \t\tat com.example.Api.close(Api.java:30)
            Caused by: com.example.UpstreamException: upstream said
            {"code":5049,"msg":"The device is bound."}
            \tat com.example.Upstream.get(Upstream.java:7) code=5148
            \t... 1 common frames omitted
            2024-05-01 10:00:04.000 [main] INFO  c.e.Api - response body:
            {
              "code": 5147,
              "msg": "locked"
            }
            """;

    @TempDir
    Path dir;

    private Cli.Result analyze(String log, String... options) throws Exception {
        Path file = Files.writeString(dir.resolve("app.log"), log);
        String[] args = new String[options.length + 5];
        args[0] = "analyze";
        args[1] = "--json";
        args[2] = "--zone=UTC";
        System.arraycopy(options, 0, args, 3, options.length);
        args[args.length - 2] = "--sample=0";
        args[args.length - 1] = file.toString();
        return Cli.run(args);
    }

    @Test
    void withNoScanThrowablesCodesOnlyInAPrintedTraceAreNotCountedButAPrettyPrintedBodyIs() throws Exception {
        Cli.Result result = analyze(TRACE_ONLY, "--no-scan-throwables");

        assertThat(result.status()).as(result.err()).isZero();
        assertThat(result.out()).contains("\"events\":2,", "\"errors\":{\"5147\":1}");
    }

    @Test
    void byDefaultTheMessagesOfTheThrowableAndItsCausesCountButNotFramesOrSuppressed() throws Exception {
        Cli.Result result = analyze(TRACE_ONLY);

        assertThat(result.status()).as(result.err()).isZero();
        assertThat(result.out()).contains("\"events\":2,", "\"errors\":{\"5000\":1,\"5049\":1,\"5147\":1}");
        assertThat(analyze(TRACE_ONLY, "--scan-throwables").out()).isEqualTo(result.out());
        assertThat(analyze(TRACE_ONLY, "--scan-throwables=false").out()).isEqualTo(analyze(TRACE_ONLY, "--no-scan-throwables").out());
    }

    /** logstash-logback-encoder's stack_trace, and ECS's error fields flattened and nested; the messages hold no code. */
    private static final String JSON_TRACES = """
            {"@timestamp":"2024-05-01T10:00:00Z","level":"ERROR","message":"login failed","stack_trace":"java.lang.IllegalStateException: {\\"code\\":5000,\\"msg\\":\\"Service exception.\\"}\\n\\tat com.example.Api.call(Api.java:12)\\n"}
            {"@timestamp":"2024-05-01T10:00:01Z","log.level":"error","message":"bind failed","error.type":"com.example.BindException","error.message":"code=5049","error.stack_trace":"com.example.BindException: code=5049\\n\\tat com.example.Api.bind(Api.java:20)"}
            {"@timestamp":"2024-05-01T10:00:02Z","log.level":"error","message":"sms failed","error":{"type":"com.example.SmsException","message":"code=5146","stack_trace":"com.example.SmsException: code=5146\\n\\tat com.example.Sms.send(Sms.java:9) code=5148"}}
            {"@timestamp":"2024-05-01T10:00:03Z","level":"WARN","message":"response {\\"code\\":5147,\\"msg\\":\\"locked\\"}","stack_trace":"java.lang.RuntimeException: code=5147\\n\\tat a.B.c(B.java:1)"}
            """;

    @Test
    void inJsonRecordsTheThrowableFieldsCountUnlessNoScanThrowables() throws Exception {
        Cli.Result plain = analyze(JSON_TRACES, "--no-scan-throwables");
        assertThat(plain.status()).as(plain.err()).isZero();
        assertThat(plain.out()).contains("\"events\":4,", "\"errors\":{\"5147\":1}");

        Cli.Result withThrowables = analyze(JSON_TRACES);
        assertThat(withThrowables.status()).as(withThrowables.err()).isZero();
        assertThat(withThrowables.out()).as("messages of the traces, never their frames (5148)")
                .contains("\"events\":4,", "\"errors\":{\"5000\":1,\"5049\":1,\"5146\":1,\"5147\":1}");
    }

    @Test
    void throwableFieldsAreFoundAtTheTopLevelAndInsideTheErrorObjectOnly() {
        String line = "{\"message\":\"m\",\"stack_trace\":\"T\",\"data\":{\"stack_trace\":\"not a log field\"},"
                + "\"error\":{\"message\":\"E\",\"x\":{\"message\":\"deeper\"}},\"error.message\":\"F\"}";
        assertThat(JsonTraceFields.find(line)).extracting(f -> JsonTraceFields.unescape(line, f.from(), f.to()) + (f.trace() ? "/trace" : "/message"))
                .containsExactly("T/trace", "E/message", "F/message");
        String quoted = "\"a\\n\\tb\\\"c\\u0041\\\\\"";
        assertThat(JsonTraceFields.unescape(quoted, 0, quoted.length())).isEqualTo("a\n\tb\"cA\\");
    }

    @Test
    void theExceptionObjectOfLog4j2sLogstashTemplateHoldsTheThrowablesMessageAndTrace() {
        String line = "{\"mdc\":{},\"exception\":{\"exception_class\":\"a.B\",\"exception_message\":\"M\",\"stacktrace\":\"T\","
                + "\"x\":{\"stacktrace\":\"deeper\"}},\"message\":\"m\",\"data\":{\"exception_message\":\"not a log field\"},"
                + "\"exception_message\":\"not at the top level\"}";
        assertThat(JsonTraceFields.find(line)).extracting(f -> JsonTraceFields.unescape(line, f.from(), f.to()) + (f.trace() ? "/trace" : "/message"))
                .containsExactly("M/message", "T/trace");
        String ecsAndLogstash = "{\"error\":{\"stacktrace\":\"not ECS\",\"message\":\"E\"},\"exception\":{\"message\":\"not Logstash\",\"stacktrace\":\"T\"}}";
        assertThat(JsonTraceFields.find(ecsAndLogstash)).extracting(f -> JsonTraceFields.unescape(ecsAndLogstash, f.from(), f.to()))
                .containsExactly("E", "T");
    }

    @Test
    void aCodeInTheMessageAndRepeatedInTheTraceCountsOnceEitherWay() throws Exception {
        String log = """
                2024-05-01 10:00:00.000 WARN c.e.Api - failed {"code":5147,"msg":"locked"}
                java.lang.IllegalStateException: {"code":5147,"msg":"locked"}
                \tat com.example.Api.call(Api.java:12)
                """;

        assertThat(analyze(log).out()).contains("\"errors\":{\"5147\":1}");
        assertThat(analyze(log, "--no-scan-throwables").out()).contains("\"errors\":{\"5147\":1}");
    }

    @Test
    void traceStartsAtFramesMarkersAndHeadersNamedLikeThrowablesOrFollowedByAFrame() {
        assertThat(PrintedThrowable.start("2024 m\nsee docs.example.com: here\n{\"code\":1}")).isEqualTo(-1);
        assertThat(PrintedThrowable.start("2024 m\njava.lang.IllegalStateException")).isEqualTo(7);
        assertThat(PrintedThrowable.start("2024 m\na.b.Boom: x\n\tat a.b.C.d(C.java:1)")).isEqualTo(7);
        assertThat(PrintedThrowable.start("2024 m\na.b.Boom: x\nmore")).isEqualTo(-1);
        assertThat(PrintedThrowable.start("2024 m\n\t... 3 more")).isEqualTo(7);
        assertThat(PrintedThrowable.start("Caused by: a.B: {\"code\":5000}")).isZero();
        assertThat(PrintedThrowable.start("java.lang.IllegalStateException: undated, first line: the message")).isEqualTo(-1);
    }
}
