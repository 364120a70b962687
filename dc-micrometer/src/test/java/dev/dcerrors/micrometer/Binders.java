package dev.dcerrors.micrometer;

import dev.dcerrors.core.ErrorCounts;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** The binders a test makes over its counts, every one closed after the test ({@code @RegisterExtension}). */
final class Binders implements AfterEachCallback {

    private final ErrorCounts counts;
    private final List<DevCenterErrorMetrics> made = new ArrayList<>();

    Binders(ErrorCounts counts) {
        this.counts = counts;
    }

    /** A new binder over the test's counts, closed after the test. */
    DevCenterErrorMetrics binder() {
        DevCenterErrorMetrics binder = DevCenterErrorMetrics.builder().counts(counts).build();
        made.add(binder);
        return binder;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        made.forEach(DevCenterErrorMetrics::close);
        made.clear();
    }
}
