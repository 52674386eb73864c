package io.mio.net;

import static io.mio.net.Expect.anyLocalIpv4;
import static io.mio.net.Expect.expectEvents;
import static io.mio.net.Expect.expected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mio.Events;
import io.mio.Interest;
import io.mio.Poll;
import io.mio.Token;
import java.io.IOException;
import java.net.SocketException;
import java.util.ArrayDeque;
import java.util.Deque;
import org.junit.jupiter.api.Test;

/**
 * {@code EMFILE} during accept: the accept reports it, the listener stays registered, the
 * connection stays queued, and once descriptors are free again accepting resumes.
 */
class DescriptorExhaustionTest {
    private static final Token LISTENER = new Token(0);

    @UnixOnly
    @Test
    void acceptAtTheDescriptorLimitReportsItAndResumesOnceDescriptorsAreFree() throws IOException {
        // One descriptor each, and no port: the limit is met exactly.
        Deque<UnixDatagram> filler = new ArrayDeque<>();
        try (Poll poll = Poll.open(); TcpListener listener = TcpListener.bind(anyLocalIpv4());
             TcpStream client = TcpStream.connect(listener.localAddress())) {
            Events events = Events.withCapacity(4);
            poll.registry().register(listener, LISTENER, Interest.READABLE);
            expectEvents(poll, events, expected(LISTENER, Interest.READABLE));

            IOException exhausted = null;
            for (int i = 0; i < 100_000 && exhausted == null; i++) { // bounded: the limit here is 20,000
                try {
                    filler.push(UnixDatagram.unbound());
                } catch (IOException e) {
                    exhausted = e;
                }
            }
            assertNotNull(exhausted, "the descriptor limit was reached");
            assertTrue(exhausted.getMessage().contains("EMFILE"), exhausted.getMessage());

            SocketException e = assertThrows(SocketException.class, listener::accept);
            assertTrue(e.getMessage().contains("EMFILE"), e.getMessage());
            assertThrows(SocketException.class, listener::accept, "and again, without spinning inside Mio");

            while (!filler.isEmpty()) {
                filler.pop().close();
            }
            try (TcpStream accepted = listener.accept()) {
                assertNotNull(accepted, "the connection stayed queued through the failure");
                assertEquals(client.localAddress(), accepted.peerAddress());
            }
            assertNull(listener.accept());
            try (TcpStream another = TcpStream.connect(listener.localAddress())) {
                expectEvents(poll, events, expected(LISTENER, Interest.READABLE)); // still registered
                try (TcpStream accepted = listener.accept()) {
                    assertEquals(another.localAddress(), accepted.peerAddress());
                }
            }
        } finally {
            while (!filler.isEmpty()) {
                filler.pop().close();
            }
        }
    }
}
