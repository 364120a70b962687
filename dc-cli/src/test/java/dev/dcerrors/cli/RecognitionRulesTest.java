package dev.dcerrors.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rules of one log call, and the options of the turbo filter, as dc-cli applies them. */
class RecognitionRulesTest {

    @TempDir
    Path dir;

    private Cli.Result analyzeJson(String log, String... options) throws Exception {
        Path file = dir.resolve("app.log");
        Files.writeString(file, log);
        String[] args = new String[options.length + 5];
        args[0] = "analyze";
        args[1] = "--json";
        args[2] = "--zone";
        args[3] = "UTC";
        System.arraycopy(options, 0, args, 4, options.length);
        args[args.length - 1] = file.toString();
        return Cli.run(args);
    }

    @Test
    void aCodeRepeatedInOneEventCountsOnceAndOneEventCountsOneSuccess() throws Exception {
        Cli.Result result = analyzeJson("""
                2024-05-01 10:00:00.000 INFO a {"code":200,"msg":"ok"} and again {"code":200,"msg":"ok"}
                2024-05-01 10:00:01.000 WARN b {"code":5147,"msg":"locked"}
                java.lang.IllegalStateException: {"code":5147,"msg":"locked"}
                2024-05-01 10:00:02.000 WARN c {"code":5147,"msg":"locked"}
                """);

        assertThat(result.out()).contains("\"events\":3", "\"responses\":{\"success\":1,\"error\":2}", "\"errors\":{\"5147\":2}");
    }

    @Test
    void maxCodesPerEventCapsTheDistinctCodesOfABatch() throws Exception {
        String batch = "2024-05-01 10:00:00.000 WARN batch {\"code\":5005,\"msg\":\"a\"} {\"code\":5021,\"msg\":\"b\"} {\"code\":5000,\"msg\":\"c\"}\n";

        assertThat(analyzeJson(batch).out()).contains("\"error\":3");
        assertThat(analyzeJson(batch, "--max-codes-per-event", "2").out()).contains("\"error\":2", "\"errors\":{\"5005\":1,\"5021\":1}");
    }

    @Test
    void unknownCodesBeyondTheLimitCountAsOtherAsTheBinderLabelsThem() throws Exception {
        Cli.Result result = analyzeJson("""
                2024-05-01 10:00:00.000 x code=4001 y
                2024-05-01 10:00:01.000 x code=4002 y
                2024-05-01 10:00:02.000 x code=4003 y
                2024-05-01 10:00:03.000 x code=4001 y
                """, "--max-unknown-codes", "1");

        assertThat(result.out()).contains("\"errors\":{\"4001\":2,\"other\":2}");
    }

    @Test
    void extraKeyErrorCodeRangeAndIgnoreKeyCaseAreTheTurboFiltersOptions() throws Exception {
        String log = "2024-05-01 10:00:00.000 x {\"errorCode\":7001,\"msg\":\"m\"}\n2024-05-01 10:00:01.000 x CODE=5005 y\n";

        assertThat(analyzeJson(log).out()).contains("\"errors\":{}");
        assertThat(analyzeJson(log, "--extra-key", "errorCode", "--error-code-range", "4000-5999,7001").out()).contains("\"errors\":{\"7001\":1}");
        assertThat(analyzeJson(log, "--ignore-key-case").out()).contains("\"errors\":{\"5005\":1}");
    }

    @Test
    void catalogOptionAddsCodesWithTheirClassification() throws Exception {
        Path catalog = dir.resolve("extra.tsv");
        Files.writeString(catalog, "7100\tdevice\terror\tGateway offline.\n");

        Cli.Result result = analyzeJson("2024-05-01 10:00:00.000 x code=7100 y\n", "--catalog", catalog.toString());

        assertThat(result.out()).contains("\"errors\":{\"7100\":1}");
        Path file = dir.resolve("app.log");
        assertThat(Cli.run("analyze", "--catalog", catalog.toString(), file.toString()).out()).contains("7100", "device", "Gateway offline.");
    }

    @Test
    void aBadOptionValueIsReportedWithTheRecognizersMessageAndExitStatus2() throws Exception {
        Cli.Result result = analyzeJson("", "--error-code-range", "5999-4000", "--max-codes-per-event", "0");

        assertThat(result.status()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).contains("dc-cli: --error-code-range: '5999-4000': ", "dc-cli: --max-codes-per-event: 0 is out of range: expected 1-1024",
                CommandLine.USAGE_ANALYZE);
    }
}
