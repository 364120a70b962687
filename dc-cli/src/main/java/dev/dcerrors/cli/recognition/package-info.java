/**
 * Recognition: {@link dev.dcerrors.cli.recognition.Analysis} scans each event with the project's recognizer
 * as the turbo filter scans a log call, and tallies the codes per {@link dev.dcerrors.cli.recognition.Series}
 * in {@link dev.dcerrors.cli.recognition.Tally}s. Reads events from {@link dev.dcerrors.cli.input}; knows
 * nothing of the reports.
 */
@NullMarked
package dev.dcerrors.cli.recognition;

import org.jspecify.annotations.NullMarked;
