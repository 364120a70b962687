package dev.dcerrors.cli;

import java.time.Instant;
import org.apache.logging.log4j.core.util.Clock;

/**
 * Log4j2's clock in dc-cli's tests ({@code log4j.Clock} in log4j2.component.properties): events are stamped with
 * the time last {@link #set}, so that Log4j2's layouts print known instants.
 */
public final class Log4j2TestClock implements Clock {

    private static volatile long millis;

    static void set(Instant time) {
        millis = time.toEpochMilli();
    }

    @Override
    public long currentTimeMillis() {
        return millis;
    }
}
