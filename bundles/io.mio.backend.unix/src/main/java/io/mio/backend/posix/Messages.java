package io.mio.backend.posix;

import io.mio.spi.Sockets;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.net.SocketAddress;
import java.net.SocketException;

/**
 * Builds the {@code struct mmsghdr} arrays of {@code recvmmsg} and {@code sendmmsg}: one message
 * per datagram, each with one iovec over its slot and, when it has one, its address.
 *
 * {@snippet lang=c :
 * struct mmsghdr { struct msghdr msg_hdr; unsigned int msg_len; };  // Linux LP64: 64 bytes (FreeBSD: ssize_t msg_len)
 * int recvmmsg(long fd, struct mmsghdr *msgvec, unsigned int vlen, int flags, struct timespec *timeout);
 * int sendmmsg(long fd, struct mmsghdr *msgvec, unsigned int vlen, int flags);
 * }
 */
final class Messages {
    private static final long MMSGHDR_SIZE = Abi.layouts().mmsghdr().byteSize();
    private static final Field MSG_LEN = Field.of(Abi.layouts().mmsghdr(), "msg_len");
    private static final long MSG_NAME = Abi.offset(Abi.layouts().msghdr(), "msg_name");
    private static final long MSG_NAMELEN = Abi.offset(Abi.layouts().msghdr(), "msg_namelen");
    private static final long MSG_FLAGS = Abi.offset(Abi.layouts().msghdr(), "msg_flags");
    private static final long MSG_IOV = Abi.offset(Abi.layouts().msghdr(), "msg_iov");
    private static final Field MSG_IOVLEN = Field.of(Abi.layouts().msghdr(), "msg_iovlen");
    private static final long IOVEC_SIZE = Abi.layouts().iovec().byteSize();
    private static final long IOV_LEN = Abi.offset(Abi.layouts().iovec(), "iov_len");
    private static final long ADDRESS_SIZE = Abi.layouts().sockaddrStorage().byteSize();

    private Messages() {}

    // Raw addresses at absolute offsets: no segment object per message. The caller keeps `data`
    // and `senders` reachable until the system call returns.

    /** Messages whose iovecs cover the slots and whose names point at the sender slots. */
    static MemorySegment forReceive(Scratch scratch, MemorySegment data, int slotSize, int count, MemorySegment senders) {
        MemorySegment area = scratch.area(count * (MMSGHDR_SIZE + IOVEC_SIZE));
        long iovecs = count * MMSGHDR_SIZE;
        for (int i = 0; i < count; i++) {
            long iovec = iovecs + i * IOVEC_SIZE;
            area.set(ValueLayout.JAVA_LONG, iovec, data.address() + (long) i * slotSize);
            area.set(ValueLayout.JAVA_LONG, iovec + IOV_LEN, slotSize);
            header(area, i, senders.address() + i * ADDRESS_SIZE, (int) ADDRESS_SIZE, area.address() + iovec);
        }
        return area;
    }

    /** Messages over {@code lengths[i]} bytes of each slot, with each target encoded beside them. */
    static MemorySegment forSend(Scratch scratch, MemorySegment data, int slotSize, int count, int[] lengths,
            SocketAddress[] targets) throws SocketException {
        MemorySegment area = scratch.area(count * (MMSGHDR_SIZE + IOVEC_SIZE + ADDRESS_SIZE));
        long iovecs = count * MMSGHDR_SIZE;
        long addresses = count * (MMSGHDR_SIZE + IOVEC_SIZE);
        for (int i = 0; i < count; i++) {
            long iovec = iovecs + i * IOVEC_SIZE;
            area.set(ValueLayout.JAVA_LONG, iovec, data.address() + (long) i * slotSize);
            area.set(ValueLayout.JAVA_LONG, iovec + IOV_LEN, lengths[i]);
            long address = addresses + i * ADDRESS_SIZE;
            int addressLength = targets[i] == null ? 0 : SocketAddresses.encode(targets[i], area.asSlice(address, ADDRESS_SIZE));
            header(area, i, targets[i] == null ? 0 : area.address() + address, addressLength, area.address() + iovec);
        }
        return area;
    }

    private static void header(MemorySegment area, int i, long name, int nameLength, long iovec) {
        long header = i * MMSGHDR_SIZE;
        area.set(ValueLayout.JAVA_LONG, header + MSG_NAME, name);
        area.set(ValueLayout.JAVA_INT, header + MSG_NAMELEN, nameLength);
        area.set(ValueLayout.JAVA_LONG, header + MSG_IOV, iovec);
        MSG_IOVLEN.put(area, header, 1);
    }

    /**
     * Copies each received message's length ({@code msg_len}, the full length under Linux's
     * {@code MSG_TRUNC}; where the OS gives only the bytes received, a truncated one — its
     * {@code msg_flags} say so — is one more than the slot), and the length of its sender's
     * address ({@code msg_namelen}) into the sender's slot, where
     * {@link PosixSockets#decodeAddress} reads it.
     */
    static void lengths(MemorySegment messages, int count, int slotSize, int[] lengths, MemorySegment senders) {
        for (int i = 0; i < count; i++) {
            int length = (int) MSG_LEN.get(messages, i * MMSGHDR_SIZE);
            boolean truncated = (messages.get(ValueLayout.JAVA_INT, i * MMSGHDR_SIZE + MSG_FLAGS) & Net.MSG_TRUNC) != 0;
            lengths[i] = truncated && length <= slotSize ? slotSize + 1 : length;
            int nameLength = messages.get(ValueLayout.JAVA_INT, i * MMSGHDR_SIZE + MSG_NAMELEN);
            senders.set(ValueLayout.JAVA_INT, i * ADDRESS_SIZE + Sockets.SOCKADDR_LENGTH_OFFSET, nameLength);
        }
    }
}
