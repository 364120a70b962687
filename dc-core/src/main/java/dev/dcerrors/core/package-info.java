/**
 * The Developer Center error-code catalog and its classification ({@link dev.dcerrors.core.ErrorCatalog}),
 * the labels a count of a code is shown under ({@link dev.dcerrors.core.CodeLabels}), the recognizer that
 * finds codes in logged text ({@link dev.dcerrors.core.CodeScanner}) and applies the rules of one log call,
 * whatever logging system describes it ({@link dev.dcerrors.core.LogCall},
 * {@link dev.dcerrors.core.ErrorRecognizer#recognize}), and the lock-free counts that the logging side
 * increments and the metrics side reads ({@link dev.dcerrors.core.ErrorCounts}), named where they are
 * configured ({@link dev.dcerrors.core.NamedCounts}).
 *
 * <p>This package depends on nothing but the JDK; it knows neither Logback nor Micrometer.
 */
@NullMarked
package dev.dcerrors.core;

import org.jspecify.annotations.NullMarked;
