package io.mio.net;

import static io.mio.net.Expect.anyLocalIpv4;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mio.Event;
import io.mio.Events;
import io.mio.Interest;
import io.mio.Poll;
import io.mio.PollOptions;
import io.mio.Token;
import io.mio.UndrainedReadiness;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The undrained-readiness detector catches the edge-triggered pitfalls, and only them. */
class UndrainedDetectorTest {
    private static final Token LISTENER = new Token(0);
    private static final Token CONNECTION = new Token(1);

    private final List<UndrainedReadiness> reports = new ArrayList<>();
    private final Events events = Events.withCapacity(16);

    private Poll detectingPoll() throws IOException {
        return Poll.open(PollOptions.defaults().detectUndrainedReadiness(reports::add));
    }

    /** Polls until an event for {@code token} arrives. */
    private void awaitEvent(Poll poll, Token token) throws IOException {
        long deadline = System.nanoTime() + Expect.PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            poll.poll(events, Duration.ofMillis(100));
            for (Event event : events) {
                if (event.token().equals(token)) {
                    return;
                }
            }
        }
        throw new AssertionError("no event for " + token);
    }

    @Test
    void anAcceptOnceServerIsCaughtOnceWithItsTokenAndSource() throws IOException {
        try (Poll poll = detectingPoll(); TcpListener listener = TcpListener.bind(anyLocalIpv4())) {
            poll.registry().register(listener, LISTENER, Interest.READABLE);
            List<TcpStream> clients = new ArrayList<>();
            try {
                for (int i = 0; i < 3; i++) {
                    clients.add(TcpStream.connect(listener.localAddress()));
                }
                Thread.sleep(50); // let all three reach the accept queue, so one event covers them
                awaitEvent(poll, LISTENER);
                try (TcpStream accepted = listener.accept()) { // the mistake: once per event
                    assertNotNull(accepted);
                }
                assertEquals(List.of(), reports, "nothing is reported before the next poll");
                poll.poll(events, Duration.ZERO);
                assertEquals(1, reports.size(), reports.toString());
                UndrainedReadiness report = reports.get(0);
                assertEquals(LISTENER, report.token());
                assertSame(listener, report.source());
                assertTrue(report.readiness().isReadable());
                assertTrue(report.toString().contains("accept in a loop"), report.toString());

                poll.poll(events, Duration.ZERO);
                poll.poll(events, Duration.ZERO);
                assertEquals(1, reports.size(), "once per registration");
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            } finally {
                clients.forEach(TcpStream::close);
            }
        }
    }

    @Test
    void aServerThatDrainsEverythingIsNeverReported() throws IOException {
        try (Poll poll = detectingPoll(); TcpListener listener = TcpListener.bind(anyLocalIpv4());
                TcpStream client = TcpStream.connect(listener.localAddress())) {
            poll.registry().register(listener, LISTENER, Interest.READABLE);
            awaitEvent(poll, LISTENER);
            TcpStream server = listener.accept();
            while (listener.accept() != null) {
                fail("one client only");
            }
            try (server) {
                poll.registry().register(server, CONNECTION, Interest.READABLE);
                client.write(new byte[100]);
                awaitEvent(poll, CONNECTION);
                ByteBuffer buffer = ByteBuffer.allocate(16);
                int n;
                int total = 0;
                while ((n = server.read(buffer.clear())) > 0) { // small buffer: many reads, then would-block
                    total += n;
                }
                assertEquals(0, n);
                assertEquals(100, total);
                poll.poll(events, Duration.ZERO);
                poll.poll(events, Duration.ZERO);
            }
            assertEquals(List.of(), reports);
        }
    }

    private static void fail(String message) {
        throw new AssertionError(message);
    }

    @UnixOnly
    @Test
    void aReadOnceHandlerIsReportedButAClosedOrDeregisteredSourceIsNot() throws IOException {
        try (Poll poll = detectingPoll(); SocketPair<UnixStream> pair = UnixStream.pair()) {
            UnixStream reader = pair.second();
            poll.registry().register(reader, CONNECTION, Interest.READABLE);
            pair.first().write(new byte[64]);
            awaitEvent(poll, CONNECTION);
            reader.read(new byte[8]); // reads 8 of 64, stops
            poll.poll(events, Duration.ZERO);
            assertEquals(1, reports.size());
            assertSame(reader, reports.get(0).source());

            reports.clear();
            try (SocketPair<UnixStream> other = UnixStream.pair()) {
                poll.registry().register(other.second(), new Token(2), Interest.READABLE);
                other.first().write(new byte[64]);
                awaitEvent(poll, new Token(2));
                other.second().read(new byte[8]);
                poll.registry().deregister(other.second()); // stops caring: not a lost event
                poll.poll(events, Duration.ZERO);
            }
            assertEquals(List.of(), reports);
        }
    }

    @UnixOnly
    @Test
    void aShortWriteFollowedByPollingIsReportedAsWritable() throws IOException {
        try (Poll poll = detectingPoll(); SocketPair<UnixStream> pair = UnixStream.pair()) {
            UnixStream writer = pair.first();
            poll.registry().register(writer, CONNECTION, Interest.WRITABLE);
            awaitEvent(poll, CONNECTION);
            ByteBuffer big = ByteBuffer.allocate(8 << 20);
            int n = writer.write(big);
            assertTrue(n > 0 && big.hasRemaining(), "the socket buffer is smaller than 8 MiB: " + n);
            poll.poll(events, Duration.ZERO);
            assertEquals(1, reports.size(), reports.toString());
            assertTrue(reports.get(0).readiness().isWritable());
            assertFalse(reports.get(0).readiness().isReadable());
        }
    }

    @Test
    void aReadThatFailsEndsTheReadinessAsWouldBlockDoes() throws IOException {
        WineDivergence.RESET_READS_AS_END_OF_STREAM.skipUnderWine();
        LibkqueueDivergence.TAKES_THE_SOCKET_ERROR.skipOnLibkqueue();
        try (Poll poll = detectingPoll(); TcpListener listener = TcpListener.bind(anyLocalIpv4())) {
            TcpStream client = TcpStream.connect(listener.localAddress());
            poll.registry().register(listener, LISTENER, Interest.READABLE);
            awaitEvent(poll, LISTENER);
            try (TcpStream server = listener.accept()) {
                assertEquals(null, listener.accept());
                poll.registry().register(server, CONNECTION, Interest.READABLE);
                client.setOption(java.net.StandardSocketOptions.SO_LINGER, 0);
                client.close(); // a reset: the server's next read fails
                awaitEvent(poll, CONNECTION);
                org.junit.jupiter.api.Assertions.assertThrows(IOException.class, () -> server.read(new byte[8]));
                poll.poll(events, Duration.ZERO); // the program keeps the socket a moment longer
            }
            assertEquals(List.of(), reports, "a failed read is the end of that readiness, not a mistake");
        }
    }

    @Test
    void theDetectorIsOffUnlessAskedFor() {
        assertFalse(PollOptions.defaults().detectsUndrainedReadiness());
        assertTrue(PollOptions.defaults().detectUndrainedReadiness(true).detectsUndrainedReadiness());
        String before = System.getProperty(PollOptions.DETECT_PROPERTY);
        System.setProperty(PollOptions.DETECT_PROPERTY, "true");
        try {
            assertTrue(PollOptions.defaults().detectsUndrainedReadiness());
        } finally {
            if (before == null) {
                System.clearProperty(PollOptions.DETECT_PROPERTY);
            } else {
                System.setProperty(PollOptions.DETECT_PROPERTY, before);
            }
        }
    }
}
