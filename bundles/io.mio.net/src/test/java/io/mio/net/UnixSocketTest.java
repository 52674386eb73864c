package io.mio.net;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static io.mio.net.Expect.expectEvents;
import static io.mio.net.Expect.expectNoEvents;
import static io.mio.net.Expect.expected;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.mio.Events;
import io.mio.Interest;
import io.mio.Poll;
import io.mio.Token;
import java.io.IOException;
import java.net.BindException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The behaviours of mio's {@code tests/unix_listener.rs}, {@code unix_stream.rs} and {@code unix_datagram.rs}. */
class UnixSocketTest {
    private static final Token LISTENER = new Token(0);
    private static final Token ID = new Token(1);
    private static final byte[] DATA = "Hello unix!".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path dir;
    private Poll poll;
    private final Events events = Events.withCapacity(16);

    @BeforeEach
    void open() throws IOException {
        poll = Poll.open();
    }

    @AfterEach
    void close() {
        poll.close();
    }

    private UnixStream acceptOne(UnixListener listener) throws IOException {
        long deadline = System.nanoTime() + Expect.PATIENCE.toNanos();
        UnixStream stream;
        while ((stream = listener.accept()) == null) {
            if (System.nanoTime() > deadline) {
                fail("no connection came");
            }
            poll.poll(events, Duration.ofMillis(20));
        }
        return stream;
    }

    @NeedsUnixDomainStreams
    @Test
    void aListenerOnAPathAcceptsUntilItWouldBlock() throws IOException {
        Path path = dir.resolve("listener.sock");
        try (UnixListener listener = UnixListener.bind(path)) {
            assertTrue(Files.exists(path), "binding creates the socket file");
            assertEquals(UnixSocketAddress.of(path), listener.localAddress());
            Expect.assertNonBlockingAndCloseOnExec(listener.io.number());
            poll.registry().register(listener, LISTENER, Interest.READABLE);
            try (UnixStream a = UnixStream.connect(path); UnixStream b = UnixStream.connect(UnixDomainSocketAddress.of(path).getPath())) {
                expectEvents(poll, events, expected(LISTENER, Interest.READABLE));
                try (UnixStream first = listener.accept(); UnixStream second = listener.accept()) {
                    assertNull(listener.accept(), "drained");
                    Expect.assertNonBlockingAndCloseOnExec(first.io.number());
                    assertEquals(UnixSocketAddress.unnamed(), first.peerAddress(), "the clients never bound");
                    assertEquals(UnixSocketAddress.of(path), a.peerAddress());
                    assertTrue(first.localAddress().path().isPresent());
                    assertTrue(second.isOpen());
                }
            }
        }
    }

    @NeedsUnixDomainStreams
    @Test
    void streamsEchoAndReportReadinessEdgeTriggered() throws IOException {
        try (UnixListener listener = UnixListener.bind(dir.resolve("echo.sock"));
             UnixStream client = UnixStream.connect(listener.localAddress());
             UnixStream server = acceptOne(listener)) {
            poll.registry().register(server, ID, Interest.READABLE);
            assertEquals(DATA.length, client.write(DATA));
            expectEvents(poll, events, expected(ID, Interest.READABLE));
            byte[] half = new byte[4];
            assertEquals(4, server.read(half));
            expectNoEvents(poll, events);
            ByteBuffer rest = ByteBuffer.allocateDirect(64);
            assertEquals(DATA.length - 4, server.read(rest));
            assertEquals(0, server.read(rest), "drained: would block");
            client.write(new ByteBuffer[] {ByteBuffer.wrap(DATA), ByteBuffer.allocateDirect(2).put((byte) 1).put((byte) 2).flip()});
            expectEvents(poll, events, expected(ID, Interest.READABLE));
            byte[] got = new byte[DATA.length + 2];
            assertEquals(got.length, server.read(got));
            assertArrayEquals(DATA, Arrays.copyOf(got, DATA.length));
        }
    }

    @UnixOnly
    @Test
    void aPairIsConnectedAndUnnamedWithTheCallersCredentials() throws IOException {
        try (SocketPair<UnixStream> pair = UnixStream.pair()) {
            assertEquals(UnixSocketAddress.unnamed(), pair.first().localAddress());
            assertEquals(UnixSocketAddress.unnamed(), pair.second().peerAddress());
            PeerCredentials credentials = pair.first().peerCredentials();
            assertEquals(ProcessHandle.current().pid(), credentials.pid());
            poll.registry().register(pair.second(), ID, Interest.READABLE);
            pair.first().write(DATA);
            expectEvents(poll, events, expected(ID, Interest.READABLE));
            assertEquals(DATA.length, pair.second().read(new byte[32]));
        }
    }

    @UnixOnly
    @Test
    void shutdownHalvesAsWithTcp() throws IOException {
        try (SocketPair<UnixStream> pair = UnixStream.pair()) {
            poll.registry().register(pair.second(), ID, Interest.READABLE);
            pair.first().shutdown(Shutdown.WRITE);
            expectEvents(poll, events, expected(ID, Interest.READABLE));
            assertTrue(events.get(0).isReadClosed(), () -> events.get(0).toString());
            assertEquals(-1, pair.second().read(new byte[4]));
            assertThrows(IOException.class, () -> pair.first().write(DATA));
            pair.second().write(DATA);
            assertEquals(DATA.length, pair.first().read(new byte[32]), "the other direction still works");
            pair.first().shutdown(Shutdown.READ);
            assertEquals(-1, pair.first().read(new byte[4]));
        }
    }

