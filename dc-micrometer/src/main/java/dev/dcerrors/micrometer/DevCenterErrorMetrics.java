package dev.dcerrors.micrometer;

import dev.dcerrors.core.EndpointCounts;
import dev.dcerrors.core.ErrorCounts;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Publishes the Developer Center error counts that the Logback or Log4j2 filter records.
 *
 * <ul>
 *   <li>{@value #ERRORS} (Prometheus {@code devcenter_errors_total}), tags {@code code}, {@code category},
 *       {@code severity}: one series per code seen, plus the codes alerts depend on ({@link #ALERT_CODES}),
 *       present at 0 from bind time so that the first lockout is not lost to {@code increase()}.</li>
 *   <li>{@value #RESPONSES} ({@code devcenter_responses_total}), tag {@code outcome} = {@code success} |
 *       {@code error}: every recognized response envelope, for error ratios.</li>
 *   <li>{@value #CODE_INFO} ({@code devcenter_error_code_info}), value 1, tags {@code code}, {@code category},
 *       {@code severity}, {@code message}: the catalog's description of each code with a series, for joins.</li>
 *   <li>{@value #ENDPOINT_ERRORS} ({@code devcenter_endpoint_errors_total}), tags {@code endpoint}, {@code side}
 *       ({@code server} | {@code client}), {@code code}, {@code category}, {@code severity}: the error responses
 *       counted at their source ({@link EndpointCounts}, given with {@link Builder#endpoints}), one series per
 *       (endpoint, side, code) that occurred.</li>
 * </ul>
 *
 * <p>All meters are function counters and gauges reading {@link ErrorCounts}: the logging thread never
 * calls a registry, and reading a meter never registers one. A code first counted after binding is
 * registered in every bound registry within {@link #PUBLISHED_WITHIN}, whatever reads which meter and
 * whatever meter filters deny, by a shared background thread ({@code devcenter-metrics-registrar}, a daemon
 * started by the first bind and stopped by the last {@link #close()}); and a scrape of Micrometer's
 * Prometheus registry (bound directly or inside a composite) first registers what is missing, so that it
 * shows the codes counted before it began. Codes counted before binding are registered by
 * {@link #bindTo}. When the counts' catalog
 * changes ({@link ErrorCounts#addCatalog}), the series of each code whose classification changed are
 * re-registered with the new labels in the same way, and the old ones removed: in a cumulative registry the
 * new counter carries the whole count; in a step registry it counts from what the old one had read, so that
 * no count is reported twice (a composite mixing both kinds keeps the whole count).
 *
 * <p>Meters belong to the registry: binders over the same counts with the same tags bound to one
 * registry share them, closing one keeps them for the others, and the last {@code close()} removes them.
 * Cardinality is bounded by the counts: catalog codes, at most {@link ErrorCounts#maxUnknownCodes()}
 * unknown codes, and {@code code="other"} for the rest. Label values come from the catalog only, never
 * from log text.
 *
 * <pre>{@code
 * new DevCenterErrorMetrics().bindTo(registry);
 * DevCenterErrorMetrics.builder().counts(LogbackCounts.named(loggerContext, "orders")).tags(Tags.of("region", "eu"))
 *         .registerWholeCatalog(true).build().bindTo(registry);
 * DevCenterErrorMetrics.builder().counts(Log4j2Counts.named(log4j2Context, "orders")).build().bindTo(registry);
 * }</pre>
 */
public class DevCenterErrorMetrics implements MeterBinder, AutoCloseable {

    /** Error responses by code. */
    public static final String ERRORS = Meters.ERRORS;
    /** Recognized responses by outcome. */
    public static final String RESPONSES = Meters.RESPONSES;
    /** Error responses counted at their source, by endpoint, side and code. */
    public static final String ENDPOINT_ERRORS = Meters.ENDPOINT_ERRORS;
    /** The catalog's description of each code with a series; value 1. */
    public static final String CODE_INFO = Meters.CODE_INFO;
    /** The codes the shipped alerts depend on: registered at 0 from bind time. */
    public static final List<Integer> ALERT_CODES = Meters.ALERT_CODES;
    /** The {@code code} tag value of unknown codes beyond the bound. */
    public static final String OTHER_CODE = Meters.OTHER_CODE;
    /**
     * The bound on how long after its first count a code has its series in every bound registry, and after
     * a catalog change its new labels: a push registry sends it with its first push after that.
     */
    public static final Duration PUBLISHED_WITHIN = Duration.ofSeconds(1);


    private final ErrorCounts counts;
    private final Tags tags;
    private final boolean registerWholeCatalog;
    private final @Nullable EndpointCounts endpoints;
    /** The registrar this binder shares with every other: one set of publications per registry. */
    private final Registrar registrar = Registrar.shared();
    /** Per registry this binder is bound to, the publication it holds; guarded by itself. */
    private final List<Registrar.Holding> held = new ArrayList<>();

    /** Publishes {@link ErrorCounts#shared()}, where a turbo filter with default options counts. */
    public DevCenterErrorMetrics() {
        this(builder());
    }

    /** Publishes {@link ErrorCounts#shared()} with common tags on every meter. */
    public DevCenterErrorMetrics(Iterable<Tag> tags) {
        this(builder().tags(tags));
    }

    private DevCenterErrorMetrics(Builder builder) {
        this.counts = builder.counts == null ? ErrorCounts.shared() : builder.counts;
        this.endpoints = builder.endpoints != null || counts != ErrorCounts.shared() ? builder.endpoints : EndpointCounts.shared();
        if (endpoints != null && endpoints.counts() != counts) {
            throw new IllegalArgumentException("the endpoint counts go with counts " + endpoints.counts().name() + ", not " + counts.name());
        }
        this.tags = builder.tags;
        this.registerWholeCatalog = builder.registerWholeCatalog;
    }

    /** A builder with the defaults of {@link #DevCenterErrorMetrics()}: shared counts, no tags, codes as they come. */
    public static Builder builder() {
        return new Builder();
    }

    /** The options of a {@link DevCenterErrorMetrics}, each named. */
    public static final class Builder {

        private @Nullable ErrorCounts counts;
        private @Nullable EndpointCounts endpoints;
        private Tags tags = Tags.empty();
        private boolean registerWholeCatalog;

        private Builder() {
        }

        /** The counts to publish; by default {@link ErrorCounts#shared()}, where a filter with no options counts. */
        public Builder counts(ErrorCounts counts) {
            this.counts = counts;
            return this;
        }

        /** Common tags on every meter, added to those given before; none by default. */
        public Builder tags(Iterable<Tag> tags) {
            this.tags = this.tags.and(tags);
            return this;
        }

        /** Common tags as key-value pairs, added to those given before. */
        public Builder tags(String... keyValues) {
            this.tags = this.tags.and(keyValues);
            return this;
        }

        /**
         * With {@code true}, every catalog code has a series from bind time (about 400 series of {@value DevCenterErrorMetrics#ERRORS}
         * and of {@value DevCenterErrorMetrics#CODE_INFO} for the built-in catalog); by default only the alert codes and the codes
         * counted.
         */
        public Builder registerWholeCatalog(boolean registerWholeCatalog) {
            this.registerWholeCatalog = registerWholeCatalog;
            return this;
        }

        /**
         * The error responses counted at their source by endpoint, published as {@value DevCenterErrorMetrics#ENDPOINT_ERRORS}.
         * They must go with the {@link #counts}. By default {@link EndpointCounts#shared()} for the shared counts (where the
         * HTTP client interceptors count when given no counter), none for other counts.
         */
        public Builder endpoints(EndpointCounts endpoints) {
            this.endpoints = endpoints;
            return this;
        }

        /** The binder; bind it with {@link DevCenterErrorMetrics#bindTo(MeterRegistry)}. */
        public DevCenterErrorMetrics build() {
            return new DevCenterErrorMetrics(this);
        }
    }

    /**
     * Registers the meters in {@code registry}, or shares those that another binder over the same counts with
     * the same tags registered there; binding the same registry again does nothing.
     *
     * @throws RuntimeException what the registry throws (a meter filter that throws, for example); nothing
     *     stays registered then
     */
    @Override
    public void bindTo(MeterRegistry registry) {
        synchronized (held) {
            for (Registrar.Holding holding : held) {
                if (holding.registry() == registry) {
                    return;
                }
            }
            held.add(registrar.open(registry, counts, tags, registerWholeCatalog, endpoints));
        }
    }

    /**
     * Lets go of every registry this binder is bound to: the meters stay while another binder shares them, and
     * go with the last one. The binder can be bound again afterwards.
     */
    @Override
    public void close() {
        List<Registrar.Holding> released;
        synchronized (held) {
            released = new ArrayList<>(held);
            held.clear();
        }
        registrar.release(released);
    }

    /** The endpoint counts this binder publishes, or null. */
    public @Nullable EndpointCounts endpoints() {
        return endpoints;
    }

    /** The counts this binder publishes. */
    public ErrorCounts counts() {
        return counts;
    }
}
