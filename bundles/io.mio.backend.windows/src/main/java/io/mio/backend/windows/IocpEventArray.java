package io.mio.backend.windows;

import io.mio.spi.EventArray;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * The completions one wait dequeues ({@code OVERLAPPED_ENTRY}s, native) and the events made of
 * them (a token and AFD flags each, Java arrays), both allocated once at the array's capacity.
 * An event is read as mio reads a Windows event ({@link Afd#READABLE} and the rest).
 */
final class IocpEventArray implements EventArray {
    private static final long ENTRY_BYTES = WinLayouts.OVERLAPPED_ENTRY.byteSize();

    final MemorySegment entries;
    final MemorySegment removed;
    private final long[] tokens;
    private final int[] flags;

    IocpEventArray(int capacity, Arena arena) {
        this.entries = WinMemory.allocate(arena, capacity * ENTRY_BYTES);
        this.removed = WinMemory.allocate(arena, 8);
        this.tokens = new long[capacity];
        this.flags = new int[capacity];
    }

    long overlapped(int i) {
        return entries.get(ValueLayout.JAVA_LONG, i * ENTRY_BYTES + Offsets.ENTRY_OVERLAPPED);
    }

    long key(int i) {
        return entries.get(ValueLayout.JAVA_LONG, i * ENTRY_BYTES + Offsets.ENTRY_KEY);
    }

    int bytes(int i) {
        return entries.get(ValueLayout.JAVA_INT, i * ENTRY_BYTES + Offsets.ENTRY_BYTES);
    }

    void set(int i, long token, int afdFlags) {
        tokens[i] = token;
        flags[i] = afdFlags;
    }

    @Override
    public int capacity() {
        return tokens.length;
    }

    @Override
    public long token(int i) {
        return tokens[i];
    }

    @Override
    public boolean isReadable(int i) {
        return (flags[i] & Afd.READABLE) != 0;
    }

    @Override
    public boolean isWritable(int i) {
        return (flags[i] & Afd.WRITABLE) != 0;
    }

    @Override
    public boolean isError(int i) {
        return (flags[i] & Afd.ERROR) != 0;
    }

    @Override
    public boolean isReadClosed(int i) {
        return (flags[i] & Afd.READ_CLOSED) != 0;
    }

    @Override
    public boolean isWriteClosed(int i) {
        return (flags[i] & Afd.WRITE_CLOSED) != 0;
    }

    @Override
    public boolean isPriority(int i) {
        return (flags[i] & Afd.POLL_RECEIVE_EXPEDITED) != 0;
    }


    @Override
    public String describe(int i) {
        return "AFD events 0x" + Integer.toHexString(flags[i]);
    }
}
