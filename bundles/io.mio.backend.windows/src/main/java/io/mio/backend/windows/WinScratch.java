package io.mio.backend.windows;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * Native memory that one thread's calls borrow for the length of a call: the last-error capture,
 * a socket address and its length, an option value, a {@code WSABUF} array. One per thread, made
 * on the thread's first call, so that no call allocates and threads never share it.
 */
final class WinScratch {
    private static final ThreadLocal<WinScratch> PER_THREAD = ThreadLocal.withInitial(WinScratch::new);
    private static final long WSABUF_BYTES = WinLayouts.WSABUF.byteSize();

    private final Arena arena = Arena.ofAuto();
    /** The last-error capture ({@link WinLink#downcall}). */
    final MemorySegment capture = WinMemory.allocate(arena, WinLink.CAPTURE_LAYOUT.byteSize());
    /** A {@code SOCKADDR_STORAGE}. */
    final MemorySegment address = WinMemory.allocate(arena, WinLayouts.SOCKADDR_STORAGE.byteSize());
    /** An {@code int} for an address or option length, or a byte count. */
    final MemorySegment length = WinMemory.allocate(arena, 8);
    /** An option value, a {@code LINGER}, an {@code IP_MREQ}/{@code IPV6_MREQ}, a flags word. */
    final MemorySegment value = WinMemory.allocate(arena, 64);
    private MemorySegment wsabufs = WinMemory.allocate(arena, 16 * WSABUF_BYTES);
    /** Where heap memory is staged for a transfer: any native memory serves, as Wine reads it where it is. */
    private MemorySegment staging = arena.allocate(4096, 8);

    private WinScratch() {}

    /**
     * This thread's scratch memory.
     *
     * @return the instance of the calling thread
     */
    static WinScratch get() {
        return PER_THREAD.get();
    }

    /**
     * A {@code WSABUF} array of at least {@code count} entries, grown on demand and kept.
     *
     * @param count the number of entries needed
     * @return the array
     */
    MemorySegment wsabufs(int count) {
        if (wsabufs.byteSize() < count * WSABUF_BYTES) {
            wsabufs = WinMemory.allocate(arena, Integer.highestOneBit(count) * 2 * WSABUF_BYTES);
        }
        return wsabufs;
    }

    /**
     * At least {@code bytes} bytes, not zeroed, grown on demand and kept: where a heap segment's
     * bytes are staged, as a downcall that may block takes native memory only.
     *
     * @param bytes the size needed
     * @return the area
     */
    MemorySegment staging(long bytes) {
        if (staging.byteSize() < bytes) {
            staging = arena.allocate(Long.highestOneBit(bytes) * 2, 8);
        }
        return staging.asSlice(0, bytes);
    }
}
