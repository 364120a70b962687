package dev.dcerrors.logback;

import static net.logstash.logback.argument.StructuredArguments.a;
import static net.logstash.logback.argument.StructuredArguments.array;
import static net.logstash.logback.argument.StructuredArguments.defer;
import static net.logstash.logback.argument.StructuredArguments.entries;
import static net.logstash.logback.argument.StructuredArguments.fields;
import static net.logstash.logback.argument.StructuredArguments.keyValue;
import static net.logstash.logback.argument.StructuredArguments.kv;
import static net.logstash.logback.argument.StructuredArguments.raw;
import static net.logstash.logback.argument.StructuredArguments.v;
import static net.logstash.logback.argument.StructuredArguments.value;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.core.status.Status;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import net.logstash.logback.marker.Markers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

/**
 * logstash-logback-encoder's structured arguments and markers, the real library, read by default: the wrapped value as
 * an argument would be (a DTO through its accessors, JSON text and raw JSON as text), a {@code kv} pair like an SLF4J
 * key-value pair. The turbo filter, the appender and the {@code %dcCode} converter count the same.
 */
class LogstashArgumentsTest {

    /** A response DTO as services log it. */
    public record Result(Integer code, String msg, Object data) {
    }

    /** An SMS-login request: a "code" (the verification code typed) and no message. */
    public record SmsLogin(String countryCode, String phone, String code) {
    }

    private static final String REQUEST_BODY = "{\"countryCode\":\"86\",\"phone\":\"13800000000\",\"code\":\"5001\"}";

    private static String envelope(int code) {
        return "{\"code\":" + code + ",\"msg\":\"rejected\",\"data\":null}";
    }

    private final LoggingSetup setup = new LoggingSetup("real-client-libraries.xml");
    private final CountedEverywhere counted = new CountedEverywhere(setup.context, setup.countsName);
    private final Logger log = setup.logger("logstash");

    @AfterEach
    void stop() {
        setup.stop();
    }

    @Test
    void structuredArgumentsWrappingAResponseObjectCountItsCode() {
        assertThat(setup.errors()).isEmpty();
        log.info("DC response {}", kv("response", new Result(5147, "locked", null)));
        log.info("DC response {}", keyValue("response", new Result(5148, "blocked", null)));
        log.info("DC response {}", value("response", new Result(5003, "rejected", null)));
        log.info("DC response {}", v("response", new Result(5146, "rejected", null)));
        log.info("DC response", fields(new Result(5005, "rejected", Map.of("id", 1))));
        log.info("DC responses {}", array("responses", new Result(5049, "bound", null), new Result(5325, "rejected", null)));
        log.info("DC responses {}", a("responses", (Object) envelope(5021)));
        log.info("DC response {}", entries(Map.of("response", new Result(5000, "Service exception.", null))));
        log.info("DC response {}", kv("response", new Result(200, "success", Map.of("token", "t"))));

        Map<Integer, Long> expected = Map.of(5147, 1L, 5148, 1L, 5003, 1L, 5146, 1L, 5005, 1L, 5049, 1L, 5325, 1L, 5021, 1L, 5000, 1L,
                200, 1L);
        counted.assertCounted(expected);
        assertThat(counted.printedCodes("logstash")).as("the first code of each event").containsExactlyInAnyOrderEntriesOf(Map.of(
                "5147", 1L, "5148", 1L, "5003", 1L, "5146", 1L, "5005", 1L, "5049", 1L, "5021", 1L, "5000", 1L, "200", 1L));
    }

    @Test
    void rawJsonAndJsonTextArgumentsAreReadAsText() {
        log.info("DC response {}", raw("response", envelope(5147)));
        log.info("DC response {}", kv("body", envelope(5148)));
        log.info("DC response {}", value("body", "{\n  \"code\" : 5003,\n  \"msg\" : \"rejected\"\n}"));
        log.info("DC response {}", kv("response", "Result(code=5146, msg=rejected, data=null)"));

        counted.assertCounted(Map.of(5147, 1L, 5148, 1L, 5003, 1L, 5146, 1L));
        assertThat(counted.printedCodes("logstash")).containsExactlyInAnyOrderEntriesOf(Map.of("5147", 1L, "5148", 1L, "5003", 1L, "5146", 1L));
    }

    @Test
    void aCodeFieldCountsLikeAnSlf4jKeyValuePair() {
        log.warn("DC call failed {} {}", kv("code", 5147), kv("msg", "locked"));
        log.warn("DC call failed {}", kv("code", "5148"));
        log.warn("DC call failed {}", entries(Map.of("code", 5003, "msg", "rejected")));
        log.warn("not codes {} {}", kv("productCode", 5146), kv("errorCode", 5146)); // not a code key by default

        counted.assertCounted(Map.of(5147, 1L, 5148, 1L, 5003, 1L));
        assertThat(counted.printedCodes("logstash")).containsExactlyInAnyOrderEntriesOf(Map.of("5147", 1L, "5148", 1L, "5003", 1L));
    }

    @Test
    void markersAppendingAResponseCountItsCode() {
        log.info(Markers.append("response", new Result(5147, "locked", null)), "DC response");
        log.info(Markers.appendRaw("response", envelope(5148)), "DC response");
        log.info(Markers.appendFields(new Result(5003, "rejected", null)), "DC response");
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("code", 5146);
        fields.put("msg", "rejected");
        log.info(Markers.appendEntries(fields), "DC response");
        log.info(Markers.append("code", 5005), "DC response");
        log.info(Markers.appendArray("responses", new Result(5049, "bound", null)), "DC response");

        counted.assertCounted(Map.of(5147, 1L, 5148, 1L, 5003, 1L, 5146, 1L, 5005, 1L, 5049, 1L));
        assertThat(counted.printedCodes("logstash"))
                .containsExactlyInAnyOrderEntriesOf(Map.of("5147", 1L, "5148", 1L, "5003", 1L, "5146", 1L, "5005", 1L, "5049", 1L));
    }

