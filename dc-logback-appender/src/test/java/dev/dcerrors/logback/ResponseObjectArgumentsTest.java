package dev.dcerrors.logback;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.springframework.http.ResponseEntity;

/**
 * Rule 1 of recognition: a response object passed as an argument ({@code log.info("response: {}", result)}) is counted
 * with the default {@code scanArguments} ({@code envelopes}), read through its accessors, without {@code toString()}.
 */
class ResponseObjectArgumentsTest {

    private final LoggingSetup setup = LoggingSetup.fromXml("<configuration>"
            + "<turboFilter class=\"dev.dcerrors.logback.DevCenterErrorTurboFilter\"><counts>${countsName}</counts></turboFilter>"
            + "<root level=\"INFO\"/></configuration>");
    private final Logger log = setup.logger("objects");

    @AfterEach
    void stop() {
        setup.stop();
    }

    /** A Lombok {@code @Data} DTO as Lombok writes it: private fields, getters, toString() that must not run. */
    public static final class Result<T> {
        private Integer code;
        private String msg;
        private T data;
        static final AtomicInteger TO_STRING_CALLS = new AtomicInteger();

        Result(Integer code, String msg, T data) {
            this.code = code;
            this.msg = msg;
            this.data = data;
        }

        public Integer getCode() {
            return code;
        }

        public String getMsg() {
            return msg;
        }

        public T getData() {
            return data;
        }

        @Override
        public String toString() {
            TO_STRING_CALLS.incrementAndGet();
            return "Result(code=" + code + ", msg=" + msg + ", data=" + data + ")";
        }
    }

    /** A response as a record, with an int code. */
    public record Envelope(int code, String message) {
    }

    /** Public fields, as some code generators write them. */
    public static final class FieldResponse {
        public final Object code;
        public final String msg;

        FieldResponse(Object code, String msg) {
            this.code = code;
            this.msg = msg;
        }
    }

    /** Fluent accessors on a plain class ({@code code()}, {@code message()}), as Lombok's fluent mode or Immutables write them. */
    public static final class FluentResponse {
        private final Object code;

        FluentResponse(Object code) {
            this.code = code;
        }

        public Object code() {
            return code;
        }

        public String message() {
            return "m";
        }
    }

    /** A record whose message key is one of the other defaults. */
    public record ErrMsgResponse(Object code, String errMsg) {
    }

    /** Records with primitive codes other than int. */
    public record LongCodeResponse(long code, String msg) {
    }

    public record ShortCodeResponse(short code, String msg) {
    }

    /** A getter inherited from a superclass. */
    public static class BaseResponse {
        public Integer getCode() {
            return 5018;
        }
    }

    public static final class InheritedResponse extends BaseResponse {
        public String getMessage() {
            return "inherited getter";
        }
    }

    /** A class with a code but no message: a request, not a response. */
    public static final class SmsLoginRequest {
        public final String countryCode = "86";
        public final String phone = "13900000000";
        public final String code = "5146";
    }

    /** A DTO whose accessor throws. */
    public static final class Broken {
        public int getCode() {
            throw new IllegalStateException("lazy field not loaded");
        }

        public String getMsg() {
            return "x";
        }
    }

    @Test
    void aLombokStyleDtoIsReadThroughItsGettersWithoutToString() {
        Result.TO_STRING_CALLS.set(0);
        log.info("response: {}", new Result<>(5147, "Your account has been temporarily locked.", null));
        log.info("response: {}", new Result<>(200, "success", Map.of("token", "t")));
        assertThat(setup.counts.count(5147)).isEqualTo(1);
        assertThat(setup.counts.successCount()).isEqualTo(1);
        assertThat(Result.TO_STRING_CALLS).as("toString() never runs").hasValue(0);
    }

    @Test
    void aRecordIsReadThroughItsComponents() {
        log.warn("DC answered {}", new Envelope(5148, "The current IP address is blocked."));
        assertThat(setup.counts.count(5148)).isEqualTo(1);
    }

