package dev.dcerrors.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.dcerrors.core.ErrorCatalog;
import dev.dcerrors.core.ErrorCategory;
import dev.dcerrors.core.ErrorCode;
import dev.dcerrors.core.ErrorCounts;
import dev.dcerrors.core.ErrorSeverity;
import io.micrometer.core.instrument.Clock;
import io.micrometer.registry.otlp.OtlpConfig;
import io.micrometer.registry.otlp.OtlpMeterRegistry;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.AggregationTemporality;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Micrometer's OTLP registry pushing over HTTP to an OTLP/HTTP receiver on 127.0.0.1, each request decoded
 * with the OpenTelemetry protobuf classes: the counters and their attributes as a collector receives them,
 * and a code first counted after the registry started.
 */
@Timeout(60)
class OtlpPushTest {

    /** The push interval of the registries under test. */
    private static final Duration STEP = Duration.ofSeconds(1);

    private final ErrorCounts counts = new ErrorCounts(ErrorCatalog.builtIn(), 50);
    private final List<ExportMetricsServiceRequest> received = new CopyOnWriteArrayList<>();
    private HttpServer receiver;

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/v1/metrics", exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                received.add(ExportMetricsServiceRequest.parseFrom(body.readAllBytes()));
            }
            byte[] response = ExportMetricsServiceResponse.getDefaultInstance().toByteArray();
            exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, response.length == 0 ? -1 : response.length);
            exchange.getResponseBody().write(response);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    private OtlpMeterRegistry registry(io.micrometer.registry.otlp.AggregationTemporality temporality) {
        String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/v1/metrics";
        return new OtlpMeterRegistry(new OtlpConfig() {
            @Override
            public @Nullable String get(String key) {
                return null;
            }

            @Override
            public String url() {
                return url;
            }

            @Override
            public Duration step() {
                return STEP;
            }

            @Override
            public Map<String, String> resourceAttributes() {
                return Map.of("service.name", "dc-otlp-test");
            }

            @Override
            public io.micrometer.registry.otlp.AggregationTemporality aggregationTemporality() {
                return temporality;
            }
        }, Clock.SYSTEM);
    }

    /** One data point of a pushed metric, with its attributes as strings. */
    private record Point(Metric metric, NumberDataPoint point, Map<String, String> attributes) {
    }

    private static Map<String, String> attributes(List<KeyValue> keyValues) {
        Map<String, String> attributes = new TreeMap<>();
        for (KeyValue kv : keyValues) {
            attributes.put(kv.getKey(), kv.getValue().getStringValue());
        }
        return attributes;
    }

    /** The data point of {@code metric} whose attributes include {@code attribute}={@code value}, in one request. */
    private static Optional<Point> point(ExportMetricsServiceRequest request, String metric, String attribute, String value) {
        for (ResourceMetrics resource : request.getResourceMetricsList()) {
            for (ScopeMetrics scope : resource.getScopeMetricsList()) {
                for (Metric m : scope.getMetricsList()) {
                    if (!m.getName().equals(metric)) {
                        continue;
                    }
                    List<NumberDataPoint> points = m.hasSum() ? m.getSum().getDataPointsList() : m.getGauge().getDataPointsList();
                    for (NumberDataPoint p : points) {
                        Map<String, String> attributes = attributes(p.getAttributesList());
                        if (value.equals(attributes.get(attribute))) {
                            return Optional.of(new Point(m, p, attributes));
                        }
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** The first request received from now on for which {@code found} finds a point; waits for pushes to come. */
    private Point firstPushWith(Function<ExportMetricsServiceRequest, Optional<Point>> found)
            throws InterruptedException {
        int seen = 0;
        while (true) {
            while (seen < received.size()) {
                Optional<Point> point = found.apply(received.get(seen++));
                if (point.isPresent()) {
                    return point.get();
                }
            }
            Thread.sleep(20); // the test's timeout ends a wait for a push that never comes
        }
    }

    @Test
    void theOtlpRegistryPushesTheCountersWithTheirAttributesAndACodeFirstSeenAfterStart() throws Exception {
        Counting.record(counts, 200, 2);
        Counting.record(counts, 5147);
        OtlpMeterRegistry otlp = registry(io.micrometer.registry.otlp.AggregationTemporality.CUMULATIVE);
        try (DevCenterErrorMetrics metrics = DevCenterErrorMetrics.builder().counts(counts).tags("application", "demo").build()) {
            metrics.bindTo(otlp);
            Point locked = firstPushWith(r -> point(r, DevCenterErrorMetrics.ERRORS, "code", "5147"));
            assertThat(locked.metric().getUnit()).isEqualTo("errors");
            assertThat(locked.metric().getDescription()).isEqualTo("Developer Center error responses recognized in the logs, by code");
            assertThat(locked.metric().getSum().getIsMonotonic()).isTrue();
            assertThat(locked.metric().getSum().getAggregationTemporality()).isEqualTo(AggregationTemporality.AGGREGATION_TEMPORALITY_CUMULATIVE);
            assertThat(locked.attributes()).containsExactlyEntriesOf(new TreeMap<>(Map.of(
                    "application", "demo", "category", "security", "code", "5147", "severity", "critical")));
            assertThat(locked.point().getAsDouble()).isEqualTo(1);
            Point successes = firstPushWith(r -> point(r, DevCenterErrorMetrics.RESPONSES, "outcome", "success"));
            assertThat(successes.point().getAsDouble()).isEqualTo(2);
            assertThat(successes.metric().getUnit()).isEqualTo("responses");
            assertThat(received.get(0).getResourceMetrics(0).getResource().getAttributesList())
                    .anySatisfy(kv -> assertThat(kv.getKey() + "=" + kv.getValue().getStringValue()).isEqualTo("service.name=dc-otlp-test"));

            // A code first counted now, while the registry pushes: in the registry within the bound, then pushed.
            long since = System.nanoTime();
            Counting.record(counts, 5021, 3);
            Eventually.published(since, "devcenter.errors{code=5021} in the OTLP registry",
                    () -> otlp.find(DevCenterErrorMetrics.ERRORS).tag("code", "5021").functionCounter());
            Point input = Eventually.within(DevCenterErrorMetrics.PUBLISHED_WITHIN.plus(STEP.multipliedBy(2)), since,
                    "a push with devcenter.errors{code=5021}", () -> received.stream()
                            .map(r -> point(r, DevCenterErrorMetrics.ERRORS, "code", "5021"))
                            .flatMap(Optional::stream).findFirst().orElse(null));
            assertThat(input.attributes()).containsEntry("category", "account").containsEntry("severity", "info");
            assertThat(input.point().getAsDouble()).isEqualTo(3);
            Point info = firstPushWith(r -> point(r, DevCenterErrorMetrics.CODE_INFO, "code", "5021"));
            assertThat(info.metric().hasGauge()).isTrue();
            assertThat(info.attributes()).containsEntry("message", "Input mobile number.");
            assertThat(info.point().getAsDouble()).isEqualTo(1);
        } finally {
            otlp.close();
        }
    }

    /** Waits until {@code pushes} requests have been received; the test's timeout ends a wait that lasts. */
    private void awaitPushes(int pushes) throws InterruptedException {
        while (received.size() < pushes) {
            Thread.sleep(20);
        }
    }

    /** The sum over every push received so far of the data points of {@code code}. */
    private double pushedSum(String code) {
        return received.stream().map(r -> point(r, DevCenterErrorMetrics.ERRORS, "code", code)).flatMap(Optional::stream)
                .mapToDouble(p -> p.point().getAsDouble()).sum();
    }

    @Test
    void inDeltaTemporalityEachPushCarriesTheIncreaseOfItsStep() throws Exception {
        OtlpMeterRegistry otlp = registry(io.micrometer.registry.otlp.AggregationTemporality.DELTA);
        try (DevCenterErrorMetrics metrics = DevCenterErrorMetrics.builder().counts(counts).build()) {
            metrics.bindTo(otlp);
            long since = System.nanoTime();
            Counting.record(counts, 5021, 3);
            Eventually.published(since, "devcenter.errors{code=5021} in the OTLP registry",
                    () -> otlp.find(DevCenterErrorMetrics.ERRORS).tag("code", "5021").functionCounter());
            Point first = firstPushWith(r -> point(r, DevCenterErrorMetrics.ERRORS, "code", "5021").filter(p -> p.point().getAsDouble() > 0));
            assertThat(first.metric().getSum().getAggregationTemporality()).isEqualTo(AggregationTemporality.AGGREGATION_TEMPORALITY_DELTA);
            assertThat(first.point().getAsDouble()).as("the step the code was first counted in").isEqualTo(3);
            int pushes = received.size();
            firstPushWith(r -> received.indexOf(r) >= pushes ? point(r, DevCenterErrorMetrics.ERRORS, "code", "5021") : Optional.empty());
            assertThat(pushedSum("5021")).as("a step without new counts adds nothing").isEqualTo(3);
            Counting.record(counts, 5021, 2);
            awaitPushes(received.size() + 2); // the second of them read the meter after these counts
            assertThat(pushedSum("5021")).as("the later step's increase").isEqualTo(5);
        } finally {
            otlp.close();
        }
    }

    @Test
    void inDeltaTemporalityACatalogChangeDoesNotPushTheCountAgain() throws Exception {
        OtlpMeterRegistry otlp = registry(io.micrometer.registry.otlp.AggregationTemporality.DELTA);
        try (DevCenterErrorMetrics metrics = DevCenterErrorMetrics.builder().counts(counts).build()) {
            metrics.bindTo(otlp);
            Counting.record(counts, 5021, 3);
            firstPushWith(r -> point(r, DevCenterErrorMetrics.ERRORS, "code", "5021").filter(p -> p.point().getAsDouble() > 0));

            long since = System.nanoTime();
            counts.addCatalog(ErrorCatalog.of(new ErrorCode(5021, ErrorCategory.SECURITY, ErrorSeverity.WARNING, "Mobile number checked twice.")));
            Eventually.published(since, "devcenter.errors{code=5021,category=security} in the OTLP registry",
                    () -> otlp.find(DevCenterErrorMetrics.ERRORS).tag("code", "5021").tag("category", "security").functionCounter());
            Point relabelled = firstPushWith(r -> point(r, DevCenterErrorMetrics.ERRORS, "code", "5021")
                    .filter(p -> "security".equals(p.attributes().get("category"))));
            assertThat(relabelled.point().getAsDouble()).as("the first push under the new labels").isZero();
            awaitPushes(received.size() + 1);
            assertThat(pushedSum("5021")).as("the count is pushed once, under either labels").isEqualTo(3);
            Counting.record(counts, 5021, 2);
            awaitPushes(received.size() + 2);
            assertThat(pushedSum("5021")).as("the later step's increase, under the new labels").isEqualTo(5);
        } finally {
            otlp.close();
        }
    }
}
