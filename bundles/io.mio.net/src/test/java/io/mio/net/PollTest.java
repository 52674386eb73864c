package io.mio.net;

import static io.mio.net.Expect.anyLocalIpv4;
import static io.mio.net.Expect.expectEvents;
import static io.mio.net.Expect.expected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mio.AlreadyRegisteredException;
import io.mio.Events;
import io.mio.Interest;
import io.mio.NotRegisteredException;
import io.mio.Poll;
import io.mio.Token;
import java.io.IOException;
import java.nio.channels.ClosedSelectorException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The behaviours of mio's {@code tests/poll.rs}, and what the Java port decided beyond it. */
class PollTest {
    private static final Token ID = new Token(0);

    @Test
    void pollWithNothingRegisteredTimesOutEmpty() throws IOException {
        try (Poll poll = Poll.open()) {
            Events events = Events.withCapacity(16);
            poll.poll(events, Duration.ofMillis(10));
            assertTrue(events.isEmpty());
        }
    }

    @Test
    void aZeroTimeoutStillReportsWhatIsReady() throws IOException {
        try (Poll poll = Poll.open(); TcpListener listener = TcpListener.bind(anyLocalIpv4())) {
            Events events = Events.withCapacity(16);
            poll.registry().register(listener, ID, Interest.READABLE);
            poll.poll(events, Duration.ZERO);
            assertTrue(events.isEmpty(), "nothing is ready yet");
            try (TcpStream client = TcpStream.connect(listener.localAddress())) {
                int tries = 0;
                do {
                    Thread.onSpinWait();
                    poll.poll(events, Duration.ZERO); // never waits, still makes the call
                } while (events.isEmpty() && ++tries < 1_000_000);
                assertEquals(ID, events.get(0).token());
                assertTrue(events.get(0).isReadable());
            }
        }
    }

    @Test
    void openingAndClosingManyPollsLeaksNoDescriptor() throws IOException {
        LibkqueueDivergence.HOLDS_DESCRIPTORS_OF_ITS_OWN.skipOnLibkqueue();
        int before = Expect.openDescriptors();
        for (int i = 0; i < 2000; i++) {
            Poll.open().close();
        }
        assertEquals(before, Expect.openDescriptors());
    }

