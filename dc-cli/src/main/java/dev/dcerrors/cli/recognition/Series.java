package dev.dcerrors.cli.recognition;

import dev.dcerrors.core.ErrorCategory;
import dev.dcerrors.core.ErrorSeverity;
import java.util.ArrayList;
import java.util.List;

/**
 * One counted outcome, labelled as the binder labels it: the success series, a catalog code, a code
 * outside the catalog (category {@code unknown}, severity {@code error}), or {@code other} for unknown
 * codes beyond the limit of distinct unknown codes.
 */
public final class Series {

    /** The codes of the security timeline: failed attempts, account lock, IP block, abnormal access. */
    public static final int[] SECURITY_CODES = {5146, 5147, 5148, 5325};

    public final int index;
    /** The code as a label value: {@code 5147}, {@code other}, or {@code 200} for the success series. */
    public final String label;
    /** The numeric code; -1 for {@code other}. */
    public final int code;
    public final ErrorCategory category;
    public final ErrorSeverity severity;
    public final String message;
    final boolean security;
    public long total;
    /** Up to {@code --sample} events that counted this series, as {@code file:line: text}. */
    public final List<String> samples = new ArrayList<>();

    Series(int index, String label, int code, ErrorCategory category, ErrorSeverity severity, String message) {
        this.index = index;
        this.label = label;
        this.code = code;
        this.category = category;
        this.severity = severity;
        this.message = message;
        boolean isSecurity = false;
        for (int c : SECURITY_CODES) {
            isSecurity |= c == code;
        }
        this.security = isSecurity;
    }

    public boolean isSuccess() {
        return index == 0;
    }
}
