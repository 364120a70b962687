package dev.dcerrors.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ErrorCountsTest {

    private final CodeRange range = CodeRange.defaultRange();

    @Test
    void successCatalogAndUnknownCodesAreCountedApart() {
        ErrorCounts counts = new ErrorCounts();
        assertThat(counts.record(200, range)).isTrue();
        assertThat(counts.record(5147, range)).isTrue();
        assertThat(counts.record(5147, range)).isTrue();
        assertThat(counts.record(4007, range)).isTrue();
        assertThat(counts.record(404, range)).isFalse();
        assertThat(counts.record(0, range)).isFalse();
        assertThat(counts.successCount()).isEqualTo(1);
        assertThat(counts.count(5147)).isEqualTo(2);
        assertThat(counts.count(4007)).isEqualTo(1);
        assertThat(counts.count(404)).isZero();
        assertThat(counts.errorCount()).isEqualTo(3);
    }

    @Test
    void catalogCodesCountEvenOutsideTheUnknownRange() {
        ErrorCounts counts = new ErrorCounts();
        assertThat(counts.record(5147, CodeRange.none())).isTrue();
        assertThat(counts.record(4007, CodeRange.none())).isFalse();
    }

    @Test
    void unknownCodesBeyondTheBoundAreCountedAsOther() {
        ErrorCounts counts = new ErrorCounts(ErrorCatalog.builtIn(), 3);
        for (int code = 4000; code < 4010; code++) {
            counts.record(code, range);
            counts.record(code, range);
        }
        List<Integer> unknown = new ArrayList<>();
        counts.forEachUnknownCode(unknown::add);
        assertThat(unknown).containsExactlyInAnyOrder(4000, 4001, 4002);
        assertThat(counts.otherCount()).isEqualTo(14);
        assertThat(counts.errorCount()).isEqualTo(20);
    }

    @Test
    void countsUnderOtherTellsWhereAnUnknownCodeGoesWithoutClaimingAPlace() {
        ErrorCounts counts = new ErrorCounts(ErrorCatalog.builtIn(), 1);
        assertThat(counts.countsUnderOther(4000)).as("a place is free").isFalse();
        assertThat(counts.countsUnderOther(4001)).isFalse();
        counts.record(4000, range);
        assertThat(counts.countsUnderOther(4000)).as("it has its place").isFalse();
        assertThat(counts.countsUnderOther(4001)).as("the one place is taken").isTrue();
        assertThat(counts.countsUnderOther(5147)).as("a catalog code").isFalse();
        List<Integer> unknown = new ArrayList<>();
        counts.forEachUnknownCode(unknown::add);
        assertThat(unknown).containsExactly(4000);
    }

    @Test
    void recordResponseCountsACodeTheCallerHasInHand() {
        ErrorCounts counts = new ErrorCounts(ErrorCatalog.builtIn(), 1);
        counts.recordResponse(200);
        counts.recordResponse(5147);
        counts.recordResponse(7001);
        counts.recordResponse(7002);
        counts.recordResponse(-1);
        assertThat(counts.successCount()).isEqualTo(1);
        assertThat(counts.count(5147)).isEqualTo(1);
        assertThat(counts.count(7001)).as("the one unknown code kept apart").isEqualTo(1);
        assertThat(counts.otherCount()).isEqualTo(1);
        assertThat(counts.errorCount()).isEqualTo(3);
    }

    @Test
    void seenCatalogCodesAreListedInCodeOrder() {
        ErrorCounts counts = new ErrorCounts();
        counts.record(5325, range);
        counts.record(5000, range);
        List<Integer> seen = new ArrayList<>();
        counts.forEachCatalogCodeSeen(seen::add);
        assertThat(seen).containsExactly(5000, 5325);
    }

    @Test
    void addingACatalogKeepsCountsMadeBeforeIt() {
        ErrorCounts counts = new ErrorCounts();
        counts.record(4007, range);
        counts.record(5005, range);
        counts.addCatalog(ErrorCatalog.of(new ErrorCode(4007, ErrorCategory.AUTH, ErrorSeverity.WARNING, "Token expired.")));
        counts.record(4007, range);
        assertThat(counts.catalog().find(4007)).isNotNull();
        assertThat(counts.count(4007)).isEqualTo(2);
        assertThat(counts.count(5005)).isEqualTo(1);
        List<Integer> unknown = new ArrayList<>();
        counts.forEachUnknownCode(unknown::add);
        assertThat(unknown).isEmpty();
        assertThat(counts.errorCount()).isEqualTo(3);
    }

    @Test
    void namedInstancesAreSharedByNameWithinTheirDirectory() {
        NamedCounts directory = new NamedCounts();
        assertThat(directory.get("counts-test")).isSameAs(directory.get("counts-test")).isNotSameAs(new NamedCounts().get("counts-test"));
        assertThat(directory.get("counts-test").name()).isEqualTo("counts-test");
        assertThat(ErrorCounts.shared()).isSameAs(directory.get(ErrorCounts.DEFAULT_NAME)).isSameAs(new NamedCounts().get(ErrorCounts.DEFAULT_NAME));
        assertThat(directory.get("counts-test-bound", 7).maxUnknownCodes()).isEqualTo(7);
        assertThat(directory.find("never-asked")).isNull();
        assertThatThrownBy(() -> directory.get(" ")).hasMessageContaining("blank");
        assertThatThrownBy(() -> new ErrorCounts(ErrorCatalog.builtIn(), -1)).hasMessage("maxUnknownCodes must be 0-" + ErrorCounts.MAX_UNKNOWN_CODES_LIMIT + ": -1");
    }

    @Test
    void countsAreExactUnderConcurrency() throws Exception {
        ErrorCounts counts = new ErrorCounts(ErrorCatalog.builtIn(), 50);
        int threads = 8;
        int perThread = 200_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            futures.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < perThread; i++) {
                    switch (i % 4) {
                        case 0 -> counts.record(200, range);
                        case 1 -> counts.record(5147, range);
                        case 2 -> counts.record(4000 + (i / 4) % 100, range); // 100 unknown codes race for 50 places
                        default -> counts.record(5032, range);
                    }
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : futures) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        long quarter = (long) threads * perThread / 4;
        assertThat(counts.successCount()).isEqualTo(quarter);
        assertThat(counts.count(5147)).isEqualTo(quarter);
        assertThat(counts.count(5032)).isEqualTo(quarter);
        List<Integer> unknown = new ArrayList<>();
        counts.forEachUnknownCode(unknown::add);
        assertThat(unknown).hasSize(50).doesNotHaveDuplicates();
        long unknownTotal = counts.otherCount();
        for (int code : unknown) {
            unknownTotal += counts.count(code);
        }
        assertThat(unknownTotal).isEqualTo(quarter);
        assertThat(counts.errorCount()).isEqualTo(3 * quarter);
    }
}
