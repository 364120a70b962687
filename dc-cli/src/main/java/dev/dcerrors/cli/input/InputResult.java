package dev.dcerrors.cli.input;

import org.jspecify.annotations.Nullable;

/** What became of one input. */
public record InputResult(String name, boolean gzip, long bytes, long events, @Nullable String error) {
    /** Whether any of it could be read (a file that failed midway was read in part). */
    public boolean read() {
        return error == null || bytes > 0 || gzip;
    }
}
