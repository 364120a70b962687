/**
 * The command line of DC Error Analytics, {@code dc-cli.jar}: {@code analyze} reads existing log files
 * (plain or gzip, in any order) with the same recognizer, rules and catalog as the turbo filter and
 * summarizes what it would have counted; {@code backfill} writes that history as OpenMetrics for
 * {@code promtool tsdb create-blocks-from openmetrics}. {@link dev.dcerrors.cli.DcCli} is the entry point,
 * {@link dev.dcerrors.cli.CommandLine} its options.
 *
 * <p>Data flows one way, through one package per role: {@link dev.dcerrors.cli.input} (files, gzip, lines
 * cut into events) → {@link dev.dcerrors.cli.recognition} (the recognizer, per-event rules, tallies) →
 * {@link dev.dcerrors.cli.report} and {@link dev.dcerrors.cli.backfill}. {@link dev.dcerrors.cli.Analyzer}
 * runs that path over the inputs.
 */
@NullMarked
package dev.dcerrors.cli;

import org.jspecify.annotations.NullMarked;
