package dev.dcerrors.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The values that count as errors although the catalog does not hold them ("unknown" codes). Written
 * as a comma-separated list of codes and inclusive ranges: {@code 4000-5999}, {@code 4000-4999,5003,7000-7099}.
 * The default is {@value #DEFAULT_SPEC}.
 */
public final class CodeRange {

    /** The default range of unknown error codes. */
    public static final String DEFAULT_SPEC = "4000-5999";
    /** The largest value a range may hold: nine digits, the longest number the scanner reads. */
    public static final int MAX_VALUE = CodeScanner.MAX_VALUE;

    private static final String FORM = "expected codes or inclusive ranges separated by commas, e.g. '4000-5999' or '4000-4999,7001'";
    private static final CodeRange DEFAULT = parse(DEFAULT_SPEC);

    private final int[] lows;
    private final int[] highs;
    private final String spec;

    private CodeRange(int[] lows, int[] highs, String spec) {
        this.lows = lows;
        this.highs = highs;
        this.spec = spec;
    }

    /** The default range, {@value #DEFAULT_SPEC}. */
    public static CodeRange defaultRange() {
        return DEFAULT;
    }

    /** A range that holds nothing: only catalog codes count. */
    public static CodeRange none() {
        return new CodeRange(new int[0], new int[0], "");
    }

    /**
     * Parses a range as users write it in configuration.
     *
     * @throws IllegalArgumentException saying what is wrong and what form is expected
     */
    public static CodeRange parse(String spec) {
        String trimmed = spec.trim();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("empty code range; " + FORM);
        }
        List<int[]> parts = new ArrayList<>();
        for (String part : trimmed.split(",", -1)) {
            String p = part.trim();
            int dash = p.indexOf('-', 1);
            int low = parseBound(p.isEmpty() ? p : dash < 0 ? p : p.substring(0, dash), spec);
            int high = dash < 0 ? low : parseBound(p.substring(dash + 1), spec);
            if (low > high) {
                throw new IllegalArgumentException("inverted code range '" + p + "' in '" + spec + "': the low end must come first; " + FORM);
            }
            parts.add(new int[] {low, high});
        }
        parts.sort((a, b) -> Integer.compare(a[0], b[0]));
        List<int[]> merged = new ArrayList<>();
        for (int[] part : parts) {
            int[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && part[0] <= last[1] + 1L) {
                last[1] = Math.max(last[1], part[1]);
            } else {
                merged.add(part);
            }
        }
        int[] lows = new int[merged.size()];
        int[] highs = new int[merged.size()];
        for (int i = 0; i < lows.length; i++) {
            lows[i] = merged.get(i)[0];
            highs[i] = merged.get(i)[1];
        }
        return new CodeRange(lows, highs, trimmed);
    }

    private static int parseBound(String text, String spec) {
        String t = text.trim();
        if (t.isEmpty() || t.length() > 9 || !t.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("'" + t + "' in code range '" + spec + "' is not a code (0-" + MAX_VALUE + "); " + FORM);
        }
        return Integer.parseInt(t);
    }

    /** Whether {@code value} lies in the range. */
    public boolean contains(int value) {
        for (int i = 0; i < lows.length; i++) {
            if (value < lows[i]) {
                return false;
            }
            if (value <= highs[i]) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof CodeRange && Arrays.equals(lows, ((CodeRange) o).lows) && Arrays.equals(highs, ((CodeRange) o).highs);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(lows) + Arrays.hashCode(highs);
    }

    /** The range as it was written. */
    @Override
    public String toString() {
        return spec;
    }
}
