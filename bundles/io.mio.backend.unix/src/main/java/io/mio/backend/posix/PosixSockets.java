package io.mio.backend.posix;

import io.mio.spi.IoStatus;
import io.mio.spi.OsMemory;
import io.mio.spi.PortableBatch;
import io.mio.spi.SocketKind;
import io.mio.spi.SocketOpt;
import io.mio.spi.Sockets;
import io.mio.spi.UnixCalls;
import io.mio.spi.UnixName;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.lang.ref.Reference;
import java.net.SocketAddress;
import java.nio.ByteBuffer;

/**
 * The POSIX socket calls behind {@link Sockets}, written once for every Unix against the
 * {@link UnixAbi} chosen at start-up, with mio's rules for creating sockets: every
 * descriptor non-blocking and close-on-exec in the call that creates it, writes with
 * {@code MSG_NOSIGNAL} so that a closed peer gives {@code EPIPE}, never a signal.
 */
public final class PosixSockets implements Sockets, UnixCalls {
    /** The sockets of this OS, with the features its tables declare. */
    public static final PosixSockets INSTANCE = new PosixSockets(Abi.current().features());

    private static final long IOV_LEN = Abi.offset(Abi.layouts().iovec(), "iov_len");
    private static final long MSG_NAME = Abi.offset(Abi.layouts().msghdr(), "msg_name");
    private static final long MSG_NAMELEN = Abi.offset(Abi.layouts().msghdr(), "msg_namelen");
    private static final long MSG_FLAGS = Abi.offset(Abi.layouts().msghdr(), "msg_flags");

    /** Every send: never block, whatever the descriptor's flags; never raise SIGPIPE. */
    private static final int NO_WAIT_NO_SIGNAL = Net.MSG_DONTWAIT | Net.MSG_NOSIGNAL;

    /**
     * Where there is no {@code MSG_NOSIGNAL} (macOS), each socket is made with
     * {@code SO_NOSIGPIPE} instead, as mio does there.
     */
    private static final boolean SIGPIPE_BY_OPTION = Net.MSG_NOSIGNAL == 0 && Net.SO_NOSIGPIPE >= 0;

    private final PosixFeatures features;

    PosixSockets(PosixFeatures features) {
        this.features = features;
    }

    @Override
    public void close(long fd) {
        Unistd.close(fd);
    }

    @Override
    public long openTcp(boolean ipv6) throws IOException {
        return open(ipv6 ? Net.AF_INET6 : Net.AF_INET, Net.SOCK_STREAM);
    }

    @Override
    public long openUdp(boolean ipv6) throws IOException {
        return open(ipv6 ? Net.AF_INET6 : Net.AF_INET, Net.SOCK_DGRAM);
    }

    @Override
    public long openUnix(boolean datagram) throws IOException {
        return open(Net.AF_UNIX, datagram ? Net.SOCK_DGRAM : Net.SOCK_STREAM);
    }

    @Override
    public int[] pipe() throws IOException {
        MemorySegment fds = Scratch.get().value;
        int result = features.pipe2() ? Unistd.pipe2(fds, Unistd.O_NONBLOCK | Unistd.O_CLOEXEC) : Unistd.pipe(fds);
        if (result < 0) {
            throw Errno.socketException(features.pipe2() ? "pipe2" : "pipe", -result);
        }
        return madeOwn(fds.get(ValueLayout.JAVA_INT, 0), fds.get(ValueLayout.JAVA_INT, 4), !features.pipe2());
    }

    /**
     * The most bytes of heap memory staged for one call on a descriptor that is not a socket: a
     * short transfer, which every stream caller handles anyway.
     */
    private static final int MAX_FILE_STAGED = 64 * 1024;

    @Override
    public int readFile(long fd, MemorySegment dst) throws IOException {
        MemorySegment into = dst.isNative() ? dst : Scratch.get().staging(Math.min(dst.byteSize(), MAX_FILE_STAGED));
        long n;
        do {
            n = Unistd.read(fd, into);
        } while (n == -Errno.EINTR);
        if (n > 0 && into != dst) {
            MemorySegment.copy(into, 0, dst, 0, n);
        }
        return (int) readResult(n, "read");
    }

