package io.mio.backend.posix;

import io.mio.spi.OsMemory;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;

/**
 * Builds {@code struct iovec} arrays and a {@code struct msghdr} in a thread's scratch memory,
 * for scattering reads and gathering writes of direct buffers that own their memory: only their
 * addresses may sit in an iovec while the kernel works (see {@link OsMemory}).
 *
 * {@snippet lang=c :
 * struct iovec  { void *iov_base; size_t iov_len; };
 * struct msghdr { void *msg_name; socklen_t msg_namelen; struct iovec *msg_iov; size_t msg_iovlen;
 *                 void *msg_control; size_t msg_controllen; int msg_flags; };  // Linux LP64: 56 bytes
 * // the BSDs: int msg_iovlen, socklen_t msg_controllen, 48 bytes; {@link Field} writes either
 * }
 */
final class Iovecs {
    private static final long IOVEC_SIZE = Abi.layouts().iovec().byteSize();
    private static final Field MSG_IOVLEN = Field.of(Abi.layouts().msghdr(), "msg_iovlen");
    private static final long IOV_LEN = Abi.offset(Abi.layouts().iovec(), "iov_len");

    private Iovecs() {}

    /**
     * Describes each buffer's remaining bytes, at the addresses the caller's gate gave
     * ({@link OsMemory#ownedBase}: only buffers that own their memory come here).
     *
     * @param scratch the calling thread's scratch memory
     * @param buffers direct buffers
     * @param bases the address of element 0 of each, from index 0 for {@code buffers[offset]}
     * @param offset the first one
     * @param length how many
     * @return the iovec array
     */
    static MemorySegment fill(Scratch scratch, ByteBuffer[] buffers, long[] bases, int offset, int length) {
        MemorySegment iovecs = scratch.iovecs(length);
        for (int i = 0; i < length; i++) {
            ByteBuffer buffer = buffers[offset + i];
            long at = i * IOVEC_SIZE;
            iovecs.set(ValueLayout.JAVA_LONG, at, bases[i] + buffer.position());
            iovecs.set(ValueLayout.JAVA_LONG, at + IOV_LEN, buffer.remaining());
        }
        return iovecs;
    }

    /**
     * A {@code struct msghdr} with no address and no control data, for {@code sendmsg} and
     * {@code recvmsg}.
     *
     * @param scratch the calling thread's scratch memory
     * @param iovecs the iovec array
     * @param count its length
     * @return the message header
     */
    static MemorySegment message(Scratch scratch, MemorySegment iovecs, int count) {
        MemorySegment message = scratch.value.asSlice(0, Abi.layouts().msghdr().byteSize());
        message.fill((byte) 0);
        message.set(ValueLayout.ADDRESS, Abi.offset(Abi.layouts().msghdr(), "msg_iov"), iovecs);
        MSG_IOVLEN.put(message, 0, count);
        return message;
    }
}
