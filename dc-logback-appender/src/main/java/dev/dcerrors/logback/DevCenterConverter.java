package dev.dcerrors.logback;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.dcerrors.core.ErrorCategory;
import dev.dcerrors.core.ErrorCode;
import dev.dcerrors.core.ErrorCounts;
import dev.dcerrors.core.ErrorSeverity;
import org.jspecify.annotations.Nullable;

/**
 * The base of {@code %dcCode}, {@code %dcCategory} and {@code %dcSeverity}: they print a part of the event's first
 * response code as the metrics label it, found by {@link EventCodes} with the options of the filter that counts.
 * An option names the counts whose options to use: {@code %dcCode{payments}}.
 */
abstract class DevCenterConverter extends ClassicConverter {

    private @Nullable String countsName;
    private final EventScanning scanning = new EventScanning(this, getClass().getSimpleName());

    @Override
    public void start() {
        String option = getFirstOption();
        countsName = option == null || option.isBlank() ? null : option.trim();
        super.start();
    }

    @Override
    public String convert(ILoggingEvent event) {
        try {
            EventCodes.Found found = EventCodes.find(event, getContext(), countsName, scanning);
            int code = found.code();
            if (code == EventCodes.NONE) {
                return "";
            }
            ErrorCounts counts = found.recognizer().counts();
            ErrorCode entry = counts.catalog().find(code);
            return part(code, entry, entry == null && code != ErrorCode.SUCCESS && counts.countsUnderOther(code));
        } catch (Throwable e) {
            EventScanning.rethrowIfFatal(e);
            scanning.reportOnce("finding the code of an event failed with " + e, e);
            return "";
        }
    }

    /**
     * The printed part for {@code code}: {@code entry} is its catalog entry, null for 200 and codes outside the
     * catalog (printed as the metrics label them: category {@code unknown}, severity {@code error});
     * {@code underOther} when the code is an unknown one beyond {@code maxUnknownCodes}, which the metrics label
     * {@code code="other"}.
     */
    abstract String part(int code, @Nullable ErrorCode entry, boolean underOther);

    static String categoryOf(int code, @Nullable ErrorCode entry) {
        if (code == ErrorCode.SUCCESS) {
            return "";
        }
        return entry == null ? ErrorCategory.UNKNOWN.label() : entry.category().label();
    }

    static String severityOf(int code, @Nullable ErrorCode entry) {
        if (code == ErrorCode.SUCCESS) {
            return "";
        }
        return entry == null ? ErrorSeverity.ERROR.label() : entry.severity().label();
    }
}
