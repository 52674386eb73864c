package io.mio.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.mio.Event;
import io.mio.Events;
import io.mio.Interest;
import io.mio.Poll;
import io.mio.Token;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The tests' shared vocabulary, after mio's {@code tests/util}: what events to expect, and the
 * checks every created descriptor must pass. Every wait is bounded.
 */
public final class Expect {
    /** How long to wait for an event that must come: generous, because CI machines are shared. */
    public static final Duration PATIENCE = Duration.ofSeconds(10);
    /** How long to wait to be satisfied that an event does not come. */
    public static final Duration QUIET = Duration.ofMillis(150);

    private Expect() {}

    /** An event a test waits for: its token, and readiness it must include. */
    public record Expected(Token token, boolean readable, boolean writable) {
        boolean matches(Event event) {
            return event.token().equals(token)
                    && (!readable || event.isReadable())
                    && (!writable || event.isWritable());
        }
    }

    public static Expected expected(Token token, Interest readiness) {
        return new Expected(token, readiness.isReadable(), readiness.isWritable());
    }

    public static Expected expected(long token, Interest readiness) {
        return expected(new Token(token), readiness);
    }

    static InetSocketAddress anyLocalIpv4() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
    }

    static InetSocketAddress anyLocalIpv6() {
        return new InetSocketAddress("::1", 0);
    }

    /**
     * Polls until every expected event has been seen, failing after {@link #PATIENCE}. Other events
     * (spurious, or of other sources) are allowed, as mio's {@code expect_events} allows them.
     */
    public static void expectEvents(Poll poll, Events events, Expected... expected) throws IOException {
        List<Expected> missing = new ArrayList<>(List.of(expected));
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!missing.isEmpty() && System.nanoTime() < deadline) {
            poll.poll(events, Duration.ofMillis(100));
            for (Event event : events) {
                missing.removeIf(e -> e.matches(event));
            }
        }
        if (!missing.isEmpty()) {
            fail("no event came for " + missing);
        }
    }

    /** Polls for {@link #QUIET} and fails on any event. */
    public static void expectNoEvents(Poll poll, Events events) throws IOException {
        poll.poll(events, QUIET);
        List<String> seen = new ArrayList<>();
        for (Event event : events) {
            seen.add(event.toString());
        }
        assertTrue(seen.isEmpty(), () -> "expected no events, got " + seen);
    }

    /** Reads until {@code wanted} bytes came, polling between would-blocks; bounded by {@link #PATIENCE}. */
    static byte[] readFully(Poll poll, Events events, TcpStream stream, int wanted) throws IOException {
        byte[] got = new byte[wanted];
        int have = 0;
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (have < wanted) {
            int n = stream.read(got, have, wanted - have);
            if (n < 0) {
                fail("end of stream after " + have + " of " + wanted + " bytes");
            }
            if (n == 0) {
                if (System.nanoTime() > deadline) {
                    fail("only " + have + " of " + wanted + " bytes came");
                }
                poll.poll(events, Duration.ofMillis(50));
            }
            have += n;
        }
        return got;
    }

    /** Asserts what mio asserts of every socket it creates: non-blocking, and not inherited by child processes. */
    public static void assertNonBlockingAndCloseOnExec(long fd) throws IOException {
        OsCalls.current().assertOwnSocket(fd);
    }

    /**
     * The length a truncated datagram is reported with: its full length where the OS tells it,
     * else one more than the room.
     */
    public static int truncatedLength(int full, int room) {
        return io.mio.internal.shared.Backends.current().reportsTruncatedLength() ? full : room + 1;
    }

    /** Whether {@link #openDescriptors} counts what Mio holds: not through libkqueue, nor under Wine. */
    public static boolean countsHandles() {
        return !LibkqueueDivergence.thisRunUsesLibkqueue() && !WineDivergence.thisRunIsUnderWine();
    }

    /**
     * The number of descriptors (on Windows, handles) this process has open; under Wine, which
     * cannot count them, the calling test is skipped.
     */
    public static int openDescriptors() throws IOException {
        return OsCalls.current().openHandles();
    }

    /** A connected pair on loopback, and the listener that made it; closes all three. */
    record Connection(TcpListener listener, TcpStream client, TcpStream server) implements AutoCloseable {
        @Override
        public void close() {
            client.close();
            server.close();
            listener.close();
        }
    }

    /** Opens a listener, connects a client to it and accepts the server side. */
    static Connection connection(Poll poll, Events events) throws IOException {
        TcpListener listener = TcpListener.bind(anyLocalIpv4());
        try {
            TcpStream client = TcpStream.connect(listener.localAddress());
            try {
                return new Connection(listener, client, acceptOne(poll, events, listener));
            } catch (IOException | RuntimeException | Error e) {
                client.close();
                throw e;
            }
        } catch (IOException | RuntimeException | Error e) {
            listener.close();
            throw e;
        }
    }

    /** Accepts one connection, polling while none is queued; bounded by {@link #PATIENCE}. */
    static TcpStream acceptOne(Poll poll, Events events, TcpListener listener) throws IOException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        TcpStream stream;
        while ((stream = listener.accept()) == null) {
            if (System.nanoTime() > deadline) {
                fail("no connection came");
            }
            poll.poll(events, Duration.ofMillis(50));
        }
        return stream;
    }
}
