package dev.dcerrors.bench;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.UnsynchronizedAppenderBase;

/** An appender that does nothing, so that a benchmark measures the logging path, not I/O. */
public final class NoOpAppender extends UnsynchronizedAppenderBase<ILoggingEvent> {

    @Override
    protected void append(ILoggingEvent event) {
        // nothing: the event was built and dispatched, which is what is measured
    }
}
