package dev.dcerrors.logback;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.read.ListAppender;
import com.sun.net.httpserver.HttpServer;
import dev.dcerrors.core.ErrorCounts;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.zalando.logbook.Logbook;
import org.zalando.logbook.core.DefaultHttpLogWriter;
import org.zalando.logbook.core.DefaultSink;
import org.zalando.logbook.httpclient5.LogbookHttpRequestInterceptor;
import org.zalando.logbook.httpclient5.LogbookHttpResponseInterceptor;
import org.zalando.logbook.json.JsonHttpLogFormatter;

/**
 * A backend that logs its HTTP traffic with Zalando Logbook's JSON formatter, as many do: requests and responses
 * both reach the log, and the SMS-login requests carry a {@code "code"} field (the verification code the user
 * typed). The counts must equal the codes of the responses exactly, and no request body may count.
 */
class HttpLoggingLibraryTest {

    @Test
    void countsEqualTheResponsesCodesAndNoRequestBodyCounts() throws Exception {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        String countsName = "logbook-" + UUID.randomUUID();
        context.putProperty("countsName", countsName);
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(new ByteArrayInputStream(("<configuration>"
                + "<turboFilter class=\"dev.dcerrors.logback.DevCenterErrorTurboFilter\"><counts>${countsName}</counts></turboFilter>"
                + "<appender name=\"HTTP\" class=\"ch.qos.logback.core.read.ListAppender\"/>"
                + "<logger name=\"org.zalando.logbook\" level=\"TRACE\"><appender-ref ref=\"HTTP\"/></logger>"
                + "<root level=\"WARN\"/></configuration>").getBytes(StandardCharsets.UTF_8)));
        ErrorCounts counts = LogbackCounts.named(context, countsName);
        int[] answers = {200, 200, 5003, 5146, 5147, 200, 5005, 5148, 200, 5003};
        Map<Integer, Long> answered = new TreeMap<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        int[] next = {0};
        server.createContext("/api/v1/sms/login", exchange -> {
            int code = answers[next[0]++ % answers.length];
            answered.merge(code, 1L, Long::sum);
            String body = code == 200
                    ? "{\"code\":200,\"msg\":\"success\",\"data\":{\"token\":\"t\"},\"extMsg\":null}"
                    : "{\"code\":" + code + ",\"msg\":\"rejected\",\"data\":null,\"extMsg\":null}";
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        Logbook logbook = Logbook.builder().sink(new DefaultSink(new JsonHttpLogFormatter(), new DefaultHttpLogWriter())).build();
        SplittableRandom random = new SplittableRandom(7);
        try (CloseableHttpClient client = HttpClientBuilder.create()
                .addRequestInterceptorFirst(new LogbookHttpRequestInterceptor(logbook))
                .addResponseInterceptorFirst(new LogbookHttpResponseInterceptor())
                .build()) {
            for (int i = 0; i < 40; i++) {
                // The typed verification code is a random 4-digit number: often a catalog code (5146, 5003, ...).
                String typed = i % 4 == 0 ? "5146" : Integer.toString(4000 + random.nextInt(2000));
                HttpPost post = new HttpPost("http://127.0.0.1:" + server.getAddress().getPort() + "/api/v1/sms/login");
                post.setEntity(new StringEntity("{\"countryCode\":\"86\",\"phone\":\"13900000000\",\"code\":\"" + typed + "\"}",
                        ContentType.APPLICATION_JSON));
                client.execute(post, response -> EntityUtils.toString(response.getEntity()));
            }
        } finally {
            server.stop(0);
        }
        @SuppressWarnings("unchecked")
        ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> lines = (ListAppender<ch.qos.logback.classic.spi.ILoggingEvent>) context
                .getLogger("org.zalando.logbook").getAppender("HTTP");
        List<String> logged = lines.list.stream().map(e -> e.getFormattedMessage()).toList();
        assertThat(logged).hasSize(80).anySatisfy(line -> assertThat(line).contains("\"type\":\"request\"").contains("\"code\":\"5146\""));
        Map<Integer, Long> counted = new TreeMap<>();
        for (int code : new int[] {5003, 5005, 5146, 5147, 5148}) {
            if (counts.count(code) > 0) {
                counted.put(code, counts.count(code));
            }
        }
        if (counts.successCount() > 0) {
            counted.put(200, counts.successCount());
        }
        assertThat(counted).isEqualTo(answered);
        assertThat(counts.errorCount()).as("nothing but the responses' codes")
                .isEqualTo(answered.entrySet().stream().filter(e -> e.getKey() != 200).mapToLong(Map.Entry::getValue).sum());
        context.reset();
    }
}
