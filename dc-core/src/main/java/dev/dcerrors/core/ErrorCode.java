package dev.dcerrors.core;

import java.util.Objects;

/**
 * One row of the catalog: a numeric code with its category, severity and the platform's message.
 *
 * @param code     the numeric code, as it appears in the {@code "code"} field of a response
 * @param category what the code is about
 * @param severity how bad it is
 * @param message  the platform's English message for the code
 */
public record ErrorCode(int code, ErrorCategory category, ErrorSeverity severity, String message) {

    /** The lowest code a catalog may hold. */
    public static final int MIN_CODE = 1;
    /** The highest code a catalog may hold; keeps the catalog's lookup array small. */
    public static final int MAX_CODE = 99_999;
    /** The success code of the response envelope; never an error. */
    public static final int SUCCESS = 200;

    public ErrorCode {
        if (code < MIN_CODE || code > MAX_CODE || code == SUCCESS) {
            throw new IllegalArgumentException("code " + code + " is not an error code: expected "
                    + MIN_CODE + "-" + MAX_CODE + " and not " + SUCCESS);
        }
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
    }
}