    @Override
    public int readFile(long fd, long address, int length) throws IOException {
        long n;
        do {
            n = Unistd.read(fd, address, length);
        } while (n == -Errno.EINTR);
        return (int) readResult(n, "read");
    }

    @Override
    public int writeFile(long fd, MemorySegment src) throws IOException {
        MemorySegment from = src;
        if (!src.isNative()) {
            from = Scratch.get().staging(Math.min(src.byteSize(), MAX_FILE_STAGED));
            MemorySegment.copy(src, 0, from, 0, from.byteSize());
        }
        long n;
        do {
            n = Unistd.write(fd, from);
        } while (n == -Errno.EINTR);
        return (int) lengthResult(n, "write");
    }

    @Override
    public int writeFile(long fd, long address, int length) throws IOException {
        long n;
        do {
            n = Unistd.write(fd, address, length);
        } while (n == -Errno.EINTR);
        return (int) lengthResult(n, "write");
    }

    @Override
    public int[] socketPair(boolean datagram) throws IOException {
        MemorySegment pair = Scratch.get().value;
        int type = (datagram ? Net.SOCK_DGRAM : Net.SOCK_STREAM) | creationFlags();
        int result = Net.socketpair(Net.AF_UNIX, type, 0, pair);
        if (result < 0) {
            throw Errno.socketException("socketpair", -result);
        }
        int[] fds = madeOwn(pair.get(ValueLayout.JAVA_INT, 0), pair.get(ValueLayout.JAVA_INT, 4), !features.socketFlags());
        try {
            noSigpipe(fds[0]);
            noSigpipe(fds[1]);
        } catch (IOException e) {
            Unistd.close(fds[0]);
            Unistd.close(fds[1]);
            throw e;
        }
        return fds;
    }

    private int creationFlags() {
        return features.socketFlags() ? Net.SOCK_NONBLOCK | Net.SOCK_CLOEXEC : 0;
    }

    /**
     * Makes two new descriptors non-blocking and close-on-exec when the call could not, closing
     * both if that fails.
     */
    private int[] madeOwn(int first, int second, boolean byFcntl) throws IOException {
        if (byFcntl) {
            try {
                adopt(first);
                adopt(second);
            } catch (IOException | RuntimeException e) {
                Unistd.close(first);
                Unistd.close(second);
                throw e;
            }
        }
        return new int[] {first, second};
    }

    /** One new descriptor made non-blocking and close-on-exec when the call could not. */
    private long madeOwn(long fd, boolean byFcntl) throws IOException {
        if (byFcntl) {
            try {
                adopt(fd);
            } catch (IOException | RuntimeException e) {
                Unistd.close(fd);
                throw e;
            }
        }
        return fd;
    }

    /** Sets {@code SO_NOSIGPIPE} where sends cannot say {@code MSG_NOSIGNAL}; closes the socket if that fails. */
    private static long noSigpipe(long fd) throws IOException {
        if (SIGPIPE_BY_OPTION) {
            try {
                SocketOptions.setInt(fd, Net.SOL_SOCKET, Net.SO_NOSIGPIPE, 1, "SO_NOSIGPIPE");
            } catch (IOException e) {
                Unistd.close(fd);
                throw e;
            }
        }
        return fd;
    }

