package io.mio.net;

import static io.mio.net.Expect.anyLocalIpv4;
import static io.mio.net.Expect.expectEvents;
import static io.mio.net.Expect.expected;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mio.Events;
import io.mio.Interest;
import io.mio.Poll;
import io.mio.Token;
import java.io.IOException;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Many datagrams per system call, through the public API. */
class DatagramBatchTest {
    @TempDir
    Path dir;
    private static final Token RX = new Token(1);

    private static byte[] message(int i) {
        return ("datagram number " + i).getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void oneReceiveTakesManyDatagramsWithTheirSendersAndLengths() throws IOException {
        try (Poll poll = Poll.open(); UdpSocket tx = UdpSocket.bind(anyLocalIpv4()); UdpSocket rx = UdpSocket.bind(anyLocalIpv4())) {
            Events events = Events.withCapacity(4);
            poll.registry().register(rx, RX, Interest.READABLE);
            for (int i = 0; i < 10; i++) {
                tx.sendTo(message(i), rx.localAddress());
            }
            expectEvents(poll, events, expected(RX, Interest.READABLE));
            DatagramBatch batch = DatagramBatch.allocate(16, 64);
            int received = 0;
            for (int round = 0; round < 100 && received < 10; round++) {
                int n = rx.recvBatch(batch);
                for (int i = 0; i < n; i++) {
                    assertArrayEquals(message(received + i), batch.datagram(i).toArray(ValueLayout.JAVA_BYTE));
                    assertEquals(message(received + i).length, batch.length(i));
                    assertFalse(batch.truncated(i));
                    assertEquals(tx.localAddress(), batch.sender(i));
                }
                received += n;
                if (n == 0) {
                    poll.poll(events, Duration.ofMillis(20));
                }
            }
            assertEquals(10, received);
            assertEquals(0, rx.recvBatch(batch), "drained: would block");
            assertTrue(batch.isEmpty());
        }
    }

    @Test
    void oneSendPushesTheWholeBatchAndEmptiesIt() throws IOException {
        try (Poll poll = Poll.open(); UdpSocket tx = UdpSocket.bind(anyLocalIpv4()); UdpSocket rx = UdpSocket.bind(anyLocalIpv4())) {
            Events events = Events.withCapacity(4);
            DatagramBatch out = DatagramBatch.allocate(32, 64);
            for (int i = 0; i < 20; i++) {
                if (i % 2 == 0) {
                    out.add(message(i), rx.localAddress());
                } else {
                    out.add(ByteBuffer.wrap(message(i)), rx.localAddress());
                }
            }
            assertEquals(20, out.size());
            assertEquals(20, tx.sendBatch(out));
            assertTrue(out.isEmpty(), "what was sent is removed");
            assertEquals(0, tx.sendBatch(out));
            byte[] buffer = new byte[64];
            for (int i = 0; i < 20; i++) {
                int n;
                long deadline = System.nanoTime() + Expect.PATIENCE.toNanos();
                while ((n = rx.recv(buffer)) == UdpSocket.WOULD_BLOCK && System.nanoTime() < deadline) {
                    poll.poll(events, Duration.ofMillis(20));
                }
                assertEquals(new String(message(i), StandardCharsets.US_ASCII), new String(buffer, 0, n, StandardCharsets.US_ASCII));
            }
        }
    }

    @Test
    void aBatchTruncatesLongDatagramsAndSaysSo() throws IOException {
        try (Poll poll = Poll.open(); UdpSocket tx = UdpSocket.bind(anyLocalIpv4()); UdpSocket rx = UdpSocket.bind(anyLocalIpv4())) {
            Events events = Events.withCapacity(4);
            poll.registry().register(rx, RX, Interest.READABLE);
            tx.sendTo(new byte[100], rx.localAddress());
            expectEvents(poll, events, expected(RX, Interest.READABLE));
            DatagramBatch batch = DatagramBatch.allocate(4, 10);
            assertEquals(1, rx.recvBatch(batch));
            assertEquals(Expect.truncatedLength(100, 10), batch.length(0));
            assertTrue(batch.truncated(0));
            assertEquals(10, batch.datagram(0).byteSize());
        }
    }

    @Test
    void badUseGetsClearExceptions() throws IOException {
        assertThrows(IllegalArgumentException.class, () -> DatagramBatch.allocate(0, 10));
        assertThrows(IllegalArgumentException.class, () -> DatagramBatch.allocate(2000, 10));
        assertThrows(IllegalArgumentException.class, () -> DatagramBatch.allocate(1, 70_000));
        DatagramBatch batch = DatagramBatch.allocate(1, 4);
        assertThrows(IllegalArgumentException.class, () -> batch.add(new byte[5], null));
        batch.add(new byte[4], null);
        assertThrows(IllegalStateException.class, () -> batch.add(new byte[1], null));
        assertThrows(IndexOutOfBoundsException.class, () -> batch.length(1));
        try (UdpSocket unconnected = UdpSocket.bind(anyLocalIpv4())) {
            assertThrows(IOException.class, () -> unconnected.sendBatch(batch), "no target and not connected");
            assertEquals(1, batch.size(), "a refused batch is left as it was");
        }
    }

    @UnixOnly
    @Test
    void unixDatagramsBatchWithEveryKindOfSenderAddress() throws IOException {
        UnixSocketAddress abstractName = UnixSocketAddress.ofAbstractName("mio-batch-" + ProcessHandle.current().pid());
        try (Poll poll = Poll.open();
                UnixDatagram rx = UnixDatagram.bind(dir.resolve("rx.sock"));
                UnixDatagram fromPath = UnixDatagram.bind(dir.resolve("tx.sock"));
                UnixDatagram fromAbstract = UnixDatagram.bind(abstractName);
                UnixDatagram fromUnnamed = UnixDatagram.unbound()) {
            Events events = Events.withCapacity(4);
            poll.registry().register(rx, RX, Interest.READABLE);
            DatagramBatch out = DatagramBatch.allocate(4, 64);
            out.add("one".getBytes(StandardCharsets.US_ASCII), rx.localAddress());
            out.add("two".getBytes(StandardCharsets.US_ASCII), rx.localAddress());
            assertEquals(2, fromPath.sendBatch(out), "targets given as UnixSocketAddress");
            fromAbstract.sendTo("three".getBytes(StandardCharsets.US_ASCII), rx.localAddress());
            fromUnnamed.sendTo("four".getBytes(StandardCharsets.US_ASCII), rx.localAddress());
            expectEvents(poll, events, expected(RX, Interest.READABLE));

            DatagramBatch in = DatagramBatch.allocate(8, 64);
            assertEquals(4, rx.recvBatch(in));
            String[] texts = new String[4];
            for (int i = 0; i < 4; i++) {
                texts[i] = new String(in.datagram(i).toArray(ValueLayout.JAVA_BYTE), StandardCharsets.US_ASCII);
            }
            assertArrayEquals(new String[] {"one", "two", "three", "four"}, texts);
            assertEquals(fromPath.localAddress(), in.sender(0), "a path sender, read by its length");
            assertEquals(fromPath.localAddress(), in.sender(1));
            assertEquals(abstractName, in.sender(2), "an abstract name, with no trailing zeros");
            assertEquals(UnixSocketAddress.unnamed(), in.sender(3), "an unbound sender is unnamed");
            assertEquals(0, rx.recvBatch(in), "drained: would block");
        }
        try (SocketPair<UnixDatagram> pair = UnixDatagram.pair()) {
            DatagramBatch out = DatagramBatch.allocate(2, 16).add(new byte[] {1}, null).add(new byte[] {2, 2}, null);
            assertEquals(2, pair.first().sendBatch(out), "null targets go to the connected peer");
            DatagramBatch in = DatagramBatch.allocate(2, 16);
            assertEquals(2, pair.second().recvBatch(in));
            assertEquals(2, in.length(1));
        }
    }
}