    @Test
    void aMapWithCodeAndMessageIsAResponse() {
        Map<String, Object> fastjsonLike = new LinkedHashMap<>();
        fastjsonLike.put("code", 5049);
        fastjsonLike.put("msg", "The device is bound.");
        Map<String, Object> stringCode = new HashMap<>(Map.of("code", "5052", "message", "x"));
        Map<String, Object> gsonParsed = new HashMap<>(Map.of("code", 5005.0, "msg", "x")); // Gson parses JSON numbers in maps as doubles
        Map<String, Object> fractional = new HashMap<>(Map.of("code", 5008.5, "msg", "x"));
        log.info("response {}", fastjsonLike);
        log.info("response {}", stringCode);
        log.info("response {}", gsonParsed);
        log.info("response {}", fractional);
        assertThat(setup.counts.count(5049)).isEqualTo(1);
        assertThat(setup.counts.count(5052)).isEqualTo(1);
        assertThat(setup.counts.count(5005)).as("a double with no fractional part counts as its integer").isEqualTo(1);
        assertThat(setup.counts.count(5008)).isZero();
    }

    @Test
    void objectsWithACodeButNoMessageAreNotResponses() {
        log.info("SMS login request {}", new SmsLoginRequest());
        log.info("request {}", Map.of("countryCode", "86", "phone", "13900000000", "code", "5146"));
        assertThat(setup.counts.count(5146)).isZero();
        assertThat(setup.counts.errorCount()).isZero();
    }

    @Test
    void jacksonTwoAndThreeNodesAndGsonObjectsAreReadThroughTheirObjectApi() throws Exception {
        String json = "{\"code\":5147,\"msg\":\"locked\",\"data\":null}";
        log.info("response {}", new com.fasterxml.jackson.databind.ObjectMapper().readTree(json));
        log.info("response {}", new tools.jackson.databind.ObjectMapper().readTree("{\"code\":\"5148\",\"msg\":\"blocked\"}"));
        JsonObject gson = new JsonObject();
        gson.addProperty("code", 5325);
        gson.addProperty("msg", "abnormal");
        log.info("response {}", gson);
        log.info("request {}", new com.fasterxml.jackson.databind.ObjectMapper().readTree("{\"code\":\"5146\",\"phone\":\"139\"}"));
        assertThat(setup.counts.count(5147)).isEqualTo(1);
        assertThat(setup.counts.count(5148)).isEqualTo(1);
        assertThat(setup.counts.count(5325)).isEqualTo(1);
        assertThat(setup.counts.count(5146)).isZero();
    }

    @Test
    void aJsonTreeNumberWithOnlyZerosAfterThePointCountsAsItsInteger() throws Exception {
        log.info("response {}", new com.fasterxml.jackson.databind.ObjectMapper().readTree("{\"code\":5049.0,\"msg\":\"x\"}"));
        log.info("response {}", new tools.jackson.databind.ObjectMapper().readTree("{\"code\":5052.00,\"msg\":\"x\"}"));
        log.info("response {}", new Gson().toJsonTree(Map.of("code", 5005.0, "msg", "x"))); // Gson's numbers from a map are doubles
        log.info("response {}", JsonParser.parseString("{\"code\":5006.0,\"msg\":\"x\"}"));
        log.info("response {}", new com.fasterxml.jackson.databind.ObjectMapper().readTree("{\"code\":5008.5,\"msg\":\"x\"}"));
        log.info("response {}", new Gson().toJsonTree(Map.of("code", 5009.5, "msg", "x")));
        assertThat(setup.counts.count(5049)).isEqualTo(1);
        assertThat(setup.counts.count(5052)).isEqualTo(1);
        assertThat(setup.counts.count(5005)).isEqualTo(1);
        assertThat(setup.counts.count(5006)).isEqualTo(1);
        assertThat(setup.counts.count(5008)).as("a decimal is no code").isZero();
        assertThat(setup.counts.count(5009)).isZero();
    }

    @Test
    void aTemplateArgumentWithOnlyZerosAfterThePointCountsAsItsInteger() {
        log.warn("Binding rejected, code={}", "5049.0");
        log.warn("Binding rejected, code={}", 5052.0);
        log.warn("Binding rejected, code={}", "5008.5");
        assertThat(setup.counts.count(5049)).isEqualTo(1);
        assertThat(setup.counts.count(5052)).isEqualTo(1);
        assertThat(setup.counts.count(5008)).isZero();
    }

