package dev.dcerrors.spring;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The starter's own {@code devcenter.errors.*} properties. The recognition options ({@code max-scan-chars},
 * {@code extra-keys}, {@code error-code-range}, {@code counts}, ...) are bound under the same prefix straight onto
 * {@link dev.dcerrors.core.RecognizerOptions}, which declares, defaults and validates them for the Logback filter and
 * appender alike; they are not repeated here.
 */
@ConfigurationProperties(prefix = "devcenter.errors")
public class DevCenterErrorProperties {

    /** Whether to install the turbo filter and register the metrics. */
    private boolean enabled = true;

    /** Whether calls at levels the logger drops are counted too (the turbo filter's includeDisabledLevels). */
    private boolean includeDisabledLevels;

    /** Whether every catalog code gets a series from startup (about 400), not only the codes seen. */
    private boolean registerWholeCatalog;

    /**
     * At most this many distinct endpoints have series of their own in devcenter_endpoint_errors_total (1-1000); the
     * rest are counted as endpoint "other".
     */
    private int maxEndpoints = dev.dcerrors.core.EndpointCounts.DEFAULT_MAX_ENDPOINTS;

    /** Counting responses at their source: the bodies the application answers and receives. */
    private final Responses responses = new Responses();

    /** The {@code devcenter.errors.responses.*} properties. */
    public static class Responses {

        /**
         * Whether the response bodies that Spring MVC handlers answer and that RestClient and RestTemplate receive are
         * counted where they are answered or received, each once with the log calls of its exchange.
         */
        private boolean enabled = true;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }
    }

    public int getMaxEndpoints() {
        return maxEndpoints;
    }

    public void setMaxEndpoints(int maxEndpoints) {
        this.maxEndpoints = maxEndpoints;
    }

    public Responses getResponses() {
        return responses;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public boolean isIncludeDisabledLevels() {
        return includeDisabledLevels;
    }

    public void setIncludeDisabledLevels(boolean includeDisabledLevels) {
        this.includeDisabledLevels = includeDisabledLevels;
    }

    public boolean isRegisterWholeCatalog() {
        return registerWholeCatalog;
    }

    public void setRegisterWholeCatalog(boolean registerWholeCatalog) {
        this.registerWholeCatalog = registerWholeCatalog;
    }
}
