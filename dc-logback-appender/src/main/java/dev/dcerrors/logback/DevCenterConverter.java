package dev.dcerrors.logback;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.dcerrors.core.CodeLabels;
import dev.dcerrors.core.ErrorCode;
import dev.dcerrors.core.FailureReporter;
import dev.dcerrors.core.FirstCode;
import org.jspecify.annotations.Nullable;

/**
 * The base of {@code %dcCode}, {@code %dcCategory} and {@code %dcSeverity}: they print a part of the event's first
 * response code as the metrics label it, found by {@link EventCodes} with the options of the filter that counts.
 * An option names the counts whose options to use: {@code %dcCode{payments}}.
 */
abstract class DevCenterConverter extends ClassicConverter {

    private @Nullable String countsName;
    private @Nullable ContextRecognition recognition;
    private final FailureReporter failures = OptionReporter.userCodeFailures(this, getClass().getSimpleName());

    @Override
    public void start() {
        String option = getFirstOption();
        countsName = option == null || option.isBlank() ? null : option.trim();
        recognition = ContextRecognition.of(getContext());
        super.start();
    }

    @Override
    public String convert(ILoggingEvent event) {
        try {
            ContextRecognition where = recognition;
            if (where == null) { // converted without start()
                where = recognition = ContextRecognition.of(getContext());
            }
            EventCodes.Found found = EventCodes.find(event, getContext(), where, countsName, failures);
            int code = found.code();
            if (code == FirstCode.NONE) {
                return "";
            }
            return part(code, code == ErrorCode.SUCCESS ? null : CodeLabels.of(code, found.recognizer().counts()));
        } catch (Throwable e) {
            FailureReporter.rethrowIfFatal(e);
            failures.report("finding the code of an event failed with " + e, e);
            return "";
        }
    }

    /**
     * The printed part for {@code code}: {@code labels} are those the metrics give it ({@link CodeLabels}: a code beyond
     * {@code maxUnknownCodes} is {@code other}), null for 200.
     */
    abstract String part(int code, @Nullable CodeLabels labels);
}
