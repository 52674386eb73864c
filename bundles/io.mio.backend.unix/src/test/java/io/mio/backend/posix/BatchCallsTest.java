package io.mio.backend.posix;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mio.spi.PortableBatch;
import io.mio.spi.Sockets;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import org.junit.jupiter.api.Test;

/** recvmmsg/sendmmsg and the portable loop give the same results. */
class BatchCallsTest {
    private static final PosixSockets SOCKETS = PosixSockets.INSTANCE;
    private static final int SLOT = 32;

    @Test
    void theOsBatchCallsAndThePortableLoopAgree() throws Exception {
        long tx = SOCKETS.openUdp(false);
        long rx = SOCKETS.openUdp(false);
        try (Arena arena = Arena.ofConfined()) {
            SOCKETS.bind(tx, new InetSocketAddress("127.0.0.1", 0));
            SOCKETS.bind(rx, new InetSocketAddress("127.0.0.1", 0));
            SocketAddress target = SOCKETS.localAddress(rx);
            MemorySegment out = arena.allocate(5L * SLOT);
            int[] lengths = new int[5];
            SocketAddress[] targets = new SocketAddress[5];
            for (int i = 0; i < 5; i++) {
                out.asSlice((long) i * SLOT, SLOT).fill((byte) (i + 1));
                lengths[i] = 10 + i;
                targets[i] = target;
            }
            assertEquals(5, SOCKETS.sendMany(tx, out, SLOT, 5, lengths, targets));
            assertEquals(5, PortableBatch.sendMany(SOCKETS, tx, out, SLOT, 5, lengths, targets));
            Thread.sleep(50); // loopback delivers at once; give the kernel a moment all the same

            Received viaOs = receive(arena, (d, s, l) -> SOCKETS.receiveMany(rx, d, SLOT, 5, s, l));
            Received viaLoop = receive(arena, (d, s, l) -> PortableBatch.receiveMany(SOCKETS, rx, d, SLOT, 5, s, l));
            assertEquals(5, viaOs.count());
            assertEquals(5, viaLoop.count());
            assertArrayEquals(viaOs.lengths(), viaLoop.lengths());
            assertArrayEquals(viaOs.data(), viaLoop.data());
            assertEquals(viaOs.firstSender(), viaLoop.firstSender());
            assertEquals(SOCKETS.localAddress(tx), viaOs.firstSender());
            assertEquals(0, SOCKETS.receiveMany(rx, arena.allocate(SLOT), SLOT, 1, arena.allocate(Sockets.SOCKADDR_SIZE), new int[1]));
        } finally {
            SOCKETS.close(tx);
            SOCKETS.close(rx);
        }
    }

    private interface Receive {
        int apply(MemorySegment data, MemorySegment senders, int[] lengths) throws IOException;
    }

    private record Received(int count, int[] lengths, byte[] data, SocketAddress firstSender) {}

    private static Received receive(Arena arena, Receive call) throws IOException {
        MemorySegment data = arena.allocate(5L * SLOT);
        MemorySegment senders = arena.allocate(5L * Sockets.SOCKADDR_SIZE);
        int[] lengths = new int[5];
        int n = call.apply(data, senders, lengths);
        return new Received(n, lengths, data.toArray(ValueLayout.JAVA_BYTE), SOCKETS.decodeAddress(senders.asSlice(0, Sockets.SOCKADDR_SIZE)));
    }
}