    @Override
    public int[] peerCredentials(long fd) throws IOException {
        UnixAbi abi = Abi.current(); // rare: read the query, not static finals
        PeerQuery query = abi.peerQuery();
        StructLayout layout = abi.layouts().peerCredentials();
        String name = abi.constants().cName(query.option());
        Scratch scratch = Scratch.get();
        MemorySegment credentials = scratch.area(layout.byteSize());
        scratch.length.set(ValueLayout.JAVA_INT, 0, (int) layout.byteSize());
        int result = Net.getsockopt(fd, query.level(), abi.constants().get(query.option()), credentials, scratch.length);
        if (result < 0) {
            throw Errno.socketException("getsockopt(" + name + ")", -result);
        }
        int pid = query.pid() == null ? -1 : credentials.get(ValueLayout.JAVA_INT, Abi.offset(layout, query.pid()));
        int uid = credentials.get(ValueLayout.JAVA_INT, Abi.offset(layout, query.uid()));
        int gid = credentials.get(ValueLayout.JAVA_INT, Abi.offset(layout, query.gid()));
        if (query.pidOption() != null) {
            pid = SocketOptions.getInt(fd, query.level(), abi.constants().get(query.pidOption()), abi.constants().cName(query.pidOption()));
        }
        return new int[] {pid, uid, gid};
    }

    private long open(int domain, int type) throws IOException {
        int fd = Net.socket(domain, type | creationFlags(), 0);
        if (fd < 0) {
            throw Errno.socketException("socket", -fd);
        }
        return noSigpipe(madeOwn(fd, !features.socketFlags()));
    }

    @Override
    public void bind(long fd, SocketAddress address) throws IOException {
        MemorySegment sockaddr = Scratch.get().address;
        int result = Net.bind(fd, sockaddr, SocketAddresses.encode(address, sockaddr));
        if (result < 0) {
            throw Errno.socketException("bind", -result);
        }
    }

    @Override
    public void listen(long fd, int backlog) throws IOException {
        int result = Net.listen(fd, backlog);
        if (result < 0) {
            throw Errno.socketException("listen", -result);
        }
    }

    @Override
    public long accept(long fd) throws IOException {
        while (true) {
            int result = features.accept4()
                    ? Net.accept4(fd, MemorySegment.NULL, MemorySegment.NULL, Net.SOCK_NONBLOCK | Net.SOCK_CLOEXEC)
                    : Net.accept(fd, MemorySegment.NULL, MemorySegment.NULL);
            if (result >= 0) {
                return noSigpipe(madeOwn(result, !features.accept4()));
            }
            if (-result == Errno.EAGAIN) {
                return IoStatus.WOULD_BLOCK;
            }
            // Interrupted, or a queued connection was reset before we took it: the next one in
            // the queue is as good, and each retry removes one from the queue.
            if (-result != Errno.EINTR && -result != Errno.ECONNABORTED) {
                throw Errno.socketException(features.accept4() ? "accept4" : "accept", -result);
            }
        }
    }

    @Override
    public boolean connect(long fd, SocketAddress address) throws IOException {
        MemorySegment sockaddr = Scratch.get().address;
        int result = Net.connect(fd, sockaddr, SocketAddresses.encode(address, sockaddr));
        if (result >= 0) {
            return true;
        }
        // EINTR on a non-blocking connect leaves it in progress, like EINPROGRESS.
        if (-result == Errno.EINPROGRESS || -result == Errno.EINTR || -result == Errno.EAGAIN) {
            return false;
        }
        throw Errno.socketException("connect", -result);
    }

    @Override
    public SocketAddress localAddress(long fd) throws IOException {
        Scratch scratch = Scratch.get();
        scratch.length.set(ValueLayout.JAVA_INT, 0, (int) scratch.address.byteSize());
        int result = Net.getsockname(fd, scratch.address, scratch.length);
        if (result < 0) {
            throw Errno.socketException("getsockname", -result);
        }
        return SocketAddresses.decode(scratch.address, scratch.length.get(ValueLayout.JAVA_INT, 0));
    }

    @Override
    public SocketAddress peerAddress(long fd) throws IOException {
        Scratch scratch = Scratch.get();
        scratch.length.set(ValueLayout.JAVA_INT, 0, (int) scratch.address.byteSize());
        int result = Net.getpeername(fd, scratch.address, scratch.length);
        if (result == -Errno.ENOTCONN) {
            return null;
        }
        if (result < 0) {
            throw Errno.socketException("getpeername", -result);
        }
        return SocketAddresses.decode(scratch.address, scratch.length.get(ValueLayout.JAVA_INT, 0));
    }

