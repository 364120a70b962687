package dev.dcerrors.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FailureReporterTest {

    @Test
    void onceReportsTheFirstProblemOnly() {
        List<String> told = new ArrayList<>();
        FailureReporter reporter = FailureReporter.once((problem, cause) -> told.add(problem + " / " + cause.getMessage()));
        reporter.report("first", new IllegalStateException("a"));
        reporter.report("second", new IllegalStateException("b"));
        assertThat(told).containsExactly("first / a");
    }

    @Test
    void onlyWhatTheJvmCannotGoOnAfterIsRethrown() {
        FailureReporter.rethrowIfFatal(new IllegalStateException());
        FailureReporter.rethrowIfFatal(new AssertionError());
        FailureReporter.rethrowIfFatal(new StackOverflowError());
        assertThatThrownBy(() -> FailureReporter.rethrowIfFatal(new OutOfMemoryError("x"))).isInstanceOf(OutOfMemoryError.class);
    }
}
