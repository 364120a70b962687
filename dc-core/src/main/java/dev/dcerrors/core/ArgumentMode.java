package dev.dcerrors.core;

import java.util.Locale;

/** Which arguments of a log call are read for codes (the {@code scanArguments} option). */
public enum ArgumentMode {
    /**
     * Text arguments as text, and response objects (a DTO, record, {@code Map}, JSON tree with a code and a message,
     * or one inside {@code Optional} or {@code ResponseEntity}) read through their accessors, without
     * {@code toString()}. The default.
     */
    ENVELOPES,
    /** {@code String} and other {@code CharSequence} arguments only, as text: no user code runs. */
    STRINGS,
    /** As {@link #ENVELOPES}, and every other argument through its {@code toString()}. */
    ALL,
    /** No argument: the message template only. */
    NONE;

    private static final String FORM = "expected envelopes (text, and response objects read through their accessors), "
            + "strings (String and CharSequence arguments), all (others through toString()) or none";

    /**
     * The mode as users write it in configuration, in any case.
     *
     * @throws IllegalArgumentException saying which words are accepted
     */
    public static ArgumentMode parse(String text) {
        for (ArgumentMode mode : values()) {
            if (mode.label().equals(text.trim().toLowerCase(Locale.ROOT))) {
                return mode;
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not a mode: " + FORM);
    }

    /** The word users write: {@code strings}, {@code all}, {@code none}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
