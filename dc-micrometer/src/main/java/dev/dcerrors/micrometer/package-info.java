/**
 * Micrometer export of the Developer Center error counts: {@link dev.dcerrors.micrometer.DevCenterErrorMetrics}
 * publishes {@link dev.dcerrors.core.ErrorCounts} as function counters that read the counts when a
 * registry is scraped or publishes; the logging side never calls a registry. New codes get their series
 * from the reading side and from one shared background thread, within
 * {@link dev.dcerrors.micrometer.DevCenterErrorMetrics#PUBLISHED_WITHIN}.
 */
@NullMarked
package dev.dcerrors.micrometer;

import org.jspecify.annotations.NullMarked;
