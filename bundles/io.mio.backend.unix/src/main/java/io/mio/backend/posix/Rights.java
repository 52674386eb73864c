package io.mio.backend.posix;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Builds and reads the {@code SCM_RIGHTS} control message that carries descriptors over a
 * Unix-domain socket, inside one {@code struct msghdr} with one iovec.
 *
 * {@snippet lang=c :
 * struct cmsghdr { size_t cmsg_len; int cmsg_level; int cmsg_type; };  // Linux LP64: 16 bytes, then int fds[n]
 * CMSG_LEN(n * sizeof(int))   == CMSG_ALIGN(sizeof(struct cmsghdr)) + 4n
 * CMSG_SPACE(n * sizeof(int)) == CMSG_ALIGN(sizeof(struct cmsghdr)) + CMSG_ALIGN(4n)
 * // the BSDs: cmsg_len is a socklen_t (12 bytes in all), CMSG_ALIGN rounds to 4 (macOS) or 8
 * }
 */
final class Rights {
    /** The kernel's {@code SCM_MAX_FD}: one message carries at most this many descriptors. */
    static final int MAX_FDS = 253;
    static final int SCM_RIGHTS = Abi.constant(UnixConstant.SCM_RIGHTS);
    static final int MSG_CTRUNC = Abi.constant(UnixConstant.MSG_CTRUNC);
    static final int MSG_CMSG_CLOEXEC = Abi.current().constants().getOr(UnixConstant.MSG_CMSG_CLOEXEC, 0);

    /**
     * The most bytes a stream transfer stages for one call; keeps the scratch area small. A
     * datagram is staged whole, as cutting it would lose its end.
     */
    static final long MAX_STREAM_STAGED = 64 * 1024;

    private static final long MSGHDR_SIZE = Abi.layouts().msghdr().byteSize();
    private static final long IOVEC_SIZE = Abi.layouts().iovec().byteSize();
    private static final long CMSG_ALIGN = Abi.layouts().cmsgAlignment() - 1;
    /** {@code CMSG_LEN(0)}: the header, aligned as {@code CMSG_ALIGN} aligns (12 bytes become 16 on FreeBSD). */
    private static final long CMSG_HEADER = (Abi.layouts().cmsghdr().byteSize() + CMSG_ALIGN) & ~CMSG_ALIGN;
    private static final long MSG_IOV = Abi.offset(Abi.layouts().msghdr(), "msg_iov");
    private static final Field MSG_IOVLEN = Field.of(Abi.layouts().msghdr(), "msg_iovlen");
    private static final long MSG_CONTROL = Abi.offset(Abi.layouts().msghdr(), "msg_control");
    private static final Field MSG_CONTROLLEN = Field.of(Abi.layouts().msghdr(), "msg_controllen");
    private static final Field CMSG_LEN = Field.of(Abi.layouts().cmsghdr(), "cmsg_len");
    private static final long MSG_FLAGS = Abi.offset(Abi.layouts().msghdr(), "msg_flags");
    private static final long IOV_LEN = Abi.offset(Abi.layouts().iovec(), "iov_len");
    private static final long CMSG_LEVEL = Abi.offset(Abi.layouts().cmsghdr(), "cmsg_level");
    private static final long CMSG_TYPE = Abi.offset(Abi.layouts().cmsghdr(), "cmsg_type");

    private Rights() {}

    /** Bytes of control space for {@code count} descriptors: {@code CMSG_SPACE(4 * count)}. */
    static long space(int count) {
        return CMSG_HEADER + ((4L * count + CMSG_ALIGN) & ~CMSG_ALIGN);
    }

