package dev.dcerrors.core;

/**
 * The labels of an error code wherever a count of it is shown: the binder's series, the pattern converters, dc-cli's
 * reports and backfill. A catalog code carries its catalog entry; a code outside the catalog is {@code unknown} with
 * severity {@code error}; an unknown code past the counts' {@code maxUnknownCodes} is counted, and labelled, as
 * {@link #OTHER}. Worked out here only.
 *
 * @param code the {@code code} label: the code's digits, or {@code other}
 * @param message the catalog's description, or what stands for one
 */
public record CodeLabels(String code, ErrorCategory category, ErrorSeverity severity, String message) {

    /** The labels of the unknown codes counted under {@code other}. */
    public static final CodeLabels OTHER = new CodeLabels(ErrorCounts.OTHER, ErrorCategory.UNKNOWN, ErrorSeverity.ERROR, ErrorCounts.OTHER_MESSAGE);

    /** The labels of error {@code code} by {@code catalog}: its entry's, or those of an unknown code. */
    public static CodeLabels of(int code, ErrorCatalog catalog) {
        ErrorCode entry = catalog.find(code);
        return entry == null
                ? new CodeLabels(Integer.toString(code), ErrorCategory.UNKNOWN, ErrorSeverity.ERROR, ErrorCounts.UNKNOWN_MESSAGE)
                : new CodeLabels(Integer.toString(code), entry.category(), entry.severity(), entry.message());
    }

    /**
     * The labels under which {@code counts} count error {@code code} now: {@link #OTHER} for an unknown code that has no
     * place of its own while every place is taken ({@link ErrorCounts#countsUnderOther}), else {@link #of(int, ErrorCatalog)}
     * by the counts' catalog. Claims no place.
     */
    public static CodeLabels of(int code, ErrorCounts counts) {
        return counts.countsUnderOther(code) ? OTHER : of(code, counts.catalog());
    }
}
