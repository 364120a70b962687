package dev.dcerrors.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class EndpointCountsTest {

    @Test
    void threadsRecordingAtOnceLoseNothingAndClaimNoMoreEndpointsThanTheBound() throws InterruptedException {
        EndpointCounts endpoints = new EndpointCounts(new ErrorCounts(), 20);
        int threads = 4;
        int perThread = 20_000;
        CountDownLatch start = new CountDownLatch(1);
        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            workers[t] = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < perThread; i++) {
                    Exchange.Side side = i % 2 == 0 ? Exchange.Side.SERVER : Exchange.Side.CLIENT;
                    endpoints.record(side, "GET", "/v2/devices/" + (i % 30) + "/{dk}", i % 3 == 0 ? 5147 : 5146);
                }
            });
            workers[t].start();
        }
        start.countDown();
        for (Thread worker : workers) {
            worker.join();
        }
        long[] total = {0};
        Set<String> named = new HashSet<>();
        endpoints.forEach((key, endpoint, side, code) -> {
            total[0] += endpoints.count(key);
            if (!endpoint.equals(EndpointCounts.OTHER)) {
                named.add(side + " " + endpoint);
            }
        });
        assertThat(total[0]).isEqualTo((long) threads * perThread);
        assertThat(named).hasSize(20);
    }

    @Test
    void successesAndNegativeValuesAreNotRecorded() {
        EndpointCounts endpoints = new EndpointCounts(new ErrorCounts());
        endpoints.record(Exchange.Side.SERVER, "GET", "/ok", 200);
        endpoints.record(Exchange.Side.SERVER, "GET", "/ok", -1);
        assertThat(endpoints.size()).isZero();
    }

    @Test
    void aRequestNoRouteMatchedIsCountedAsOther() {
        EndpointCounts endpoints = new EndpointCounts(new ErrorCounts());
        endpoints.record(Exchange.Side.SERVER, "GET", null, 5000);
        assertThat(endpoints.count(EndpointCounts.OTHER, Exchange.Side.SERVER, 5000)).isEqualTo(1);
    }
}
