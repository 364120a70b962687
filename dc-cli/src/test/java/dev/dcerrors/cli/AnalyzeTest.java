package dev.dcerrors.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dcerrors.cli.report.Text;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalyzeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static Corpus corpus;

    @BeforeAll
    static void writeCorpus() throws Exception {
        corpus = Corpus.write(dir.resolve("logs"), 3000);
    }

    private static String[] args(List<Path> files, String... options) {
        List<String> args = new ArrayList<>(List.of(options));
        files.forEach(f -> args.add(f.toString()));
        return args.toArray(new String[0]);
    }

    @Test
    void jsonSummaryOfTheMultiFormatCorpusEqualsItsGroundTruth() throws Exception {
        Cli.Result result = Cli.run(args(corpus.files, "analyze", "--json", "--zone", Corpus.ZONE.getId()));

        assertThat(result.status()).as(result.err()).isZero();
        assertThat(result.err()).isEmpty();
        assertThat(result.out().lines()).hasSize(1);
        assertThat(JSON.readTree(result.out())).isEqualTo(JSON.readTree(corpus.expectedJson()));
        assertThat(corpus.undated).isPositive();
        assertThat(corpus.errors).containsKeys(4321, 5147);
    }

    @Test
    void withNoScanThrowablesTheMessagesOfPrintedThrowablesDoNotCount() throws Exception {
        Cli.Result result = Cli.run(args(corpus.files, "analyze", "--json", "--no-scan-throwables", "--zone", Corpus.ZONE.getId()));

        assertThat(result.status()).as(result.err()).isZero();
        assertThat(JSON.readTree(result.out())).isEqualTo(JSON.readTree(corpus.expectedJson(false)));
        assertThat(corpus.throwableErrors).containsKeys(5000, 5049);
    }

    @Test
    void inputOrderDoesNotChangeTheCounts() throws Exception {
        List<Path> shuffled = new ArrayList<>(corpus.files);
        Collections.shuffle(shuffled, new Random(7));
        Collections.reverse(shuffled);

        Cli.Result result = Cli.run(args(shuffled, "analyze", "--json", "--zone", Corpus.ZONE.getId()));

        assertThat(JSON.readTree(result.out())).isEqualTo(JSON.readTree(corpus.expectedJson()));
    }

    @Test
    void gzipOnStandardInputIsRecognizedByContent() throws Exception {
        Path gzip = corpus.files.get(0);
        Cli.Result fromFile = Cli.run("analyze", "--json", "--zone", Corpus.ZONE.getId(), gzip.toString());
        Cli.Result fromStdin = Cli.runWithInput(new ByteArrayInputStream(Files.readAllBytes(gzip)), "analyze", "--json", "--zone",
                Corpus.ZONE.getId(), "-");

        assertThat(fromStdin.status()).isZero();
        assertThat(JSON.readTree(fromStdin.out())).isEqualTo(JSON.readTree(fromFile.out()));
        assertThat(JSON.readTree(fromFile.out()).path("events").asLong()).isEqualTo(corpus.fileEvents.get(0));
    }

    @Test
    void humanSummaryShowsFilesRangeResponsesCodesChartAndSecurityTimeline() {
        Cli.Result result = Cli.run(args(corpus.files, "analyze", "--zone", Corpus.ZONE.getId(), "--sample", "2"));

        assertThat(result.status()).isZero();
        assertThat(result.out())
                .contains("Files      4 read", "app.log.1.gz (gzip)", "Events     " + Text.number(corpus.events) + " (3 undated)")
                .contains("Range      2024-04-30 ", "Europe/Berlin")
                .contains("success", "error ratio")
                .contains("5147", "Your account has been temporarily locked.", "4321", "Not in the catalog.")
                .contains("Errors per hour by category", "│", "security")
                .contains("Security timeline", "5148")
                .contains("Samples (up to 2 per code");
        long sampleLines = result.out().lines().filter(l -> l.matches("  5147  \\S+:\\d+: .*")).count();
        assertThat(sampleLines).isEqualTo(2);
    }

    @Test
    void htmlReportIsOneFileThatFetchesNothing() throws Exception {
        Path html = dir.resolve("report.html");

        Cli.Result result = Cli.run(args(corpus.files, "analyze", "--json", "--html", html.toString(), "--zone", Corpus.ZONE.getId()));

        assertThat(result.status()).isZero();
        assertThat(JSON.readTree(result.out())).isEqualTo(JSON.readTree(corpus.expectedJson()));
        String page = Files.readString(html);
        assertThat(page).contains("<svg id=\"errors-by-category\"", "<svg id=\"security-timeline\"", "class=\"bar\"", "class=\"mark\"");
        assertThat(page).doesNotContain("<script", "src=", "href=", "@import", "url(");
    }
}
