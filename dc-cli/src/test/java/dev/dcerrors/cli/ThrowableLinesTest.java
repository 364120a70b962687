package dev.dcerrors.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lines of a printed throwable count as the turbo filter counts a throwable: not by default, its messages with scanThrowables. */
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
    void codesOnlyInAPrintedTraceAreNotCountedByDefaultButAPrettyPrintedBodyIs() throws Exception {
        Cli.Result result = analyze(TRACE_ONLY);

        assertThat(result.status()).as(result.err()).isZero();
        assertThat(result.out()).contains("\"events\":2,", "\"errors\":{\"5147\":1}");
    }

    @Test
    void withScanThrowablesTheMessagesOfTheThrowableAndItsCausesCountButNotFramesOrSuppressed() throws Exception {
        Cli.Result result = analyze(TRACE_ONLY, "--scan-throwables");

        assertThat(result.status()).as(result.err()).isZero();
        assertThat(result.out()).contains("\"events\":2,", "\"errors\":{\"5000\":1,\"5049\":1,\"5147\":1}");
    }

    @Test
    void aCodeInTheMessageAndRepeatedInTheTraceCountsOnceEitherWay() throws Exception {
        String log = """
                2024-05-01 10:00:00.000 WARN c.e.Api - failed {"code":5147,"msg":"locked"}
                java.lang.IllegalStateException: {"code":5147,"msg":"locked"}
                \tat com.example.Api.call(Api.java:12)
                """;

        assertThat(analyze(log).out()).contains("\"errors\":{\"5147\":1}");
        assertThat(analyze(log, "--scan-throwables").out()).contains("\"errors\":{\"5147\":1}");
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