    // Each transfer retries when a signal interrupted it (EINTR) and then maps what the kernel
    // returned: bytes, end of stream, would-block, or the exception for the errno.

    @Override
    public int read(long fd, MemorySegment dst, boolean peek) throws IOException {
        long n;
        do {
            n = Net.recv(fd, dst, Net.MSG_DONTWAIT | (peek ? Net.MSG_PEEK : 0));
        } while (n == -Errno.EINTR);
        return (int) readResult(n, peek ? "recv(MSG_PEEK)" : "recv");
    }

    @Override
    public int read(long fd, long address, int length, boolean peek) throws IOException {
        long n;
        do {
            n = Net.recv(fd, address, length, Net.MSG_DONTWAIT | (peek ? Net.MSG_PEEK : 0));
        } while (n == -Errno.EINTR);
        return (int) readResult(n, peek ? "recv(MSG_PEEK)" : "recv");
    }

    @Override
    public long readv(long fd, ByteBuffer[] dsts, long[] bases, int offset, int length) throws IOException {
        // recvmsg, not readv: only it takes MSG_DONTWAIT, so the call cannot block.
        Scratch scratch = Scratch.get();
        MemorySegment message = Iovecs.message(scratch, Iovecs.fill(scratch, dsts, bases, offset, length), length);
        long n;
        do {
            n = Net.recvmsg(fd, message, Net.MSG_DONTWAIT);
        } while (n == -Errno.EINTR);
        // The iovecs hold the buffers' raw addresses: keep the buffers alive until the call ends.
        Reference.reachabilityFence(dsts);
        return readResult(n, "recvmsg");
    }

    /** Callers never ask for zero bytes, so a zero from the kernel is end of stream. */
    private static long readResult(long n, String call) throws IOException {
        if (n > 0) {
            return n;
        }
        if (n == 0) {
            return IoStatus.EOF;
        }
        if (n == -Errno.EAGAIN) {
            return IoStatus.WOULD_BLOCK;
        }
        throw Errno.socketException(call, (int) -n);
    }

    @Override
    public int write(long fd, MemorySegment src) throws IOException {
        long n;
        do {
            n = Net.send(fd, src, NO_WAIT_NO_SIGNAL);
        } while (n == -Errno.EINTR);
        return (int) lengthResult(n, "send");
    }

    @Override
    public int write(long fd, long address, int length) throws IOException {
        long n;
        do {
            n = Net.send(fd, address, length, NO_WAIT_NO_SIGNAL);
        } while (n == -Errno.EINTR);
        return (int) lengthResult(n, "send");
    }

    @Override
    public long writev(long fd, ByteBuffer[] srcs, long[] bases, int offset, int length) throws IOException {
        Scratch scratch = Scratch.get();
        MemorySegment message = Iovecs.message(scratch, Iovecs.fill(scratch, srcs, bases, offset, length), length);
        long n;
        do {
            n = Net.sendmsg(fd, message, NO_WAIT_NO_SIGNAL);
        } while (n == -Errno.EINTR);
        Reference.reachabilityFence(srcs);
        return lengthResult(n, "sendmsg");
    }

    /** For sends and datagrams, where 0 is a length like any other: only would-block and errors are not. */
    private static long lengthResult(long n, String call) throws IOException {
        if (n >= 0) {
            return n;
        }
        if (n == -Errno.EAGAIN) {
            return IoStatus.WOULD_BLOCK;
        }
        throw Errno.socketException(call, (int) -n);
    }

    // The sender goes straight into the caller's slot; its length, which recvfrom writes to a
    // socklen_t of this thread's, is copied beside it.

