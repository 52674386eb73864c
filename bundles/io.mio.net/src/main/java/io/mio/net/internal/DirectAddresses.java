package io.mio.net.internal;

import java.lang.foreign.MemorySegment;
import java.lang.ref.WeakReference;
import java.nio.ByteBuffer;

/**
 * Remembers the native address of the direct buffers a thread used last, so that reading into
 * or writing from one makes no object per call. ({@link MemorySegment#ofBuffer} makes a segment
 * and a session object every time, and the JIT does not remove them from a real event loop.)
 *
 * <p>Only buffers whose memory lives exactly as long as the buffer object are remembered: those
 * of {@link ByteBuffer#allocateDirect} and their slices and duplicates. For them the JDK gives
 * each {@code ofBuffer} segment a scope of its own; a buffer over an arena's segment always has
 * the arena's scope, and is never remembered, because the arena may free its memory while the
 * buffer object lives on. The entries are weak, so remembering a buffer never keeps it alive.
 */
public final class DirectAddresses {
    private static final int ENTRIES = 4;
    private static final ThreadLocal<DirectAddresses> PER_THREAD = ThreadLocal.withInitial(DirectAddresses::new);

    @SuppressWarnings({"unchecked", "rawtypes"}) // no generic array creation in Java
    private final WeakReference<ByteBuffer>[] buffers = new WeakReference[ENTRIES];
    private final long[] bases = new long[ENTRIES];
    private int next;

    private DirectAddresses() {}

    /**
     * The address of element 0 of a direct buffer, or -1 when it must not be remembered.
     *
     * @param buffer a direct buffer
     * @return the address, or -1 for a buffer whose memory an arena owns
     */
    public static long base(ByteBuffer buffer) {
        return PER_THREAD.get().lookup(buffer);
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
        if (whole.scope() == MemorySegment.ofBuffer(buffer).scope()) {
            return -1; // a stable scope: an arena's, which may be closed
        }
        int slot = next;
        next = (next + 1) % ENTRIES;
        buffers[slot] = new WeakReference<>(buffer);
        bases[slot] = whole.address() - buffer.position();
        return bases[slot];
    }
}
