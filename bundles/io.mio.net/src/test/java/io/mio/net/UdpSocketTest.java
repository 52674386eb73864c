package io.mio.net;

import static io.mio.net.Expect.anyLocalIpv4;
import static io.mio.net.Expect.anyLocalIpv6;
import static io.mio.net.Expect.expectEvents;
import static io.mio.net.Expect.expectNoEvents;
import static io.mio.net.Expect.expected;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.mio.Events;
import io.mio.Interest;
import io.mio.Poll;
import io.mio.Token;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NotYetConnectedException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The behaviours of mio's {@code tests/udp_socket.rs}, plus truncation and multicast membership. */
class UdpSocketTest {
    private static final Token ID1 = new Token(1);
    private static final Token ID2 = new Token(2);
    private static final byte[] DATA1 = "Hello world!".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DATA2 = "Hello mars!".getBytes(StandardCharsets.US_ASCII);

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

    /** Receives one datagram, polling between would-blocks; bounded. */
    private Datagram<InetSocketAddress> receiveFrom(UdpSocket socket, ByteBuffer into) throws IOException {
        long deadline = System.nanoTime() + Expect.PATIENCE.toNanos();
        Datagram<InetSocketAddress> datagram;
        while ((datagram = socket.recvFrom(into)) == null) {
            if (System.nanoTime() > deadline) {
                fail("no datagram came");
            }
            poll.poll(events, Duration.ofMillis(20));
        }
        return datagram;
    }

    @Test
    void unconnectedIpv4SocketsExchangeDatagrams() throws IOException {
        smokeUnconnected(anyLocalIpv4());
    }

    @Test
    void unconnectedIpv6SocketsExchangeDatagrams() throws IOException {
        smokeUnconnected(anyLocalIpv6());
    }

    private void smokeUnconnected(InetSocketAddress any) throws IOException {
        try (UdpSocket a = UdpSocket.bind(any); UdpSocket b = UdpSocket.bind(any)) {
            Expect.assertNonBlockingAndCloseOnExec(a.io.number());
            poll.registry().register(a, ID1, Interest.READABLE.add(Interest.WRITABLE));
            poll.registry().register(b, ID2, Interest.READABLE.add(Interest.WRITABLE));
            expectEvents(poll, events, expected(ID1, Interest.WRITABLE), expected(ID2, Interest.WRITABLE));

            assertEquals(DATA1.length, a.sendTo(DATA1, b.localAddress()));
            assertEquals(DATA2.length, b.sendTo(ByteBuffer.wrap(DATA2), a.localAddress()));
            expectEvents(poll, events, expected(ID1, Interest.READABLE), expected(ID2, Interest.READABLE));

            byte[] buffer = new byte[64];
            Datagram<InetSocketAddress> peeked = a.peekFrom(buffer);
            assertEquals(new Datagram<>(b.localAddress(), DATA2.length, false), peeked);
            Datagram<InetSocketAddress> got = a.recvFrom(buffer);
            assertEquals(peeked, got, "peek left the datagram for the receive");
            assertArrayEquals(DATA2, Arrays.copyOf(buffer, got.length()));

            ByteBuffer direct = ByteBuffer.allocateDirect(64);
            Datagram<InetSocketAddress> fromA = b.recvFrom(direct);
            assertEquals(a.localAddress(), fromA.sender());
            assertEquals(DATA1.length, direct.position());
            assertNull(a.recvFrom(buffer), "drained: would block");
            assertNull(b.recvFrom(direct.clear()));
        }
    }

    @Test
    void connectedSocketsSendAndReceiveWithoutAddresses() throws IOException {
        for (InetSocketAddress any : new InetSocketAddress[] {anyLocalIpv4(), anyLocalIpv6()}) {
            try (UdpSocket a = UdpSocket.bind(any); UdpSocket b = UdpSocket.bind(any)) {
                a.connect(b.localAddress());
                b.connect(a.localAddress());
                assertEquals(b.localAddress(), a.peerAddress());
                poll.registry().register(a, ID1, Interest.READABLE);
                poll.registry().register(b, ID2, Interest.READABLE);
                assertEquals(DATA1.length, a.send(DATA1));
                assertEquals(DATA2.length, b.send(ByteBuffer.allocateDirect(32).put(DATA2).flip()));
                expectEvents(poll, events, expected(ID1, Interest.READABLE), expected(ID2, Interest.READABLE));
                byte[] buffer = new byte[32];
                assertEquals(DATA2.length, a.peek(buffer));
                assertEquals(DATA2.length, a.recv(buffer));
                assertArrayEquals(DATA2, Arrays.copyOf(buffer, DATA2.length));
                ByteBuffer into = ByteBuffer.allocate(32);
                assertEquals(DATA1.length, b.recv(into));
                assertArrayEquals(DATA1, Arrays.copyOf(into.array(), DATA1.length));
                assertEquals(UdpSocket.WOULD_BLOCK, a.recv(buffer));
                poll.registry().deregister(a);
                poll.registry().deregister(b);
            }
        }
    }

