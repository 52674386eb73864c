package io.mio.net;

import static io.mio.net.Expect.acceptOne;
import static io.mio.net.Expect.anyLocalIpv4;
import static io.mio.net.Expect.anyLocalIpv6;
import static io.mio.net.Expect.expectEvents;
import static io.mio.net.Expect.expectNoEvents;
import static io.mio.net.Expect.expected;
import static io.mio.net.Expect.readFully;
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
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.NotYetConnectedException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The behaviours of mio's {@code tests/tcp_stream.rs}, and every kind of memory a read or write takes. */
class TcpStreamTest {
    private static final Token ID = new Token(1);
    private static final byte[] DATA = "Hello world!".getBytes(StandardCharsets.US_ASCII);

    private Poll poll;
    private final Events events = Events.withCapacity(16);
    private TcpListener listener;

    @BeforeEach
    void open() throws IOException {
        poll = Poll.open();
        listener = TcpListener.bind(anyLocalIpv4());
    }

    @AfterEach
    void close() {
        listener.close();
        poll.close();
    }

    @Test
    void ipv4StreamEchoes() throws IOException {
        smoke(listener);
    }

    @Test
    void ipv6StreamEchoes() throws IOException {
        try (TcpListener v6 = TcpListener.bind(anyLocalIpv6())) {
            smoke(v6);
        }
    }

    private void smoke(TcpListener server) throws IOException {
        try (TcpStream stream = TcpStream.connect(server.localAddress());
             TcpStream peer = acceptOne(poll, events, server)) {
            Expect.assertNonBlockingAndCloseOnExec(stream.io.number());
            poll.registry().register(stream, ID, Interest.READABLE.add(Interest.WRITABLE));
            expectEvents(poll, events, expected(ID, Interest.WRITABLE));
            assertEquals(server.localAddress(), stream.peerAddress());
            assertEquals(DATA.length, stream.write(DATA));
            assertArrayEquals(DATA, readFully(poll, events, peer, DATA.length));
            peer.write(DATA);
            expectEvents(poll, events, expected(ID, Interest.READABLE));
            assertArrayEquals(DATA, readFully(poll, events, stream, DATA.length));
        }
    }

    @Test
    void everyKindOfMemoryReadsAndWritesInPlace() throws IOException {
        try (TcpStream a = TcpStream.connect(listener.localAddress());
             TcpStream b = acceptOne(poll, events, listener);
             Arena arena = Arena.ofConfined()) {
            // heap buffer with an offset position
            ByteBuffer heap = ByteBuffer.allocate(32).position(3);
            heap.put(DATA).flip().position(3);
            assertEquals(DATA.length, a.write(heap));
            assertFalse(heap.hasRemaining());
            ByteBuffer heapIn = ByteBuffer.allocate(64).position(5);
            assertEquals(DATA.length, readInto(b, heapIn));
            assertArrayEquals(DATA, java.util.Arrays.copyOfRange(heapIn.array(), 5, 5 + DATA.length));

            // direct buffer
            ByteBuffer direct = ByteBuffer.allocateDirect(32).put(DATA).flip();
            assertEquals(DATA.length, a.write(direct));
            ByteBuffer directIn = ByteBuffer.allocateDirect(32);
            assertEquals(DATA.length, readInto(b, directIn));
            byte[] got = new byte[DATA.length];
            directIn.flip().get(got);
            assertArrayEquals(DATA, got);

            // read-only heap buffer as a source
            assertEquals(DATA.length, a.write(ByteBuffer.wrap(DATA).asReadOnlyBuffer()));
            assertArrayEquals(DATA, readFully(poll, events, b, DATA.length));
            assertThrows(IllegalArgumentException.class, () -> b.read(ByteBuffer.allocate(4).asReadOnlyBuffer()));

            // byte[] with offset
            byte[] array = new byte[40];
            System.arraycopy(DATA, 0, array, 10, DATA.length);
            assertEquals(DATA.length, a.write(array, 10, DATA.length));
            assertArrayEquals(DATA, readFully(poll, events, b, DATA.length));
            assertThrows(IndexOutOfBoundsException.class, () -> a.write(array, 35, 10));

            // native and heap memory segments
            MemorySegment segment = arena.allocate(DATA.length);
            segment.copyFrom(MemorySegment.ofArray(DATA));
            assertEquals(DATA.length, a.write(segment));
            MemorySegment into = arena.allocate(64);
            int n = 0;
            for (int i = 0; i < 200 && n == 0; i++) {
                poll.poll(events, java.time.Duration.ofMillis(10));
                n = b.read(into);
            }
            assertArrayEquals(DATA, into.asSlice(0, n).toArray(ValueLayout.JAVA_BYTE));
            assertEquals(DATA.length, a.write(MemorySegment.ofArray(DATA)));
            assertArrayEquals(DATA, readFully(poll, events, b, DATA.length));
        }
    }

