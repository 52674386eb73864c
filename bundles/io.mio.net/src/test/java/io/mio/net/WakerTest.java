package io.mio.net;

import static io.mio.net.Expect.expectEvents;
import static io.mio.net.Expect.expectNoEvents;
import static io.mio.net.Expect.expected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mio.Event;
import io.mio.Events;
import io.mio.Interest;
import io.mio.Poll;
import io.mio.Token;
import io.mio.Waker;
import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ClosedSelectorException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The behaviours of mio's {@code tests/waker.rs}. */
class WakerTest {
    private static final Token WAKE = new Token(10);

    @Test
    void aWakeGivesOneReadableEventWithTheWakersToken() throws IOException {
        try (Poll poll = Poll.open(); Waker waker = new Waker(poll.registry(), WAKE)) {
            Events events = Events.withCapacity(8);
            waker.wake();
            expectEvents(poll, events, expected(WAKE, Interest.READABLE));
            expectNoEvents(poll, events); // nothing to drain, no repeat
            waker.wake();
            expectEvents(poll, events, expected(WAKE, Interest.READABLE));
        }
    }

    @Test
    void manyWakesCoalesce() throws IOException {
        try (Poll poll = Poll.open(); Waker waker = new Waker(poll.registry(), WAKE)) {
            Events events = Events.withCapacity(8);
            for (int i = 0; i < 100; i++) {
                waker.wake();
            }
            poll.poll(events, Expect.PATIENCE);
            assertEquals(1, events.size());
            assertEquals(WAKE, events.get(0).token());
            expectNoEvents(poll, events);
        }
    }

    @Test
    void aWakeFromAnotherThreadWakesABlockedPoll() throws Exception {
        try (Poll poll = Poll.open(); Waker waker = new Waker(poll.registry(), WAKE)) {
            Events events = Events.withCapacity(8);
            Thread waking = Thread.ofPlatform().start(() -> {
                try {
                    Thread.sleep(100);
                    waker.wake();
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            });
            poll.poll(events, null); // blocks until woken: the bound is the wake itself
            waking.join();
            assertEquals(WAKE, events.get(0).token());
            assertTrue(events.get(0).isReadable());
        }
    }

    @Test
    void wakesFromManyThreadsEachWakeAPoll() throws Exception {
        try (Poll poll = Poll.open(); Waker waker = new Waker(poll.registry(), WAKE)) {
            Events events = Events.withCapacity(8);
            for (int round = 0; round < 50; round++) {
                Thread[] threads = new Thread[4];
                for (int t = 0; t < threads.length; t++) {
                    threads[t] = Thread.ofPlatform().start(() -> {
                        try {
                            waker.wake();
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    });
                }
                for (Thread thread : threads) {
                    thread.join();
                }
                poll.poll(events, Expect.PATIENCE);
                assertTrue(events.size() >= 1);
                for (Event event : events) {
                    assertEquals(WAKE, event.token());
                }
            }
        }
    }

    @Test
    void everyWakeFromSixteenThreadsIsSeenAfterItsCall() throws Exception {
        int threads = 16;
        int wakesEach = 500;
        try (Poll poll = Poll.open(); Waker waker = new Waker(poll.registry(), WAKE)) {
            // How many polls have returned with the waker's event. A wake's edge is collected by a
            // poll that returns after the wake; so once a waking thread sees this count move past
            // what it read before waking, its wake was seen (coalesced or not).
            AtomicLong wokenPolls = new AtomicLong();
            AtomicLong wakes = new AtomicLong();
            AtomicBoolean done = new AtomicBoolean();
            Set<Throwable> failures = ConcurrentHashMap.newKeySet();
            Thread poller = Thread.ofPlatform().start(() -> {
                Events events = Events.withCapacity(8);
                try {
                    while (!done.get()) {
                        poll.poll(events, Duration.ofMillis(200));
                        for (Event event : events) {
                            assertEquals(WAKE, event.token());
                            wokenPolls.incrementAndGet();
                        }
                    }
                } catch (Throwable t) {
                    failures.add(t);
                }
            });
            Thread[] wakers = new Thread[threads];
            for (int t = 0; t < threads; t++) {
                wakers[t] = Thread.ofPlatform().start(() -> {
                    try {
                        for (int i = 0; i < wakesEach; i++) {
                            long before = wokenPolls.get();
                            waker.wake();
                            wakes.incrementAndGet();
                            long deadline = System.nanoTime() + Expect.PATIENCE.toNanos();
                            while (wokenPolls.get() == before) {
                                if (System.nanoTime() > deadline) {
                                    throw new AssertionError("a wake was never seen; polls woken " + before);
                                }
                                Thread.onSpinWait();
                            }
                        }
                    } catch (Throwable e) {
                        failures.add(e);
                    }
                });
            }
            for (Thread thread : wakers) {
                thread.join();
            }
            done.set(true);
            waker.wake();
            poller.join(Expect.PATIENCE.toMillis());
            assertEquals(Set.of(), failures);
            assertEquals((long) threads * wakesEach, wakes.get());
            assertTrue(wokenPolls.get() > 0);
        }
    }

    @Test
    void onlyOneWakerPerPollUntilItIsClosed() throws IOException {
        try (Poll poll = Poll.open()) {
            Waker first = new Waker(poll.registry(), WAKE);
            assertThrows(IllegalStateException.class, () -> new Waker(poll.registry(), new Token(11)));
            first.close();
            first.close(); // idempotent
            assertThrows(ClosedChannelException.class, first::wake);
            try (Waker second = new Waker(poll.registry(), new Token(11))) {
                Events events = Events.withCapacity(8);
                second.wake();
                expectEvents(poll, events, expected(11, Interest.READABLE));
            }
        }
    }

    @Test
    void aWakerNeedsAnOpenPoll() throws IOException {
        Poll poll = Poll.open();
        poll.close();
        assertThrows(ClosedSelectorException.class, () -> new Waker(poll.registry(), WAKE));
        assertThrows(NullPointerException.class, () -> new Waker(poll.registry(), null));
    }

    @Test
    void aWakeIsSeenByAPollWithATimeout() throws IOException {
        try (Poll poll = Poll.open(); Waker waker = new Waker(poll.registry(), WAKE)) {
            Events events = Events.withCapacity(8);
            waker.wake();
            poll.poll(events, Duration.ZERO);
            assertEquals(1, events.size());
        }
    }

    @Test
    void closingAWakerAgainCannotFreeTheSlotOfTheWakerMadeAfterIt() throws IOException {
        try (Poll poll = Poll.open()) {
            Waker first = new Waker(poll.registry(), WAKE);
            first.close();
            try (Waker second = new Waker(poll.registry(), new Token(11))) {
                first.close(); // idempotent: must not give back the slot second holds
                assertThrows(IllegalStateException.class, () -> new Waker(poll.registry(), new Token(12)),
                        "a Poll has one active Waker");
                second.wake();
                expectEvents(poll, Events.withCapacity(8), expected(11, Interest.READABLE));
            }
        }
    }
}
