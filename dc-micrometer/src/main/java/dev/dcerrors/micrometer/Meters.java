package dev.dcerrors.micrometer;

import dev.dcerrors.core.ErrorCounts;
import java.util.List;

/**
 * What the binder publishes, declared once: the meter names, their descriptions, units and tag keys, and the
 * codes every publication registers from bind time. {@link DevCenterErrorMetrics} exposes the names as its
 * public constants; {@link Publication} registers the meters with them.
 */
final class Meters {

    /** Error responses by code: a function counter per code with a series. */
    static final String ERRORS = "devcenter.errors";
    static final String ERRORS_DESCRIPTION = "Developer Center error responses recognized in the logs, by code";
    static final String ERRORS_UNIT = "errors";

    /** Recognized responses by outcome: two function counters. */
    static final String RESPONSES = "devcenter.responses";
    static final String RESPONSES_DESCRIPTION = "Developer Center response envelopes recognized in the logs, by outcome";
    static final String RESPONSES_UNIT = "responses";

    /** The catalog's description of each code with a series: a gauge of value 1 beside each error counter. */
    static final String CODE_INFO = "devcenter.error.code.info";
    static final String CODE_INFO_DESCRIPTION = "Catalog description of each Developer Center error code with a series; value 1";

    /** Error responses counted where they are answered or received: a function counter per (endpoint, side, code) that occurred. */
    static final String ENDPOINT_ERRORS = "devcenter.endpoint.errors";
    static final String ENDPOINT_ERRORS_DESCRIPTION = "Developer Center error responses counted where they are answered or received, by endpoint";

    /** Tag keys, and the values of {@link #OUTCOME}. */
    static final String CODE = "code";
    static final String CATEGORY = "category";
    static final String SEVERITY = "severity";
    static final String MESSAGE = "message";
    static final String OUTCOME = "outcome";
    static final String ENDPOINT = "endpoint";
    static final String SIDE = "side";
    static final String SUCCESS = "success";
    static final String ERROR = "error";

    /** The {@link #CODE} of unknown codes beyond the bound. */
    static final String OTHER_CODE = ErrorCounts.OTHER;

    /** The codes the shipped alerts depend on: registered at 0 from bind time. */
    static final List<Integer> ALERT_CODES = List.of(5000, 5146, 5147, 5148, 5325);

    private Meters() {
    }
}
