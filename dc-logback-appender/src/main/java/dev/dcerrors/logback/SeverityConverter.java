package dev.dcerrors.logback;

import dev.dcerrors.core.CodeLabels;
import org.jspecify.annotations.Nullable;

/**
 * {@code %dcSeverity}: the severity of the event's first error code ({@code error} for a code outside the
 * catalog), or nothing for a success or an event without a code. Register it with
 * {@code <conversionRule conversionWord="dcSeverity" class="dev.dcerrors.logback.SeverityConverter"/>}.
 */
public class SeverityConverter extends DevCenterConverter {

    @Override
    String part(int code, @Nullable CodeLabels labels) {
        return labels == null ? "" : labels.severity().label();
    }
}