    @Override
    public int receive(long fd, MemorySegment dst, boolean peek, MemorySegment sender) throws IOException {
        if (!features.truncatedLength()) {
            // Staged in this thread's own memory, as recvmsg takes addresses; refused before
            // the receive when dst is closed or another thread's, so that no datagram is lost.
            OsMemory.checkAccess(dst);
            MemorySegment staged = Scratch.get().staging(dst.byteSize());
            int n = receiveMessage(fd, staged.address(), dst.byteSize(), peek, sender);
            if (n > 0) {
                MemorySegment.copy(staged, 0, dst, 0, Math.min(n, dst.byteSize()));
            }
            return n;
        }
        MemorySegment senderLength = senderLength(sender);
        long n;
        do {
            n = Net.recvfrom(fd, dst, Net.MSG_DONTWAIT | Net.MSG_TRUNC | (peek ? Net.MSG_PEEK : 0), sender, senderLength);
        } while (n == -Errno.EINTR);
        keepSenderLength(sender, senderLength, n);
        return (int) lengthResult(n, "recvfrom");
    }

    @Override
    public int receive(long fd, long address, int length, boolean peek, MemorySegment sender) throws IOException {
        if (!features.truncatedLength()) {
            return receiveMessage(fd, address, length, peek, sender);
        }
        MemorySegment senderLength = senderLength(sender);
        long n;
        do {
            n = Net.recvfrom(fd, address, length, Net.MSG_DONTWAIT | Net.MSG_TRUNC | (peek ? Net.MSG_PEEK : 0), sender, senderLength);
        } while (n == -Errno.EINTR);
        keepSenderLength(sender, senderLength, n);
        return (int) lengthResult(n, "recvfrom");
    }

    /**
     * One datagram by {@code recvmsg}, for an OS where {@code MSG_TRUNC} on input does not give
     * the full length: truncation shows in {@code msg_flags}, and is reported as one byte more
     * than there was room for — more than the room, as the contract asks, the exact length
     * unknown.
     */
    private int receiveMessage(long fd, long address, long length, boolean peek, MemorySegment sender) throws IOException {
        Scratch scratch = Scratch.get();
        MemorySegment iovec = scratch.iovecs(1);
        iovec.set(ValueLayout.JAVA_LONG, 0, address);
        iovec.set(ValueLayout.JAVA_LONG, IOV_LEN, length);
        MemorySegment message = Iovecs.message(scratch, iovec, 1);
        boolean named = !sender.equals(MemorySegment.NULL);
        message.set(ValueLayout.ADDRESS, MSG_NAME, named ? sender : MemorySegment.NULL);
        message.set(ValueLayout.JAVA_INT, MSG_NAMELEN, named ? SOCKADDR_LENGTH_OFFSET : 0);
        long n;
        do {
            n = Net.recvmsg(fd, message, Net.MSG_DONTWAIT | (peek ? Net.MSG_PEEK : 0));
        } while (n == -Errno.EINTR);
        Reference.reachabilityFence(sender); // its address sat in the message
        if (n >= 0 && named) {
            sender.set(ValueLayout.JAVA_INT, SOCKADDR_LENGTH_OFFSET, message.get(ValueLayout.JAVA_INT, MSG_NAMELEN));
        }
        if (n >= 0 && (message.get(ValueLayout.JAVA_INT, MSG_FLAGS) & Net.MSG_TRUNC) != 0) {
            return Math.toIntExact(length + 1);
        }
        return (int) lengthResult(n, "recvmsg");
    }

    private static MemorySegment senderLength(MemorySegment sender) {
        if (sender.equals(MemorySegment.NULL)) {
            return MemorySegment.NULL;
        }
        MemorySegment length = Scratch.get().length;
        length.set(ValueLayout.JAVA_INT, 0, SOCKADDR_LENGTH_OFFSET);
        return length;
    }

    private static void keepSenderLength(MemorySegment sender, MemorySegment senderLength, long received) {
        if (received >= 0 && !sender.equals(MemorySegment.NULL)) {
            sender.set(ValueLayout.JAVA_INT, SOCKADDR_LENGTH_OFFSET, senderLength.get(ValueLayout.JAVA_INT, 0));
        }
    }

