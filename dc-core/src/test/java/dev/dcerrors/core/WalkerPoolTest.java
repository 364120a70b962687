package dev.dcerrors.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/**
 * The walkers that scans share through {@link TextWalker}'s pool: a scan never sees another scan's state, whether
 * it runs inside a sink of another scan on the same thread or on many threads at once.
 */
class WalkerPoolTest {

    @Test
    void aScanInsideASinkGetsAWalkerOfItsOwn() {
        List<Integer> inner = new ArrayList<>();
        List<Integer> outer = new ArrayList<>();
        String text = "{\"code\":5147,\"data\":{\"code\":1,\"name\":\"x\"},\"msg\":\"locked\"} code=5032";
        CodeScanner.defaults().scan(text, value -> {
            CodeScanner.defaults().scan("{\"phone\":\"139\",\"code\":\"5146\"} Result(code=5049, msg=x)", inner::add, 16);
            return outer.add(value);
        }, 16);
        assertThat(outer).containsExactly(5147, 5032);
        assertThat(inner).containsExactly(5049, 5049);
    }

    @Test
    void concurrentScansDoNotShareState() throws InterruptedException {
        String[] texts = {
            "{\"code\":5147,\"msg\":\"locked\"}",
            "{\"phone\":\"139\",\"code\":\"5146\"}",
            "{\"code\":200,\"msg\":\"\",\"data\":{\"devices\":[{\"code\":5371,\"name\":\"x\"}]}}",
            "{\"message\":\"DC {\\\"code\\\":5032,\\\"msg\\\":\\\"x\\\"}\"}",
            "Result(msg=x, code=5049)",
        };
        List<List<Integer>> expected = new ArrayList<>();
        for (String text : texts) {
            expected.add(CodeScannerTest.found(text));
        }
        int threads = 8;
        CountDownLatch start = new CountDownLatch(1);
        ConcurrentLinkedQueue<String> wrong = new ConcurrentLinkedQueue<>();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int offset = t;
            Thread worker = new Thread(() -> {
                List<Integer> values = new ArrayList<>();
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                for (int i = 0; i < 20_000; i++) {
                    int which = (i + offset) % texts.length;
                    values.clear();
                    CodeScanner.defaults().scan(texts[which], values::add, 16);
                    if (!values.equals(expected.get(which))) {
                        wrong.add(texts[which] + " -> " + values);
                    }
                }
            });
            workers.add(worker);
            worker.start();
        }
        start.countDown();
        for (Thread worker : workers) {
            worker.join();
        }
        assertThat(wrong).isEmpty();
        assertThat(expected).containsExactly(List.of(5147), List.of(), List.of(200), List.of(5032), List.of(5049));
    }
}
