package io.mio.unix;

import static io.mio.net.Expect.expectEvents;
import static io.mio.net.Expect.expectNoEvents;
import static io.mio.net.Expect.expected;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mio.Event;
import io.mio.Events;
import io.mio.Interest;
import io.mio.Poll;
import io.mio.Token;
import io.mio.net.Expect;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The behaviours of mio's {@code tests/unix_pipe.rs}. */
class PipeTest {
    private static final Token SENDER = new Token(0);
    private static final Token RECEIVER = new Token(1);
    private static final byte[] DATA = "Hello pipe".getBytes(StandardCharsets.US_ASCII);

    private Poll poll;
    private final Events events = Events.withCapacity(8);

    @BeforeEach
    void open() throws IOException {
        poll = Poll.open();
    }

    @AfterEach
    void close() {
        poll.close();
    }

    @Test
    void bytesGoThroughWithEdgeTriggeredEvents() throws IOException {
        try (Pipe pipe = Pipe.open()) {
            Expect.assertNonBlockingAndCloseOnExec(pipe.sender().io.number());
            Expect.assertNonBlockingAndCloseOnExec(pipe.receiver().io.number());
            poll.registry().register(pipe.sender(), SENDER, Interest.WRITABLE);
            poll.registry().register(pipe.receiver(), RECEIVER, Interest.READABLE);
            expectEvents(poll, events, expected(SENDER, Interest.WRITABLE));
            assertEquals(0, pipe.receiver().read(new byte[4]), "empty: would block");

            assertEquals(DATA.length, pipe.sender().write(DATA));
            expectEvents(poll, events, expected(RECEIVER, Interest.READABLE));
            byte[] got = new byte[64];
            assertEquals(DATA.length, pipe.receiver().read(got));
            assertArrayEquals(DATA, Arrays.copyOf(got, DATA.length));

            pipe.sender().write(new ByteBuffer[] {ByteBuffer.wrap(DATA), ByteBuffer.allocateDirect(1).put((byte) 9).flip()});
            expectEvents(poll, events, expected(RECEIVER, Interest.READABLE));
            ByteBuffer direct = ByteBuffer.allocateDirect(64);
            assertEquals(DATA.length + 1, pipe.receiver().read(direct));
            assertEquals(0, pipe.receiver().read(direct));
            expectNoEvents(poll, events);
        }
    }

    @Test
    void aFullPipeWouldBlockAndAWritableEventComesWhenItDrains() throws IOException {
        try (Pipe pipe = Pipe.open()) {
            poll.registry().register(pipe.sender(), SENDER, Interest.WRITABLE);
            expectEvents(poll, events, expected(SENDER, Interest.WRITABLE));
            ByteBuffer chunk = ByteBuffer.allocateDirect(16 * 1024);
            int rounds = 0;
            while (pipe.sender().write(chunk.clear()) > 0) {
                assertTrue(++rounds < 10_000, "the pipe never filled");
            }
            ByteBuffer sink = ByteBuffer.allocate(64 * 1024);
            while (pipe.receiver().read(sink.clear()) > 0) {
                // drain
            }
            expectEvents(poll, events, expected(SENDER, Interest.WRITABLE));
        }
    }

    @Test
    void closingTheSenderGivesTheReceiverReadClosed() throws IOException {
        try (Pipe pipe = Pipe.open()) {
            poll.registry().register(pipe.receiver(), RECEIVER, Interest.READABLE);
            pipe.sender().close();
            // As in mio: Linux reports EPOLLHUP alone, a read-closed event that need not be readable.
            expectEvents(poll, events, new Expect.Expected(RECEIVER, false, false));
            Event event = events.get(0);
            assertTrue(event.isReadClosed(), event::toString);
            assertEquals(-1, pipe.receiver().read(new byte[4]));
            assertThrows(ClosedChannelException.class, () -> pipe.sender().write(DATA));
        }
    }

    @Test
    void closingTheReceiverGivesTheSenderWriteClosedAndABrokenPipe() throws IOException {
        try (Pipe pipe = Pipe.open()) {
            poll.registry().register(pipe.sender(), SENDER, Interest.WRITABLE);
            expectEvents(poll, events, expected(SENDER, Interest.WRITABLE));
            pipe.receiver().close();
            expectEvents(poll, events, expected(SENDER, Interest.WRITABLE));
            Event event = events.get(0);
            assertTrue(event.isWriteClosed() || event.isError(), event::toString);
            IOException e = assertThrows(IOException.class, () -> pipe.sender().write(DATA));
            assertTrue(e.getMessage().contains("EPIPE"), e.getMessage());
        }
    }

    // The stream conventions of the sockets hold for pipe ends too.

    @Test
    void aGatheringWriteWithANullBufferWritesNothing() throws IOException {
        try (Pipe pipe = Pipe.open()) {
            ByteBuffer first = ByteBuffer.wrap(new byte[16]);
            assertThrows(NullPointerException.class, () -> pipe.sender().write(new ByteBuffer[] {first, null}));
            assertEquals(0, first.position(), "checked before anything was written");
            assertEquals(0, pipe.receiver().read(ByteBuffer.allocate(32)), "the reader got nothing");
        }
    }

    @Test
    void aScatteringReadWithNoRoomIsNotEndOfStream() throws IOException {
        try (Pipe pipe = Pipe.open()) {
            pipe.sender().write(new byte[] {1, 2, 3});
            assertEquals(0, pipe.receiver().read(new ByteBuffer[0]));
            assertEquals(0, pipe.receiver().read(new ByteBuffer[] {ByteBuffer.allocateDirect(0)}));
            ByteBuffer a = ByteBuffer.allocate(2);
            ByteBuffer b = ByteBuffer.allocateDirect(8);
            assertEquals(3, pipe.receiver().read(new ByteBuffer[] {a, b}), "the bytes are still there");
            assertArrayEquals(new byte[] {1, 2}, a.array());
            assertEquals(3, b.get(0));
        }
    }

    @Test
    void heapMemoryLargerThanOneStagingGoesAcrossInPieces() throws IOException {
        try (Pipe pipe = Pipe.open()) {
            byte[] sent = new byte[200_000];
            new java.util.Random(3).nextBytes(sent);
            byte[] received = new byte[sent.length];
            int written = 0;
            int read = 0;
            for (int i = 0; i < 10_000 && read < sent.length; i++) {
                if (written < sent.length) {
                    written += pipe.sender().write(ByteBuffer.wrap(sent, written, sent.length - written));
                }
                read += pipe.receiver().read(ByteBuffer.wrap(received, read, received.length - read));
            }
            assertArrayEquals(sent, received);
        }
    }
}
