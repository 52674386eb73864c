package io.mio.net;

import static io.mio.net.Expect.anyLocalIpv4;
import static io.mio.net.Expect.anyLocalIpv6;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mio.Events;
import io.mio.Interest;
import io.mio.Poll;
import io.mio.Token;
import io.mio.net.OwnedFd;
import io.mio.unix.Pipe;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** mio's {@code AsRawFd}, {@code IntoRawFd} and {@code FromRawFd}: descriptors out of Mio and back in. */
class RawFdTest {
    @TempDir
    Path dir;

    @Test
    void everyIpSocketTypeGoesOutAndComesBackWorking() throws IOException {
        try (TcpListener listener = TcpListener.fromRawFd(TcpListener.bind(anyLocalIpv6()).intoRawFd())) {
            assertTrue(listener.localAddress().getAddress() instanceof java.net.Inet6Address, "the family is found again");
            TcpStream client = TcpStream.connect(listener.localAddress());
            int fd = client.intoRawFd();
            assertFalse(client.isOpen());
            assertThrows(ClosedChannelException.class, client::rawFd);
            assertTrue(OsCalls.current().isOpen(fd), "taken out, not closed");
            try (TcpStream again = TcpStream.fromRawFd(fd); Poll poll = Poll.open()) {
                assertEquals(fd, again.rawFd());
                TcpStream server = Expect.acceptOne(poll, Events.withCapacity(4), listener);
                try (server) {
                    assertEquals(again.localAddress(), server.peerAddress());
                }
            }
            assertFalse(OsCalls.current().isOpen(fd), "the adopting TcpStream closes it");
        }
        try (UdpSocket udp = UdpSocket.fromRawFd(UdpSocket.bind(anyLocalIpv4()).intoRawFd());
                UdpSocket peer = UdpSocket.bind(anyLocalIpv4())) {
            peer.sendTo(new byte[] {7}, udp.localAddress());
            ByteBuffer got = ByteBuffer.allocate(4);
            for (int i = 0; i < 1000 && udp.recv(got) == UdpSocket.WOULD_BLOCK; i++) {
                Thread.onSpinWait();
            }
            assertEquals(1, got.position());
        }
    }

    @UnixOnly
    @Test
    void everyUnixSocketTypeGoesOutAndComesBackWorking() throws IOException {
        Path path = dir.resolve("raw.sock");
        try (UnixListener listener = UnixListener.fromRawFd(UnixListener.bind(path).intoRawFd());
                UnixStream client = UnixStream.fromRawFd(UnixStream.connect(path).intoRawFd());
                UnixDatagram datagram = UnixDatagram.fromRawFd(UnixDatagram.unbound().intoRawFd())) {
            assertEquals(UnixSocketAddress.of(path), listener.localAddress());
            assertNotNull(listener.accept());
            assertEquals(UnixSocketAddress.of(path), client.peerAddress());
            assertEquals(UnixSocketAddress.unnamed(), datagram.localAddress());
        }
        try (Pipe pipe = Pipe.open();
                Pipe.Sender sender = Pipe.Sender.fromRawFd(pipe.sender().intoRawFd());
                Pipe.Receiver receiver = Pipe.Receiver.fromRawFd(pipe.receiver().intoRawFd())) {
            assertEquals(3, sender.write(ByteBuffer.wrap(new byte[] {1, 2, 3})));
            assertEquals(3, receiver.read(ByteBuffer.allocate(8)));
        }
    }

    @UnixOnly
    @Test
    void adoptedDescriptorsBecomeNonBlockingAndCloseOnExec() throws Throwable {
        int fd = NativeCalls.socket(NativeCalls.AF_UNIX, NativeCalls.SOCK_STREAM); // blocking, inherited
        assertTrue(fd >= 0);
        try (UnixStream stream = UnixStream.fromRawFd(fd)) {
            Expect.assertNonBlockingAndCloseOnExec(stream.rawFd());
        }
    }

