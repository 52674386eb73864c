package io.mio.net;

import io.mio.internal.shared.IoSource;
import io.mio.internal.transfer.SocketIo;
import io.mio.spi.IoStatus;
import io.mio.spi.OsMemory;
import io.mio.spi.UnixCalls;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * The descriptors one {@code receiveWithFds} call brought in from another process
 * ({@code SCM_RIGHTS}): reusable, and sized once for the most a message may carry.
 *
 * <p>Every received descriptor is this object's until {@linkplain #take taken}; the next receive
 * refuses to start while any is left, and {@link #clear()} (or {@link #close()}) closes those
 * left, so none leaks. Received descriptors are close-on-exec. When the sender sent more than
 * fit, the OS closes the rest and {@link #descriptorsTruncated()} says so. A holder is used by one
 * thread at a time.
 *
 * {@snippet :
 * try (SocketPair<UnixStream> pair = UnixStream.pair(); Pipe pipe = Pipe.open();
 *      ReceivedFds fds = ReceivedFds.withCapacity(2)) {
 *     pair.first().sendWithFds(ByteBuffer.wrap(new byte[] {1}), pipe.receiver().rawFd());
 *     pair.second().receiveWithFds(ByteBuffer.allocate(1), fds);
 *     try (OwnedFd fd = fds.take(0)) {
 *         Pipe.Receiver copy = fd.into(Pipe.Receiver::fromRawFd); // reads what pipe.sender() writes
 *     }
 * }
 * }
 */
public final class ReceivedFds implements AutoCloseable {
    /** The most descriptors one message carries. */
    public static final int MAX_CAPACITY = UnixCalls.MAX_FDS_PER_MESSAGE;

    private final int[] fds;
    private final int[] received = new int[3];
    private int count;
    private boolean truncated;
    private boolean dataTruncated;

    private ReceivedFds(int capacity) {
        fds = new int[capacity];
    }

    /**
     * Makes room for up to {@code capacity} descriptors per receive.
     *
     * @param capacity from 1 to {@link #MAX_CAPACITY}
     * @return an empty holder
     * @throws IllegalArgumentException when {@code capacity} is out of range
     */
    public static ReceivedFds withCapacity(int capacity) {
        if (capacity < 1 || capacity > MAX_CAPACITY) {
            throw new IllegalArgumentException("capacity must be from 1 to " + MAX_CAPACITY + ", was " + capacity);
        }
        return new ReceivedFds(capacity);
    }

    /**
     * How many descriptors one receive can take.
     *
     * @return the capacity
     */
    public int capacity() {
        return fds.length;
    }

    /**
     * How many descriptors the last receive brought, taken or not.
     *
     * @return the count, 0 before any receive and after {@link #clear()}
     */
    public int count() {
        return count;
    }

    /**
     * Whether the sender sent more descriptors than fit; the OS closed the extra ones.
     *
     * @return {@code true} when some were dropped in the last receive
     */
    public boolean descriptorsTruncated() {
        return truncated;
    }

    /**
     * Whether the last receive, on a datagram socket, got a datagram longer than the buffer: its
     * end was discarded, as a plain receive does.
     *
     * @return {@code true} when the datagram was cut
     */
    public boolean dataTruncated() {
        return dataTruncated;
    }

    /**
     * Takes one received descriptor, moving its ownership to the caller.
     *
     * @param index from 0 to {@link #count()} - 1
     * @return its owner
     * @throws IndexOutOfBoundsException when {@code index} is out of range
     * @throws IllegalStateException when it was already taken
     */
    public OwnedFd take(int index) {
        Objects.checkIndex(index, count);
        int fd = fds[index];
        if (fd < 0) {
            throw new IllegalStateException("descriptor " + index + " was already taken");
        }
        fds[index] = -1;
        return OwnedFd.adopt(fd);
    }

    /** Closes every received descriptor not taken, and empties this holder. */
    public void clear() {
        for (int i = 0; i < count; i++) {
            if (fds[i] >= 0) {
                SocketIo.SOCKETS.close(fds[i]);
                fds[i] = -1;
            }
        }
        count = 0;
        truncated = false;
        dataTruncated = false;
    }

    /** The same as {@link #clear()}: closes what was not taken. */
    @Override
    public void close() {
        clear();
    }

    /**
     * Receives into {@code dst} from its position, filling this holder; for the socket types.
     * Returns what the backend returns: 0 at end of stream, {@link IoStatus#WOULD_BLOCK}; and on a
     * stream socket {@link IoStatus#WOULD_BLOCK} without a call when {@code dst} has no room,
     * which is not end of stream, and takes no descriptor.
     */
    int receive(IoSource io, ByteBuffer dst, boolean datagram) throws IOException {
        Objects.requireNonNull(dst, "dst");
        if (dst.isReadOnly()) {
            throw new IllegalArgumentException("read-only buffer");
        }
        OsMemory.checkAccess(dst);
        if (!datagram && !dst.hasRemaining()) {
            SocketIo.nothing(io);
            return IoStatus.WOULD_BLOCK;
        }
        for (int i = 0; i < count; i++) {
            if (fds[i] >= 0) {
                throw new IllegalStateException("descriptors from the last receive are still here: take or clear them first");
            }
        }
        count = 0;
        truncated = false;
        dataTruncated = false;
        MemorySegment into = MemorySegment.ofBuffer(dst);
        long fd = io.acquireOpen();
        int n;
        try {
            n = SocketIo.unix().receiveWithFds(fd, into, fds, received, datagram);
        } finally {
            io.release();
        }
        count = received[0];
        truncated = received[1] != 0;
        dataTruncated = received[2] != 0;
        if (n > 0) {
            dst.position(dst.position() + n);
        } else {
            io.afterRead(n == 0 && !datagram ? IoStatus.EOF : n);
        }
        return n;
    }

    @Override
    public String toString() {
        return "ReceivedFds[count=" + count + ", capacity=" + fds.length + (truncated ? ", descriptors truncated" : "") + (dataTruncated ? ", data truncated]" : "]");
    }
}
