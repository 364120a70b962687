package dev.dcerrors.core;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * An immutable set of error codes, each with its category, severity and message.
 *
 * <p>Lookup by code is O(1) and does not box: codes index an array that spans the lowest to the highest
 * code. Each code also has a dense <em>slot</em> (0 to {@link #size()} - 1, in code order) that
 * {@link ErrorCounts} uses to keep one counter per code.
 *
 * <p>The built-in catalog ({@link #builtIn()}) holds the 406 codes of the Developer Center error-code
 * table. Users add or override codes with a file of the same form ({@link #load(Reader, String)}):
 * one row per code, tab-separated {@code code category severity message}, lines starting with
 * {@code #} and blank lines ignored.
 */
public final class ErrorCatalog {

    /** The classpath resource that holds the built-in catalog. */
    public static final String BUILT_IN_RESOURCE = "dev/dcerrors/core/error-codes.tsv";

    private static final String ROW_FORM = "expected 'code<TAB>category<TAB>severity<TAB>message'";

    private final ErrorCode[] byCode; // sorted by code; index == slot
    private final int minCode;
    private final short[] slotByOffset; // code - minCode -> slot + 1, 0 for none

    private ErrorCatalog(List<ErrorCode> sortedCodes) {
        this.byCode = sortedCodes.toArray(new ErrorCode[0]);
        if (byCode.length == 0) {
            this.minCode = 0;
            this.slotByOffset = new short[0];
            return;
        }
        if (byCode.length >= Short.MAX_VALUE) {
            throw new IllegalArgumentException("a catalog holds at most " + (Short.MAX_VALUE - 1) + " codes");
        }
        this.minCode = byCode[0].code();
        this.slotByOffset = new short[byCode[byCode.length - 1].code() - minCode + 1];
        for (int slot = 0; slot < byCode.length; slot++) {
            slotByOffset[byCode[slot].code() - minCode] = (short) (slot + 1);
        }
    }

    private static final class BuiltIn {
        static final ErrorCatalog INSTANCE = loadResource(BUILT_IN_RESOURCE, ErrorCatalog.class.getClassLoader());
    }

    /** The Developer Center error-code table, loaded once from {@value #BUILT_IN_RESOURCE}. */
    public static ErrorCatalog builtIn() {
        return BuiltIn.INSTANCE;
    }

    /** A catalog of the given codes; a later entry for the same code replaces an earlier one. */
    public static ErrorCatalog of(ErrorCode... codes) {
        TreeMap<Integer, ErrorCode> map = new TreeMap<>();
        for (ErrorCode code : codes) {
            map.put(code.code(), code);
        }
        return new ErrorCatalog(new ArrayList<>(map.values()));
    }

    /**
     * Reads a catalog file.
     *
     * @param reader the rows; read to the end, not closed
     * @param source the name of the file or resource, for error messages
     * @throws CatalogFormatException naming the source and line of the first malformed row, or of a code
     *                                that appears twice
     */
    public static ErrorCatalog load(Reader reader, String source) {
        TreeMap<Integer, ErrorCode> rows = new TreeMap<>();
        BufferedReader lines = reader instanceof BufferedReader ? (BufferedReader) reader : new BufferedReader(reader);
        int lineNumber = 0;
        try {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                lineNumber++;
                if (lineNumber == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                ErrorCode row = parseRow(line, source, lineNumber);
                if (rows.put(row.code(), row) != null) {
                    throw new CatalogFormatException(source, lineNumber, "code " + row.code() + " appears twice");
                }
            }
        } catch (IOException e) {
            throw new CatalogFormatException(source, lineNumber, "cannot be read: " + e);
        }
        return new ErrorCatalog(new ArrayList<>(rows.values()));
    }

    private static ErrorCode parseRow(String line, String source, int lineNumber) {
        String[] fields = line.split("\t", 4);
        if (fields.length != 4) {
            throw new CatalogFormatException(source, lineNumber, "has " + fields.length + " tab-separated field(s), " + ROW_FORM);
        }
        int code;
        try {
            code = Integer.parseInt(fields[0].trim());
        } catch (NumberFormatException e) {
            throw new CatalogFormatException(source, lineNumber, "code '" + fields[0] + "' is not a number, " + ROW_FORM);
        }
        String message = fields[3].strip();
        if (message.isEmpty()) {
            throw new CatalogFormatException(source, lineNumber, "code " + code + " has an empty message, " + ROW_FORM);
        }
        try {
            return new ErrorCode(code, ErrorCategory.fromLabel(fields[1].trim()),
                    ErrorSeverity.fromLabel(fields[2].trim()), message);
        } catch (IllegalArgumentException e) {
            throw new CatalogFormatException(source, lineNumber, e.getMessage());
        }
    }

    /**
     * Reads a catalog file from the file system (UTF-8).
     *
     * @throws CatalogFormatException when the file cannot be read or has a malformed row
     */
    public static ErrorCatalog loadFile(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return load(reader, file.toString());
        } catch (IOException e) {
            throw new CatalogFormatException(file.toString(), 0, "cannot be read: " + e);
        }
    }

    /**
     * Reads a catalog file from the class path (UTF-8).
     *
     * @throws CatalogFormatException when the resource does not exist or has a malformed row
     */
    public static ErrorCatalog loadResource(String resource, @Nullable ClassLoader classLoader) {
        String name = resource.startsWith("/") ? resource.substring(1) : resource;
        ClassLoader loader = classLoader != null ? classLoader : ErrorCatalog.class.getClassLoader();
        String source = "classpath:" + name;
        try (InputStream in = loader.getResourceAsStream(name)) {
            if (in == null) {
                throw new CatalogFormatException(source, 0, "no such resource on the class path");
            }
            return load(new InputStreamReader(in, StandardCharsets.UTF_8), source);
        } catch (IOException e) {
            throw new UncheckedIOException(source + ": cannot be read", e);
        }
    }

    /**
     * Reads a catalog from a location as users write it in configuration: {@code classpath:name} for a
     * class-path resource, anything else as a file path.
     */
    public static ErrorCatalog loadLocation(String location, @Nullable ClassLoader classLoader) {
        if (location.startsWith("classpath:")) {
            return loadResource(location.substring("classpath:".length()), classLoader);
        }
        return loadFile(Path.of(location));
    }

    /** This catalog with the codes of {@code overrides} added; where both hold a code, {@code overrides} wins. */
    public ErrorCatalog withOverrides(ErrorCatalog overrides) {
        if (overrides.size() == 0) {
            return this;
        }
        TreeMap<Integer, ErrorCode> merged = new TreeMap<>();
        for (ErrorCode code : byCode) {
            merged.put(code.code(), code);
        }
        for (ErrorCode code : overrides.byCode) {
            merged.put(code.code(), code);
        }
        return new ErrorCatalog(new ArrayList<>(merged.values()));
    }

    /** The entry for {@code code}, or null when the catalog does not hold it. */
    public @Nullable ErrorCode find(int code) {
        int slot = slotOf(code);
        return slot < 0 ? null : byCode[slot];
    }

    /** Whether the catalog holds {@code code}. */
    public boolean contains(int code) {
        return slotOf(code) >= 0;
    }

    /** The dense index (0 to {@link #size()} - 1, in code order) of {@code code}, or -1. */
    int slotOf(int code) {
        int offset = code - minCode;
        if (offset < 0 || offset >= slotByOffset.length) {
            return -1;
        }
        return slotByOffset[offset] - 1;
    }

    /** The entry at a slot. */
    ErrorCode atSlot(int slot) {
        return byCode[slot];
    }

    /** How many codes the catalog holds. */
    public int size() {
        return byCode.length;
    }

    /** All entries, in code order. */
    public List<ErrorCode> codes() {
        return Collections.unmodifiableList(Arrays.asList(byCode));
    }

    @Override
    public String toString() {
        return "ErrorCatalog[" + byCode.length + " codes"
                + (byCode.length == 0 ? "" : ", " + minCode + "-" + byCode[byCode.length - 1].code()) + "]";
    }
}
