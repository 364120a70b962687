/**
 * The runnable demo: a Developer Center-style backend that logs its responses the way real backends do,
 * simulated traffic with a brute-force burst, and the metrics of this project served for Prometheus. It
 * uses only the project's public API and a logback.xml, as a user would.
 */
@NullMarked
package dev.dcerrors.demo;

import org.jspecify.annotations.NullMarked;
