package dev.dcerrors.bench;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import dev.dcerrors.core.CodeSink;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Marker;

/** What a team would write without this project: a turbo filter that runs a regex over the message and arguments. */
public final class RegexTurboFilter extends TurboFilter {

    private final Map<Integer, LongAdder> counts = new ConcurrentHashMap<>();
    private final CodeSink sink = value -> {
        counts.computeIfAbsent(value, v -> new LongAdder()).increment();
        return true;
    };

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
        if (format == null || !level.isGreaterOrEqual(logger.getEffectiveLevel())) {
            return FilterReply.NEUTRAL;
        }
        int budget = 16 - RegexRecognizer.scan(format, sink, 16);
        if (params != null) {
            for (Object param : params) {
                if (param instanceof CharSequence) {
                    budget -= RegexRecognizer.scan((CharSequence) param, sink, budget);
                }
            }
        }
        return FilterReply.NEUTRAL;
    }
}
