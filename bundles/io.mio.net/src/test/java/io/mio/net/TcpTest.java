package io.mio.net;

import static io.mio.net.Expect.acceptOne;
import static io.mio.net.Expect.connection;
import static io.mio.net.Expect.anyLocalIpv4;
import static io.mio.net.Expect.expectEvents;
import static io.mio.net.Expect.expectNoEvents;
import static io.mio.net.Expect.expected;
import static io.mio.net.Expect.readFully;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.mio.Event;
import io.mio.Events;
import io.mio.Interest;
import io.mio.Poll;
import io.mio.Token;
import io.mio.net.Expect.Connection;
import java.io.IOException;
import java.net.BindException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The behaviours of mio's {@code tests/tcp.rs}, against the real OS. */
class TcpTest {
    private static final Token LISTENER = new Token(0);
    private static final Token CLIENT = new Token(1);
    private static final Token SERVER = new Token(2);

    private Poll poll;
    private final Events events = Events.withCapacity(64);

    @BeforeEach
    void open() throws IOException {
        poll = Poll.open();
    }

    @AfterEach
    void close() {
        poll.close();
    }

    @Test
    void acceptsEveryQueuedConnectionInALoopUntilItWouldBlock() throws IOException {
        try (TcpListener listener = TcpListener.bind(anyLocalIpv4())) {
            poll.registry().register(listener, LISTENER, Interest.READABLE);
            int count = 200;
            TcpStream[] clients = new TcpStream[count];
            for (int i = 0; i < count; i++) {
                clients[i] = TcpStream.connect(listener.localAddress());
            }
            int accepted = 0;
            long deadline = System.nanoTime() + Expect.PATIENCE.toNanos();
            while (accepted < count && System.nanoTime() < deadline) {
                poll.poll(events, Duration.ofMillis(100));
                for (Event event : events) {
                    assertEquals(LISTENER, event.token());
                    TcpStream stream;
                    while ((stream = listener.accept()) != null) { // drain: edge-triggered
                        stream.close();
                        accepted++;
                    }
                }
            }
            assertEquals(count, accepted);
            assertNull(listener.accept(), "the queue is empty: accept would block");
            for (TcpStream client : clients) {
                client.close();
            }
        }
    }

    @Test
    void connectCompletesWithAWritableEventThenPeerAddressIsKnown() throws IOException {
        try (TcpListener listener = TcpListener.bind(anyLocalIpv4());
             TcpStream client = TcpStream.connect(listener.localAddress())) {
            poll.registry().register(client, CLIENT, Interest.WRITABLE);
            expectEvents(poll, events, expected(CLIENT, Interest.WRITABLE));
            assertEquals(Optional.empty(), client.takeError());
            assertEquals(listener.localAddress(), client.peerAddress());
            try (TcpStream server = acceptOne(poll, events, listener)) {
                assertEquals(client.localAddress(), server.peerAddress());
            }
        }
    }

    @Test
    void afterAPartialReadNoNewEventUntilMoreDataAfterADrainANewOne() throws IOException {
        try (Connection connection = connection(poll, events)) {
            TcpStream client = connection.client();
            TcpStream server = connection.server();
            poll.registry().register(server, SERVER, Interest.READABLE);
            client.write(new byte[] {1, 2, 3, 4});
            expectEvents(poll, events, expected(SERVER, Interest.READABLE));

            byte[] two = new byte[2];
            assertEquals(2, server.read(two)); // partial: two bytes stay queued
            expectNoEvents(poll, events); // edge-triggered: no new edge without new data

            byte[] rest = new byte[16];
            assertEquals(2, server.read(rest));
            assertEquals(0, server.read(rest), "drained: the read would block");
            expectNoEvents(poll, events);

            client.write(new byte[] {5});
            expectEvents(poll, events, expected(SERVER, Interest.READABLE));
            assertEquals(1, server.read(rest));
            assertEquals(5, rest[0]);
        }
    }

