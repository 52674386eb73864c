package io.mio.net;

import static io.mio.net.Expect.acceptOne;
import static io.mio.net.Expect.anyLocalIpv4;
import static io.mio.net.Expect.readFully;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mio.Events;
import io.mio.Poll;
import io.mio.unix.Pipe;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Closing is idempotent and safe against other threads: no call reaches a reused descriptor number. */
class CloseTest {
    private static final byte[] DATA = {1, 2, 3, 4, 5, 6, 7, 8};

    @Test
    void aClosedStreamCannotReachTheSocketThatReusedItsNumber() throws IOException {
        try (Poll poll = Poll.open(); TcpListener listener = TcpListener.bind(anyLocalIpv4())) {
            Events events = Events.withCapacity(8);
            TcpStream old = TcpStream.connect(listener.localAddress());
            acceptOne(poll, events, listener).close();
            long number = old.io.number();
            old.close();

            List<TcpStream> opened = new ArrayList<>();
            TcpStream reuser = null;
            for (int i = 0; i < 64 && reuser == null; i++) {
                TcpStream candidate = TcpStream.connect(listener.localAddress());
                opened.add(candidate);
                if (candidate.io.number() == number) {
                    reuser = candidate;
                }
            }
            assertTrue(reuser != null, "the OS reuses the lowest free number");
            try (TcpStream peer = acceptUntilPeerOf(poll, events, listener, reuser)) {
                peer.write(DATA);
                assertThrows(ClosedChannelException.class, () -> old.read(ByteBuffer.allocate(8)));
                assertThrows(ClosedChannelException.class, () -> old.write(ByteBuffer.wrap(DATA)));
                assertThrows(ClosedChannelException.class, () -> old.shutdown(Shutdown.BOTH));
                assertThrows(ClosedChannelException.class, old::localAddress);
                assertArrayEquals(DATA, readFully(poll, events, reuser, DATA.length), "the data went to its owner");
                assertTrue(reuser.isOpen(), "closing the old stream again does not touch the new one");
                old.close();
                assertTrue(reuser.isOpen());
                assertEquals(DATA.length, reuser.write(DATA));
            } finally {
                for (TcpStream stream : opened) {
                    stream.close();
                }
            }
        }
    }

    private static TcpStream acceptUntilPeerOf(Poll poll, Events events, TcpListener listener, TcpStream client)
            throws IOException {
        for (int i = 0; i < 64; i++) {
            TcpStream accepted = acceptOne(poll, events, listener);
            if (accepted.peerAddress().equals(client.localAddress())) {
                return accepted;
            }
            accepted.close();
        }
        throw new AssertionError("the client's connection was never accepted");
    }

    @Test
    void closingWhileAnotherThreadReadsGivesItClosedChannelException() throws Exception {
        try (Poll poll = Poll.open(); TcpListener listener = TcpListener.bind(anyLocalIpv4())) {
            Events events = Events.withCapacity(8);
            for (int round = 0; round < 20; round++) {
                TcpStream stream = TcpStream.connect(listener.localAddress());
                try (TcpStream peer = acceptOne(poll, events, listener)) {
                    AtomicReference<Throwable> ended = new AtomicReference<>();
                    Thread reader = Thread.ofPlatform().start(() -> {
                        ByteBuffer buffer = ByteBuffer.allocateDirect(64);
                        try {
                            for (int i = 0; i < 10_000_000; i++) {
                                stream.read(buffer.clear()); // would block: returns 0
                            }
                            ended.set(new AssertionError("the reader never saw the close"));
                        } catch (Throwable t) {
                            ended.set(t);
                        }
                    });
                    Thread.sleep(2);
                    stream.close();
                    reader.join(Expect.PATIENCE.toMillis());
                    assertInstanceOf(ClosedChannelException.class, ended.get(),
                            "the only failure a concurrent close may cause");
                }
            }
        }
    }

    @UnixOnly
    @Test
    void transfersOfNothingOnAClosedSocketSayClosedToo() throws IOException {
        try (SocketPair<UnixStream> pair = UnixStream.pair(); Pipe pipe = Pipe.open()) {
            UnixStream stream = pair.first();
            stream.close();
            assertThrows(ClosedChannelException.class, () -> stream.read(ByteBuffer.allocate(0)));
            assertThrows(ClosedChannelException.class, () -> stream.write(new byte[0]));
            assertThrows(ClosedChannelException.class,
                    () -> stream.read(MemorySegment.ofArray(new byte[0])));
            pipe.sender().close();
            assertThrows(ClosedChannelException.class, () -> pipe.sender().write(ByteBuffer.allocate(0)));
        }
    }
}
