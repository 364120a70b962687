package dev.dcerrors.logback;

import dev.dcerrors.core.ErrorCode;
import org.jspecify.annotations.Nullable;

/**
 * {@code %dcCode}: the first response code in the event (200 included), or nothing. Register it with
 * {@code <conversionRule conversionWord="dcCode" class="dev.dcerrors.logback.CodeConverter"/>};
 * {@code %dcCode{counts}} uses the options of the filter counting into those counts.
 */
public class CodeConverter extends DevCenterConverter {

    @Override
    String part(int code, @Nullable ErrorCode entry) {
        return Integer.toString(code);
    }
}
