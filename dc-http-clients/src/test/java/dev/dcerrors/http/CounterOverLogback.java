package dev.dcerrors.http;

import ch.qos.logback.classic.LoggerContext;
import dev.dcerrors.core.EndpointCounts;
import dev.dcerrors.core.ErrorRecognizer;
import dev.dcerrors.core.FailureReporter;
import dev.dcerrors.core.RecognizerOptions;
import dev.dcerrors.core.ResponseCounter;
import dev.dcerrors.logback.LogbackCounts;

/** The interceptors' counter in these tests: default options over the named counts of a configured Logback context, strict about every report. */
final class CounterOverLogback {

    private CounterOverLogback() {
    }

    /** A counter over the counts {@code countsName} of {@code logback}, where its turbo filter counts; any problem fails the test. */
    static ResponseCounter of(LoggerContext logback, String countsName) {
        RecognizerOptions options = new RecognizerOptions();
        options.setCounts(countsName);
        ErrorRecognizer recognizer = options.build(LogbackCounts.in(logback), new RecognizerOptions.Reporter() {
            @Override
            public void error(RecognizerOptions.Option option, String message) {
                throw new AssertionError(message);
            }

            @Override
            public void warn(RecognizerOptions.Option option, String message) {
                throw new AssertionError(message);
            }
        });
        return new ResponseCounter(recognizer, new EndpointCounts(recognizer.counts()), FailureReporter.once((p, c) -> {
            throw new AssertionError(p, c);
        }));
    }
}