    /**
     * A message whose one iovec covers {@code length} bytes staged in this thread's own memory,
     * with room for {@code capacity} descriptors of control data; the area it returns starts with
     * the {@code msghdr}. The caller's memory never goes in the iovec: it is copied in before a
     * send and out after a receive ({@link #staged}), so no address of memory an arena may free
     * reaches the kernel (see {@link io.mio.spi.OsMemory}). Passing descriptors is rare; the copy
     * costs nothing that matters.
     */
    static MemorySegment message(Scratch scratch, long length, int capacity) {
        long control = MSGHDR_SIZE + IOVEC_SIZE;
        long staged = control + space(capacity);
        MemorySegment area = scratch.area(staged + length);
        long base = area.address();
        area.set(ValueLayout.JAVA_LONG, MSG_IOV, base + MSGHDR_SIZE);
        MSG_IOVLEN.put(area, 0, 1);
        area.set(ValueLayout.JAVA_LONG, MSG_CONTROL, capacity == 0 ? 0 : base + control);
        MSG_CONTROLLEN.put(area, 0, capacity == 0 ? 0 : space(capacity));
        area.set(ValueLayout.JAVA_LONG, MSGHDR_SIZE, base + staged);
        area.set(ValueLayout.JAVA_LONG, MSGHDR_SIZE + IOV_LEN, length);
        return area;
    }

    /** The staged bytes of a {@link #message}. */
    static MemorySegment staged(MemorySegment message) {
        long staged = message.get(ValueLayout.JAVA_LONG, MSGHDR_SIZE) - message.address();
        return message.asSlice(staged, message.get(ValueLayout.JAVA_LONG, MSGHDR_SIZE + IOV_LEN));
    }

    /** Writes one {@code SCM_RIGHTS} header and {@code fds[offset, offset + count)} as control data. */
    static void putRights(MemorySegment message, int[] fds, int offset, int count) {
        long control = MSGHDR_SIZE + IOVEC_SIZE;
        CMSG_LEN.put(message, control, CMSG_HEADER + 4L * count);
        message.set(ValueLayout.JAVA_INT, control + CMSG_LEVEL, Net.SOL_SOCKET);
        message.set(ValueLayout.JAVA_INT, control + CMSG_TYPE, SCM_RIGHTS);
        for (int i = 0; i < count; i++) {
            message.set(ValueLayout.JAVA_INT, control + CMSG_HEADER + 4L * i, fds[offset + i]);
        }
    }

    /**
     * Copies the descriptors of every {@code SCM_RIGHTS} message the kernel wrote into
     * {@code into}, in order.
     *
     * @return how many; those beyond {@code into.length} (which the kernel cannot have written, as
     *     the control space was sized from it) are closed rather than lost
     */
    static int takeRights(MemorySegment message, int[] into) {
        long controlLength = MSG_CONTROLLEN.get(message, 0);
        long start = MSGHDR_SIZE + IOVEC_SIZE;
        long at = start;
        int taken = 0;
        while (at + CMSG_HEADER <= start + controlLength) {
            long length = CMSG_LEN.get(message, at);
            if (length < CMSG_HEADER || at + length > start + controlLength) {
                break;
            }
            boolean rights = message.get(ValueLayout.JAVA_INT, at + CMSG_LEVEL) == Net.SOL_SOCKET
                    && message.get(ValueLayout.JAVA_INT, at + CMSG_TYPE) == SCM_RIGHTS;
            for (long i = 0; rights && i < (length - CMSG_HEADER) / 4; i++) {
                int fd = message.get(ValueLayout.JAVA_INT, at + CMSG_HEADER + 4 * i);
                if (taken < into.length) {
                    into[taken++] = fd;
                } else {
                    Unistd.close(fd);
                }
            }
            at += (length + CMSG_ALIGN) & ~CMSG_ALIGN;
        }
        return taken;
    }

    /** Whether the kernel dropped descriptors for want of control space. */
    static boolean truncated(MemorySegment message) {
        return (message.get(ValueLayout.JAVA_INT, MSG_FLAGS) & MSG_CTRUNC) != 0;
    }

    /** Whether a datagram was longer than the buffer, and its end discarded. */
    static boolean dataTruncated(MemorySegment message) {
        return (message.get(ValueLayout.JAVA_INT, MSG_FLAGS) & Net.MSG_TRUNC) != 0;
    }
}
