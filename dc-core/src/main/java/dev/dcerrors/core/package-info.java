/**
 * The Developer Center error-code catalog and its classification ({@link dev.dcerrors.core.ErrorCatalog}),
 * the recognizer that finds codes in logged text ({@link dev.dcerrors.core.CodeScanner},
 * {@link dev.dcerrors.core.ErrorRecognizer}), and the lock-free counts that the logging side increments
 * and the metrics side reads ({@link dev.dcerrors.core.ErrorCounts}).
 *
 * <p>This package depends on nothing but the JDK; it knows neither Logback nor Micrometer.
 */
@NullMarked
package dev.dcerrors.core;

import org.jspecify.annotations.NullMarked;
