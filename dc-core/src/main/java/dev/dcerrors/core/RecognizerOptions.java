package dev.dcerrors.core;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Every option of recognition in one place: its name, its default, its validation and the message a bad
 * value gets. The Logback turbo filter and appender (logback.xml elements) and the Spring Boot starter
 * ({@code devcenter.errors.*} properties) configure recognition through this type and declare or check no
 * option of their own; each {@link Option} knows its element and property name for their messages.
 *
 * <pre>{@code
 * RecognizerOptions options = new RecognizerOptions();
 * options.addExtraKey("errorCode");
 * ErrorRecognizer recognizer = options.build(namedCounts, reporter); // null when an option is bad; reporter was told why
 * }</pre>
 *
 * <p>A configuration object: filled in, then built, on one thread.
 */
public final class RecognizerOptions {

    /** The largest cap on codes per event that can be configured. */
    public static final int MAX_CODES_PER_EVENT_LIMIT = 1024;

    /** The options, with the names users write them under and their defaults. */
    public enum Option {
        MAX_SCAN_CHARS("maxScanChars", "max-scan-chars", Integer.toString(CodeScanner.DEFAULT_MAX_SCAN_CHARS),
                "Characters read at most from one logged text."),
        MAX_CODES_PER_EVENT("maxCodesPerEvent", "max-codes-per-event", Integer.toString(ErrorRecognizer.DEFAULT_MAX_CODES_PER_EVENT),
                "Codes counted at most in one log call (batch responses), 1-" + MAX_CODES_PER_EVENT_LIMIT + "."),
        ERROR_CODE_RANGE("errorCodeRange", "error-code-range", CodeRange.DEFAULT_SPEC,
                "Values outside the catalog counted as unknown errors, e.g. 4000-5999 or 4000-4999,7001."),
        EXTRA_KEY("extraKey", "extra-keys", "",
                "A key recognized besides 'code', e.g. errorCode; repeatable (a list in Spring)."),
        MESSAGE_KEY("messageKey", "message-keys", "",
                "A key that marks a response's message besides msg, message, errorMsg, errMsg and error_msg; repeatable (a list in Spring). "
                        + "Inside a JSON object, Map, Lombok or record text a code counts only beside a message key."),
        IGNORE_KEY_CASE("ignoreKeyCase", "ignore-key-case", "false",
                "Whether keys match regardless of ASCII case."),
        SCAN_ARGUMENTS("scanArguments", "scan-arguments", ArgumentMode.ENVELOPES.label(),
                "Which log-call arguments are read: envelopes (text, and response objects with a code and a message read through their accessors), "
                        + "strings (String and CharSequence only), all (envelopes, and others through toString()), or none."),
        SCAN_THROWABLES("scanThrowables", "scan-throwables", "true",
                "Whether the messages of a logged throwable and its causes are read (not their stack frames)."),
        CATALOG("catalog", "catalog", "",
                "Extra catalog rows (codes outside the table, overrides): a file path or classpath:resource of tab-separated 'code category severity message' rows."),
        COUNTS("counts", "counts", ErrorCounts.DEFAULT_NAME,
                "The name of the counts instance to write to (several logger contexts in one JVM)."),
        MAX_UNKNOWN_CODES("maxUnknownCodes", "max-unknown-codes", Integer.toString(ErrorCounts.DEFAULT_MAX_UNKNOWN_CODES),
                "Distinct codes outside the catalog counted apart, 0-" + ErrorCounts.MAX_UNKNOWN_CODES_LIMIT + "; the rest count as 'other'. "
                        + "Applies when the named counts are created; the shared default counts have " + ErrorCounts.DEFAULT_MAX_UNKNOWN_CODES + ".");

        private final String element;
        private final String property;
        private final String defaultValue;
        private final String description;

        Option(String element, String property, String defaultValue, String description) {
            this.element = element;
            this.property = property;
            this.defaultValue = defaultValue;
            this.description = description;
        }

        /** The logback.xml element and JavaBean property: {@code maxScanChars}. */
        public String element() {
            return element;
        }

        /** The Spring Boot property under {@code devcenter.errors.}: {@code max-scan-chars}. */
        public String property() {
            return property;
        }

        /** The default as users would write it; empty for none. */
        public String defaultValue() {
            return defaultValue;
        }

        public String description() {
            return description;
        }
    }

    /** Where the problems of a configuration go: Logback's status messages, Spring's binding errors. */
    public interface Reporter {

        /** A bad value: nothing is built. The message says what is wrong and what form is expected. */
        void error(Option option, String message);

        /** A value that cannot take effect as asked; the recognizer is built all the same. */
        void warn(Option option, String message);

        /**
         * For options set by code, not by a user (the defaults, a counts name the code chose): a bad value is a bug, thrown
         * as an {@link IllegalArgumentException} naming the element; warnings are dropped.
         */
        static Reporter failing() {
            return new Reporter() {
                @Override
                public void error(Option option, String message) {
                    throw new IllegalArgumentException("<" + option.element() + "> " + message);
                }

                @Override
                public void warn(Option option, String message) {
                }
            };
        }
    }

