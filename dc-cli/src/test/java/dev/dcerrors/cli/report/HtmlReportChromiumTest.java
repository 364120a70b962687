package dev.dcerrors.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dcerrors.cli.Cli;
import dev.dcerrors.cli.Corpus;
import dev.dcerrors.cli.Tools;
import dev.dcerrors.core.ErrorCategory;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML report opened in Debian's headless Chromium: the charts are in the DOM after load, and the
 * screenshot shows their marks inside the plot areas (found by their background color).
 */
class HtmlReportChromiumTest {

    @TempDir
    Path dir;

    @Test
    void chartsRenderWithDataInHeadlessChromium() throws Exception {
        Path chromium = Tools.require("chromium", "chromium");
        Corpus corpus = Corpus.write(dir.resolve("logs"), 1500);
        Path html = dir.resolve("report.html");
        List<String> args = new ArrayList<>(List.of("analyze", "--html", html.toString(), "--sample", "1", "--zone", Corpus.ZONE.getId()));
        corpus.files.forEach(f -> args.add(f.toString()));
        assertThat(Cli.run(args.toArray(new String[0])).status()).isZero();
        // Kept for people to look at: target/html-report.png beside the test reports.
        Path png = Path.of("target", "html-report.png").toAbsolutePath();
        Files.deleteIfExists(png);

        Tools.Result dom = Tools.run(chromium(chromium, "--dump-dom", html.toUri().toString()), dir);
        Tools.Result shot = Tools.run(chromium(chromium, "--screenshot=" + png, "--window-size=1200,2000", html.toUri().toString()), dir);

        assertThat(dom.exitCode()).as(dom.output()).isZero();
        assertThat(count(dom.output(), "<rect class=\"bar\"")).isGreaterThan(20);
        assertThat(count(dom.output(), "<rect class=\"mark\"")).isGreaterThan(3);
        assertThat(shot.exitCode()).as(shot.output()).isZero();
        BufferedImage image = ImageIO.read(png.toFile());
        List<int[]> plots = plotAreas(image);
        assertThat(plots).as("plot areas in the screenshot").hasSize(2);
        List<Integer> categoryColors = new ArrayList<>();
        for (ErrorCategory category : ErrorCategory.values()) {
            categoryColors.add(Integer.parseInt(HtmlReport.color(category).substring(1), 16));
        }
        List<Integer> securityColors = new ArrayList<>();
        for (String color : HtmlReport.SECURITY_COLORS) {
            securityColors.add(Integer.parseInt(color.substring(1), 16));
        }
        assertThat(pixelsOf(image, plots.get(0), categoryColors)).as("bar pixels in the errors chart").isGreaterThan(2000);
        assertThat(pixelsOf(image, plots.get(1), securityColors)).as("mark pixels in the security timeline").isGreaterThan(100);
    }

    private static List<String> chromium(Path chromium, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars",
                "--force-device-scale-factor=1", "--user-data-dir=" + Files.createTempDirectory("dc-cli-chromium")));
        command.addAll(List.of(args));
        return command;
    }

    private static int count(String text, String needle) {
        Matcher m = Pattern.compile(Pattern.quote(needle)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    /**
     * The rectangles {x0, y0, x1, y1} of runs of rows with many pixels of the plot background, top to bottom; runs
     * interrupted by a few rows (a grid line, a lane's base line) are one area.
     */
    private static List<int[]> plotAreas(BufferedImage image) {
        int background = Integer.parseInt(HtmlReport.PLOT_BACKGROUND.substring(1), 16);
        List<int[]> areas = new ArrayList<>();
        int[] current = null;
        for (int y = 0; y < image.getHeight(); y++) {
            int minX = Integer.MAX_VALUE;
            int maxX = -1;
            int n = 0;
            for (int x = 0; x < image.getWidth(); x++) {
                if (close(image.getRGB(x, y), background, 2)) {
                    n++;
                    minX = Math.min(minX, x);
                    maxX = x;
                }
            }
            if (n >= 100) {
                if (current != null && y - current[3] > 6) {
                    current = null;
                }
                if (current == null) {
                    current = new int[] {minX, y, maxX, y};
                    areas.add(current);
                } else {
                    current[0] = Math.min(current[0], minX);
                    current[2] = Math.max(current[2], maxX);
                    current[3] = y;
                }
            }
        }
        areas.removeIf(a -> a[3] - a[1] < 20); // not a plot: a thin line of that color
        return areas;
    }

    private static long pixelsOf(BufferedImage image, int[] area, List<Integer> colors) {
        long n = 0;
        for (int y = area[1]; y <= area[3]; y++) {
            for (int x = area[0]; x <= area[2]; x++) {
                int rgb = image.getRGB(x, y);
                for (int color : colors) {
                    if (close(rgb, color, 8)) {
                        n++;
                        break;
                    }
                }
            }
        }
        return n;
    }

    private static boolean close(int rgb, int color, int tolerance) {
        for (int shift = 0; shift <= 16; shift += 8) {
            if (Math.abs(((rgb >> shift) & 0xff) - ((color >> shift) & 0xff)) > tolerance) {
                return false;
            }
        }
        return true;
    }
}