    @Test
    void moreDataAfterAPartialReadGivesANewEvent() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(io.mio.internal.shared.Backends.current().reportsEveryArrival(),
                "this backend emulates edges: a side is reported again once a read finds it exhausted, as mio promises");
        try (Connection connection = connection(poll, events)) {
            TcpStream client = connection.client();
            TcpStream server = connection.server();
            poll.registry().register(server, SERVER, Interest.READABLE);
            client.write(new byte[] {1, 2, 3, 4});
            expectEvents(poll, events, expected(SERVER, Interest.READABLE));
            assertEquals(1, server.read(new byte[1]));
            client.write(new byte[] {5});
            expectEvents(poll, events, expected(SERVER, Interest.READABLE));
            assertArrayEquals(new byte[] {2, 3, 4, 5}, readFully(poll, events, server, 4));
        }
    }

    @Test
    void readClosedWhenThePeerShutsDownItsWriting() throws IOException {
        try (Connection connection = connection(poll, events)) {
            TcpStream client = connection.client();
            TcpStream server = connection.server();
            poll.registry().register(server, SERVER, Interest.READABLE);
            client.shutdown(Shutdown.WRITE);
            expectEvents(poll, events, expected(SERVER, Interest.READABLE));
            assertTrue(events.get(0).isReadClosed(), () -> "read closed hint: " + events.get(0));
            assertEquals(-1, server.read(new byte[8]), "end of stream");
        }
    }

    @Test
    void refusedConnectIsReportedAtOnceOrAsAnErrorEvent() throws IOException {
        LibkqueueDivergence.TAKES_THE_SOCKET_ERROR.skipOnLibkqueue();
        InetSocketAddress closedPort;
        try (TcpListener listener = TcpListener.bind(anyLocalIpv4())) {
            closedPort = listener.localAddress();
        }
        TcpStream client;
        try {
            client = TcpStream.connect(closedPort);
        } catch (ConnectException refusedAtOnce) {
            return; // Linux may refuse a loopback connect inside the call
        }
        try (client) {
            poll.registry().register(client, CLIENT, Interest.READABLE.add(Interest.WRITABLE));
            expectEvents(poll, events, expected(CLIENT, Interest.WRITABLE));
            Event event = events.get(0);
            assertTrue(event.isError() || event.isWriteClosed(), () -> "error hint: " + event);
            IOException error = client.takeError().orElseThrow(() -> new AssertionError("no pending error"));
            assertInstanceOf(ConnectException.class, error);
            assertTrue(error.getMessage().contains("ECONNREFUSED"), error.getMessage());
        }
    }

    @Test
    void bindingAnAddressInUseFailsWithBindException() throws IOException {
        try (TcpListener first = TcpListener.bind(anyLocalIpv4())) {
            BindException e = assertThrows(BindException.class, () -> TcpListener.bind(first.localAddress()));
            assertTrue(e.getMessage().contains("EADDRINUSE"), e.getMessage());
        }
    }

    @Test
    void connectThenCloseLosesNothingForOthers() throws IOException {
        LibkqueueDivergence.CLOSE_KEEPS_FILTERS.skipOnLibkqueue();
        try (TcpListener listener = TcpListener.bind(anyLocalIpv4())) {
            poll.registry().register(listener, LISTENER, Interest.READABLE);
            TcpStream client = TcpStream.connect(listener.localAddress());
            poll.registry().register(client, CLIENT, Interest.READABLE.add(Interest.WRITABLE));
            client.close();
            expectEvents(poll, events, expected(LISTENER, Interest.READABLE));
            try (TcpStream server = acceptOne(poll, events, listener)) {
                poll.registry().register(server, SERVER, Interest.READABLE);
                expectEvents(poll, events, expected(SERVER, Interest.READABLE));
                assertEquals(-1, server.read(new byte[8]));
            }
        }
    }

    @Test
    void aResetByThePeerGivesAnEventAndConnectionResetOnRead() throws IOException {
        WineDivergence.RESET_READS_AS_END_OF_STREAM.skipUnderWine();
        LibkqueueDivergence.TAKES_THE_SOCKET_ERROR.skipOnLibkqueue();
        try (TcpListener listener = TcpListener.bind(anyLocalIpv4());
             TcpStream server = connectedPair(listener)) {
            poll.registry().register(server, SERVER, Interest.READABLE);
            expectEvents(poll, events, expected(SERVER, Interest.READABLE));
            SocketException e = assertThrows(SocketException.class, () -> server.read(new byte[8]));
            assertTrue(e.getMessage().contains("ECONNRESET"), e.getMessage());
        }
    }

    /** Connects, then resets the client side with linger 0; returns the server side. */
    private TcpStream connectedPair(TcpListener listener) throws IOException {
        TcpStream client = TcpStream.connect(listener.localAddress());
        TcpStream server = acceptOne(poll, events, listener);
        client.setOption(StandardSocketOptions.SO_LINGER, 0);
        client.close();
        return server;
    }

    @Test
    void writingToAResetConnectionFailsWithoutASignal() throws IOException {
        try (TcpListener listener = TcpListener.bind(anyLocalIpv4());
             TcpStream server = connectedPair(listener)) {
            poll.registry().register(server, SERVER, Interest.READABLE.add(Interest.WRITABLE));
            expectEvents(poll, events, expected(SERVER, Interest.READABLE));
            ByteBuffer data = ByteBuffer.allocate(1024);
            IOException e = assertThrows(IOException.class, () -> {
                for (int i = 0; i < 1000; i++) {
                    server.write(data.clear());
                }
            });
            assertTrue(e.getMessage().contains("EPIPE") || e.getMessage().contains("ECONNRESET"), e.getMessage());
        }
    }

    @Test
    void noEventsAfterDeregister() throws IOException {
        try (Connection connection = connection(poll, events)) {
            TcpStream client = connection.client();
            TcpStream server = connection.server();
            poll.registry().register(server, SERVER, Interest.READABLE);
            poll.registry().deregister(server);
            client.write(new byte[] {1});
            expectNoEvents(poll, events);
            assertEquals(1, readFully(poll, events, server, 1).length, "the data is still there to read");
        }
    }

    @Test
    void writeThenDeregisterStillDelivers() throws IOException {
        try (Connection connection = connection(poll, events)) {
            TcpStream client = connection.client();
            TcpStream server = connection.server();
            poll.registry().register(client, CLIENT, Interest.WRITABLE);
            expectEvents(poll, events, expected(CLIENT, Interest.WRITABLE));
            assertEquals(4, client.write(new byte[] {1, 2, 3, 4}));
            poll.registry().deregister(client);
            assertArrayEquals(new byte[] {1, 2, 3, 4}, readFully(poll, events, server, 4));
        }
    }

    @Test
    void closingARegisteredSocketEndsItsEventsAndItsUse() throws IOException {
        try (Connection connection = connection(poll, events)) {
            TcpStream client = connection.client();
            TcpStream server = connection.server();
            poll.registry().register(server, SERVER, Interest.READABLE);
            server.close();
            server.close(); // idempotent
            client.write(new byte[] {1});
            expectNoEvents(poll, events);
            assertThrows(ClosedChannelException.class, () -> server.read(new byte[1]));
            assertThrows(ClosedChannelException.class, () -> poll.registry().deregister(server));
        }
    }

    @Test
    void localAddressIsReadyAtOnce() throws IOException {
        try (TcpListener listener = TcpListener.bind(anyLocalIpv4());
             TcpStream client = TcpStream.connect(listener.localAddress())) {
            InetSocketAddress local = client.localAddress();
            assertEquals(listener.localAddress().getAddress(), local.getAddress());
            assertTrue(local.getPort() > 0);
        }
    }

    @Test
    void writesSucceedImmediatelyMany() throws IOException {
        try (Connection connection = connection(poll, events)) {
            TcpStream client = connection.client();
            TcpStream server = connection.server();
            poll.registry().register(client, CLIENT, Interest.WRITABLE);
            expectEvents(poll, events, expected(CLIENT, Interest.WRITABLE));
            for (int i = 0; i < 100; i++) {
                assertEquals(1, client.write(new byte[] {(byte) i}));
            }
            byte[] got = readFully(poll, events, server, 100);
            for (int i = 0; i < 100; i++) {
                assertEquals((byte) i, got[i]);
            }
        }
    }

    @Test
    void aClosedListenerGetsNoEvents() throws IOException {
        TcpListener listener = TcpListener.bind(anyLocalIpv4());
        poll.registry().register(listener, LISTENER, Interest.READABLE);
        listener.close();
        expectNoEvents(poll, events);
    }

    @Test
    void dataWrittenBeforeACloseArrivesThenEndOfStream() throws IOException {
        try (Connection connection = connection(poll, events)) {
            TcpStream client = connection.client();
            TcpStream server = connection.server();
            poll.registry().register(server, SERVER, Interest.READABLE);
            assertEquals(4, client.write(new byte[] {1, 2, 3, 4}));
            client.close();
            expectEvents(poll, events, expected(SERVER, Interest.READABLE));
            assertArrayEquals(new byte[] {1, 2, 3, 4}, readFully(poll, events, server, 4));
            assertEquals(-1, server.read(new byte[4]));
        }
    }

    @Test
    void aFullSocketWouldBlockThenAWritableEventComesWhenItDrains() throws IOException {
        try (Connection connection = connection(poll, events)) {
            TcpStream client = connection.client();
            TcpStream server = connection.server();
            poll.registry().register(client, CLIENT, Interest.WRITABLE);
            expectEvents(poll, events, expected(CLIENT, Interest.WRITABLE));
            ByteBuffer chunk = ByteBuffer.allocateDirect(64 * 1024);
            long written = 0;
            int rounds = 0;
            while (client.write(chunk.clear()) > 0) {
                written += 64 * 1024 - chunk.remaining();
                if (++rounds > 100_000) {
                    fail("the socket never filled");
                }
            }
            ByteBuffer sink = ByteBuffer.allocateDirect(64 * 1024);
            long read = 0;
            int n;
            while ((n = server.read(sink.clear())) > 0) {
                read += n;
            }
            assertTrue(read > 0 && written > 0);
            expectEvents(poll, events, expected(CLIENT, Interest.WRITABLE));
        }
    }
}
