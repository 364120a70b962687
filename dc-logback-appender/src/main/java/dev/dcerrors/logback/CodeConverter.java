package dev.dcerrors.logback;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * {@code %dcCode}: the first response code in the event (200 included), or nothing. Register it with
 * {@code <conversionRule conversionWord="dcCode" class="dev.dcerrors.logback.CodeConverter"/>}.
 */
public class CodeConverter extends ClassicConverter {

    @Override
    public String convert(ILoggingEvent event) {
        int code = EventCodes.firstCode(event);
        return code == EventCodes.NONE ? "" : Integer.toString(code);
    }
}
