/**
 * A frozen copy of the recognition v2 scanner ({@code CodeScanner}, {@code TextWalker}, {@code Frames},
 * {@code Chars} as they were before issue 22), kept as the oracle of the differential test: v3 must count what
 * v2 counted on v2's rule tables and generators, except the differences that test lists.
 */
@NullMarked
package dev.dcerrors.core.v2;

import org.jspecify.annotations.NullMarked;