    @UnixOnly
    @Test
    void theWrongKindIsRefusedAndTheDescriptorStaysTheCallers() throws Throwable {
        try (UdpSocket udp = UdpSocket.bind(anyLocalIpv4()); Pipe pipe = Pipe.open()) {
            int fd = udp.rawFd();
            IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class, () -> TcpStream.fromRawFd(fd));
            assertTrue(wrong.getMessage().contains("datagram"), wrong.getMessage());
            assertThrows(IllegalArgumentException.class, () -> TcpListener.fromRawFd(fd));
            assertThrows(IllegalArgumentException.class, () -> UnixDatagram.fromRawFd(fd));
            InetSocketAddress address = udp.localAddress();
            assertEquals(address, udp.localAddress(), "the refused descriptor was left alone");

            IOException notSocket = assertThrows(IOException.class, () -> UnixStream.fromRawFd(pipe.receiver().rawFd()));
            assertTrue(notSocket.getMessage().contains("ENOTSOCK"), notSocket.getMessage());
            assertThrows(IllegalArgumentException.class, () -> Pipe.Sender.fromRawFd(pipe.receiver().rawFd()));
            assertThrows(IllegalArgumentException.class, () -> Pipe.Receiver.fromRawFd(pipe.sender().rawFd()));
            assertThrows(IllegalArgumentException.class, () -> TcpStream.fromRawFd(-1));
            IOException closed = assertThrows(IOException.class, () -> TcpStream.fromRawFd(19_999));
            assertTrue(closed.getMessage().contains("EBADF"), closed.getMessage());

            try (TcpListener listener = TcpListener.bind(anyLocalIpv4())) {
                assertThrows(IllegalArgumentException.class, () -> TcpStream.fromRawFd(listener.rawFd()),
                        "a listening socket is not a stream");
            }
        }
    }

    @UnixOnly
    @Test
    void aRegisteredSourceMustBeDeregisteredBeforeItsDescriptorLeaves() throws IOException {
        try (Poll poll = Poll.open(); SocketPair<UnixStream> pair = UnixStream.pair()) {
            UnixStream stream = pair.first();
            stream.register(poll.registry(), new Token(1), Interest.READABLE);
            assertThrows(IllegalStateException.class, stream::intoRawFd);
            assertTrue(stream.isOpen());
            stream.deregister(poll.registry());
            try (OwnedFd fd = OwnedFd.adopt(stream.intoRawFd())) {
                assertTrue(fd.isOpen());
                assertThrows(ClosedChannelException.class, stream::intoRawFd);
                int number = fd.rawFd();
                assertThrows(IllegalArgumentException.class, () -> fd.into(TcpStream::fromRawFd));
                assertTrue(fd.isOpen(), "a refused conversion leaves ownership here");
                fd.close();
                assertFalse(OsCalls.current().isOpen(number));
                assertThrows(ClosedChannelException.class, fd::rawFd);
            }
        }
    }

    @UnixOnly
    @Test
    void tryIoHoldsTheDescriptorOpenForTheLengthOfTheCall() throws IOException {
        try (SocketPair<UnixStream> pair = UnixStream.pair()) {
            UnixStream stream = pair.first();
            int fd = stream.rawFd();
            boolean openAfterClose = stream.tryIo(number -> {
                assertEquals(fd, number);
                stream.close(); // as another thread might, mid-call
                return OsCalls.current().isOpen(number);
            });
            assertTrue(openAfterClose, "the number cannot be reused while the call runs");
            assertFalse(OsCalls.current().isOpen(fd), "closed once the call ended");
            assertThrows(ClosedChannelException.class, () -> stream.tryIo(number -> number));
        }
        try (Pipe pipe = Pipe.open()) {
            int fd = pipe.sender().rawFd();
            assertEquals(Integer.valueOf(fd), pipe.sender().<Integer>tryIo(number -> number));
        }
    }

    @UnixOnly
    @Test
    void socketsOfOtherTypesAndProtocolsAreRefused() throws Throwable {
        int[] seqpacket = NativeCalls.socketPair(NativeCalls.SOCK_SEQPACKET);
        try {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> UnixStream.fromRawFd(seqpacket[0]));
            assertTrue(e.getMessage().contains("seqpacket"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> UnixDatagram.fromRawFd(seqpacket[0]));
            assertThrows(IllegalArgumentException.class, () -> UnixListener.fromRawFd(seqpacket[0]));
            assertTrue(OsCalls.current().isOpen(seqpacket[0]), "a refused descriptor stays the caller's");
        } finally {
            NativeCalls.close(seqpacket[0]);
            NativeCalls.close(seqpacket[1]);
        }
        int raw = NativeCalls.socket(NativeCalls.AF_INET, NativeCalls.SOCK_RAW, NativeCalls.IPPROTO_ICMP);
        org.junit.jupiter.api.Assumptions.assumeTrue(raw >= 0, "raw sockets need CAP_NET_RAW");
        try {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TcpStream.fromRawFd(raw));
            assertTrue(e.getMessage().contains("raw"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> UdpSocket.fromRawFd(raw));
        } finally {
            NativeCalls.close(raw);
        }
    }
}
