package io.mio.backend.posix;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Native memory that one thread's calls borrow for the length of a call: the errno capture, a
 * socket address, an option value, an {@code epoll_event}, an iovec array. One per thread, made
 * on the thread's first call, so that no call allocates and threads never share it.
 */
public final class Scratch {
    private static final ThreadLocal<Scratch> PER_THREAD = ThreadLocal.withInitial(Scratch::new);
    private static final long IOVEC_BYTES = Abi.layouts().iovec().byteSize();

    private final Arena arena = Arena.ofAuto();
    /** The errno capture state. */
    public final MemorySegment errno = arena.allocate(Libc.CAPTURE_LAYOUT);
    /** A {@code struct sockaddr_storage}. */
    final MemorySegment address = arena.allocate(Abi.layouts().sockaddrStorage().byteSize(), 8);
    /** A {@code socklen_t} for the address or option length. */
    final MemorySegment length = arena.allocate(ValueLayout.JAVA_INT);
    /** An option value, a {@code struct linger}, an {@code epoll_event} or a {@code struct msghdr}. */
    public final MemorySegment value = arena.allocate(64, 8);
    private MemorySegment iovecs = arena.allocate(16L * IOVEC_BYTES, 8);
    private MemorySegment area = arena.allocate(4096, 8);

    private Scratch() {}

    /**
     * This thread's scratch memory.
     *
     * @return the instance of the calling thread
     */
    public static Scratch get() {
        return PER_THREAD.get();
    }

    /**
     * A zeroed area of at least {@code bytes} bytes, grown on demand and kept: for the message
     * and address arrays of the batch calls.
     *
     * @param bytes the size needed
     * @return the area
     */
    public MemorySegment area(long bytes) {
        if (area.byteSize() < bytes) {
            area = arena.allocate(Long.highestOneBit(bytes) * 2, 8);
        }
        return area.asSlice(0, bytes).fill((byte) 0);
    }

    /**
     * At least {@code bytes} bytes of this thread's area, not zeroed: where heap memory is staged
     * for a call that takes native memory only. Grown on demand and kept.
     *
     * @param bytes the size needed
     * @return the area
     */
    MemorySegment staging(long bytes) {
        if (area.byteSize() < bytes) {
            area = arena.allocate(Long.highestOneBit(bytes) * 2, 8);
        }
        return area.asSlice(0, bytes);
    }

    /**
     * An iovec array of at least {@code count} entries, grown on demand and kept.
     *
     * @param count the number of entries needed
     * @return the array
     */
    MemorySegment iovecs(int count) {
        if (iovecs.byteSize() < (long) count * IOVEC_BYTES) {
            iovecs = arena.allocate(Integer.highestOneBit(count) * 2 * IOVEC_BYTES, 8);
        }
        return iovecs;
    }
}