    @UnixOnly
    @Test
    void abstractNamesNeedNoFile() throws IOException {
        UnixSocketAddress name = UnixSocketAddress.ofAbstractName("mio-test-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
        try (UnixListener listener = UnixListener.bind(name); UnixStream client = UnixStream.connect(name)) {
            assertEquals(name, listener.localAddress());
            assertTrue(listener.localAddress().abstractName().isPresent());
            assertTrue(name.toString().startsWith("@mio-test-"), name.toString());
            try (UnixStream server = acceptOne(listener)) {
                assertEquals(name, client.peerAddress());
                client.write(DATA);
                assertEquals(DATA.length, readSome(server, new byte[32]));
            }
        }
    }

    private int readSome(UnixStream stream, byte[] into) throws IOException {
        long deadline = System.nanoTime() + Expect.PATIENCE.toNanos();
        int n;
        while ((n = stream.read(into)) == 0 && System.nanoTime() < deadline) {
            poll.poll(events, Duration.ofMillis(20));
        }
        return n;
    }

    @UnixOnly
    @Test
    void datagramsWithPathsUnboundSendersAndPairs() throws IOException {
        Path path = dir.resolve("dgram.sock");
        try (UnixDatagram server = UnixDatagram.bind(path); UnixDatagram client = UnixDatagram.unbound()) {
            poll.registry().register(server, ID, Interest.READABLE);
            assertEquals(DATA.length, client.sendTo(DATA, server.localAddress()));
            assertEquals(0, client.sendTo(new byte[0], server.localAddress()), "an empty datagram");
            expectEvents(poll, events, expected(ID, Interest.READABLE));
            ByteBuffer buffer = ByteBuffer.allocate(64);
            Datagram<UnixSocketAddress> first = server.recvFrom(buffer);
            assertEquals(DATA.length, first.length());
            assertTrue(first.sender().isUnnamed(), "an unbound sender has no name");
            assertEquals(0, server.recvFrom(buffer).length());
            assertNull(server.recvFrom(buffer));

            client.connect(path);
            assertEquals(UnixSocketAddress.of(path), client.peerAddress());
            assertEquals(DATA.length, client.send(DATA));
            byte[] small = new byte[5];
            assertEquals(DATA.length, receive(server, small), "the full length, though 5 bytes were stored");
        }
        try (SocketPair<UnixDatagram> pair = UnixDatagram.pair()) {
            pair.first().send(ByteBuffer.wrap(DATA));
            assertEquals(DATA.length, receive(pair.second(), new byte[32]));
            assertEquals(UnixDatagram.WOULD_BLOCK, pair.second().recv(new byte[32]));
        }
    }

    private int receive(UnixDatagram socket, byte[] into) throws IOException {
        long deadline = System.nanoTime() + Expect.PATIENCE.toNanos();
        int n;
        while ((n = socket.recv(into)) == UnixDatagram.WOULD_BLOCK && System.nanoTime() < deadline) {
            poll.poll(events, Duration.ofMillis(20));
        }
        return n;
    }

    @NeedsUnixDomainStreams
    @Test
    void badAddressesGetClearExceptions() throws IOException {
        Path tooLong = dir.resolve("x".repeat(120));
        SocketException e = assertThrows(SocketException.class, () -> UnixListener.bind(tooLong));
        assertTrue(e.getMessage().contains("too long"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> UnixSocketAddress.of(Path.of("")));
        assertThrows(ConnectException.class, () -> {
            try (UnixDatagram bound = UnixDatagram.bind(dir.resolve("gone.sock"))) {
                bound.close();
                UnixStream.connect(dir.resolve("gone.sock"));
            }
        }, "a stale socket file with no listener");
        try (UnixListener listener = UnixListener.bind(dir.resolve("taken.sock"))) {
            assertThrows(BindException.class, () -> UnixListener.bind(dir.resolve("taken.sock")));
            listener.close();
            assertFalse(listener.isOpen());
            assertThrows(ClosedChannelException.class, listener::accept);
        }
        assertThrows(NullPointerException.class, () -> UnixStream.connect((UnixSocketAddress) null));
    }

    @UnixOnly
    @Test
    void aTooLongAbstractNameIsRefusedWithItsOwnCount() {
        UnixSocketAddress name = UnixSocketAddress.ofAbstractName("n".repeat(108));
        SocketException e = assertThrows(SocketException.class, () -> UnixListener.bind(name));
        assertTrue(e.getMessage().contains("108 bytes, at most 107"), e.getMessage());
        String longest = ("mio-" + ProcessHandle.current().pid() + "-" + System.nanoTime() + "-").repeat(10).substring(0, 107);
        assertDoesNotThrow(() -> UnixListener.bind(UnixSocketAddress.ofAbstractName(longest)).close(), "107 bytes fit");
    }

    @UnixOnly
    @Test
    void aScatteringReadWithNoRoomIsNotEndOfStream() throws IOException {
        try (SocketPair<UnixStream> pair = UnixStream.pair()) {
            pair.first().write(new byte[] {1, 2, 3});
            assertEquals(0, pair.second().read(new ByteBuffer[0]), "no buffers: 0");
            assertEquals(0, pair.second().read(new ByteBuffer[] {ByteBuffer.allocateDirect(0)}), "direct, no room: 0");
            assertEquals(0, pair.second().read(new ByteBuffer[] {ByteBuffer.allocate(0), ByteBuffer.allocate(0)}), "heap, no room: 0");
            assertEquals(3, pair.second().read(new ByteBuffer[] {ByteBuffer.allocateDirect(8)}), "the bytes are still there");
        }
    }
}
