package dev.dcerrors.logback;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.dcerrors.core.ErrorCode;
import dev.dcerrors.core.ErrorCategory;

/**
 * {@code %dcCategory}: the category of the event's first error code ({@code unknown} for a code outside
 * the catalog), or nothing for a success or an event without a code. Register it with
 * {@code <conversionRule conversionWord="dcCategory" class="dev.dcerrors.logback.CategoryConverter"/>}.
 */
public class CategoryConverter extends ClassicConverter {

    @Override
    public String convert(ILoggingEvent event) {
        int code = EventCodes.firstCode(event);
        if (code == EventCodes.NONE || code == ErrorCode.SUCCESS) {
            return "";
        }
        ErrorCode entry = EventCodes.entry(code);
        return entry == null ? ErrorCategory.UNKNOWN.label() : entry.category().label();
    }
}
