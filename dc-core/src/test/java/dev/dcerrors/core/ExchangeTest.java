package dev.dcerrors.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Each response counts once per exchange, whether seen at its source, in a log call of the same thread, or both. */
class ExchangeTest {

    private final ErrorCounts counts = new ErrorCounts();
    private final ErrorRecognizer recognizer = new ErrorRecognizer(CodeScanner.defaults(), CodeRange.defaultRange(), counts, 16,
            ArgumentMode.ENVELOPES, true);
    private final ResponseCounter source = new ResponseCounter(recognizer, new EndpointCounts(counts, 3), OneCall.FAIL);

    record Envelope(int code, String msg) {
    }

    @AfterEach
    void endExchanges() {
        Exchange.beginServer(); // ends whatever client exchange a test left under way
        Exchange.endServer();
        assertThat(Exchange.underWay()).isFalse();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void withoutAnExchangeLogCallsCountAsTheyAlwaysDid() {
        OneCall.text(recognizer, "answered {\"code\":5147,\"msg\":\"m\"}", 16);
        OneCall.text(recognizer, "answered {\"code\":5147,\"msg\":\"m\"}", 16);
        assertThat(counts.count(5147)).isEqualTo(2);
    }

    @Test
    void theServerCountsTheBodyItReturnsOnceWhenTheHandlerLoggedItFirst() {
        Exchange.beginServer();
        OneCall.template(recognizer, "answered {}", new Object[] {new Envelope(5147, "locked")}, 16);
        OneCall.template(recognizer, "again {}", new Object[] {new Envelope(5147, "locked")}, 16);
        assertThat(source.countServerBody(new Envelope(5147, "locked"), "POST", "/v2/login")).isEqualTo(5147);
        Exchange.endServer();
        assertThat(counts.count(5147)).isEqualTo(1);
        assertThat(source.endpoints().count("POST /v2/login", Exchange.Side.SERVER, 5147)).isEqualTo(1);
    }

    @Test
    void theServerCountsTheBodyItReturnsWhenNothingWasLogged() {
        Exchange.beginServer();
        source.countServerBody(Map.of("code", 5146, "msg", "wrong"), "POST", "/v2/login");
        Exchange.endServer();
        Exchange.beginServer();
        source.countServerBody("{\"code\":200,\"msg\":\"ok\"}", "POST", "/v2/login");
        Exchange.endServer();
        assertThat(counts.count(5146)).isEqualTo(1);
        assertThat(counts.successCount()).isEqualTo(1);
        assertThat(source.endpoints().count("POST /v2/login", Exchange.Side.SERVER, 5146)).isEqualTo(1);
    }

    @Test
    void aLogCallAfterTheClientReceivedTheResponseDoesNotCountItAgain() {
        Exchange.beginClient();
        source.countClientBody(utf8("{\"code\":5147,\"msg\":\"locked\"}"), 29, "POST", "/v2/login");
        OneCall.template(recognizer, "DC call failed: {}", new Object[] {"{\"code\":5147,\"msg\":\"locked\"}"}, 16);
        assertThat(counts.count(5147)).isEqualTo(1);
        Exchange.beginClient(); // the next call: the previous exchange is over
        OneCall.text(recognizer, "unrelated {\"code\":5147,\"msg\":\"m\"}", 16);
        assertThat(counts.count(5147)).isEqualTo(2);
    }

    @Test
    void aLogCallDuringTheClientCallCountsAndTheInterceptorThenSkipsTheResponse() {
        Exchange.beginClient();
        OneCall.text(recognizer, "<-- 200 {\"code\":5148,\"msg\":\"m\"}", 16); // a wire logger, before the interceptor sees the body
        byte[] body = utf8("{\"code\":5148,\"msg\":\"m\"}");
        source.countClientBody(body, body.length, "GET", "api.example");
        assertThat(counts.count(5148)).isEqualTo(1);
        assertThat(source.endpoints().count("GET api.example", Exchange.Side.CLIENT, 5148)).isEqualTo(1);
    }

    @Test
    void aResponseReceivedAndTheAnswerThatCarriesItsCodeAreTwoResponses() {
        Exchange.beginServer();
        Exchange.beginClient();
        byte[] body = utf8("{\"code\":5147,\"msg\":\"m\"}");
        source.countClientBody(body, body.length, "POST", "/v2/login");
        OneCall.text(recognizer, "DC call failed: {\"code\":5147,\"msg\":\"m\"}", 16);
        source.countServerBody(new Envelope(5147, "locked"), "POST", "/login");
        Exchange.endServer();
        assertThat(counts.count(5147)).isEqualTo(2);
        assertThat(Exchange.underWay()).isFalse();
    }

    @Test
    void badClientBodiesAreHandledWithoutError() {
        Exchange.beginClient();
        assertThat(source.countClientBody(new byte[0], 0, "GET", "h")).isEqualTo(-1);
        assertThat(source.countClientBody(utf8("<html>code</html>"), 17, "GET", "h")).isEqualTo(-1);
        byte[] cut = utf8("{\"msg\":\"x\",\"code\":5147}");
        assertThat(source.countClientBody(cut, 18, "GET", "h")).isEqualTo(-1);
        assertThat(counts.errorCount() + counts.successCount()).isZero();
    }

    @Test
    void aGzipBodyIsReadFromItsInflatedCopy() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(utf8("{\"code\":5325,\"msg\":\"blocked\"}"));
        }
        byte[] bytes = out.toByteArray();
        Exchange.beginClient();
        assertThat(source.countClientBody(bytes, bytes.length, "GET", "h")).isEqualTo(5325);
        assertThat(source.countClientBody(bytes, 5, "GET", "h")).isEqualTo(-1); // cut short before any text
        assertThat(counts.count(5325)).isEqualTo(1);
    }

    @Test
    void endpointsBeyondTheBoundAreCountedAsOtherOfTheirSide() {
        for (String route : new String[] {"/a", "/b", "/c", "/d", "/e"}) {
            Exchange.beginServer();
            source.countServerBody(new Envelope(5000, "x"), "GET", route);
            Exchange.endServer();
        }
        EndpointCounts endpoints = source.endpoints();
        assertThat(endpoints.count("GET /a", Exchange.Side.SERVER, 5000)).isEqualTo(1);
        assertThat(endpoints.count("GET /c", Exchange.Side.SERVER, 5000)).isEqualTo(1);
        assertThat(endpoints.count("other", Exchange.Side.SERVER, 5000)).isEqualTo(2);
        assertThat(counts.count(5000)).isEqualTo(5);
    }

    @Test
    void anUnknownCodeThatTheCountsCountUnderOtherIsOtherAtItsEndpointToo() {
        ErrorCounts bounded = new ErrorCounts(ErrorCatalog.builtIn(), 1);
        ErrorRecognizer r = new ErrorRecognizer(CodeScanner.defaults(), CodeRange.defaultRange(), bounded, 16, ArgumentMode.ENVELOPES, true);
        ResponseCounter counter = new ResponseCounter(r, new EndpointCounts(bounded), OneCall.FAIL);
        counter.countServerBody("{\"code\":4001,\"msg\":\"m\"}", "GET", "/x");
        counter.countServerBody("{\"code\":4002,\"msg\":\"m\"}", "GET", "/x");
        assertThat(counter.endpoints().count("GET /x", Exchange.Side.SERVER, 4001)).isEqualTo(1);
        assertThat(counter.endpoints().count("GET /x", Exchange.Side.SERVER, -1)).isEqualTo(1);
        assertThat(bounded.otherCount()).isEqualTo(1);
    }

    @Test
    void successesCountAsResponsesButHaveNoEndpointSeries() {
        source.countServerBody(new Envelope(200, "ok"), "GET", "/ok");
        assertThat(counts.successCount()).isEqualTo(1);
        long[] series = {0};
        source.endpoints().forEach((key, endpoint, side, code) -> series[0]++);
        assertThat(series[0]).isZero();
    }

    @Test
    void twoCountsOnOneThreadEachCountTheResponseOnce() {
        ErrorCounts others = new ErrorCounts();
        ErrorRecognizer another = new ErrorRecognizer(CodeScanner.defaults(), CodeRange.defaultRange(), others, 16, ArgumentMode.ENVELOPES, true);
        Exchange.beginServer();
        OneCall.text(recognizer, "answered {\"code\":5147,\"msg\":\"m\"}", 16);
        OneCall.text(another, "answered {\"code\":5147,\"msg\":\"m\"}", 16);
        source.countServerBody(new Envelope(5147, "locked"), "POST", "/login");
        Exchange.endServer();
        assertThat(counts.count(5147)).isEqualTo(1);
        assertThat(others.count(5147)).isEqualTo(1);
    }
}
