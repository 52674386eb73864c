package io.mio.spi;

import java.lang.foreign.MemorySegment;
import java.lang.ref.WeakReference;
import java.nio.ByteBuffer;

/**
 * The one gate through which a caller's memory reaches the OS. Its rule, the one
 * {@code java.nio} keeps: the memory is held for the length of the call, and memory that is
 * closed, or confined to another thread, is refused before anything is read or written.
 *
 * <p>Memory is held in one of two ways, and only these:
 * <ul>
 *   <li>as a {@link MemorySegment} argument of the downcall itself: the linker holds the
 *       segment's session while the call runs, so an {@link java.lang.foreign.Arena} cannot free
 *       it, and refuses a closed or foreign-thread segment with the exception below;
 *   <li>by raw address, only for a direct buffer that {@linkplain #ownedBase owns its memory}
 *       (made by {@link ByteBuffer#allocateDirect}, or a slice or duplicate of one): that memory
 *       lives as long as the buffer object, which the caller keeps reachable with
 *       {@link java.lang.ref.Reference#reachabilityFence} until the call returns.
 * </ul>
 * An address of any other memory — a buffer over an arena's segment, a segment placed in an
 * {@code iovec} or {@code msghdr} — could be freed by another thread's {@code Arena.close()}
 * mid-call, and the kernel would write into freed memory. Such memory goes to the OS one
 * segment argument at a time, or is copied through the calling thread's own memory, after
 * {@link #checkAccess} has refused what cannot be touched.
 *
 * <p>Remembering the address of the direct buffers a thread used last makes the raw-address path
 * allocate nothing per call ({@link MemorySegment#ofBuffer} makes a segment and a session object
 * every time, and the JIT does not remove them from a real event loop). The entries are weak, so
 * remembering a buffer never keeps it alive.
 */
public final class OsMemory {
    private static final int ENTRIES = 4;
    private static final ThreadLocal<OsMemory> PER_THREAD = ThreadLocal.withInitial(OsMemory::new);

    @SuppressWarnings({"unchecked", "rawtypes"}) // no generic array creation in Java
    private final WeakReference<ByteBuffer>[] buffers = new WeakReference[ENTRIES];
    private final long[] bases = new long[ENTRIES];
    private int next;

    private OsMemory() {}

    /**
     * The address of element 0 of a direct buffer that owns its memory, which may go to the OS by
     * address while the buffer is kept reachable.
     *
     * @param buffer any buffer
     * @return the address, or -1 for a heap buffer or one whose memory an arena owns
     */
    public static long ownedBase(ByteBuffer buffer) {
        return buffer.isDirect() ? PER_THREAD.get().lookup(buffer) : -1;
    }

    /**
     * Refuses memory that cannot be touched now by this thread, as {@code java.nio} does.
     *
     * @param buffer any buffer; heap buffers always pass
     * @throws IllegalStateException when its memory was freed (its arena is closed)
     * @throws WrongThreadException when its memory is confined to another thread
     */
    public static void checkAccess(ByteBuffer buffer) {
        if (buffer.isDirect() && ownedBase(buffer) < 0) {
            checkAccess(MemorySegment.ofBuffer(buffer));
        }
    }

    /**
     * Refuses memory that cannot be touched now by this thread, as {@code java.nio} does.
     *
     * @param segment any segment
     * @throws IllegalStateException when its memory was freed (its arena is closed)
     * @throws WrongThreadException when its memory is confined to another thread
     */
    public static void checkAccess(MemorySegment segment) {
        if (!segment.scope().isAlive()) {
            throw new IllegalStateException("Already closed: the memory's arena was closed");
        }
        if (!segment.isAccessibleBy(Thread.currentThread())) {
            throw new WrongThreadException("Attempted access outside owning thread: the memory is confined to another thread");
        }
    }

    private long lookup(ByteBuffer buffer) {
        for (int i = 0; i < ENTRIES; i++) {
            WeakReference<ByteBuffer> entry = buffers[i];
            if (entry != null && entry.refersTo(buffer)) {
                return bases[i];
            }
        }
        return remember(buffer);
    }

    private long remember(ByteBuffer buffer) {
        MemorySegment whole = MemorySegment.ofBuffer(buffer);
        // The JDK gives each ofBuffer segment of an allocateDirect buffer a scope of its own; a
        // buffer over an arena's segment always has the arena's, stable scope.
        if (whole.scope() == MemorySegment.ofBuffer(buffer).scope()) {
            return -1;
        }
        int slot = next;
        next = (next + 1) % ENTRIES;
        buffers[slot] = new WeakReference<>(buffer);
        bases[slot] = whole.address() - buffer.position();
        return bases[slot];
    }
}
