package dev.dcerrors.logback;

import ch.qos.logback.core.spi.ContextAware;
import dev.dcerrors.core.RecognizerOptions;

/** Reports the problems of {@link RecognizerOptions} through a component's status messages, naming the XML element. */
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
}
