package dev.dcerrors.logback;

import ch.qos.logback.core.spi.ContextAware;
import dev.dcerrors.core.CodeRange;
import dev.dcerrors.core.CodeScanner;
import dev.dcerrors.core.ErrorCatalog;
import dev.dcerrors.core.ErrorCounts;
import dev.dcerrors.core.ErrorRecognizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The recognition options that the turbo filter and the appender share, as set from logback.xml, and
 * their validation. {@link #build} reports every bad option through the component's status messages,
 * naming the XML element and the expected form, and gives null when any was bad.
 */
final class RecognizerSettings {

    /** Which log-call arguments are scanned. */
    enum ArgumentScan {
        /** Only {@code String} and other {@code CharSequence} arguments: no user code runs. */
        STRINGS,
        /** Every argument, others through {@code toString()}. */
        ALL,
        /** No argument; the message template only. */
        NONE
    }

    int maxScanChars = CodeScanner.DEFAULT_MAX_SCAN_CHARS;
    int maxCodesPerEvent = ErrorRecognizer.DEFAULT_MAX_CODES_PER_EVENT;
    String errorCodeRange = CodeRange.DEFAULT_SPEC;
    final List<String> extraKeys = new ArrayList<>();
    boolean ignoreKeyCase;
    String scanArguments = "strings";
    boolean scanThrowables;
    @Nullable String catalog;
    String counts = ErrorCounts.DEFAULT_NAME;

    /** The counts this configuration writes to, valid once {@link #build} succeeded. */
    ErrorCounts resolveCounts() {
        return ErrorCounts.named(counts);
    }

    /** The argument mode, valid once {@link #build} succeeded. */
    ArgumentScan argumentScan() {
        return ArgumentScan.valueOf(scanArguments.trim().toUpperCase(Locale.ROOT));
    }

    /**
     * Validates every option and builds the recognizer; each bad option is reported with
     * {@code addError}. Loads the extra catalog into the counts.
     *
     * @return the recognizer, or null when an option was bad
     */
    @Nullable ErrorRecognizer build(ContextAware reporter) {
        int errors = 0;
        CodeScanner.Builder scanner = CodeScanner.builder().ignoreKeyCase(ignoreKeyCase);
        try {
            scanner.maxScanChars(maxScanChars);
        } catch (IllegalArgumentException e) {
            reporter.addError("<maxScanChars> " + maxScanChars + " is not a length: expected a positive number of characters, e.g. 65536");
            errors++;
        }
        if (maxCodesPerEvent < 1 || maxCodesPerEvent > ErrorRecognizer.MAX_CODES_PER_EVENT_LIMIT) {
            reporter.addError("<maxCodesPerEvent> " + maxCodesPerEvent + " is out of range: expected 1-" + ErrorRecognizer.MAX_CODES_PER_EVENT_LIMIT);
            errors++;
        }
        for (String key : extraKeys) {
            try {
                scanner.addKey(key.trim());
            } catch (IllegalArgumentException e) {
                reporter.addError("<extraKey> " + e.getMessage());
                errors++;
            }
        }
        CodeRange range = null;
        try {
            range = CodeRange.parse(errorCodeRange);
        } catch (IllegalArgumentException e) {
            reporter.addError("<errorCodeRange> '" + errorCodeRange + "': " + e.getMessage());
            errors++;
        }
        try {
            argumentScan();
        } catch (IllegalArgumentException e) {
            reporter.addError("<scanArguments> '" + scanArguments + "' is not a mode: expected strings (String and CharSequence arguments), all (others through toString()) or none");
            errors++;
        }
        if (counts.isBlank()) {
            reporter.addError("<counts> must name a counts instance, e.g. 'default'");
            errors++;
        }
        ErrorCatalog extra = null;
        if (catalog != null) {
            try {
                extra = ErrorCatalog.loadLocation(catalog.trim(), Thread.currentThread().getContextClassLoader());
            } catch (RuntimeException e) {
                reporter.addError("<catalog> '" + catalog + "': " + e.getMessage()
                        + " (expected a file path or classpath:resource of tab-separated rows 'code category severity message')");
                errors++;
            }
        }
        if (errors > 0 || range == null) {
            return null;
        }
        ErrorCounts target = resolveCounts();
        if (extra != null) {
            target.addCatalog(extra);
        }
        return new ErrorRecognizer(scanner.build(), range, target, maxCodesPerEvent);
    }
}
