package dev.dcerrors.logback;

import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Lays out each event when it is appended, as an encoder writing a file does, and keeps the line with the event's
 * logger name. Unlike a {@code ListAppender}, whose events format their message later, it sees arguments that the
 * caller changes after the call (HttpClient's wire log reuses its buffer).
 */
public class PrintedLinesAppender extends AppenderBase<ILoggingEvent> {

    /** A printed line: the event's logger and the laid-out text. */
    public record Line(String logger, String text) {
    }

    private final List<Line> lines = new CopyOnWriteArrayList<>();
    private String pattern = "%msg";
    private PatternLayout layout;

    public void setPattern(String pattern) {
        this.pattern = pattern;
    }

    @Override
    public void start() {
        layout = new PatternLayout();
        layout.setContext(getContext());
        layout.setPattern(pattern);
        layout.start();
        super.start();
    }

    @Override
    protected void append(ILoggingEvent event) {
        lines.add(new Line(event.getLoggerName(), layout.doLayout(event)));
    }

    public List<Line> lines() {
        return lines;
    }
}
