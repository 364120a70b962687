package dev.dcerrors.logback;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.dcerrors.core.ErrorCode;
import dev.dcerrors.core.ErrorSeverity;

/**
 * {@code %dcSeverity}: the severity of the event's first error code ({@code error} for a code outside the
 * catalog), or nothing for a success or an event without a code. Register it with
 * {@code <conversionRule conversionWord="dcSeverity" class="dev.dcerrors.logback.SeverityConverter"/>}.
 */
public class SeverityConverter extends ClassicConverter {

    @Override
    public String convert(ILoggingEvent event) {
        int code = EventCodes.firstCode(event);
        if (code == EventCodes.NONE || code == ErrorCode.SUCCESS) {
            return "";
        }
        ErrorCode entry = EventCodes.entry(code);
        return entry == null ? ErrorSeverity.ERROR.label() : entry.severity().label();
    }
}
