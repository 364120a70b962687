package dev.dcerrors.logback;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.dcerrors.core.ErrorCode;
import org.jspecify.annotations.Nullable;

/**
 * A converter that prints one part of the classification of the event's first error code: nothing for a
 * success or an event without a code, the part for unknown codes for a code outside the catalog.
 */
abstract class ClassificationConverter extends ClassicConverter {

    @Override
    public String convert(ILoggingEvent event) {
        int code = EventCodes.firstCode(event);
        if (code == EventCodes.NONE || code == ErrorCode.SUCCESS) {
            return "";
        }
        return part(EventCodes.entry(code));
    }

    /** The printed part of a catalog entry, or of an unknown code when {@code entry} is null. */
    abstract String part(@Nullable ErrorCode entry);
}