    @Test
    void oneLevelOfWrapperIsOpened() {
        log.info("answered {}", ResponseEntity.ok(new Result<>(5049, "The device is bound.", null)));
        log.info("answered {}", ResponseEntity.ok("{\"code\":5052,\"msg\":\"Binding failed.\"}"));
        log.info("answered {}", Optional.of(new Envelope(5005, "Incorrect mobile number or password.")));
        log.info("answered {}", Optional.of(Optional.of(new Envelope(5008, "too deep"))));
        assertThat(setup.counts.count(5049)).isEqualTo(1);
        assertThat(setup.counts.count(5052)).as("a JSON body kept as a String").isEqualTo(1);
        assertThat(setup.counts.count(5005)).isEqualTo(1);
        assertThat(setup.counts.count(5008)).isZero();
    }

    @Test
    void everyObjectShapeAndCodeTypeOfRuleOne() {
        record Row(Object argument, int code, boolean counts) {
        }
        List<Row> rows = List.of(
                new Row(new FieldResponse(5001, "public fields"), 5001, true),
                new Row(new FieldResponse((short) 5002, "a Short code"), 5002, true),
                new Row(new FieldResponse(5003L, "a Long code"), 5003, true),
                new Row(new FieldResponse(5004.0f, "a whole Float code"), 5004, true),
                new Row(new FieldResponse(5005.0d, "a whole Double code"), 5005, true),
                new Row(new FieldResponse("5006", "a String code"), 5006, true),
                new Row(new FieldResponse(5007.5d, "a fraction is not a code"), 5007, false),
                new Row(new FieldResponse(-5008, "a negative value is not a code"), 5008, false),
                new Row(new FieldResponse(new StringBuilder("5009"), "a CharSequence code is text"), 5009, true),
                new Row(new FieldResponse(List.of(5015), "a list is not a code"), 5015, false),
                new Row(new FluentResponse(5010), 5010, true),
                new Row(new ErrMsgResponse(5011, "errMsg is a message key"), 5011, true),
                new Row(Map.of("code", 5012L, "message", "a map with a Long"), 5012, true),
                new Row(Optional.of(new FieldResponse(5013, "inside Optional")), 5013, true),
                new Row(ResponseEntity.ok(new FluentResponse(5014)), 5014, true),
                new Row(new LongCodeResponse(5016L, "a long component"), 5016, true),
                new Row(new ShortCodeResponse((short) 5017, "a short component"), 5017, true),
                new Row(new InheritedResponse(), 5018, true));
        for (Row row : rows) {
            long before = setup.counts.count(row.code()) + setup.counts.count(-row.code());
            log.info("response {}", row.argument());
            assertThat(setup.counts.count(row.code()) - before).as(row.argument().getClass().getSimpleName() + " " + row.code())
                    .isEqualTo(row.counts() ? 1 : 0);
        }
    }

    @Test
    void anAccessorThatThrowsIsSkippedAndReportedOnce() {
        log.info("first {} then {}", new Broken(), new Envelope(5147, "locked"));
        log.info("again {}", new Broken());
        assertThat(setup.counts.count(5147)).as("the other argument still counts").isEqualTo(1);
        List<String> warnings = setup.statusMessages(ch.qos.logback.core.status.Status.WARN);
        assertThat(warnings).filteredOn(m -> m.contains("Broken")).singleElement().asString().contains("lazy field not loaded");
    }

    @Test
    void stringsModeLeavesObjectsAlone() {
        LoggingSetup strings = LoggingSetup.fromXml("<configuration>"
                + "<turboFilter class=\"dev.dcerrors.logback.DevCenterErrorTurboFilter\"><counts>${countsName}</counts>"
                + "<scanArguments>strings</scanArguments></turboFilter><root level=\"INFO\"/></configuration>");
        try {
            strings.logger("s").info("response {}", new Envelope(5147, "locked"));
            strings.logger("s").info("response {}", "{\"code\":5148,\"msg\":\"blocked\"}");
            assertThat(strings.counts.count(5147)).isZero();
            assertThat(strings.counts.count(5148)).isEqualTo(1);
        } finally {
            strings.stop();
        }
    }
}