    private int maxScanChars = CodeScanner.DEFAULT_MAX_SCAN_CHARS;
    private int maxCodesPerEvent = ErrorRecognizer.DEFAULT_MAX_CODES_PER_EVENT;
    private String errorCodeRange = CodeRange.DEFAULT_SPEC;
    private final List<String> extraKeys = new ArrayList<>();
    private final List<String> messageKeys = new ArrayList<>();
    private boolean ignoreKeyCase;
    private String scanArguments = ArgumentMode.ENVELOPES.label();
    private boolean scanThrowables = true;
    private @Nullable String catalog;
    private String counts = ErrorCounts.DEFAULT_NAME;
    private int maxUnknownCodes = ErrorCounts.DEFAULT_MAX_UNKNOWN_CODES;

    /** The options checked and parsed, ready to build from. */
    private record Checked(CodeScanner scanner, CodeRange range, ArgumentMode argumentMode, @Nullable ErrorCatalog extraCatalog) {
    }

    /**
     * Checks every option without changing anything, reporting each bad one.
     *
     * @return whether all are good
     */
    public boolean validate(Reporter reporter) {
        return check(reporter) != null;
    }

    /**
     * Checks every option and builds the recognizer over the counts {@code <counts>} names in {@code where} (created with
     * {@code maxUnknownCodes} when new), adding the extra catalog to them. Each bad option is reported.
     *
     * @return the recognizer, or null when an option was bad
     */
    public @Nullable ErrorRecognizer build(NamedCounts where, Reporter reporter) {
        Checked checked = check(reporter);
        return checked == null ? null : build(checked, where.get(counts, maxUnknownCodes), reporter);
    }

    /**
     * Checks every option and builds the recognizer over {@code target}, which its holder made (dc-cli's run, a Spring
     * bean), adding the extra catalog to them; the {@code counts} name is not looked up. Each bad option is reported.
     *
     * @return the recognizer, or null when an option was bad
     */
    public @Nullable ErrorRecognizer build(ErrorCounts target, Reporter reporter) {
        Checked checked = check(reporter);
        return checked == null ? null : build(checked, target, reporter);
    }

    private ErrorRecognizer build(Checked checked, ErrorCounts target, Reporter reporter) {
        if (target.maxUnknownCodes() != maxUnknownCodes) {
            reporter.warn(Option.MAX_UNKNOWN_CODES, maxUnknownCodes + " cannot apply: the counts '" + target.name() + "' exist already with "
                    + target.maxUnknownCodes() + " (the first configuration to use a counts name sets it: give every configuration of these counts the same value, or another counts name)");
        }
        if (checked.extraCatalog() != null) {
            target.addCatalog(checked.extraCatalog());
        }
        return new ErrorRecognizer(checked.scanner(), checked.range(), target, maxCodesPerEvent, checked.argumentMode(), scanThrowables);
    }

    private @Nullable Checked check(Reporter reporter) {
        int errors = 0;
        CodeScanner.Builder scanner = CodeScanner.builder().ignoreKeyCase(ignoreKeyCase);
        if (maxScanChars < 1) {
            reporter.error(Option.MAX_SCAN_CHARS, maxScanChars + " is not a length: expected a positive number of characters, e.g. 65536");
            errors++;
        } else {
            scanner.maxScanChars(maxScanChars);
        }
        if (maxCodesPerEvent < 1 || maxCodesPerEvent > MAX_CODES_PER_EVENT_LIMIT) {
            reporter.error(Option.MAX_CODES_PER_EVENT, maxCodesPerEvent + " is out of range: expected 1-" + MAX_CODES_PER_EVENT_LIMIT);
            errors++;
        }
        for (String key : extraKeys) {
            try {
                scanner.addKey(key.trim());
            } catch (IllegalArgumentException e) {
                reporter.error(Option.EXTRA_KEY, e.getMessage());
                errors++;
            }
        }
        for (String key : messageKeys) {
            try {
                scanner.addMessageKey(key.trim());
            } catch (IllegalArgumentException e) {
                reporter.error(Option.MESSAGE_KEY, e.getMessage());
                errors++;
            }
        }
        CodeRange range = null;
        try {
            range = CodeRange.parse(errorCodeRange);
        } catch (IllegalArgumentException e) {
            reporter.error(Option.ERROR_CODE_RANGE, "'" + errorCodeRange + "': " + e.getMessage());
            errors++;
        }
        ArgumentMode argumentMode = null;
        try {
            argumentMode = ArgumentMode.parse(scanArguments);
        } catch (IllegalArgumentException e) {
            reporter.error(Option.SCAN_ARGUMENTS, e.getMessage());
            errors++;
        }
        if (counts.isBlank()) {
            reporter.error(Option.COUNTS, "must name a counts instance, e.g. '" + ErrorCounts.DEFAULT_NAME + "'");
            errors++;
        }
        if (maxUnknownCodes < 0 || maxUnknownCodes > ErrorCounts.MAX_UNKNOWN_CODES_LIMIT) {
            reporter.error(Option.MAX_UNKNOWN_CODES, maxUnknownCodes + " is out of range: expected 0-" + ErrorCounts.MAX_UNKNOWN_CODES_LIMIT);
            errors++;
        }
        ErrorCatalog extra = null;
        if (catalog != null && !catalog.isBlank()) {
            try {
                extra = ErrorCatalog.loadLocation(catalog.trim(), Thread.currentThread().getContextClassLoader());
            } catch (RuntimeException e) {
                reporter.error(Option.CATALOG, "'" + catalog + "': " + e.getMessage()
                        + " (expected a file path or classpath:resource of tab-separated rows 'code category severity message')");
                errors++;
            }
        }
        if (errors > 0 || range == null || argumentMode == null) {
            return null;
        }
        return new Checked(scanner.build(), range, argumentMode, extra);
    }