    @Test
    void anEmptyDatagramIsADatagramNotAWouldBlock() throws IOException {
        try (UdpSocket a = UdpSocket.bind(anyLocalIpv4()); UdpSocket b = UdpSocket.bind(anyLocalIpv4())) {
            poll.registry().register(b, ID2, Interest.READABLE);
            assertEquals(0, a.sendTo(new byte[0], b.localAddress()));
            expectEvents(poll, events, expected(ID2, Interest.READABLE));
            Datagram<InetSocketAddress> empty = b.recvFrom(new byte[8]);
            assertEquals(new Datagram<>(a.localAddress(), 0, false), empty);
            assertNull(b.recvFrom(new byte[8]));
        }
    }

    @Test
    void aDatagramLargerThanTheBufferIsTruncatedAndTheCallerCanTell() throws IOException {
        try (UdpSocket a = UdpSocket.bind(anyLocalIpv4()); UdpSocket b = UdpSocket.bind(anyLocalIpv4())) {
            byte[] big = new byte[100];
            Arrays.fill(big, (byte) 7);
            a.sendTo(big, b.localAddress());
            a.sendTo(big, b.localAddress());
            ByteBuffer small = ByteBuffer.allocate(10);
            Datagram<InetSocketAddress> truncated = receiveFrom(b, small);
            assertEquals(Expect.truncatedLength(100, 10), truncated.length());
            assertTrue(truncated.truncated());
            assertEquals(10, small.position(), "what fitted was stored");
            byte[] tiny = new byte[10];
            assertEquals(Expect.truncatedLength(100, 10), b.recv(tiny), "recv returns the length too: larger than the space");
            assertEquals(UdpSocket.WOULD_BLOCK, b.recv(tiny), "the rest of each datagram was discarded");
        }
    }

    @Test
    void readinessIsEdgeTriggered() throws IOException {
        try (UdpSocket a = UdpSocket.bind(anyLocalIpv4()); UdpSocket b = UdpSocket.bind(anyLocalIpv4())) {
            poll.registry().register(b, ID2, Interest.READABLE);
            a.sendTo(DATA1, b.localAddress());
            a.sendTo(DATA2, b.localAddress());
            expectEvents(poll, events, expected(ID2, Interest.READABLE));
            byte[] buffer = new byte[32];
            assertEquals(DATA1.length, b.recv(buffer));
            expectNoEvents(poll, events); // one datagram still queued, but no new edge
            assertEquals(DATA2.length, b.recv(buffer));
            assertEquals(UdpSocket.WOULD_BLOCK, b.recv(buffer));
            a.sendTo(DATA1, b.localAddress());
            expectEvents(poll, events, expected(ID2, Interest.READABLE));
        }
    }

    @Test
    void reconnectingChangesThePeer() throws IOException {
        try (UdpSocket a = UdpSocket.bind(anyLocalIpv4()); UdpSocket b = UdpSocket.bind(anyLocalIpv4());
             UdpSocket c = UdpSocket.bind(anyLocalIpv4())) {
            a.connect(b.localAddress());
            a.send(DATA1);
            a.connect(c.localAddress());
            a.send(DATA2);
            byte[] buffer = new byte[32];
            assertEquals(DATA1.length, receiveFrom(b, ByteBuffer.wrap(buffer)).length());
            assertEquals(DATA2.length, receiveFrom(c, ByteBuffer.wrap(buffer)).length());
            assertEquals(c.localAddress(), a.peerAddress());
        }
    }

    @Test
    void unconnectedSocketsRefuseConnectedMethods() throws IOException {
        try (UdpSocket a = UdpSocket.bind(anyLocalIpv4())) {
            assertThrows(NotYetConnectedException.class, a::peerAddress);
            SocketException e = assertThrows(SocketException.class, () -> a.send(DATA1));
            WineDivergence.UNCONNECTED_SEND_IS_EINVAL.skipUnderWine();
            String expected = io.mio.internal.shared.Backends.current().unix() != null ? "EDESTADDRREQ" : "WSAENOTCONN";
            assertTrue(e.getMessage().contains(expected), e.getMessage());
        }
    }

