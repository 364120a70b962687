package dev.dcerrors.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ErrorRecognizerTest {

    private final ErrorCounts counts = new ErrorCounts();
    private final ErrorRecognizer recognizer = new ErrorRecognizer(CodeScanner.defaults(), CodeRange.defaultRange(), counts, 3,
            ArgumentMode.ENVELOPES, false);

    /** A DTO's code getter is a class of its own (a lambda): a recognizer built again with the same keys takes over the readers. */
    @Test
    void aRecognizerConfiguredLikeTheOneItReplacesTakesOverItsReadersOfResponseObjects() {
        ErrorRecognizer again = new ErrorRecognizer(CodeScanner.defaults(), CodeRange.defaultRange(), new ErrorCounts(), 16,
                ArgumentMode.ALL, true);
        ErrorRecognizer otherKeys = new ErrorRecognizer(CodeScanner.builder().addKey("errorCode").build(), CodeRange.defaultRange(),
                new ErrorCounts(), 16, ArgumentMode.ALL, true);
        ErrorRecognizer folding = new ErrorRecognizer(CodeScanner.builder().ignoreKeyCase(true).build(), CodeRange.defaultRange(),
                new ErrorCounts(), 16, ArgumentMode.ALL, true);
        assertThat(again).extracting("responseObjects").isNotSameAs(recognizer.responseObjects());
        ErrorRecognizer taken = again.reusingObjectReaders(recognizer);
        assertThat(taken.responseObjects()).isSameAs(recognizer.responseObjects());
        assertThat(taken.counts()).isSameAs(again.counts());
        assertThat(taken.maxCodesPerEvent()).isEqualTo(16);
        assertThat(taken.argumentMode()).isEqualTo(ArgumentMode.ALL);
        assertThat(taken.scanThrowables()).isTrue();
        assertThat(otherKeys.reusingObjectReaders(recognizer)).isSameAs(otherKeys);
        assertThat(folding.reusingObjectReaders(recognizer)).isSameAs(folding);
        assertThat(again.reusingObjectReaders(null)).isSameAs(again);
    }

    @Test
    void countsSuccessCatalogAndInRangeUnknownCodes() {
        assertThat(OneCall.text(recognizer, "{\"code\":200,\"msg\":\"ok\"} {\"code\":5147,\"msg\":\"locked\"} code=4026", 3)).isEqualTo(3);
        assertThat(counts.successCount()).isEqualTo(1);
        assertThat(counts.count(5147)).isEqualTo(1);
        assertThat(counts.count(4026)).isEqualTo(1);
    }

    @Test
    void valuesOutsideCatalogAndRangeAreIgnored() {
        assertThat(OneCall.text(recognizer, "code=404 code=0 code=50321 code=7000", 3)).isZero();
        assertThat(counts.errorCount() + counts.successCount()).isZero();
    }

    @Test
    void theCapPerEventHoldsAcrossParts() {
        int left = recognizer.maxCodesPerEvent();
        left -= OneCall.text(recognizer, "code=5001 code=5002", left);
        left -= OneCall.text(recognizer, "code=5003 code=5004", left);
        left -= OneCall.keyValue(recognizer, "code", 5005, left);
        assertThat(left).isZero();
        assertThat(counts.errorCount()).isEqualTo(3);
        assertThat(counts.count(5004)).isZero();
    }

    @Test
    void keyValuePairsCountOnlyForCodeKeys() {
        assertThat(OneCall.keyValue(recognizer, "code", 5147, 3)).isEqualTo(1);
        assertThat(OneCall.keyValue(recognizer, "code", "5148", 3)).isEqualTo(1);
        assertThat(OneCall.keyValue(recognizer, "userId", 5147, 3)).isZero();
        assertThat(OneCall.keyValue(recognizer, null, 5147, 3)).isZero();
        assertThat(OneCall.keyValue(recognizer, "code", "abc", 3)).isZero();
        assertThat(counts.errorCount()).isEqualTo(2);
    }

    @Test
    void templatesResolvePlaceholders() {
        assertThat(OneCall.template(recognizer, "login user={} code={}", new Object[] {"u1", 5146}, 3)).isEqualTo(1);
        assertThat(counts.count(5146)).isEqualTo(1);
    }

    @Test
    void withinOneCallEachDistinctCodeCountsOnce() {
        new OneCall("code=5147 code=5147 code=200", null, "code=200", List.of("code"), List.of(5147), null).count(recognizer, 3);
        OneCall.text(recognizer, "code=5147", 3);
        assertThat(counts.count(5147)).as("once in the call, once in the next").isEqualTo(2);
        assertThat(counts.successCount()).isEqualTo(1);
    }

    /** A response object whose accessor logs, as a DTO with a logging getter does. */
    public static final class LoggingDto {
        private final ErrorRecognizer recognizer;
        int nestedCounted = -1;

        LoggingDto(ErrorRecognizer recognizer) {
            this.recognizer = recognizer;
        }

        public int getCode() {
            nestedCounted = OneCall.text(recognizer, "code=5147 code=5148", 3);
            return 5147;
        }

        public String getMsg() {
            return "locked";
        }
    }

    @Test
    void aNestedCallKeepsItsOwnCodesAndTheEnclosingCallGoesOnAfterIt() {
        LoggingDto dto = new LoggingDto(recognizer);
        new OneCall("code=5147 {}", new Object[] {dto}, "code=5147 code=5148", List.of(), List.of(), null).count(recognizer, 3);
        assertThat(dto.nestedCounted).as("a log call made inside another").isEqualTo(2);
        assertThat(counts.count(5147)).isEqualTo(2);
        assertThat(counts.count(5148)).isEqualTo(2);
    }

    @Test
    void aNestedCallReadsNoObjects() {
        LoggingDto inner = new LoggingDto(recognizer);
        Object outer = new Object() {
            public int getCode() {
                new OneCall("{}", new Object[] {inner}, null, List.of(), List.of(), null).count(recognizer, 3);
                return 200;
            }

            public String getMsg() {
                return "ok";
            }
        };
        new OneCall("{}", new Object[] {outer}, null, List.of(), List.of(), null).count(recognizer, 3);
        assertThat(inner.nestedCounted).as("the accessor of an object logged by a nested call never ran").isEqualTo(-1);
        assertThat(counts.successCount()).isEqualTo(1);
    }

    @Test
    void theFirstCodeSinkSeesTheFirstResponseCodeWithoutCounting() {
        FirstCode first = new FirstCode();
        assertThat(recognizer.recognize(OneCall.READER, new OneCall(null, null, "code=404 code=5147 code=200", List.of(), List.of(), null), first,
                OneCall.FAIL)).isEqualTo(1);
        assertThat(first.code()).isEqualTo(5147);
        assertThat(counts.errorCount() + counts.successCount()).isZero();
    }

    @Test
    void aSinkOfTheCallersSeesEachDistinctResponseCodeOnceUpToTheCap() {
        List<Integer> seen = new java.util.ArrayList<>();
        OneCall call = new OneCall("code=404 code=5147 code=200 code=5147", null, "code=5148 code=5149", List.of("code"), List.of(200), null);
        assertThat(recognizer.recognize(OneCall.READER, call, value -> seen.add(value), OneCall.FAIL)).isEqualTo(3);
        assertThat(seen).containsExactly(5147, 200, 5148);
        assertThat(counts.errorCount() + counts.successCount()).isZero();
    }

    @Test
    void aThrowableAndItsCausesAreReadOnlyWithScanThrowablesUpToTheMaximumDepth() {
        ErrorCounts throwableCounts = new ErrorCounts();
        ErrorRecognizer reading = new ErrorRecognizer(CodeScanner.defaults(), CodeRange.defaultRange(), throwableCounts, 16, ArgumentMode.ENVELOPES, true);
        Throwable chain = new IllegalStateException("code=" + (5001 + ErrorRecognizer.MAX_CAUSE_DEPTH));
        for (int depth = ErrorRecognizer.MAX_CAUSE_DEPTH - 1; depth >= 0; depth--) {
            chain = new IllegalStateException("code=" + (5001 + depth), chain);
        }
        assertThat(new OneCall("failed", null, null, List.of(), List.of(), chain).count(reading, 16)).isEqualTo(ErrorRecognizer.MAX_CAUSE_DEPTH);
        assertThat(throwableCounts.count(5001 + ErrorRecognizer.MAX_CAUSE_DEPTH)).as("past the depth").isZero();
        assertThat(new OneCall("failed {}", new Object[] {"id", new IllegalStateException("code=5147")}, null, List.of(), List.of(), null)
                .count(reading, 16)).as("an exception passed as the last argument").isEqualTo(1);
        assertThat(new OneCall("failed", null, null, List.of(), List.of(), chain).count(recognizer, 3)).as("without scanThrowables").isZero();
    }

    @Test
    void whatUserCodeThrowsSkipsThePartAndIsReported() {
        List<String> reported = new java.util.ArrayList<>();
        Object failing = new Object() {
            public int getCode() {
                throw new IllegalStateException("boom");
            }

            public String getMsg() {
                return "x";
            }
        };
        assertThat(recognizer.recognize(OneCall.READER, new OneCall("{} code=5147", new Object[] {failing}, null, List.of(), List.of(), null),
                recognizer.counter(), (problem, cause) -> reported.add(problem))).isEqualTo(1);
        assertThat(reported).singleElement().asString().contains("argument threw java.lang.IllegalStateException: boom");
    }

    /** A field a logging system structures itself, as logstash-logback-encoder's {@code kv()}. */
    record Field(String key, Object value) {
    }

    /** A call whose arguments may be {@link Field}s and whose markers are fields. */
    record StructuredCall(String template, Object[] args, List<Field> markers) {
    }

    /** Reads a {@link StructuredCall}: fields as key-value pairs, else their values as arguments. */
    static final LogCall<StructuredCall> STRUCTURED = new LogCall<>() {
        @Override
        public CharSequence template(StructuredCall call) {
            return call.template();
        }

        @Override
        public Object[] arguments(StructuredCall call) {
            return call.args();
        }

        @Override
        public int structuredArgument(StructuredCall call, Object argument, CallParts parts, int budget, FailureReporter failures) {
            return argument instanceof Field ? field((Field) argument, parts, budget, failures) : -1;
        }

        @Override
        public int markers(StructuredCall call, CallParts parts, int budget, FailureReporter failures) {
            int counted = 0;
            for (int i = 0; i < call.markers().size() && counted < budget; i++) {
                counted += field(call.markers().get(i), parts, budget - counted, failures);
            }
            return counted;
        }

        private int field(Field field, CallParts parts, int budget, FailureReporter failures) {
            int asPair = parts.keyValue(field.key(), field.value(), budget);
            return asPair > 0 ? asPair : parts.argument(field.value(), budget, failures);
        }
    };

    @Test
    void structuredArgumentsAndMarkersGoThroughTheRulesOfTheCall() {
        ErrorRecognizer wide = new ErrorRecognizer(CodeScanner.defaults(), CodeRange.defaultRange(), counts, 16, ArgumentMode.ENVELOPES, false);
        StructuredCall call = new StructuredCall("code=5147 {} {}",
                new Object[] {new Field("code", 5147), new Field("body", "{\"code\":5148,\"msg\":\"blocked\"}")},
                List.of(new Field("code", 5148), new Field("code", 200), new Field("userId", 5149)));
        assertThat(wide.recognize(STRUCTURED, call, wide.counter(), OneCall.FAIL)).isEqualTo(3);
        assertThat(counts.count(5147)).as("the template and a structured argument: one response").isEqualTo(1);
        assertThat(counts.count(5148)).as("a structured argument's text and a marker").isEqualTo(1);
        assertThat(counts.successCount()).isEqualTo(1);
        assertThat(counts.count(5149)).as("a field whose key is no code key").isZero();
        assertThat(recognizer.recognize(STRUCTURED, call, recognizer.counter(), OneCall.FAIL)).as("the cap holds across them").isEqualTo(3);
    }
}
