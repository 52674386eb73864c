package io.mio.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.fail;

import io.mio.unix.Pipe;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/**
 * A descriptor someone made blocking — a program through {@code tryIo}, or another holder of an
 * adopted or passed descriptor. Mio's socket calls still return at once ({@code MSG_DONTWAIT}
 * on each), and the calls that have no such flag are never {@code critical}, so a call that
 * blocks leaves the JVM running: the GC completes, other threads reach safepoints. (Before, a
 * critical read that blocked held safepoints off: {@code System.gc()} never returned, and
 * neither SIGTERM nor jstack reached the JVM.)
 */
class BlockingDescriptorTest {
    private static final long PATIENCE_SECONDS = 10;

    @UnixOnly
    @Test
    void streamSocketCallsReturnAtOnceOnABlockingDescriptor() throws Exception {
        try (SocketPair<UnixStream> pair = UnixStream.pair(); Arena arena = Arena.ofShared()) {
            UnixStream blocking = pair.second();
            blocking.tryIo(fd -> {
                makeBlocking(fd);
                return null;
            });
            Runnable unblock = () -> write(pair.first(), new byte[1]);
            assertEquals(0, returnsAtOnce(() -> blocking.read(ByteBuffer.allocate(16)), unblock), "heap buffer");
            assertEquals(0, returnsAtOnce(() -> blocking.read(ByteBuffer.allocateDirect(16)), unblock), "direct buffer");
            assertEquals(0, returnsAtOnce(() -> blocking.read(new byte[16]), unblock), "array");
            assertEquals(0, returnsAtOnce(() -> blocking.read(arena.allocate(16).asByteBuffer()), unblock), "arena buffer");
            assertEquals(0L, returnsAtOnce(() -> blocking.read(new ByteBuffer[] {ByteBuffer.allocateDirect(8), ByteBuffer.allocateDirect(8)}), unblock), "scatter");
            try (ReceivedFds fds = ReceivedFds.withCapacity(1)) {
                assertEquals(0, returnsAtOnce(() -> blocking.receiveWithFds(ByteBuffer.allocate(8), fds), unblock), "with descriptors");
            }
            // Fill the connection: every write returns, the last with 0.
            Runnable drain = () -> drain(pair.first());
            int last = returnsAtOnce(() -> {
                int n = 1;
                for (int i = 0; i < 100_000 && n > 0; i++) {
                    n = blocking.write(ByteBuffer.allocateDirect(65536));
                }
                return n;
            }, drain);
            assertEquals(0, last, "a full connection says would-block");
            assertEquals(0L, returnsAtOnce(() -> blocking.write(new ByteBuffer[] {ByteBuffer.allocateDirect(8)}), drain), "gather");
            assertEquals(0, returnsAtOnce(() -> blocking.write(new byte[8]), drain), "array");
        }
    }

