/**
 * Log4j2 integration: {@link dev.dcerrors.log4j2.DevCenterErrorFilter}, declared with one line directly under
 * {@code <Configuration>}, counts the Developer Center error codes of each log call on the application's thread,
 * once, into {@link dev.dcerrors.core.ErrorCounts}; it touches no meter registry.
 */
@NullMarked
package dev.dcerrors.log4j2;

import org.jspecify.annotations.NullMarked;
