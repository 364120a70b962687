package dev.dcerrors.spring;

import dev.dcerrors.core.CodeRange;
import dev.dcerrors.core.CodeScanner;
import dev.dcerrors.core.ErrorCatalog;
import dev.dcerrors.core.ErrorCounts;
import dev.dcerrors.core.ErrorRecognizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * {@code devcenter.errors.*}: how the Developer Center error codes in the logs are recognized, counted and
 * exported. Validated at startup: a bad value stops the application with a message naming the property.
 */
@ConfigurationProperties(prefix = "devcenter.errors")
public class DevCenterErrorsProperties implements Validator {

    private static final Set<String> ARGUMENT_MODES = Set.of("strings", "all", "none");

    /** Whether to install the turbo filter and register the metrics. */
    private boolean enabled = true;

    /** Characters read at most from one logged text. */
    private int maxScanChars = CodeScanner.DEFAULT_MAX_SCAN_CHARS;

    /** Codes counted at most in one log call (batch responses), 1-1024. */
    private int maxCodesPerEvent = ErrorRecognizer.DEFAULT_MAX_CODES_PER_EVENT;

    /** Values outside the catalog counted as unknown errors, e.g. 4000-5999 or 4000-4999,7001. */
    private String errorCodeRange = CodeRange.DEFAULT_SPEC;

    /** Keys recognized besides "code", e.g. errorCode. */
    private List<String> extraKeys = new ArrayList<>();

    /** Whether keys match regardless of ASCII case. */
    private boolean ignoreKeyCase;

    /** Whether calls at levels the logger drops are counted too. */
    private boolean includeDisabledLevels;

    /** Which arguments are scanned: strings (String and CharSequence), all (others through toString()), or none. */
    private String scanArguments = "strings";

    /** Whether the messages of a logged throwable and its causes are scanned. */
    private boolean scanThrowables;

    /** Extra catalog rows (codes outside the table, overrides): a file path or classpath:resource. */
    private @Nullable String catalog;

    /** The name of the counts instance shared by the filter and the metrics. */
    private String counts = ErrorCounts.DEFAULT_NAME;

    /** Whether every catalog code gets a series from startup (about 400), not only the codes seen. */
    private boolean registerWholeCatalog;

    @Override
    public boolean supports(Class<?> type) {
        return DevCenterErrorsProperties.class.isAssignableFrom(type);
    }

    @Override
    public void validate(Object target, Errors errors) {
        DevCenterErrorsProperties p = (DevCenterErrorsProperties) target;
        if (p.maxScanChars < 1) {
            errors.rejectValue("maxScanChars", "positive", "must be a positive number of characters, e.g. 65536");
        }
        if (p.maxCodesPerEvent < 1 || p.maxCodesPerEvent > ErrorRecognizer.MAX_CODES_PER_EVENT_LIMIT) {
            errors.rejectValue("maxCodesPerEvent", "range", "must be 1-" + ErrorRecognizer.MAX_CODES_PER_EVENT_LIMIT);
        }
        try {
            CodeRange.parse(p.errorCodeRange);
        } catch (IllegalArgumentException e) {
            errors.rejectValue("errorCodeRange", "form", e.getMessage());
        }
        for (String key : p.extraKeys) {
            try {
                CodeScanner.builder().addKey(key.trim());
            } catch (IllegalArgumentException e) {
                errors.rejectValue("extraKeys", "form", e.getMessage());
            }
        }
        if (!ARGUMENT_MODES.contains(p.scanArguments.trim().toLowerCase(Locale.ROOT))) {
            errors.rejectValue("scanArguments", "mode", "'" + p.scanArguments + "' is not a mode: expected strings, all or none");
        }
        if (p.catalog != null) {
            try {
                ErrorCatalog.loadLocation(p.catalog.trim(), Thread.currentThread().getContextClassLoader());
            } catch (RuntimeException e) {
                errors.rejectValue("catalog", "unreadable", e.getMessage());
            }
        }
        if (p.counts.isBlank()) {
            errors.rejectValue("counts", "blank", "must name a counts instance, e.g. default");
        }
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

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

    public List<String> getExtraKeys() {
        return extraKeys;
    }

    public void setExtraKeys(List<String> extraKeys) {
        this.extraKeys = extraKeys;
    }

    public boolean isIgnoreKeyCase() {
        return ignoreKeyCase;
    }

    public void setIgnoreKeyCase(boolean ignoreKeyCase) {
        this.ignoreKeyCase = ignoreKeyCase;
    }

    public boolean isIncludeDisabledLevels() {
        return includeDisabledLevels;
    }

    public void setIncludeDisabledLevels(boolean includeDisabledLevels) {
        this.includeDisabledLevels = includeDisabledLevels;
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

    public boolean isRegisterWholeCatalog() {
        return registerWholeCatalog;
    }

    public void setRegisterWholeCatalog(boolean registerWholeCatalog) {
        this.registerWholeCatalog = registerWholeCatalog;
    }
}
