package dev.dcerrors.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One scrape of the Prometheus endpoint, read back as numbers: what Prometheus would store. */
final class Scrape {

    private static final Pattern SAMPLE = Pattern.compile("^(\\w+)\\{([^}]*)}\\s+(\\S+)$");
    private static final Pattern LABEL = Pattern.compile("(\\w+)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    final String text;
    /** devcenter_errors_total by code label. */
    final SortedMap<String, Double> errorsByCode = new TreeMap<>();
    double successes;
    double errors;

    Scrape(String text) {
        this.text = text;
        for (String line : text.split("\n")) {
            Matcher m = SAMPLE.matcher(line);
            if (!m.matches()) {
                continue;
            }
            Map<String, String> labels = labels(m.group(2));
            double value = Double.parseDouble(m.group(3));
            switch (m.group(1)) {
                case "devcenter_errors_total" -> errorsByCode.merge(labels.get("code"), value, Double::sum);
                case "devcenter_responses_total" -> {
                    if ("success".equals(labels.get("outcome"))) {
                        successes += value;
                    } else {
                        errors += value;
                    }
                }
                default -> { }
            }
        }
    }

    static Map<String, String> labels(String text) {
        Map<String, String> labels = new TreeMap<>();
        Matcher m = LABEL.matcher(text);
        while (m.find()) {
            labels.put(m.group(1), m.group(2));
        }
        return labels;
    }

    static Scrape fetch(String url) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException(url + " answered HTTP " + response.statusCode());
        }
        return new Scrape(response.body());
    }

    /**
     * The differences between this scrape and the backend's tally, one line each; empty when every code the
     * backend answered has exactly that count on the scrape, and nothing else has a count.
     */
    List<String> differencesFrom(SortedMap<Integer, Long> tally) {
        List<String> differences = new ArrayList<>();
        long expectedSuccess = tally.getOrDefault(200, 0L);
        if (successes != expectedSuccess) {
            differences.add("successes: scrape " + (long) successes + ", backend " + expectedSuccess);
        }
        long expectedErrors = 0;
        for (Map.Entry<Integer, Long> e : tally.entrySet()) {
            if (e.getKey() == 200) {
                continue;
            }
            expectedErrors += e.getValue();
            double scraped = errorsByCode.getOrDefault(Integer.toString(e.getKey()), 0.0);
            if (scraped != e.getValue()) {
                differences.add("code " + e.getKey() + ": scrape " + (long) scraped + ", backend " + e.getValue());
            }
        }
        errorsByCode.forEach((code, value) -> {
            if (value > 0 && !code.equals("other") && !tally.containsKey(Integer.parseInt(code))) {
                differences.add("code " + code + ": scrape " + value.longValue() + ", backend 0");
            }
        });
        if (errors != expectedErrors) {
            differences.add("errors: scrape " + (long) errors + ", backend " + expectedErrors);
        }
        return differences;
    }
}
