/**
 * Logback integration: {@link dev.dcerrors.logback.DevCenterErrorTurboFilter} counts the Developer Center
 * error codes of each log call on the application's thread, {@link dev.dcerrors.logback.DevCenterErrorAppender}
 * counts formatted events (behind an {@code AsyncAppender} if wanted), and the pattern converters
 * {@code %dcCode}, {@code %dcCategory} and {@code %dcSeverity} print the classification in log lines.
 * All of them write to {@link dev.dcerrors.core.ErrorCounts}; none touches a meter registry.
 */
@NullMarked
package dev.dcerrors.logback;

import org.jspecify.annotations.NullMarked;
