package io.mio.backend.posix;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mio.spi.IoStatus;
import io.mio.spi.Sockets;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The socket code with none of Linux's extensions ({@link PosixFeatures#POSIX_ONLY}): the paths
 * an OS without {@code SOCK_CLOEXEC}, {@code accept4}, {@code pipe2}, {@code recvmmsg} or
 * {@code MSG_CMSG_CLOEXEC} takes, run here so that they have run before such an OS needs them.
 * Every descriptor they make must come out non-blocking and close-on-exec, as Linux's do.
 */
class PosixOnlyPathsTest {
    private final PosixSockets sockets = new PosixSockets(PosixFeatures.POSIX_ONLY);
    private final List<Long> opened = new ArrayList<>();

    @AfterEach
    void closeAll() {
        opened.forEach(Unistd::close);
    }

    private long keep(long fd) {
        opened.add(fd);
        return fd;
    }

    private static void assertMioFlags(long fd) {
        int status = Unistd.fcntl(fd, Unistd.F_GETFL, 0);
        int descriptor = Unistd.fcntl(fd, Unistd.F_GETFD, 0);
        assertTrue(status >= 0 && (status & Unistd.O_NONBLOCK) != 0, "non-blocking: fd " + fd);
        assertTrue(descriptor >= 0 && (descriptor & Unistd.FD_CLOEXEC) != 0, "close-on-exec: fd " + fd);
    }

    @Test
    void socketsPairsPipesAndAcceptedConnectionsAreNonBlockingAndCloseOnExec() throws Exception {
        long tcp = keep(sockets.openTcp(false));
        long udp = keep(sockets.openUdp(true));
        long unix = keep(sockets.openUnix(false));
        int[] pair = sockets.socketPair(true);
        int[] pipe = sockets.pipe();
        for (int fd : new int[] {pair[0], pair[1], pipe[0], pipe[1]}) {
            keep(fd);
        }
        for (long fd : new long[] {tcp, udp, unix, pair[0], pair[1], pipe[0], pipe[1]}) {
            assertMioFlags(fd);
        }

        sockets.bind(tcp, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        sockets.listen(tcp, 8);
        assertEquals(IoStatus.WOULD_BLOCK, sockets.accept(tcp), "nothing queued: would block, not block");
        long client = keep(sockets.openTcp(false));
        sockets.connect(client, sockets.localAddress(tcp));
        long accepted = IoStatus.WOULD_BLOCK;
        for (int i = 0; i < 1000 && accepted == IoStatus.WOULD_BLOCK; i++) {
            accepted = sockets.accept(tcp);
            Thread.sleep(1);
        }
        assertTrue(accepted >= 0, "the connection was accepted");
        assertMioFlags(keep(accepted));
    }

    @Test
    void receivedDescriptorsAreCloseOnExec() throws Exception {
        int[] pair = sockets.socketPair(false);
        int[] pipe = sockets.pipe();
        for (int fd : new int[] {pair[0], pair[1], pipe[0], pipe[1]}) {
            keep(fd);
        }
        MemorySegment one = Arena.ofAuto().allocate(1);
        assertEquals(1, sockets.sendWithFds(pair[0], one, new int[] {pipe[0]}, 0, 1, false));
        int[] fds = new int[2];
        int[] received = new int[3];
        assertEquals(1, sockets.receiveWithFds(pair[1], Arena.ofAuto().allocate(8), fds, received, false));
        assertEquals(1, received[0]);
        keep(fds[0]);
        int descriptor = Unistd.fcntl(fds[0], Unistd.F_GETFD, 0);
        assertTrue((descriptor & Unistd.FD_CLOEXEC) != 0, "close-on-exec without MSG_CMSG_CLOEXEC");
    }

    @Test
    void batchesGoOneCallPerDatagram() throws Exception {
        int[] pair = sockets.socketPair(true);
        keep(pair[0]);
        keep(pair[1]);
        int slot = 16;
        MemorySegment data = Arena.ofAuto().allocate(3L * slot);
        for (int i = 0; i < 3; i++) {
            data.set(ValueLayout.JAVA_BYTE, (long) i * slot, (byte) (i + 1));
        }
        assertEquals(3, sockets.sendMany(pair[0], data, slot, 3, new int[] {1, 2, 3}, new SocketAddress[3]));
        MemorySegment into = Arena.ofAuto().allocate(4L * slot);
        MemorySegment senders = Arena.ofAuto().allocate(4L * Sockets.SOCKADDR_SIZE);
        int[] lengths = new int[4];
        assertEquals(3, sockets.receiveMany(pair[1], into, slot, 4, senders, lengths), "three queued, then would-block");
        assertArrayEquals(new int[] {1, 2, 3, 0}, lengths);
        assertEquals(3, into.get(ValueLayout.JAVA_BYTE, 2L * slot));
    }

    @Test
    void aTruncatedDatagramIsToldByRecvmsgsFlagsAsOneByteMoreThanTheRoom() throws Exception {
        long receiver = keep(sockets.openUdp(false));
        long sender = keep(sockets.openUdp(false));
        InetSocketAddress loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        sockets.bind(receiver, loopback);
        sockets.bind(sender, loopback);
        MemorySegment twelve = Arena.ofAuto().allocate(12).fill((byte) 7);
        MemorySegment from = Arena.ofAuto().allocate(Sockets.SOCKADDR_SIZE);
        for (boolean byAddress : new boolean[] {false, true}) {
            assertEquals(12, sockets.send(sender, twelve, sockets.localAddress(receiver)));
            MemorySegment room = Arena.ofAuto().allocate(5);
            int n = IoStatus.WOULD_BLOCK;
            for (int i = 0; i < 1000 && n == IoStatus.WOULD_BLOCK; i++) {
                n = byAddress ? sockets.receive(receiver, room.address(), 5, false, from) : sockets.receive(receiver, room, false, from);
                Thread.sleep(n == IoStatus.WOULD_BLOCK ? 1 : 0);
            }
            assertEquals(6, n, "truncated: more than the room, the full length unknown without Linux's MSG_TRUNC");
            assertEquals(7, room.get(ValueLayout.JAVA_BYTE, 4), "the room filled");
            assertEquals(sockets.localAddress(sender), sockets.decodeAddress(from));
        }
        assertEquals(3, sockets.send(sender, twelve.asSlice(0, 3), sockets.localAddress(receiver)));
        MemorySegment room = Arena.ofAuto().allocate(5);
        int whole = IoStatus.WOULD_BLOCK;
        for (int i = 0; i < 1000 && whole == IoStatus.WOULD_BLOCK; i++) {
            whole = sockets.receive(receiver, room, false, MemorySegment.NULL);
            Thread.sleep(whole == IoStatus.WOULD_BLOCK ? 1 : 0);
        }
        assertEquals(3, whole, "a datagram that fits is its length");
    }
}
