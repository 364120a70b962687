package dev.dcerrors.core;

import java.util.Locale;

/**
 * How bad an error code is, ordered from {@link #INFO} to {@link #CRITICAL}; {@link #label()} is the
 * value of the {@code severity} tag.
 */
public enum ErrorSeverity {
    /** The caller sent incomplete or malformed input. */
    INFO,
    /** An expected business rejection: not registered, wrong password, expired, not bound. */
    WARNING,
    /** The server or a dependency failed. */
    ERROR,
    /** A security block or a platform outage. */
    CRITICAL;

    private final String label = name().toLowerCase(Locale.ROOT);

    /** The lowercase name used in tags and catalog files. */
    public String label() {
        return label;
    }

    /**
     * Parses a label as written in a catalog file.
     *
     * @throws IllegalArgumentException naming the expected values when {@code label} is not one
     */
    public static ErrorSeverity fromLabel(String label) {
        for (ErrorSeverity severity : values()) {
            if (severity.label.equals(label)) {
                return severity;
            }
        }
        throw new IllegalArgumentException("unknown severity '" + label + "', expected one of info, warning, error, critical");
    }
}
