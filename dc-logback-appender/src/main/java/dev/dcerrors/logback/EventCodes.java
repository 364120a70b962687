package dev.dcerrors.logback;

import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.dcerrors.core.CodeRange;
import dev.dcerrors.core.CodeScanner;
import dev.dcerrors.core.ErrorCatalog;
import dev.dcerrors.core.ErrorCode;
import dev.dcerrors.core.ErrorCounts;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.event.KeyValuePair;

/** The first response code of an event, for the pattern converters; counts nothing. */
final class EventCodes {

    /** No code in the event. */
    static final int NONE = -1;

    private EventCodes() {
    }

    /**
     * The first value in the event's formatted message or key-value pairs that is a response code: 200, a
     * catalog code, or a value in the default error range.
     */
    static int firstCode(ILoggingEvent event) {
        ErrorCatalog catalog = ErrorCounts.shared().catalog();
        int[] first = {NONE};
        CodeScanner.defaults().scan(event.getFormattedMessage(), value -> {
            if (isResponseCode(value, catalog)) {
                first[0] = value;
                return true;
            }
            return false;
        }, 1);
        if (first[0] != NONE) {
            return first[0];
        }
        List<KeyValuePair> pairs = event.getKeyValuePairs();
        if (pairs != null) {
            for (KeyValuePair pair : pairs) {
                int value = CodeScanner.defaults().isKey(pair.key) ? CodeScanner.codeValue(pair.value) : NONE;
                if (value >= 0 && isResponseCode(value, catalog)) {
                    return value;
                }
            }
        }
        return NONE;
    }

    private static boolean isResponseCode(int value, ErrorCatalog catalog) {
        return value == ErrorCode.SUCCESS || catalog.contains(value) || CodeRange.defaultRange().contains(value);
    }

    /** The catalog entry of an error code, or null for 200 and codes outside the catalog. */
    static @Nullable ErrorCode entry(int code) {
        return code < 0 ? null : ErrorCounts.shared().catalog().find(code);
    }
}
