/**
 * Inputs and events: {@link dev.dcerrors.cli.input.InputReader} reads files and standard input (plain or
 * gzip) into chunks of whole lines, {@link dev.dcerrors.cli.input.EventSplitter} cuts them into events (one
 * event = one log call) dated by {@link dev.dcerrors.cli.input.Timestamps}; the parts of an event that a log
 * call would have had apart (a printed throwable, a JSON record's trace fields) are found here too. Depends
 * on no other package of dc-cli.
 */
@NullMarked
package dev.dcerrors.cli.input;

import org.jspecify.annotations.NullMarked;
