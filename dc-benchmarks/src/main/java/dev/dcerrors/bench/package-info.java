/**
 * JMH benchmarks of the scanner and of a logging call through a real {@code LoggerContext}, side by side
 * with the anchors in one run: {@code String.indexOf}, a {@code java.util.regex} recognizer, Logback with
 * no filter, and Micrometer's {@code LogbackMetrics}. {@link dev.dcerrors.bench.BenchmarkMain} runs them
 * and prints the ratios of BENCHMARKS.md.
 */
@NullMarked
package dev.dcerrors.bench;

import org.jspecify.annotations.NullMarked;
