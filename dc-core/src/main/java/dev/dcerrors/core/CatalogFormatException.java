package dev.dcerrors.core;

/**
 * A catalog file could not be read or has a malformed row. The message names the source and the line,
 * and says what form was expected.
 */
public final class CatalogFormatException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final int line;

    public CatalogFormatException(String source, int line, String problem) {
        super(line > 0 ? source + ":" + line + ": " + problem : source + ": " + problem);
        this.source = source;
        this.line = line;
    }

    /** The file or resource that was read. */
    public String source() {
        return source;
    }

    /** The 1-based line of the malformed row, or 0 when the whole source was unreadable. */
    public int line() {
        return line;
    }
}
