package io.mio.net;

import static io.mio.net.Expect.anyLocalIpv4;
import static io.mio.net.Expect.anyLocalIpv6;
import static io.mio.net.Expect.expectEvents;
import static io.mio.net.Expect.expectNoEvents;
import static io.mio.net.Expect.expected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mio.Events;
import io.mio.Interest;
import io.mio.Poll;
import io.mio.Token;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.UnresolvedAddressException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The behaviours of mio's {@code tests/tcp_listener.rs}. */
class TcpListenerTest {
    private static final Token ID = new Token(0);

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

    @Test
    void ipv4ListenerAcceptsOnAnOsChosenPort() throws IOException {
        smoke(anyLocalIpv4());
    }

    @Test
    void ipv6ListenerAcceptsOnAnOsChosenPort() throws IOException {
        smoke(anyLocalIpv6());
    }

    private void smoke(InetSocketAddress address) throws IOException {
        try (TcpListener listener = TcpListener.bind(address)) {
            InetSocketAddress local = listener.localAddress();
            assertEquals(address.getAddress(), local.getAddress());
            assertNotEquals(0, local.getPort());
            poll.registry().register(listener, ID, Interest.READABLE);
            assertNull(listener.accept(), "nothing queued yet");
            try (TcpStream client = TcpStream.connect(local)) {
                expectEvents(poll, events, expected(ID, Interest.READABLE));
                try (TcpStream accepted = listener.accept()) {
                    assertEquals(client.localAddress(), accepted.peerAddress());
                    assertEquals(local, accepted.localAddress());
                    Expect.assertNonBlockingAndCloseOnExec(accepted.io.number());
                }
                assertNull(listener.accept());
            }
            Expect.assertNonBlockingAndCloseOnExec(listener.io.number());
        }
    }

    @Test
    void addressFamilyFollowsTheAddress() throws IOException {
        try (TcpListener v4 = TcpListener.bind(anyLocalIpv4()); TcpListener v6 = TcpListener.bind(anyLocalIpv6())) {
            assertInstanceOf(Inet4Address.class, v4.localAddress().getAddress());
            assertInstanceOf(Inet6Address.class, v6.localAddress().getAddress());
        }
    }

    @Test
    void setsAndGetsTtl() throws IOException {
        try (TcpListener listener = TcpListener.bind(anyLocalIpv4())) {
            assertTrue(listener.ttl() > 0, "the OS default");
            listener.setTtl(42);
            assertEquals(42, listener.ttl());
            assertThrows(IllegalArgumentException.class, () -> listener.setTtl(0));
            assertThrows(IllegalArgumentException.class, () -> listener.setTtl(256));
        }
    }

    @Test
    void bindSetsReuseAddressAsMioDoes() throws IOException {
        try (TcpListener listener = TcpListener.bind(anyLocalIpv4())) {
            // mio sets it on Unix only: Windows's SO_REUSEADDR would let another socket take the port.
            boolean unix = io.mio.internal.shared.Backends.current().unix() != null;
            assertEquals(unix, listener.getOption(StandardSocketOptions.SO_REUSEADDR));
            if (unix) {
                assertFalse(listener.getOption(StandardSocketOptions.SO_REUSEPORT));
            } else {
                assertThrows(UnsupportedOperationException.class, () -> listener.getOption(StandardSocketOptions.SO_REUSEPORT));
            }
            assertThrows(UnsupportedOperationException.class, () -> listener.getOption(StandardSocketOptions.TCP_NODELAY));
        }
    }

    @Test
    void reregisterToWritableStopsReadableEvents() throws IOException {
        try (TcpListener listener = TcpListener.bind(anyLocalIpv4())) {
            poll.registry().register(listener, ID, Interest.READABLE);
            poll.registry().reregister(listener, new Token(7), Interest.WRITABLE);
            try (TcpStream client = TcpStream.connect(listener.localAddress())) {
                expectNoEvents(poll, events);
                poll.registry().reregister(listener, new Token(8), Interest.READABLE);
                expectEvents(poll, events, expected(8, Interest.READABLE));
            }
        }
    }

    @Test
    void noEventsAfterDeregister() throws IOException {
        try (TcpListener listener = TcpListener.bind(anyLocalIpv4())) {
            poll.registry().register(listener, ID, Interest.READABLE);
            poll.registry().deregister(listener);
            try (TcpStream client = TcpStream.connect(listener.localAddress())) {
                expectNoEvents(poll, events);
                try (TcpStream accepted = Expect.acceptOne(poll, events, listener)) {
                    assertEquals(client.localAddress(), accepted.peerAddress());
                }
            }
        }
    }

