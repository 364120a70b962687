package dev.dcerrors.core;

import java.util.Locale;

/**
 * What an error code is about. The set is fixed; {@link #label()} is the value of the {@code category}
 * tag. See {@code error-codes-rubric.md} in this package's resources for which code has which category.
 */
public enum ErrorCategory {
    AUTH,
    SECURITY,
    ACCOUNT,
    SMS,
    EMAIL,
    DEVICE,
    BINDING,
    SHARING,
    DEVICE_GROUP,
    USER_DOMAIN,
    ENTERPRISE,
    THIRD_PARTY,
    PRODUCT,
    PLATFORM,
    /** Codes outside the catalog. */
    UNKNOWN;

    private final String label = name().toLowerCase(Locale.ROOT);

    /** The lowercase name used in tags and catalog files, e.g. {@code third_party}. */
    public String label() {
        return label;
    }

    /**
     * Parses a label as written in a catalog file.
     *
     * @throws IllegalArgumentException naming the expected values when {@code label} is not one
     */
    public static ErrorCategory fromLabel(String label) {
        for (ErrorCategory category : values()) {
            if (category.label.equals(label)) {
                return category;
            }
        }
        throw new IllegalArgumentException("unknown category '" + label + "', expected one of " + labels());
    }

    static String labels() {
        StringBuilder sb = new StringBuilder();
        for (ErrorCategory category : values()) {
            sb.append(sb.length() == 0 ? "" : ", ").append(category.label);
        }
        return sb.toString();
    }
}
