/**
 * The output of {@code backfill}: a finished {@link dev.dcerrors.cli.recognition.Analysis} as OpenMetrics
 * for {@code promtool tsdb create-blocks-from openmetrics}.
 */
@NullMarked
package dev.dcerrors.cli.backfill;

import org.jspecify.annotations.NullMarked;
