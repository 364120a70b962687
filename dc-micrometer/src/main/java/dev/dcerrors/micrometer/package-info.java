/**
 * Micrometer export of the Developer Center error counts: {@link dev.dcerrors.micrometer.DevCenterErrorMetrics}
 * publishes {@link dev.dcerrors.core.ErrorCounts} as function counters that read the counts when a
 * registry is scraped or publishes; the logging side never calls a registry, and reading a meter never
 * registers one. New codes get their series from one shared background thread, within
 * {@link dev.dcerrors.micrometer.DevCenterErrorMetrics#PUBLISHED_WITHIN}, and at the start of a Prometheus
 * scrape.
 */
@NullMarked
package dev.dcerrors.micrometer;

import org.jspecify.annotations.NullMarked;