    @Test
    void twoStreamsAreAcceptedFromOneEvent() throws IOException {
        try (TcpListener listener = TcpListener.bind(anyLocalIpv4());
             TcpStream first = TcpStream.connect(listener.localAddress());
             TcpStream second = TcpStream.connect(listener.localAddress())) {
            poll.registry().register(listener, ID, Interest.READABLE);
            expectEvents(poll, events, expected(ID, Interest.READABLE));
            try (TcpStream a = Expect.acceptOne(poll, events, listener);
                 TcpStream b = Expect.acceptOne(poll, events, listener)) {
                assertNotEquals(a.peerAddress(), b.peerAddress());
            }
            assertNull(listener.accept());
        }
    }

    @Test
    void badArgumentsGetClearExceptions() throws IOException {
        assertThrows(NullPointerException.class, () -> TcpListener.bind(null));
        assertThrows(UnresolvedAddressException.class,
                () -> TcpListener.bind(InetSocketAddress.createUnresolved("localhost", 0)));
        assertThrows(IllegalArgumentException.class, () -> TcpListener.bind(anyLocalIpv4(), 0));
        int before = Expect.openDescriptors();
        assertThrows(java.net.BindException.class, () -> TcpListener.bind(new InetSocketAddress("192.0.2.1", 0)));
        assertEquals(before, Expect.openDescriptors(), "a failed bind leaks no descriptor");
    }

    @Test
    void closedListenerThrowsClosedChannelException() throws IOException {
        TcpListener listener = TcpListener.bind(anyLocalIpv4());
        listener.close();
        assertFalse(listener.isOpen());
        assertThrows(ClosedChannelException.class, listener::accept);
        assertThrows(ClosedChannelException.class, listener::localAddress);
        assertThrows(ClosedChannelException.class, () -> poll.registry().register(listener, ID, Interest.READABLE));
        assertTrue(listener.toString().contains("closed"), listener.toString());
    }

    @Test
    void optionsSetBeforeListenLetTwoListenersShareAPort() throws IOException {
        java.util.Map<java.net.SocketOption<?>, Object> reusePort = java.util.Map.of(StandardSocketOptions.SO_REUSEPORT, true);
        if (io.mio.internal.shared.Backends.current().unix() == null) {
            // Windows has no SO_REUSEPORT: refused, and the socket opened for it is closed again.
            assertThrows(UnsupportedOperationException.class, () -> TcpListener.bind(anyLocalIpv4(), 16, reusePort));
            return;
        }
        try (TcpListener first = TcpListener.bind(anyLocalIpv4(), 16, reusePort);
             TcpListener second = TcpListener.bind(first.localAddress(), 16, reusePort)) {
            assertEquals(first.localAddress(), second.localAddress(), "SO_REUSEPORT was set before bind");
            assertTrue(second.getOption(StandardSocketOptions.SO_REUSEPORT));
        }
        assertThrows(java.net.BindException.class, () -> {
            try (TcpListener first = TcpListener.bind(anyLocalIpv4(), 16, reusePort)) {
                TcpListener.bind(first.localAddress()).close(); // without the option: refused
            }
        });
    }

    @Test
    void badListenerOptionsAreRefusedBeforeASocketIsOpened() throws IOException {
        int before = Expect.countsHandles() ? Expect.openDescriptors() : 0;
        assertThrows(UnsupportedOperationException.class,
                () -> TcpListener.bind(anyLocalIpv4(), 16, java.util.Map.of(StandardSocketOptions.TCP_NODELAY, true)));
        assertThrows(IllegalArgumentException.class,
                () -> TcpListener.bind(anyLocalIpv4(), 16, java.util.Map.of(StandardSocketOptions.SO_RCVBUF, "big")));
        assertThrows(IllegalArgumentException.class,
                () -> TcpListener.bind(anyLocalIpv4(), 16, java.util.Map.of(StandardSocketOptions.SO_RCVBUF, -1)));
        assertThrows(NullPointerException.class, () -> TcpListener.bind(anyLocalIpv4(), 16, null));
        if (Expect.countsHandles()) {
            assertEquals(before, Expect.openDescriptors(), "nothing was opened for a refused option");
        }
        try (TcpListener listener = TcpListener.bind(anyLocalIpv4(), 16, java.util.Map.of(StandardSocketOptions.SO_RCVBUF, 65536))) {
            assertTrue(listener.getOption(StandardSocketOptions.SO_RCVBUF) >= 65536, "set before listen, kept");
        }
    }
}