    @Override
    public int send(long fd, MemorySegment src, SocketAddress target) throws IOException {
        MemorySegment to = Scratch.get().address;
        int toLength = target == null ? 0 : SocketAddresses.encode(target, to);
        long n;
        do {
            n = Net.sendto(fd, src, NO_WAIT_NO_SIGNAL, target == null ? MemorySegment.NULL : to, toLength);
        } while (n == -Errno.EINTR);
        return (int) lengthResult(n, "sendto");
    }

    @Override
    public int send(long fd, long address, int length, SocketAddress target) throws IOException {
        MemorySegment to = Scratch.get().address;
        int toLength = target == null ? 0 : SocketAddresses.encode(target, to);
        long n;
        do {
            n = Net.sendto(fd, address, length, NO_WAIT_NO_SIGNAL, target == null ? MemorySegment.NULL : to, toLength);
        } while (n == -Errno.EINTR);
        return (int) lengthResult(n, "sendto");
    }

    @Override
    public int receiveMany(long fd, MemorySegment data, int slotSize, int count, MemorySegment senders, int[] lengths)
            throws IOException {
        if (!features.batchCalls()) {
            return PortableBatch.receiveMany(this, fd, data, slotSize, count, senders, lengths);
        }
        return receiveBatch(fd, data, slotSize, count, senders, lengths);
    }

    @Override
    public int sendMany(long fd, MemorySegment data, int slotSize, int count, int[] lengths, SocketAddress[] targets)
            throws IOException {
        if (!features.batchCalls()) {
            return PortableBatch.sendMany(this, fd, data, slotSize, count, lengths, targets);
        }
        return sendBatch(fd, data, slotSize, count, lengths, targets);
    }

    private int receiveBatch(long fd, MemorySegment data, int slotSize, int count, MemorySegment senders, int[] lengths)
            throws IOException {
        MemorySegment messages = Messages.forReceive(Scratch.get(), data, slotSize, count, senders);
        int n;
        do {
            n = Net.recvmmsg(fd, messages, count, Net.MSG_DONTWAIT | (features.truncatedLength() ? Net.MSG_TRUNC : 0));
        } while (n == -Errno.EINTR);
        Reference.reachabilityFence(data); // the messages point into both by raw address
        Reference.reachabilityFence(senders);
        if (n == -Errno.EAGAIN) {
            return 0;
        }
        if (n < 0) {
            throw Errno.socketException("recvmmsg", -n);
        }
        Messages.lengths(messages, n, slotSize, lengths, senders);
        return n;
    }

    private int sendBatch(long fd, MemorySegment data, int slotSize, int count, int[] lengths, SocketAddress[] targets)
            throws IOException {
        MemorySegment messages = Messages.forSend(Scratch.get(), data, slotSize, count, lengths, targets);
        int n;
        do {
            n = Net.sendmmsg(fd, messages, count, NO_WAIT_NO_SIGNAL);
        } while (n == -Errno.EINTR);
        Reference.reachabilityFence(data);
        if (n == -Errno.EAGAIN) {
            return 0;
        }
        if (n < 0) {
            throw Errno.socketException("sendmmsg", -n);
        }
        return n;
    }

    @Override
    public SocketAddress decodeAddress(MemorySegment sockaddr) {
        int length = sockaddr.get(ValueLayout.JAVA_INT, SOCKADDR_LENGTH_OFFSET);
        if (length == 0) {
            return new UnixName(new byte[0]); // only an unbound Unix-domain sender has no address
        }
        return SocketAddresses.decode(sockaddr, Math.min(length, SOCKADDR_LENGTH_OFFSET));
    }

    @Override
    public void multicastMembership(long fd, java.net.InetAddress group, java.net.InetAddress interfaceAddress,
            int interfaceIndex, boolean join) throws IOException {
        SocketOptions.multicastMembership(fd, group, interfaceAddress, interfaceIndex, join);
    }