    // ---------------------------------------------------------------- the options, as JavaBean properties

    public int getMaxScanChars() {
        return maxScanChars;
    }

    public void setMaxScanChars(int maxScanChars) {
        this.maxScanChars = maxScanChars;
    }

    public int getMaxCodesPerEvent() {
        return maxCodesPerEvent;
    }

    public void setMaxCodesPerEvent(int maxCodesPerEvent) {
        this.maxCodesPerEvent = maxCodesPerEvent;
    }

    public String getErrorCodeRange() {
        return errorCodeRange;
    }

    public void setErrorCodeRange(String errorCodeRange) {
        this.errorCodeRange = errorCodeRange;
    }

    /** The extra keys, in the order added; a live list. */
    public List<String> getExtraKeys() {
        return extraKeys;
    }

    public void addExtraKey(String extraKey) {
        extraKeys.add(extraKey);
    }

    public void setExtraKeys(List<String> keys) {
        extraKeys.clear();
        extraKeys.addAll(keys);
    }

    /** The message keys added to the defaults, in the order added; a live list. */
    public List<String> getMessageKeys() {
        return messageKeys;
    }

    public void addMessageKey(String messageKey) {
        messageKeys.add(messageKey);
    }

    public void setMessageKeys(List<String> keys) {
        messageKeys.clear();
        messageKeys.addAll(keys);
    }

    public boolean isIgnoreKeyCase() {
        return ignoreKeyCase;
    }

    public void setIgnoreKeyCase(boolean ignoreKeyCase) {
        this.ignoreKeyCase = ignoreKeyCase;
    }

    public String getScanArguments() {
        return scanArguments;
    }

    public void setScanArguments(String scanArguments) {
        this.scanArguments = scanArguments;
    }

    public boolean isScanThrowables() {
        return scanThrowables;
    }

    public void setScanThrowables(boolean scanThrowables) {
        this.scanThrowables = scanThrowables;
    }

    public @Nullable String getCatalog() {
        return catalog;
    }

    public void setCatalog(@Nullable String catalog) {
        this.catalog = catalog;
    }

    public String getCounts() {
        return counts;
    }

    public void setCounts(String counts) {
        this.counts = counts;
    }

    public int getMaxUnknownCodes() {
        return maxUnknownCodes;
    }

    public void setMaxUnknownCodes(int maxUnknownCodes) {
        this.maxUnknownCodes = maxUnknownCodes;
    }

    /** The value of {@code option} as users write it, in the form of {@link Option#defaultValue()}: lists joined by commas, empty for none. */
    public String valueOf(Option option) {
        switch (option) {
            case MAX_SCAN_CHARS:
                return Integer.toString(maxScanChars);
            case MAX_CODES_PER_EVENT:
                return Integer.toString(maxCodesPerEvent);
            case ERROR_CODE_RANGE:
                return errorCodeRange;
            case EXTRA_KEY:
                return String.join(",", extraKeys);
            case MESSAGE_KEY:
                return String.join(",", messageKeys);
            case IGNORE_KEY_CASE:
                return Boolean.toString(ignoreKeyCase);
            case SCAN_ARGUMENTS:
                return scanArguments;
            case SCAN_THROWABLES:
                return Boolean.toString(scanThrowables);
            case CATALOG:
                return catalog == null ? "" : catalog;
            case COUNTS:
                return counts;
            case MAX_UNKNOWN_CODES:
                return Integer.toString(maxUnknownCodes);
            default:
                throw new AssertionError(option);
        }
    }

    @Override
    public String toString() {
        return "RecognizerOptions[maxScanChars=" + maxScanChars + ", maxCodesPerEvent=" + maxCodesPerEvent + ", errorCodeRange=" + errorCodeRange
                + ", extraKeys=" + extraKeys + ", messageKeys=" + messageKeys + ", ignoreKeyCase=" + ignoreKeyCase + ", scanArguments=" + scanArguments + ", scanThrowables="
                + scanThrowables + ", catalog=" + catalog + ", counts=" + counts + ", maxUnknownCodes=" + maxUnknownCodes + "]";
    }
}