    @Test
    void datagramCallsReturnAtOnceOnABlockingDescriptor() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(io.mio.internal.shared.Backends.current().unix() != null,
                "Windows has no per-call MSG_DONTWAIT: a socket another holder made blocking blocks Mio's calls, as mio's");
        try (UdpSocket socket = UdpSocket.bind(new InetSocketAddress("127.0.0.1", 0));
                UdpSocket peer = UdpSocket.bind(new InetSocketAddress("127.0.0.1", 0))) {
            socket.tryIo(fd -> {
                makeBlocking(fd);
                return null;
            });
            Runnable unblock = () -> {
                try {
                    peer.sendTo(ByteBuffer.wrap(new byte[1]), socket.localAddress());
                } catch (IOException e) {
                    throw new AssertionError(e);
                }
            };
            assertNull(returnsAtOnce(() -> socket.recvFrom(ByteBuffer.allocate(16)), unblock), "nothing queued");
            assertNull(returnsAtOnce(() -> socket.recvFrom(ByteBuffer.allocateDirect(16)), unblock), "nothing queued, direct");
            assertEquals(0, returnsAtOnce(() -> socket.recvBatch(DatagramBatch.allocate(4, 64)), unblock), "batch");
        }
        try (SocketPair<UnixDatagram> pair = UnixDatagram.pair(); ReceivedFds fds = ReceivedFds.withCapacity(1)) {
            pair.second().tryIo(fd -> {
                makeBlocking(fd);
                return null;
            });
            Runnable unblock = () -> {
                try {
                    pair.first().send(new byte[1]);
                } catch (IOException e) {
                    throw new AssertionError(e);
                }
            };
            assertEquals(UnixDatagram.WOULD_BLOCK, returnsAtOnce(() -> pair.second().recv(ByteBuffer.allocate(16)), unblock));
            assertEquals(UnixDatagram.WOULD_BLOCK, returnsAtOnce(() -> pair.second().receiveWithFds(ByteBuffer.allocate(16), fds), unblock));
        }
    }

    @UnixOnly
    @Test
    void aPipeReadThatBlocksLeavesTheJvmRunning() throws Exception {
        try (Pipe pipe = Pipe.open()) {
            pipe.receiver().tryIo(fd -> {
                makeBlocking(fd);
                return null;
            });
            CompletableFuture<Integer> read = onItsOwnThread(() -> pipe.receiver().read(ByteBuffer.allocate(8)));
            Thread.sleep(100); // let it block in read(2)
            gcCompletes();
            pipe.sender().write(new byte[] {5});
            assertEquals(1, read.get(PATIENCE_SECONDS, TimeUnit.SECONDS));
        }
    }

    @Test
    void anAcceptThatBlocksLeavesTheJvmRunning() throws Exception {
        try (TcpListener listener = TcpListener.bind(new InetSocketAddress("127.0.0.1", 0))) {
            listener.tryIo(fd -> {
                makeBlocking(fd);
                return null;
            });
            CompletableFuture<TcpStream> accepted = onItsOwnThread(listener::accept);
            Thread.sleep(100); // let it block in accept4(2)
            gcCompletes();
            try (TcpStream client = TcpStream.connect(listener.localAddress());
                    TcpStream server = accepted.get(PATIENCE_SECONDS, TimeUnit.SECONDS)) {
                assertFalse(server == null, "the blocked accept took the connection");
            }
        }
    }

    /** Runs {@code call} on a daemon thread of its own, which may block in it. */
    private static <T> CompletableFuture<T> onItsOwnThread(Callable<T> call) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return call.call();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }, command -> Thread.ofPlatform().daemon().start(command));
    }

    private static void gcCompletes() throws InterruptedException {
        Thread gc = Thread.ofPlatform().daemon().start(System::gc);
        gc.join(TimeUnit.SECONDS.toMillis(PATIENCE_SECONDS));
        if (gc.isAlive()) {
            fail("System.gc() did not complete while a call blocked: the blocked call holds safepoints off");
        }
    }

    /** Runs {@code call} on another thread; if it has not returned in time, unblocks it and fails. */
    private static <T> T returnsAtOnce(Callable<T> call, Runnable unblock) throws Exception {
        CompletableFuture<T> result = onItsOwnThread(call);
        try {
            return result.get(PATIENCE_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            unblock.run();
            result.get(PATIENCE_SECONDS, TimeUnit.SECONDS);
            throw new AssertionError("the call blocked on a blocking descriptor", e);
        }
    }

    private static void makeBlocking(int fd) throws IOException {
        try {
            OsCalls.current().makeBlocking(fd);
        } catch (Throwable t) {
            throw new IOException(t);
        }
    }

    private static void write(UnixStream stream, byte[] bytes) {
        try {
            stream.write(bytes);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static void drain(UnixStream stream) {
        try {
            ByteBuffer sink = ByteBuffer.allocateDirect(1 << 20);
            for (int i = 0; i < 10_000 && stream.read(sink.clear()) > 0; i++) {
                // discard
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
