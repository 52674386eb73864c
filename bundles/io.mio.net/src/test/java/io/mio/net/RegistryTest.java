package io.mio.net;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static io.mio.net.Expect.acceptOne;
import static io.mio.net.Expect.anyLocalIpv4;
import static io.mio.net.Expect.expectEvents;
import static io.mio.net.Expect.expectNoEvents;
import static io.mio.net.Expect.expected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.mio.Event;
import io.mio.Events;
import io.mio.Interest;
import io.mio.Poll;
import io.mio.Token;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The behaviours of mio's {@code tests/registering.rs}. */
class RegistryTest {
    @Test
    void registerThenDeregisterThenRegisterAgain() throws IOException {
        try (Poll poll = Poll.open(); TcpListener listener = TcpListener.bind(anyLocalIpv4())) {
            Events events = Events.withCapacity(16);
            poll.registry().register(listener, new Token(1), Interest.READABLE);
            poll.registry().deregister(listener);
            try (TcpStream client = TcpStream.connect(listener.localAddress())) {
                expectNoEvents(poll, events);
                poll.registry().register(listener, new Token(2), Interest.READABLE);
                // the connection queued while deregistered is reported on registration
                expectEvents(poll, events, expected(2, Interest.READABLE));
            }
        }
    }

    @Test
    void reregisterReplacesTheInterestEvenWithReadinessPending() throws IOException {
        try (Poll poll = Poll.open(); TcpListener listener = TcpListener.bind(anyLocalIpv4());
             TcpStream client = TcpStream.connect(listener.localAddress())) {
            Events events = Events.withCapacity(16);
            try (TcpStream server = acceptOne(poll, events, listener)) {
                poll.registry().register(server, new Token(1), Interest.READABLE);
                client.write(new byte[] {1});
                // Without polling, switch to writable only: the pending readable edge is not reported.
                poll.registry().reregister(server, new Token(2), Interest.WRITABLE);
                expectEvents(poll, events, expected(2, Interest.WRITABLE));
                for (Event event : events) {
                    assertFalse(event.isReadable(), () -> "no readable event after reregister: " + event);
                }
            }
        }
    }

    @Test
    void registrationsFromManyThreadsAllTakeEffect() throws Exception {
        int threads = 8;
        int perThread = 16;
        try (Poll poll = Poll.open(); TcpListener listener = TcpListener.bind(anyLocalIpv4())) {
            List<TcpStream> streams = new ArrayList<>();
            for (int i = 0; i < threads * perThread; i++) {
                streams.add(TcpStream.connect(listener.localAddress()));
            }
            List<Thread> workers = new ArrayList<>();
            Set<Throwable> failures = ConcurrentHashMap.newKeySet();
            for (int t = 0; t < threads; t++) {
                int first = t * perThread;
                workers.add(Thread.ofPlatform().start(() -> {
                    try {
                        for (int i = first; i < first + perThread; i++) {
                            TcpStream s = streams.get(i);
                            poll.registry().register(s, new Token(i), Interest.READABLE);
                            poll.registry().reregister(s, new Token(i), Interest.WRITABLE);
                            poll.registry().deregister(s);
                            poll.registry().register(s, new Token(i), Interest.WRITABLE);
                        }
                    } catch (Throwable e) {
                        failures.add(e);
                    }
                }));
            }
            for (Thread worker : workers) {
                worker.join();
            }
            assertEquals(Set.of(), failures);
            Set<Long> seen = new java.util.HashSet<>();
            Events events = Events.withCapacity(256);
            long deadline = System.nanoTime() + Expect.PATIENCE.toNanos();
            while (seen.size() < streams.size() && System.nanoTime() < deadline) {
                poll.poll(events, Duration.ofMillis(100));
                for (Event event : events) {
                    seen.add(event.token().value());
                }
            }
            assertEquals(streams.size(), seen.size(), "every stream reported writable");
            for (TcpStream s : streams) {
                s.close();
            }
        }
    }

