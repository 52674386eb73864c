package io.mio.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.mio.unix.Pipe;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/** Pipe ends follow the stream conventions of the sockets. */
class PipeTest {
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
