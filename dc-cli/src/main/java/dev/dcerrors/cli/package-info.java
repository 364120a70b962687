/**
 * The command line of DC Error Analytics, {@code dc-cli.jar}: {@code analyze} reads existing log files
 * (plain or gzip, in any order) with the same recognizer, rules and catalog as the turbo filter and
 * summarizes what it would have counted; {@code backfill} writes that history as OpenMetrics for
 * {@code promtool tsdb create-blocks-from openmetrics}. {@link dev.dcerrors.cli.DcCli} is the entry point.
 *
 * <p>Data path: {@link dev.dcerrors.cli.InputReader} (one thread: files, gzip, chunks of whole lines) →
 * {@link dev.dcerrors.cli.EventSplitter} (lines into events, {@link dev.dcerrors.cli.Timestamps}) →
 * {@link dev.dcerrors.cli.Analysis} (the recognizer, per-event rules, per-time-bucket tallies) → the
 * reports.
 */
@NullMarked
package dev.dcerrors.cli;

import org.jspecify.annotations.NullMarked;