    @Test
    void anAioOnlyRegistrationDeliversNothingWhereTheOsHasNoAio() throws IOException {
        // Interest.AIO means POSIX AIO completions, which only kqueue reports; elsewhere such a
        // registration is kept by Mio and delivers nothing, not even the peer's hang-up.
        Events events = Events.withCapacity(8);
        try (Poll poll = Poll.open(); Expect.Connection pair = Expect.connection(poll, events)) {
            poll.registry().register(pair.server(), new Token(3), Interest.AIO);
            pair.client().write(new byte[] {1});
            pair.client().close();
            expectNoEvents(poll, events);
            poll.registry().reregister(pair.server(), new Token(4), Interest.READABLE);
            poll.poll(events, Expect.PATIENCE);
            assertEquals(1, events.size(), events::toString);
            assertEquals(new Token(4), events.get(0).token());
            poll.registry().reregister(pair.server(), new Token(5), Interest.LIO);
            expectNoEvents(poll, events);
            poll.registry().deregister(pair.server());
        }
    }

    @UnixOnly
    @Test
    void aSourceCanBeDeregisteredAndTakenOutAfterItsPollClosed() throws IOException {
        try (SocketPair<UnixStream> pair = UnixStream.pair()) {
            Poll poll = Poll.open();
            poll.registry().register(pair.first(), new Token(1), Interest.READABLE);
            poll.close();
            poll.registry().deregister(pair.first()); // the queue is gone, and the registration with it
            int fd = pair.first().intoRawFd();
            assertTrue(OsCalls.current().isOpen(fd));
            io.mio.net.OwnedFd.adopt(fd).close();
        }
    }

    @Test
    void aWouldBlockSaidThroughTryIoRearmsTheSource() throws IOException {
        Events events = Events.withCapacity(8);
        try (Poll poll = Poll.open(); Expect.Connection pair = Expect.connection(poll, events)) {
            Token token = new Token(8);
            poll.registry().register(pair.server(), token, Interest.READABLE);
            pair.client().write(new byte[] {1});
            expectEvents(poll, events, expected(token, Interest.READABLE));
            expectNoEvents(poll, events);
            // The program's own call says would-block (here without reading): mio's try_io.
            assertThrows(io.mio.WouldBlockException.class, () -> pair.server().tryIo(fd -> {
                throw new io.mio.WouldBlockException();
            }), "the would-block reaches the caller");
            pair.client().write(new byte[] {2});
            expectEvents(poll, events, expected(token, Interest.READABLE));
            byte[] got = new byte[4];
            assertEquals(2, pair.server().read(got));
        }
    }

    @Test
    void aSourceClosedWithReadinessPendingIsNeverReported() throws IOException {
        Events events = Events.withCapacity(8);
        try (Poll poll = Poll.open(); Expect.Connection pair = Expect.connection(poll, events)) {
            poll.registry().register(pair.server(), new Token(6), Interest.READABLE);
            pair.client().write(new byte[] {1});
            pair.server().close();
            expectNoEvents(poll, events);
        }
    }

    @UnixOnly
    @Test
    void aShortWriteRearmsTheWriteSide() throws Exception {
        // A program that writes until a write comes back short, then waits for writable, must
        // get its event once the peer drains: on every backend, emulated edges included.
        try (Poll poll = Poll.open(); SocketPair<UnixStream> pair = UnixStream.pair()) {
            Events events = Events.withCapacity(8);
            Token token = new Token(9);
            poll.registry().register(pair.first(), token, Interest.WRITABLE);
            expectEvents(poll, events, expected(token, Interest.WRITABLE));
            java.nio.ByteBuffer chunk = java.nio.ByteBuffer.allocateDirect(1 << 20);
            int written = pair.first().write(chunk);
            assertTrue(written > 0 && written < chunk.capacity(), "one write that comes back short: " + written);
            java.nio.ByteBuffer sink = java.nio.ByteBuffer.allocateDirect(1 << 20);
            for (int i = 0; i < 1000 && pair.second().read(sink.clear()) > 0; i++) {
                // drain
            }
            expectEvents(poll, events, expected(token, Interest.WRITABLE));
        }
    }
}
