package io.mio.backend.posix;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;

/**
 * A member of a C structure whose width differs between the Unixes — {@code msg_iovlen} and
 * {@code msg_controllen} are {@code size_t}s on Linux and an {@code int} and a
 * {@code socklen_t} on the BSDs, {@code cmsg_len} likewise — read and written at the width this
 * OS's layout gives it. Held in {@code static final}s, so the JIT folds the width's branch.
 *
 * @param offset the member's offset
 * @param width 4 or 8
 */
record Field(long offset, int width) {
    /**
     * A member of one of this OS's layouts.
     *
     * @param layout the structure
     * @param member the member's C name
     * @return where it is, and how wide
     */
    static Field of(StructLayout layout, String member) {
        MemoryLayout.PathElement path = MemoryLayout.PathElement.groupElement(member);
        int width = (int) layout.select(path).byteSize();
        if (width != 4 && width != 8) {
            throw new IllegalArgumentException(member + " is " + width + " bytes wide");
        }
        return new Field(layout.byteOffset(path), width);
    }

    /**
     * Writes the member of the structure at {@code base}.
     *
     * @param segment the memory
     * @param base where the structure starts in it
     * @param value the value
     */
    void put(MemorySegment segment, long base, long value) {
        if (width == 8) {
            segment.set(ValueLayout.JAVA_LONG_UNALIGNED, base + offset, value);
        } else {
            segment.set(ValueLayout.JAVA_INT_UNALIGNED, base + offset, (int) value);
        }
    }

    /**
     * Reads the member of the structure at {@code base}, unsigned.
     *
     * @param segment the memory
     * @param base where the structure starts in it
     * @return the value
     */
    long get(MemorySegment segment, long base) {
        return width == 8
                ? segment.get(ValueLayout.JAVA_LONG_UNALIGNED, base + offset)
                : Integer.toUnsignedLong(segment.get(ValueLayout.JAVA_INT_UNALIGNED, base + offset));
    }
}