    private int readInto(TcpStream stream, ByteBuffer dst) throws IOException {
        int start = dst.position();
        for (int i = 0; i < 200 && dst.position() - start < DATA.length; i++) {
            if (stream.read(dst) == 0) {
                poll.poll(events, java.time.Duration.ofMillis(10));
            }
        }
        return dst.position() - start;
    }

    @Test
    void scatteringAndGatheringWithDirectAndHeapBuffers() throws IOException {
        try (TcpStream a = TcpStream.connect(listener.localAddress());
             TcpStream b = acceptOne(poll, events, listener)) {
            for (boolean direct : new boolean[] {true, false}) {
                ByteBuffer[] out = {buffer(direct, "Hello "), buffer(direct, "mio "), buffer(direct, "world")};
                assertEquals(15, a.write(out));
                for (ByteBuffer b1 : out) {
                    assertFalse(b1.hasRemaining());
                }
                ByteBuffer[] in = {alloc(direct, 4), alloc(direct, 4), alloc(direct, 16)};
                long total = 0;
                for (int i = 0; i < 200 && total < 15; i++) {
                    long n = b.read(in);
                    if (n == 0) {
                        poll.poll(events, java.time.Duration.ofMillis(10));
                    }
                    total += n;
                }
                assertEquals(15, total);
                StringBuilder text = new StringBuilder();
                for (ByteBuffer part : in) {
                    part.flip();
                    text.append(StandardCharsets.US_ASCII.decode(part));
                }
                assertEquals("Hello mio world", text.toString(), direct ? "direct" : "heap");
            }
        }
    }

    private static ByteBuffer alloc(boolean direct, int size) {
        return direct ? ByteBuffer.allocateDirect(size) : ByteBuffer.allocate(size);
    }

    private static ByteBuffer buffer(boolean direct, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        return alloc(direct, bytes.length).put(bytes).flip();
    }

    @Test
    void peekLeavesTheDataForTheNextRead() throws IOException {
        try (TcpStream a = TcpStream.connect(listener.localAddress());
             TcpStream b = acceptOne(poll, events, listener)) {
            poll.registry().register(b, ID, Interest.READABLE);
            assertEquals(0, b.peek(new byte[4]), "nothing queued: would block");
            a.write(DATA);
            expectEvents(poll, events, expected(ID, Interest.READABLE));
            byte[] peeked = new byte[DATA.length];
            assertEquals(DATA.length, b.peek(peeked));
            assertArrayEquals(DATA, peeked);
            ByteBuffer again = ByteBuffer.allocate(DATA.length);
            assertEquals(DATA.length, b.peek(again));
            assertArrayEquals(DATA, readFully(poll, events, b, DATA.length));
        }
    }

    @Test
    void setsAndGetsTtlAndNoDelay() throws IOException {
        try (TcpStream stream = TcpStream.connect(listener.localAddress())) {
            stream.setTtl(7);
            assertEquals(7, stream.ttl());
            assertFalse(stream.noDelay());
            stream.setNoDelay(true);
            assertTrue(stream.noDelay());
            assertTrue(stream.getOption(StandardSocketOptions.TCP_NODELAY));
        }
    }

    @Test
    void socketOptionsRoundTrip() throws IOException {
        try (TcpStream stream = TcpStream.connect(listener.localAddress())) {
            stream.setOption(StandardSocketOptions.SO_KEEPALIVE, true);
            assertTrue(stream.getOption(StandardSocketOptions.SO_KEEPALIVE));
            assertEquals(-1, stream.getOption(StandardSocketOptions.SO_LINGER), "linger off by default");
            stream.setOption(StandardSocketOptions.SO_LINGER, 5);
            assertEquals(5, stream.getOption(StandardSocketOptions.SO_LINGER));
            stream.setOption(StandardSocketOptions.SO_LINGER, -1);
            assertEquals(-1, stream.getOption(StandardSocketOptions.SO_LINGER));
            stream.setOption(StandardSocketOptions.SO_SNDBUF, 65536);
            assertTrue(stream.getOption(StandardSocketOptions.SO_SNDBUF) >= 65536, "Linux doubles it");
            assertThrows(IllegalArgumentException.class, () -> stream.setOption(StandardSocketOptions.SO_RCVBUF, -1));
            assertThrows(IllegalArgumentException.class, () -> stream.setOption(StandardSocketOptions.SO_KEEPALIVE, null));
            assertThrows(UnsupportedOperationException.class, () -> stream.setOption(StandardSocketOptions.SO_BROADCAST, true));
            assertThrows(NullPointerException.class, () -> stream.getOption(null));
        }
    }

