package dev.dcerrors.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The OpenMetrics text of {@code backfill}, as promtool reads it: checked here without promtool. */
class BackfillFormatTest {

    @TempDir
    Path dir;

    private String backfill(String... files) throws Exception {
        Path out = dir.resolve("out-" + System.nanoTime() + ".om");
        List<String> args = new ArrayList<>(List.of("backfill", "--out", out.toString(), "--step", "30s", "--job", "j", "--instance", "i", "--zone", "UTC"));
        args.addAll(List.of(files));
        Cli.Result result = Cli.run(args.toArray(new String[0]));
        assertThat(result.status()).as(result.err()).isZero();
        return Files.readString(out);
    }

    @Test
    void countersAreCumulativePerStepInSecondsWithContiguousFamiliesAndEndWithEof() throws Exception {
        Path log = dir.resolve("app.log");
        Files.writeString(log, """
                2024-05-01 10:00:05.000 x {"code":5147,"msg":"locked"}
                2024-05-01 10:00:40.000 x {"code":5147,"msg":"locked"}
                2024-05-01 10:01:10.000 x {"code":200,"msg":"ok"}
                """);

        String text = backfill(log.toString());

        assertThat(text).startsWith("# HELP devcenter_errors ").contains("# TYPE devcenter_errors counter\n", "# TYPE devcenter_responses counter\n",
                "# TYPE devcenter_error_code_info gauge\n").endsWith("\n# EOF\n");
        String series = "devcenter_errors_total{code=\"5147\",category=\"security\",severity=\"critical\",job=\"j\",instance=\"i\"} ";
        long t0 = java.time.Instant.parse("2024-05-01T10:00:00Z").getEpochSecond();
        assertThat(text).contains(series + "0 " + t0 + "\n" + series + "1 " + (t0 + 30) + "\n" + series + "2 " + (t0 + 60) + "\n" + series + "2 "
                + (t0 + 90) + "\n");
        assertThat(text).contains("devcenter_responses_total{outcome=\"success\",job=\"j\",instance=\"i\"} 1 " + (t0 + 90) + "\n",
                "devcenter_responses_total{outcome=\"error\",job=\"j\",instance=\"i\"} 2 " + (t0 + 90) + "\n",
                "devcenter_error_code_info{code=\"5147\",category=\"security\",severity=\"critical\",message=\"Your account has been temporarily locked.");
        Set<String> families = new LinkedHashSet<>();
        String previous = "";
        for (String line : text.split("\n")) {
            if (line.equals("# EOF")) {
                continue;
            }
            String name = line.startsWith("#") ? line.split(" ")[2] : line.substring(0, line.indexOf('{'));
            String family = name.endsWith("_total") ? name.substring(0, name.length() - "_total".length()) : name;
            if (!family.equals(previous)) {
                assertThat(families.add(family)).as("family %s is contiguous", family).isTrue();
                previous = family;
            }
        }
    }

    @Test
    void theOrderOfTheFilesDoesNotChangeTheBackfill() throws Exception {
        Corpus corpus = Corpus.write(dir.resolve("logs"), 500);
        List<String> files = new ArrayList<>();
        corpus.files.forEach(f -> files.add(f.toString()));
        List<String> reversed = new ArrayList<>(files);
        java.util.Collections.reverse(reversed);

        assertThat(backfill(reversed.toArray(new String[0]))).isEqualTo(backfill(files.toArray(new String[0])));
    }
}
