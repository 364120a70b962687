package dev.dcerrors.cli;

import dev.dcerrors.core.RecognizerOptions;
import dev.dcerrors.core.RecognizerOptions.Option;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * The command-line flags of recognition: each one is a {@link RecognizerOptions} option, whose name,
 * default, description and validation come from there. The flag is the Spring property name
 * ({@code --error-code-range}), in the singular for the repeatable ones ({@code --extra-key}).
 */
enum RecognitionFlag {
    EXTRA_KEY(Option.EXTRA_KEY, Kind.REPEATABLE, RecognizerOptions::addExtraKey),
    MESSAGE_KEY(Option.MESSAGE_KEY, Kind.REPEATABLE, RecognizerOptions::addMessageKey),
    CATALOG(Option.CATALOG, Kind.TEXT, RecognizerOptions::setCatalog),
    ERROR_CODE_RANGE(Option.ERROR_CODE_RANGE, Kind.TEXT, RecognizerOptions::setErrorCodeRange),
    MAX_CODES_PER_EVENT(Option.MAX_CODES_PER_EVENT, Kind.NUMBER, (o, v) -> o.setMaxCodesPerEvent(Integer.parseInt(v))),
    IGNORE_KEY_CASE(Option.IGNORE_KEY_CASE, Kind.SWITCH, (o, v) -> o.setIgnoreKeyCase(Boolean.parseBoolean(v))),
    SCAN_THROWABLES(Option.SCAN_THROWABLES, Kind.SWITCH, (o, v) -> o.setScanThrowables(Boolean.parseBoolean(v))),
    MAX_UNKNOWN_CODES(Option.MAX_UNKNOWN_CODES, Kind.NUMBER, (o, v) -> o.setMaxUnknownCodes(Integer.parseInt(v))),
    MAX_SCAN_CHARS(Option.MAX_SCAN_CHARS, Kind.NUMBER, (o, v) -> o.setMaxScanChars(Integer.parseInt(v)));

    /** How a flag takes its value. */
    enum Kind {
        TEXT, REPEATABLE, NUMBER,
        /** {@code --flag} alone means true; {@code --no-flag} and {@code --flag=false} mean false. */
        SWITCH
    }

    final Option option;
    final Kind kind;
    final String flag;
    private final BiConsumer<RecognizerOptions, String> setter;

    RecognitionFlag(Option option, Kind kind, BiConsumer<RecognizerOptions, String> setter) {
        this.option = option;
        this.kind = kind;
        String property = option.property();
        this.flag = "--" + (kind == Kind.REPEATABLE && property.endsWith("s") ? property.substring(0, property.length() - 1) : property);
        this.setter = setter;
    }

    static @Nullable RecognitionFlag of(String flag) {
        for (RecognitionFlag f : values()) {
            if (f.flag.equals(flag)) {
                return f;
            }
        }
        return null;
    }

    /** The flag as it appears in the options of the recognizer's messages. */
    static String flagOf(Option option) {
        for (RecognitionFlag f : values()) {
            if (f.option == option) {
                return f.flag;
            }
        }
        return "--" + option.property();
    }

    /**
     * Sets the option.
     *
     * @throws UsageException when a number or a switch's value is not one
     */
    void apply(RecognizerOptions options, String value) {
        if (kind == Kind.NUMBER && !value.matches("-?\\d{1,9}")) {
            throw new UsageException(flag + ": '" + value + "' is not a number");
        }
        if (kind == Kind.SWITCH && !value.equals("true") && !value.equals("false")) {
            throw new UsageException(flag + ": '" + value + "' is not true or false");
        }
        setter.accept(options, value);
    }

    /** The value placeholder in the help: {@code KEY}, {@code N}, … */
    String valueName() {
        switch (kind) {
            case NUMBER:
                return "N";
            case SWITCH:
                return "";
            default:
                return this == CATALOG ? "FILE" : this == ERROR_CODE_RANGE ? "RANGES" : "KEY";
        }
    }
}
