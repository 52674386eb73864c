package io.mio.backend.posix;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Builds and reads the {@code SCM_RIGHTS} control message that carries descriptors over a
 * Unix-domain socket, inside one {@code struct msghdr} with one iovec.
 *
 * {@snippet lang=c :
 * struct cmsghdr { size_t cmsg_len; int cmsg_level; int cmsg_type; };  // 16 bytes on LP64, then int fds[n]
 * CMSG_LEN(n * sizeof(int))   == 16 + 4n
 * CMSG_SPACE(n * sizeof(int)) == 16 + align8(4n)
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
    /** {@code CMSG_LEN(0)}: the header, aligned as {@code CMSG_ALIGN} aligns, to a {@code size_t}. */
    private static final long CMSG_HEADER = Abi.layouts().cmsghdr().byteSize();
    private static final long CMSG_ALIGN = Abi.layouts().cmsgAlignment() - 1;
    private static final long MSG_IOV = Abi.offset(Abi.layouts().msghdr(), "msg_iov");
    private static final long MSG_IOVLEN = Abi.offset(Abi.layouts().msghdr(), "msg_iovlen");
    private static final long MSG_CONTROL = Abi.offset(Abi.layouts().msghdr(), "msg_control");
    private static final long MSG_CONTROLLEN = Abi.offset(Abi.layouts().msghdr(), "msg_controllen");
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
        area.set(ValueLayout.JAVA_LONG, MSG_IOVLEN, 1);
        area.set(ValueLayout.JAVA_LONG, MSG_CONTROL, capacity == 0 ? 0 : base + control);
        area.set(ValueLayout.JAVA_LONG, MSG_CONTROLLEN, capacity == 0 ? 0 : space(capacity));
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
        message.set(ValueLayout.JAVA_LONG, control, CMSG_HEADER + 4L * count);
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
        long controlLength = message.get(ValueLayout.JAVA_LONG, MSG_CONTROLLEN);
        long start = MSGHDR_SIZE + IOVEC_SIZE;
        long at = start;
        int taken = 0;
        while (at + CMSG_HEADER <= start + controlLength) {
            long length = message.get(ValueLayout.JAVA_LONG, at);
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