    @Test
    void markersJoinedWithAndAreEachRead() {
        log.warn(Markers.append("requestId", "r-1").and(Markers.append("response", new Result(5147, "locked", null)))
                .and(Markers.appendRaw("upstream", envelope(5148))), "DC call failed");
        log.atWarn().addMarker(Markers.append("code", 5003)).addMarker(Markers.append("msg", "rejected")).log("fluent API");
        log.warn(Markers.append("response", new Result(5147, "locked", null)), "the same code in a call counts once {}",
                kv("response", new Result(5147, "locked", null)));

        counted.assertCounted(Map.of(5147, 2L, 5148, 1L, 5003, 1L));
        assertThat(counted.printedCodes("logstash")).containsExactlyInAnyOrderEntriesOf(Map.of("5147", 2L, "5003", 1L));
    }

    @Test
    void requestBodiesInArgumentsAndMarkersDoNotCount() {
        log.info("DC request {}", kv("request", REQUEST_BODY));
        log.info("DC request {}", raw("request", REQUEST_BODY));
        log.info("DC request {}", fields(new SmsLogin("86", "13800000000", "5001")));
        log.info(Markers.appendRaw("request", REQUEST_BODY).and(Markers.appendFields(new SmsLogin("86", "13800000000", "5002"))), "DC request");

        counted.assertCounted(Map.of());
        assertThat(counted.printedCodes("logstash")).isEmpty();
    }

    @Test
    void aDeferredArgumentIsNotEvaluatedByTheFilter() {
        AtomicInteger supplied = new AtomicInteger();
        log.info("DC response {}", defer(() -> {
            supplied.incrementAndGet();
            return kv("code", 5147);
        }));
        log.info(Markers.defer(() -> {
            supplied.incrementAndGet();
            return Markers.append("code", 5147);
        }), "DC response");

        assertThat(supplied).as("the suppliers run only when an encoder writes the event").hasValue(0);
        counted.assertCounted(Map.of());
    }

    @Test
    void scanArgumentsAppliesToWhatTheyWrapAndMarkersAreReadWhateverItSays() {
        for (String mode : new String[] {"strings", "none"}) {
            LoggingSetup own = LoggingSetup.fromXml("<configuration><turboFilter class=\"dev.dcerrors.logback.DevCenterErrorTurboFilter\">"
                    + "<counts>${countsName}</counts><scanArguments>" + mode + "</scanArguments></turboFilter><root level=\"INFO\"/></configuration>");
            try {
                Logger l = own.logger("modes");
                l.info("DC response {}", kv("response", new Result(5147, "locked", null)));
                l.info("DC response {}", kv("body", envelope(5148)));
                l.info("DC response {}", kv("code", 5003));
                l.info(Markers.append("response", envelope(5146)), "DC response");
                boolean strings = mode.equals("strings");
                assertThat(own.counts.count(5147)).as("a DTO, " + mode).isZero();
                assertThat(own.counts.count(5148)).as("a JSON text, " + mode).isEqualTo(strings ? 1 : 0);
                assertThat(own.counts.count(5003)).as("a code field, " + mode).isEqualTo(strings ? 1 : 0);
                assertThat(own.counts.count(5146)).as("a marker, " + mode).isEqualTo(1);
            } finally {
                own.stop();
            }
        }
    }

    /** A DTO whose accessor throws. */
    public static final class Broken {
        public Integer getCode() {
            throw new IllegalStateException("lazy loading outside a session");
        }

        public String getMsg() {
            return "never read";
        }
    }

    /** An application's own single-field marker, whose value cannot be read. */
    static final class ThrowingFieldMarker extends net.logstash.logback.marker.SingleFieldAppendingMarker {
        ThrowingFieldMarker() {
            super("LS_APPEND_THROWING", "response");
        }

        @Override
        protected void writeFieldValue(com.fasterxml.jackson.core.JsonGenerator generator) {
        }

        @Override
        protected Object getFieldValue() {
            throw new IllegalStateException("value not loaded");
        }
    }

    @Test
    void aSubclassOfTheirMarkersIsReadAndOneThatThrowsIsSkipped() {
        log.warn(new ThrowingFieldMarker().and(Markers.append("code", 5148)), "DC call failed {}", kv("code", 5147));
        log.warn(new ThrowingFieldMarker(), "DC call failed {}", new ThrowingFieldMarker());

        assertThat(setup.list("LIST").list).hasSize(2);
        counted.assertCounted(Map.of(5147, 1L, 5148, 1L));
        assertThat(setup.statusMessages(Status.WARN)).anySatisfy(m -> assertThat(m).contains(ThrowingFieldMarker.class.getName(), "value not loaded"));
    }

    @Test
    void aWrappedValueWhoseAccessorThrowsIsSkippedAndTheCallIsLogged() {
        log.warn("DC response {} {}", kv("response", new Broken()), kv("code", 5147));
        log.warn(Markers.appendFields(new Broken()), "DC response");

        assertThat(setup.list("LIST").list).hasSize(2);
        counted.assertCounted(Map.of(5147, 1L));
        assertThat(setup.statusMessages(Status.WARN)).anySatisfy(m -> assertThat(m).contains("threw", "lazy loading outside a session"));
    }
}
