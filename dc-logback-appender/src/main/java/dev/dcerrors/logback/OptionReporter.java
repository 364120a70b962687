package dev.dcerrors.logback;

import ch.qos.logback.core.spi.ContextAware;
import dev.dcerrors.core.FailureReporter;
import dev.dcerrors.core.RecognizerOptions;

/**
 * Reports the problems of {@link RecognizerOptions} through a component's status messages, naming the XML element; and
 * ({@link #userCodeFailures}) the failures of user code on the logging path, once.
 */
final class OptionReporter implements RecognizerOptions.Reporter {

    private final ContextAware component;

    OptionReporter(ContextAware component) {
        this.component = component;
    }

    @Override
    public void error(RecognizerOptions.Option option, String message) {
        component.addError("<" + option.element() + "> " + message);
    }

    @Override
    public void warn(RecognizerOptions.Option option, String message) {
        component.addWarn("<" + option.element() + "> " + message);
    }

    /** Where a component reports user code that failed on the logging path: a status warning, once, not per event. */
    static FailureReporter userCodeFailures(ContextAware component, String name) {
        return FailureReporter.once((problem, cause) -> component.addWarn(name + ": " + problem + " (reported once; counting goes on)", cause));
    }
}