    @Test
    void aRegistrationFromAnotherThreadReachesAPollThatIsAlreadyBlocked() throws Exception {
        try (Poll poll = Poll.open(); TcpListener listener = TcpListener.bind(anyLocalIpv4())) {
            Events events = Events.withCapacity(16);
            CountDownLatch registered = new CountDownLatch(1);
            Thread registrar = Thread.ofPlatform().start(() -> {
                try {
                    Thread.sleep(100); // let the main thread block in poll first
                    poll.registry().register(listener, ID, Interest.READABLE);
                    TcpStream.connect(listener.localAddress()).close();
                    registered.countDown();
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            });
            poll.poll(events, Expect.PATIENCE);
            registrar.join();
            assertTrue(registered.await(0, TimeUnit.SECONDS));
            assertEquals(ID, events.get(0).token());
        }
    }

    @Test
    void registeringTwiceIsRefusedAndChangesNothing() throws IOException {
        try (Poll poll = Poll.open(); TcpListener listener = TcpListener.bind(anyLocalIpv4())) {
            Events events = Events.withCapacity(16);
            poll.registry().register(listener, ID, Interest.READABLE);
            assertThrows(AlreadyRegisteredException.class,
                    () -> poll.registry().register(listener, new Token(1), Interest.WRITABLE));
            try (TcpStream client = TcpStream.connect(listener.localAddress())) {
                expectEvents(poll, events, expected(ID, Interest.READABLE));
            }
        }
    }

    @Test
    void aSourceBelongsToTheFirstPollItIsRegisteredWith() throws IOException {
        try (Poll first = Poll.open(); Poll second = Poll.open();
             TcpListener listener = TcpListener.bind(anyLocalIpv4())) {
            first.registry().register(listener, ID, Interest.READABLE);
            assertThrows(AlreadyRegisteredException.class,
                    () -> second.registry().register(listener, ID, Interest.READABLE));
            first.registry().deregister(listener);
            assertThrows(AlreadyRegisteredException.class,
                    () -> second.registry().register(listener, ID, Interest.READABLE), "bound for life");
            assertThrows(NotRegisteredException.class, () -> second.registry().deregister(listener));
            first.registry().register(listener, ID, Interest.READABLE); // the first Poll takes it back
        }
    }

    @Test
    void reregisterAndDeregisterWithoutRegisterAreRefused() throws IOException {
        try (Poll poll = Poll.open(); TcpListener listener = TcpListener.bind(anyLocalIpv4())) {
            assertThrows(NotRegisteredException.class, () -> poll.registry().reregister(listener, ID, Interest.READABLE));
            assertThrows(NotRegisteredException.class, () -> poll.registry().deregister(listener));
            poll.registry().register(listener, ID, Interest.READABLE);
            poll.registry().deregister(listener);
            assertThrows(NotRegisteredException.class, () -> poll.registry().deregister(listener));
        }
    }

    @Test
    void badArgumentsGetClearExceptions() throws IOException {
        try (Poll poll = Poll.open(); TcpListener listener = TcpListener.bind(anyLocalIpv4())) {
            Events events = Events.withCapacity(4);
            assertThrows(NullPointerException.class, () -> poll.poll(null, Duration.ZERO));
            assertThrows(IllegalArgumentException.class, () -> poll.poll(events, Duration.ofMillis(-1)));
            assertThrows(NullPointerException.class, () -> poll.registry().register(listener, null, Interest.READABLE));
            assertThrows(NullPointerException.class, () -> poll.registry().register(listener, ID, null));
            assertThrows(NullPointerException.class, () -> poll.registry().register(null, ID, Interest.READABLE));
            // none of it broke the Poll
            poll.registry().register(listener, ID, Interest.READABLE);
            poll.poll(events, Duration.ZERO);
        }
    }

    @Test
    void aHugeTimeoutIsClampedNotAnError() throws Exception {
        try (Poll poll = Poll.open(); TcpListener listener = TcpListener.bind(anyLocalIpv4())) {
            poll.registry().register(listener, ID, Interest.READABLE);
            TcpStream.connect(listener.localAddress()).close();
            Events events = Events.withCapacity(4);
            poll.poll(events, Duration.ofSeconds(Long.MAX_VALUE)); // returns on the event
            assertEquals(ID, events.get(0).token());
        }
    }

    @Test
    void aClosedPollRefusesEveryUse() throws IOException {
        Poll poll = Poll.open();
        poll.close();
        poll.close(); // idempotent
        try (TcpListener listener = TcpListener.bind(anyLocalIpv4())) {
            assertThrows(ClosedSelectorException.class, () -> poll.poll(Events.withCapacity(1), Duration.ZERO));
            assertThrows(ClosedSelectorException.class, () -> poll.registry().register(listener, ID, Interest.READABLE));
            // the refused registration did not bind the listener to the closed Poll
            try (Poll other = Poll.open()) {
                other.registry().register(listener, ID, Interest.READABLE);
            }
        }
    }

    @Test
    void closingAPollWakesTheThreadBlockedInItWithAClearException() throws Exception {
        for (int round = 0; round < 20; round++) {
            Poll poll = Poll.open();
            AtomicReference<Throwable> ended = new AtomicReference<>();
            CountDownLatch started = new CountDownLatch(1);
            Thread poller = Thread.ofPlatform().start(() -> {
                try {
                    started.countDown();
                    poll.poll(Events.withCapacity(4), null); // would wait for ever
                    ended.set(new AssertionError("poll returned normally from a closed Poll"));
                } catch (Throwable t) {
                    ended.set(t);
                }
            });
            started.await();
            Thread.sleep(round % 2 == 0 ? 20 : 0); // both before and inside the wait
            int before = Expect.countsHandles() ? Expect.openDescriptors() : 0;
            poll.close();
            poller.join(Expect.PATIENCE.toMillis());
            assertFalse(poller.isAlive(), "the blocked thread was woken");
            assertTrue(ended.get() instanceof ClosedSelectorException, () -> "got " + ended.get());
            if (Expect.countsHandles()) {
                assertTrue(Expect.openDescriptors() < before, "the queue (and its wake-up eventfd) are closed");
            }
        }
    }

    @Test
    void onlyOneThreadPollsAtATime() throws Exception {
        try (Poll poll = Poll.open()) {
            CountDownLatch polling = new CountDownLatch(1);
            Thread blocked = Thread.ofPlatform().start(() -> {
                polling.countDown();
                // The main thread's quick polls may hold the Poll the moment this one starts: retry.
                long until = System.nanoTime() + Expect.PATIENCE.toNanos();
                while (System.nanoTime() < until) {
                    try {
                        poll.poll(Events.withCapacity(1), Duration.ofMillis(500));
                        return;
                    } catch (IllegalStateException refused) {
                        Thread.onSpinWait();
                    } catch (IOException e) {
                        throw new AssertionError(e);
                    }
                }
            });
            polling.await();
            long deadline = System.nanoTime() + Expect.PATIENCE.toNanos();
            boolean refused = false;
            while (!refused && blocked.isAlive() && System.nanoTime() < deadline) {
                try {
                    poll.poll(Events.withCapacity(1), Duration.ZERO);
                    Thread.sleep(5);
                } catch (IllegalStateException expected) {
                    refused = true;
                }
            }
            blocked.join();
            assertTrue(refused, "a second concurrent poll is refused");
        }
    }

    @Test
    void interruptDoesNotWakeAPollAndTheStatusIsLeftAlone() throws Exception {
        try (Poll poll = Poll.open()) {
            AtomicReference<Throwable> failure = new AtomicReference<>();
            AtomicReference<Boolean> stillInterrupted = new AtomicReference<>();
            CountDownLatch started = new CountDownLatch(1);
            Thread poller = Thread.ofPlatform().start(() -> {
                try {
                    Events events = Events.withCapacity(1);
                    started.countDown();
                    poll.poll(events, Duration.ofMillis(300));
                    stillInterrupted.set(Thread.currentThread().isInterrupted());
                } catch (Throwable t) {
                    failure.set(t);
                }
            });
            started.await();
            Thread.sleep(50);
            poller.interrupt();
            poller.join(Expect.PATIENCE.toMillis());
            assertFalse(poller.isAlive());
            assertEquals(null, failure.get(), "no exception from an interrupted poll");
            assertEquals(Boolean.TRUE, stillInterrupted.get(), "the interrupt status is not cleared");
        }
    }
}