    @Test
    void optionsRoundTripWithMiosDefaults() throws IOException {
        try (UdpSocket v4 = UdpSocket.bind(anyLocalIpv4()); UdpSocket v6 = UdpSocket.bind(anyLocalIpv6())) {
            assertFalse(v4.broadcast());
            v4.setBroadcast(true);
            assertTrue(v4.broadcast());
            assertTrue(v4.multicastLoopV4());
            v4.setMulticastLoopV4(false);
            assertFalse(v4.multicastLoopV4());
            assertEquals(1, v4.multicastTtlV4());
            v4.setMulticastTtlV4(42);
            assertEquals(42, v4.multicastTtlV4());
            assertThrows(IllegalArgumentException.class, () -> v4.setMulticastTtlV4(256));
            v4.setTtl(9);
            assertEquals(9, v4.ttl());
            assertTrue(v6.multicastLoopV6());
            v6.setMulticastLoopV6(false);
            assertFalse(v6.multicastLoopV6());
            v6.onlyV6(); // readable on an IPv6 socket
            assertThrows(IOException.class, v4::onlyV6, "an IPv4 socket has no IPV6_V6ONLY");
            assertEquals(java.util.Optional.empty(), v4.takeError());
        }
    }

    @Test
    void joinsAndLeavesAMulticastGroupOnLoopback() throws IOException {
        Inet4Address group = (Inet4Address) InetAddress.getByName("239.255.77.1");
        Inet4Address loopback = (Inet4Address) InetAddress.getByName("127.0.0.1");
        try (UdpSocket socket = UdpSocket.bind(new InetSocketAddress("0.0.0.0", 0))) {
            socket.joinMulticastV4(group, loopback);
            socket.leaveMulticastV4(group, loopback);
            IOException e = assertThrows(IOException.class, () -> socket.leaveMulticastV4(group, loopback),
                    "leaving a group not joined");
            assertTrue(e.getMessage().contains("IP_DROP_MEMBERSHIP"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> socket.joinMulticastV4(loopback, loopback));
            Inet6Address group6 = (Inet6Address) InetAddress.getByName("ff02::77");
            assertThrows(IllegalArgumentException.class, () -> socket.joinMulticastV6(group6, -1));
        }
    }

    @Test
    void noEventsAfterDeregisterAndNoneAfterClose() throws IOException {
        try (UdpSocket a = UdpSocket.bind(anyLocalIpv4()); UdpSocket b = UdpSocket.bind(anyLocalIpv4())) {
            poll.registry().register(b, ID2, Interest.READABLE);
            poll.registry().deregister(b);
            a.sendTo(DATA1, b.localAddress());
            expectNoEvents(poll, events);
            poll.registry().register(b, ID2, Interest.READABLE);
            expectEvents(poll, events, expected(ID2, Interest.READABLE));
            b.close();
            a.sendTo(DATA1, new InetSocketAddress("127.0.0.1", 9)); // somewhere else; b is gone
            expectNoEvents(poll, events);
            assertThrows(ClosedChannelException.class, () -> b.recv(new byte[4]));
        }
    }

    @Test
    void badArgumentsGetClearExceptions() throws IOException {
        try (UdpSocket a = UdpSocket.bind(anyLocalIpv4())) {
            assertThrows(NullPointerException.class, () -> a.sendTo(DATA1, null));
            assertThrows(NullPointerException.class, () -> a.connect(null));
            assertThrows(IllegalArgumentException.class, () -> a.recv(ByteBuffer.allocate(4).asReadOnlyBuffer()));
            assertThrows(java.nio.channels.UnresolvedAddressException.class,
                    () -> a.sendTo(DATA1, InetSocketAddress.createUnresolved("localhost", 9)));
            assertInstanceOf(java.net.BindException.class,
                    assertThrows(IOException.class, () -> UdpSocket.bind(a.localAddress())));
            SocketException family = assertThrows(SocketException.class, () -> a.sendTo(DATA1, new InetSocketAddress("::1", 9)),
                    "an IPv4 socket cannot send to an IPv6 address");
            assertTrue(family.getMessage().contains("EAFNOSUPPORT") || family.getMessage().contains("EINVAL")
                    || family.getMessage().contains("WSAEOPNOTSUPP"), family.getMessage()); // the last is Wine's
            assertNotNull(a.localAddress(), "none of it broke the socket");
        }
    }
}
