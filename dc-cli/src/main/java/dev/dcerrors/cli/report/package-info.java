/**
 * The reports of {@code analyze}: the summary on standard output, the JSON and HTML reports, their charts,
 * and the progress bar on a terminal. They read a finished {@link dev.dcerrors.cli.recognition.Analysis}.
 */
@NullMarked
package dev.dcerrors.cli.report;

import org.jspecify.annotations.NullMarked;
