package io.mio.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DescriptorTest {
    private final List<Long> closed = new ArrayList<>();

    @Test
    void closeIsImmediateWhenNoCallIsUnderWayAndIdempotent() {
        Descriptor d = new Descriptor(7, closed::add);
        assertTrue(d.close());
        assertFalse(d.close());
        assertEquals(List.of(7L), closed);
        assertTrue(d.isClosed());
        assertEquals(-1L, d.acquire(), "no call can start once closed");
    }

    @Test
    void closeWaitsForTheCallUnderWay() {
        Descriptor d = new Descriptor(7, closed::add);
        assertEquals(7L, d.acquire());
        assertEquals(7L, d.acquire());
        d.close();
        assertEquals(List.of(), closed, "still in use: the number must not be freed for reuse");
        assertEquals(-1L, d.acquire());
        d.release();
        assertEquals(List.of(), closed);
        d.release();
        assertEquals(List.of(7L), closed, "the last call out closes it");
    }

    @Test
    void refusesANegativeNumber() {
        assertThrows(IllegalArgumentException.class, () -> new Descriptor(-1, closed::add));
    }

    @Test
    void underContentionItClosesExactlyOnceAndNeverDuringACall() throws Exception {
        for (int round = 0; round < 200; round++) {
            AtomicInteger inCall = new AtomicInteger();
            ConcurrentLinkedQueue<String> faults = new ConcurrentLinkedQueue<>();
            AtomicInteger closes = new AtomicInteger();
            Descriptor d = new Descriptor(3, fd -> {
                if (inCall.get() != 0) {
                    faults.add("closed while a call was under way");
                }
                closes.incrementAndGet();
            });
            CountDownLatch start = new CountDownLatch(1);
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                threads.add(Thread.ofPlatform().start(() -> {
                    await(start);
                    for (int i = 0; i < 1000; i++) {
                        if (d.acquire() < 0) {
                            return;
                        }
                        inCall.incrementAndGet();
                        inCall.decrementAndGet();
                        d.release();
                    }
                }));
            }
            threads.add(Thread.ofPlatform().start(() -> {
                await(start);
                d.close();
            }));
            start.countDown();
            for (Thread thread : threads) {
                thread.join();
            }
            assertEquals(List.of(), List.copyOf(faults));
            assertEquals(1, closes.get(), "closed exactly once");
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
