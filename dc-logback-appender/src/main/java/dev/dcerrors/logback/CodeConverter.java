package dev.dcerrors.logback;

import dev.dcerrors.core.CodeLabels;
import org.jspecify.annotations.Nullable;

/**
 * {@code %dcCode}: the first response code in the event (200 included), or nothing; {@code other} for an unknown
 * code beyond {@code <maxUnknownCodes>}, as the metrics label it. Register it with
 * {@code <conversionRule conversionWord="dcCode" class="dev.dcerrors.logback.CodeConverter"/>};
 * {@code %dcCode{counts}} uses the options of the filter counting into those counts.
 */
public class CodeConverter extends DevCenterConverter {

    @Override
    String part(int code, @Nullable CodeLabels labels) {
        return labels == null ? Integer.toString(code) : labels.code();
    }
}
