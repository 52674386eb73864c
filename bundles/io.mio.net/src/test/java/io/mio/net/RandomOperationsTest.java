package io.mio.net;

import static io.mio.net.Expect.acceptOne;
import static io.mio.net.Expect.anyLocalIpv4;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.mio.AlreadyRegisteredException;
import io.mio.Event;
import io.mio.Events;
import io.mio.Interest;
import io.mio.NotRegisteredException;
import io.mio.Poll;
import io.mio.Token;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random sequences of operations on a few connections and two Polls, checked against a model of
 * what each call must do: the same exception or result as the model predicts, bytes in order with
 * none lost, and no event for a token that is not registered (and open) with that Poll. Seeded,
 * so that a failure names the seed that reproduces it.
 */
class RandomOperationsTest {
    private static final int SOCKETS = 4;
    private static final int SEEDS = 100;
    private static final int OPERATIONS = 300;

    /** What the model knows of one connection's client end. */
    private static final class Model {
        TcpStream stream;
        TcpStream peer;
        boolean closed;
        Poll registeredWith;
        Poll boundTo;
        long written;
        long read;
    }

    @Test
    void randomOperationsBehaveAsTheModelSays() throws Exception {
        for (int seed = 1; seed <= SEEDS; seed++) {
            try {
                run(seed);
            } catch (AssertionError | Exception e) {
                throw new AssertionError("seed " + seed + ": " + e, e);
            }
        }
    }

    private void run(long seed) throws Exception {
        Random random = new Random(seed);
        try (Poll first = Poll.open(); Poll second = Poll.open(); TcpListener listener = TcpListener.bind(anyLocalIpv4())) {
            Poll[] polls = {first, second};
            Events events = Events.withCapacity(16);
            Model[] models = new Model[SOCKETS];
            for (int i = 0; i < SOCKETS; i++) {
                models[i] = new Model();
                models[i].stream = TcpStream.connect(listener.localAddress());
                models[i].peer = acceptOne(first, events, listener);
            }
            ByteBuffer buffer = ByteBuffer.allocate(64);
            try {
                for (int op = 0; op < OPERATIONS; op++) {
                    int i = random.nextInt(SOCKETS);
                    Model m = models[i];
                    Poll poll = polls[random.nextInt(2)];
                    Token token = new Token(i);
                    switch (random.nextInt(8)) {
                        case 0 -> expect(m, poll, true, () -> poll.registry().register(m.stream, token, Interest.READABLE), "register");
                        case 1 -> expect(m, poll, false, () -> poll.registry().reregister(m.stream, token, Interest.READABLE), "reregister");
                        case 2 -> {
                            expect(m, poll, false, () -> poll.registry().deregister(m.stream), "deregister");
                            if (!m.closed && m.registeredWith == poll) {
                                m.registeredWith = null;
                            }
                        }
                        case 3 -> {
                            m.stream.close();
                            m.closed = true;
                            m.registeredWith = null;
                        }
                        case 4, 5 -> {
                            if (m.closed) {
                                continue; // the peer's write would fail, as it should (EPIPE): nothing to model
                            }
                            byte[] data = new byte[1 + random.nextInt(20)];
                            for (int b = 0; b < data.length; b++) {
                                data[b] = (byte) (m.written + b);
                            }
                            assertEquals(data.length, m.peer.write(data), "small writes are taken whole");
                            m.written += data.length;
                        }
                        case 6 -> read(m, buffer);
                        default -> checkEvents(poll, polls, events, models);
                    }
                }
                for (Model m : models) { // nothing lost: what was written arrives, in order
                    long deadline = System.nanoTime() + Expect.PATIENCE.toNanos();
                    while (!m.closed && m.read < m.written) {
                        if (System.nanoTime() > deadline) {
                            fail("only " + m.read + " of " + m.written + " bytes arrived");
                        }
                        read(m, buffer);
                    }
                }
            } finally {
                for (Model m : models) {
                    m.stream.close();
                    m.peer.close();
                }
            }
        }
    }

    private interface Call {
        void run() throws IOException;
    }

    /** Runs a registration call and checks its outcome against the model, updating it on success. */
    private static void expect(Model m, Poll poll, boolean registering, Call call, String name) throws IOException {
        Class<? extends Throwable> expected;
        if (m.closed) {
            expected = ClosedChannelException.class;
        } else if (registering) {
            expected = m.registeredWith != null || (m.boundTo != null && m.boundTo != poll) ? AlreadyRegisteredException.class : null;
        } else {
            expected = m.registeredWith != poll ? NotRegisteredException.class : null;
        }
        try {
            call.run();
            if (expected != null) {
                fail(name + " succeeded where the model expected " + expected.getSimpleName());
            }
            if (registering) {
                m.registeredWith = poll;
                m.boundTo = poll;
            }
        } catch (ClosedChannelException | AlreadyRegisteredException | NotRegisteredException e) {
            if (expected == null || !expected.isInstance(e)) {
                throw new AssertionError(name + " threw " + e + " where the model expected "
                        + (expected == null ? "success" : expected.getSimpleName()), e);
            }
        }
    }

    /** Reads what is there; the bytes must continue the peer's sequence. */
    private static void read(Model m, ByteBuffer buffer) throws IOException {
        if (m.closed) {
            try {
                m.stream.read(buffer.clear());
                fail("a read on a closed stream succeeded");
            } catch (ClosedChannelException expected) {
                return;
            }
        }
        int n = m.stream.read(buffer.clear());
        assertTrue(n >= 0, "the peer never closes here, so no end of stream");
        assertTrue(m.read + n <= m.written, "more bytes than were written");
        for (int b = 0; b < n; b++) {
            assertEquals((byte) (m.read + b), buffer.get(b), "byte " + (m.read + b));
        }
        m.read += n;
    }

    /** Every event must carry the token of a stream registered, and open, with that Poll. */
    private static void checkEvents(Poll poll, Poll[] polls, Events events, Model[] models) throws IOException {
        poll.poll(events, Duration.ZERO);
        List<String> strays = new ArrayList<>();
        for (Event event : events) {
            Model m = models[(int) event.token().value()];
            if (m.closed || m.registeredWith != poll) {
                strays.add(event + (m.closed ? " (closed)" : " (registered with " + (m.registeredWith == null ? "none" : "the other Poll") + ")"));
            }
        }
        assertEquals(List.of(), strays, "events for sources not registered with this Poll");
    }
}
