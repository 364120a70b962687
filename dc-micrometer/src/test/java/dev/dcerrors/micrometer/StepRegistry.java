package dev.dcerrors.micrometer;

import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.simple.CountingMode;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** The push registries' counting without a backend: a {@link SimpleMeterRegistry} in STEP mode, moved from step to step by a test clock. */
final class StepRegistry {

    private StepRegistry() {
    }

    /** A registry whose counters report each step's increase; {@code clock.add(step)} ends a step. */
    static SimpleMeterRegistry create(MockClock clock, Duration step) {
        return new SimpleMeterRegistry(new SimpleConfig() {
            @Override
            public @Nullable String get(String key) {
                return null;
            }

            @Override
            public CountingMode mode() {
                return CountingMode.STEP;
            }

            @Override
            public Duration step() {
                return step;
            }
        }, clock);
    }
}
