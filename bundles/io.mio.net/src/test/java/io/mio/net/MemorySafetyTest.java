package io.mio.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.mio.unix.Pipe;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Memory the OS must not be given: an arena's memory after the arena was closed, and memory
 * confined to another thread. Every path refuses it as {@code java.nio} does —
 * {@link IllegalStateException} or {@link WrongThreadException} — with nothing read or written:
 * the bytes stay queued, the peer receives nothing. (Before, the scattering, gathering and
 * descriptor-passing paths put the raw address in an iovec: a read wrote into freed memory, a
 * write sent whatever another segment at that address held.) {@link BadArgumentsTest} walks
 * every public method taking memory with the same two kinds of memory.
 */
class MemorySafetyTest {
    private static final byte[] QUEUED = "queued bytes".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /** The thread that owns {@link #confinedElsewhere}, which only it may touch or close. */
    private final ExecutorService owner = Executors.newSingleThreadExecutor();
    private final Arena confinedElsewhere = onOwner(Arena::ofConfined);

    @AfterEach
    void closeForeignArena() {
        onOwner(() -> {
            confinedElsewhere.close();
            return null;
        });
        owner.shutdown();
    }

    private <T> T onOwner(Callable<T> task) {
        try {
            return owner.submit(task).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** A direct buffer over memory that was freed: the arena closed after the buffer was made. */
    static ByteBuffer freedBuffer() {
        Arena arena = Arena.ofShared();
        ByteBuffer buffer = arena.allocate(64).asByteBuffer();
        arena.close();
        return buffer;
    }

    /** A segment whose arena was closed. */
    static MemorySegment freedSegment() {
        Arena arena = Arena.ofShared();
        MemorySegment segment = arena.allocate(64);
        arena.close();
        return segment;
    }

    private ByteBuffer foreignBuffer() {
        return onOwner(() -> confinedElsewhere.allocate(64).asByteBuffer());
    }

    /** A buffer over a live shared arena's memory: fine to use, but not one the OS may keep an address of. */
    private static ByteBuffer liveArenaBuffer() {
        return Arena.ofAuto().allocate(64).asByteBuffer();
    }

    @UnixOnly
    @Test
    void aScatteringReadRefusesFreedAndForeignMemoryAndReadsNothing() throws Exception {
        try (SocketPair<UnixStream> pair = UnixStream.pair()) {
            pair.first().write(QUEUED);
            for (ByteBuffer bad : new ByteBuffer[] {freedBuffer(), foreignBuffer()}) {
                ByteBuffer good = liveArenaBuffer();
                Class<? extends RuntimeException> expected = expectedFor(bad);
                assertThrows(expected, () -> pair.second().read(new ByteBuffer[] {good, bad}));
                assertEquals(0, good.position(), "nothing was read into the good buffer");
                ByteBuffer owned = ByteBuffer.allocateDirect(64);
                assertThrows(expected, () -> pair.second().read(new ByteBuffer[] {owned, bad}));
                assertEquals(0, owned.position());
            }
            assertArrayEquals(QUEUED, readAll(pair.second()), "every byte is still queued");
        }
    }

    @UnixOnly
    @Test
    void aGatheringWriteRefusesFreedAndForeignMemoryAndSendsNothing() throws Exception {
        try (SocketPair<UnixStream> pair = UnixStream.pair()) {
            for (ByteBuffer bad : new ByteBuffer[] {freedBuffer(), foreignBuffer()}) {
                ByteBuffer good = ByteBuffer.allocateDirect(8).put(new byte[8]).flip();
                assertThrows(expectedFor(bad), () -> pair.first().write(new ByteBuffer[] {good, bad}));
                assertEquals(0, good.position(), "nothing was sent from the good buffer");
            }
            assertEquals(0, pair.second().read(ByteBuffer.allocate(64)), "the peer received nothing");
        }
    }

    @UnixOnly
    @Test
    void passingDescriptorsRefusesFreedAndForeignMemory() throws Exception {
        try (SocketPair<UnixStream> pair = UnixStream.pair(); Pipe pipe = Pipe.open();
             ReceivedFds fds = ReceivedFds.withCapacity(2)) {
            for (ByteBuffer bad : new ByteBuffer[] {freedBuffer(), foreignBuffer()}) {
                assertThrows(expectedFor(bad), () -> pair.first().sendWithFds(bad, pipe.receiver().rawFd()));
            }
            assertEquals(0, pair.second().receiveWithFds(ByteBuffer.allocate(8), fds), "nothing was sent");

            assertEquals(QUEUED.length, pair.first().sendWithFds(ByteBuffer.wrap(QUEUED), pipe.receiver().rawFd()));
            for (ByteBuffer bad : new ByteBuffer[] {freedBuffer(), foreignBuffer()}) {
                assertThrows(expectedFor(bad), () -> pair.second().receiveWithFds(bad, fds));
                assertEquals(0, fds.count(), "no descriptor was taken");
            }
            ByteBuffer into = ByteBuffer.allocate(64);
            assertEquals(QUEUED.length, pair.second().receiveWithFds(into, fds), "the message is still queued");
            assertEquals(1, fds.count(), "with its descriptor");
            fds.clear();
        }
    }

    @UnixOnly
    @Test
    void passingDescriptorsWithLiveArenaMemoryWorksBothWays() throws Exception {
        try (SocketPair<UnixDatagram> pair = UnixDatagram.pair(); Pipe pipe = Pipe.open();
             ReceivedFds fds = ReceivedFds.withCapacity(1)) {
            ByteBuffer out = liveArenaBuffer().put(QUEUED).flip();
            assertEquals(QUEUED.length, pair.first().sendWithFds(out, pipe.sender().rawFd()));
            ByteBuffer in = liveArenaBuffer();
            assertEquals(QUEUED.length, pair.second().receiveWithFds(in, fds));
            byte[] got = new byte[QUEUED.length];
            in.flip().get(got);
            assertArrayEquals(QUEUED, got);
            assertEquals(1, fds.count());
            fds.clear();
        }
    }

    @UnixOnly
    @Test
    void aScatteringReadIntoLiveArenaBuffersReadsEveryByteInOrder() throws Exception {
        try (SocketPair<UnixStream> pair = UnixStream.pair()) {
            pair.first().write(QUEUED);
            ByteBuffer a = liveArenaBuffer().limit(5);
            ByteBuffer b = liveArenaBuffer();
            long n = 0;
            for (int i = 0; i < 1000 && n < QUEUED.length; i++) {
                n += pair.second().read(new ByteBuffer[] {a, b});
                Thread.sleep(1);
            }
            assertEquals(QUEUED.length, n);
            byte[] got = new byte[QUEUED.length];
            a.flip().get(got, 0, 5);
            b.flip().get(got, 5, QUEUED.length - 5);
            assertArrayEquals(QUEUED, got);
        }
    }

    private Class<? extends RuntimeException> expectedFor(ByteBuffer bad) {
        return MemorySegment.ofBuffer(bad).scope().isAlive() ? WrongThreadException.class : IllegalStateException.class;
    }

    private static byte[] readAll(UnixStream stream) throws IOException {
        ByteBuffer into = ByteBuffer.allocate(256);
        for (int i = 0; i < 1000 && into.position() < QUEUED.length; i++) {
            stream.read(into);
        }
        byte[] bytes = new byte[into.flip().remaining()];
        into.get(bytes);
        return bytes;
    }
}