    @Test
    void shutdownReadGivesEndOfStream() throws IOException {
        try (TcpStream a = TcpStream.connect(listener.localAddress());
             TcpStream b = acceptOne(poll, events, listener)) {
            a.shutdown(Shutdown.READ);
            assertEquals(-1, a.read(new byte[4]));
        }
    }

    @Test
    void shutdownWriteGivesThePeerEndOfStreamAndKeepsReading() throws IOException {
        try (TcpStream a = TcpStream.connect(listener.localAddress());
             TcpStream b = acceptOne(poll, events, listener)) {
            poll.registry().register(b, ID, Interest.READABLE);
            a.shutdown(Shutdown.WRITE);
            expectEvents(poll, events, expected(ID, Interest.READABLE));
            assertEquals(-1, b.read(new byte[4]));
            assertThrows(IOException.class, () -> a.write(DATA), "writing after shutdown fails");
            b.write(DATA);
            assertArrayEquals(DATA, readFully(poll, events, a, DATA.length));
        }
    }

    @Test
    void shutdownBothEndsBothHalves() throws IOException {
        try (TcpStream a = TcpStream.connect(listener.localAddress());
             TcpStream b = acceptOne(poll, events, listener)) {
            poll.registry().register(b, ID, Interest.READABLE);
            a.shutdown(Shutdown.BOTH);
            expectEvents(poll, events, expected(ID, Interest.READABLE));
            assertEquals(-1, b.read(new byte[4]));
            assertEquals(-1, a.read(new byte[4]));
            assertThrows(NullPointerException.class, () -> a.shutdown(null));
        }
    }

    @Test
    void peerClosingGivesAReadClosedEvent() throws IOException {
        try (TcpStream a = TcpStream.connect(listener.localAddress())) {
            poll.registry().register(a, ID, Interest.READABLE);
            acceptOne(poll, events, listener).close();
            expectEvents(poll, events, expected(ID, Interest.READABLE));
            assertTrue(events.get(0).isReadClosed(), () -> events.get(0).toString());
        }
    }

    @Test
    void outOfBandDataGivesAPriorityEventWhereTheBackendReportsIt() throws IOException {
        try (Socket sender = new Socket()) {
            sender.connect(listener.localAddress());
            try (TcpStream receiver = acceptOne(poll, events, listener)) {
                poll.registry().register(receiver, ID, Interest.PRIORITY);
                sender.sendUrgentData(42);
                if (io.mio.internal.shared.Backends.current().reportsPriority()) {
                    expectEvents(poll, events, expected(ID, Interest.READABLE));
                    assertTrue(events.get(0).isPriority(), () -> events.get(0).toString());
                } else {
                    expectNoEvents(poll, events); // the interest registers nothing there
                }
            }
        }
    }

    @Test
    void peerAddressBeforeTheConnectCompletesIsNotYetConnected() throws IOException {
        InetSocketAddress nowhere;
        try (TcpListener closed = TcpListener.bind(anyLocalIpv4())) {
            nowhere = closed.localAddress();
        }
        try (TcpStream stream = TcpStream.connect(nowhere)) {
            // Refused: the connect never completes, so there is no peer.
            assertThrows(NotYetConnectedException.class, stream::peerAddress);
        } catch (java.net.ConnectException refusedAtOnce) {
            // Linux may also refuse inside connect(2)
        }
    }

    @Test
    void interestCanGrowAndShrinkWithReregister() throws IOException {
        LibkqueueDivergence.WRITE_EVENT_ON_A_READ_EDGE.skipOnLibkqueue();
        try (TcpStream a = TcpStream.connect(listener.localAddress());
             TcpStream b = acceptOne(poll, events, listener)) {
            poll.registry().register(b, ID, Interest.READABLE);
            poll.registry().reregister(b, ID, Interest.WRITABLE);
            expectEvents(poll, events, expected(ID, Interest.WRITABLE));
            a.write(DATA);
            expectNoEvents(poll, events);
            poll.registry().reregister(b, ID, Interest.READABLE.add(Interest.WRITABLE));
            expectEvents(poll, events, expected(ID, Interest.READABLE));
        }
    }
}