    @Override
    public void shutdown(long fd, boolean read, boolean write) throws IOException {
        int how = read && write ? Net.SHUT_RDWR : read ? Net.SHUT_RD : Net.SHUT_WR;
        int result = Net.shutdown(fd, how);
        if (result < 0) {
            throw Errno.socketException("shutdown", -result);
        }
    }

    @Override
    public boolean supports(SocketOpt option) {
        return SocketOptions.supports(option);
    }

    @Override
    public void setOption(long fd, boolean ipv6, SocketOpt option, int value) throws IOException {
        SocketOptions.set(fd, ipv6, option, value);
    }

    @Override
    public int getOption(long fd, boolean ipv6, SocketOpt option) throws IOException {
        return SocketOptions.get(fd, ipv6, option);
    }

    @Override
    public IOException takeError(long fd, String call) throws IOException {
        int errno = SocketOptions.getInt(fd, Net.SOL_SOCKET, Net.SO_ERROR, "SO_ERROR");
        return errno == 0 ? null : Errno.socketException(call, errno);
    }

    @Override
    public SocketKind socketKind(long fd) throws IOException {
        // The family from the socket's own address, which every Unix has (SO_DOMAIN is Linux's
        // and FreeBSD's); the protocol from SO_PROTOCOL where there is one, else from the type.
        int domain = boundFamily(fd);
        int type = SocketOptions.getInt(fd, Net.SOL_SOCKET, Net.SO_TYPE, "SO_TYPE");
        boolean listening = SocketOptions.getInt(fd, Net.SOL_SOCKET, Net.SO_ACCEPTCONN, "SO_ACCEPTCONN") != 0;
        SocketKind.Family family = domain == Net.AF_UNIX ? SocketKind.Family.UNIX
                : domain == Net.AF_INET ? SocketKind.Family.IPV4
                : domain == Net.AF_INET6 ? SocketKind.Family.IPV6
                : SocketKind.Family.OTHER;
        boolean ip = domain == Net.AF_INET || domain == Net.AF_INET6;
        int protocol = Net.SO_PROTOCOL >= 0 ? SocketOptions.getInt(fd, Net.SOL_SOCKET, Net.SO_PROTOCOL, "SO_PROTOCOL")
                : ip && type == Net.SOCK_STREAM ? Net.IPPROTO_TCP
                : ip && type == Net.SOCK_DGRAM ? Net.IPPROTO_UDP
                : 0;
        SocketKind.Type kind = type == Net.SOCK_STREAM ? SocketKind.Type.STREAM
                : type == Net.SOCK_DGRAM ? SocketKind.Type.DATAGRAM
                : type == Net.SOCK_SEQPACKET ? SocketKind.Type.SEQPACKET
                : type == Net.SOCK_RAW ? SocketKind.Type.RAW
                : SocketKind.Type.OTHER;
        SocketKind.Protocol named = protocol == 0 ? SocketKind.Protocol.DEFAULT
                : protocol == Net.IPPROTO_TCP ? SocketKind.Protocol.TCP
                : protocol == Net.IPPROTO_UDP ? SocketKind.Protocol.UDP
                : SocketKind.Protocol.OTHER;
        return new SocketKind(family, kind, named, listening);
    }

    /** The family of a socket's own address, which every socket has, bound or not. */
    private static int boundFamily(long fd) throws IOException {
        Scratch scratch = Scratch.get();
        scratch.length.set(ValueLayout.JAVA_INT, 0, (int) scratch.address.byteSize());
        int result = Net.getsockname(fd, scratch.address, scratch.length);
        if (result < 0) {
            throw Errno.socketException("getsockname", -result);
        }
        return SocketAddresses.CURRENT.family(scratch.address);
    }

    @Override
    public int accessMode(long fd) throws IOException {
        int flags = Unistd.fcntl(fd, Unistd.F_GETFL, 0);
        if (flags < 0) {
            throw Errno.ioException("fcntl", -flags);
        }
        return flags & Unistd.O_ACCMODE;
    }

    @Override
    public void adopt(long fd) throws IOException {
        int flags = Unistd.fcntl(fd, Unistd.F_GETFL, 0);
        int result = flags < 0 ? flags : Unistd.fcntl(fd, Unistd.F_SETFL, flags | Unistd.O_NONBLOCK);
        if (result >= 0) {
            int descriptorFlags = Unistd.fcntl(fd, Unistd.F_GETFD, 0);
            result = descriptorFlags < 0 ? descriptorFlags : Unistd.fcntl(fd, Unistd.F_SETFD, descriptorFlags | Unistd.FD_CLOEXEC);
        }
        if (result < 0) {
            throw Errno.ioException("fcntl", -result);
        }
    }

    @Override
    public int sendWithFds(long fd, MemorySegment src, int[] fds, int offset, int count, boolean datagram) throws IOException {
        long length = datagram ? src.byteSize() : Math.min(src.byteSize(), Rights.MAX_STREAM_STAGED);
        if (length > Rights.MAX_STREAM_STAGED
                && length > SocketOptions.getInt(fd, Net.SOL_SOCKET, Net.SO_SNDBUF, "SO_SNDBUF")) {
            // What the kernel would say; found out before a buffer that size is staged.
            throw Errno.socketException("sendmsg", Errno.EMSGSIZE);
        }
        MemorySegment message = Rights.message(Scratch.get(), length, count);
        Rights.staged(message).copyFrom(src.asSlice(0, length));
        Rights.putRights(message, fds, offset, count);
        long n;
        do {
            n = Net.sendmsg(fd, message, NO_WAIT_NO_SIGNAL);
        } while (n == -Errno.EINTR);
        return (int) lengthResult(n, "sendmsg");
    }

    @Override
    public int receiveWithFds(long fd, MemorySegment dst, int[] fds, int[] received, boolean datagram) throws IOException {
        received[0] = 0;
        received[1] = 0;
        received[2] = 0;
        long length = Math.min(dst.byteSize(), Rights.MAX_STREAM_STAGED);
        if (datagram && dst.byteSize() > length && !features.truncatedLength()) {
            length = dst.byteSize(); // the datagram's length cannot be peeked: stage the whole room
        } else if (datagram && dst.byteSize() > length) {
            // Stage the whole datagram, but no more than it: its length, peeked.
            long next;
            do {
                next = Net.recv(fd, 0L, 0L, Net.MSG_DONTWAIT | Net.MSG_PEEK | Net.MSG_TRUNC);
            } while (next == -Errno.EINTR);
            if (next < 0) {
                return (int) lengthResult(next, "recv(MSG_PEEK)");
            }
            length = Math.min(dst.byteSize(), Math.max(next, length));
        }
        MemorySegment message = Rights.message(Scratch.get(), length, fds.length);
        long n;
        do {
            n = Net.recvmsg(fd, message, Net.MSG_DONTWAIT | (features.cmsgCloexec() ? Rights.MSG_CMSG_CLOEXEC : 0));
        } while (n == -Errno.EINTR);
        if (n >= 0) {
            // Taken before anything can throw: from here on, the descriptors are the caller's.
            received[0] = Rights.takeRights(message, fds);
            for (int i = 0; i < received[0] && !features.cmsgCloexec(); i++) {
                Unistd.fcntl(fds[i], Unistd.F_SETFD, Unistd.FD_CLOEXEC); // a failure leaves it inheritable, not lost
            }
            received[1] = Rights.truncated(message) ? 1 : 0;
            received[2] = Rights.dataTruncated(message) ? 1 : 0;
            MemorySegment.copy(Rights.staged(message), 0, dst, 0, Math.min(n, length));
        }
        return (int) lengthResult(n, "recvmsg");
    }
}
