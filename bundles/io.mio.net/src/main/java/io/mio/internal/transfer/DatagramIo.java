package io.mio.internal.transfer;

import io.mio.internal.shared.IoSource;
import io.mio.spi.IoStatus;
import io.mio.spi.OsMemory;
import io.mio.spi.Sockets;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.ref.Reference;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * The transfers of datagram sockets. Unlike a stream, a datagram may be empty, so 0 is a length
 * like any other and would-block is {@link #WOULD_BLOCK}. Memory goes to the OS as in
 * {@link SocketIo}: direct buffers by address, everything else as a view, nothing copied.
 * Each method returns the datagram's length, or {@link #WOULD_BLOCK}.
 */
public final class DatagramIo {
    /** What a datagram transfer returns when it would block: 0 is the length of an empty datagram. */
    public static final int WOULD_BLOCK = -1;

    /**
     * Where the backend writes the sender of this thread's receives, so that {@link #sender()}
     * can read it right after: the caller's memory, passed to each call, not state the backend
     * keeps (Winsock and the BSDs take it the same way).
     */
    private static final ThreadLocal<MemorySegment> SENDER =
            ThreadLocal.withInitial(() -> Arena.ofAuto().allocate(Sockets.SOCKADDR_SIZE, 8));

    private DatagramIo() {}

    /**
     * Receives one datagram into {@code dst}'s remaining space, advancing its position past
     * what was stored.
     *
     * @param io the socket
     * @param dst a writable buffer
     * @param peek {@code true} to leave the datagram queued
     * @return the datagram's full length, or {@link #WOULD_BLOCK}
     * @throws IOException when the OS reports an error
     */
    public static int receive(IoSource io, ByteBuffer dst, boolean peek) throws IOException {
        if (dst.isReadOnly()) {
            throw new IllegalArgumentException("read-only buffer");
        }
        int position = dst.position();
        int space = dst.limit() - position;
        long base = OsMemory.ownedBase(dst);
        long fd = io.acquireOpen();
        int n;
        try {
            MemorySegment sender = SENDER.get();
            n = base < 0
                    ? SocketIo.SOCKETS.receive(fd, MemorySegment.ofBuffer(dst), peek, sender)
                    : SocketIo.SOCKETS.receive(fd, base + position, space, peek, sender);
        } finally {
            io.release();
            Reference.reachabilityFence(dst);
        }
        if (io.afterRead(n) == IoStatus.WOULD_BLOCK) {
            return WOULD_BLOCK;
        }
        dst.position(position + Math.min(n, space));
        return n;
    }

    /**
     * Receives one datagram into part of {@code dst}.
     *
     * @param io the socket
     * @param dst the array
     * @param offset the first index to fill
     * @param length the space there
     * @param peek {@code true} to leave the datagram queued
     * @return the datagram's full length, or {@link #WOULD_BLOCK}
     * @throws IOException when the OS reports an error
     */
    public static int receive(IoSource io, byte[] dst, int offset, int length, boolean peek) throws IOException {
        Objects.checkFromIndexSize(offset, length, dst.length);
        long fd = io.acquireOpen();
        int n;
        try {
            n = SocketIo.SOCKETS.receive(fd, MemorySegment.ofArray(dst).asSlice(offset, length), peek, SENDER.get());
        } finally {
            io.release();
        }
        if (io.afterRead(n) == IoStatus.WOULD_BLOCK) {
            return WOULD_BLOCK;
        }
        return n;
    }

    /**
     * The sender of the datagram this thread received last.
     *
     * @return an {@link java.net.InetSocketAddress} or an {@link io.mio.spi.UnixName}, or {@code null}
     */
    public static SocketAddress sender() {
        MemorySegment sender = SENDER.get();
        boolean given = sender.get(ValueLayout.JAVA_INT, Sockets.SOCKADDR_LENGTH_OFFSET) != 0;
        return given ? SocketIo.SOCKETS.decodeAddress(sender) : null;
    }

    /**
     * Sends {@code src}'s remaining bytes as one datagram, advancing its position.
     *
     * @param io the socket
     * @param src the datagram
     * @param target where to send it, or {@code null} for a connected socket's peer
     * @return the bytes sent, or {@link #WOULD_BLOCK}
     * @throws IOException when the OS refuses
     */
    public static int send(IoSource io, ByteBuffer src, SocketAddress target) throws IOException {
        int position = src.position();
        int length = src.limit() - position;
        long base = OsMemory.ownedBase(src);
        long fd = io.acquireOpen();
        int n;
        try {
            n = base < 0
                    ? SocketIo.SOCKETS.send(fd, MemorySegment.ofBuffer(src), target)
                    : SocketIo.SOCKETS.send(fd, base + position, length, target);
        } finally {
            io.release();
            Reference.reachabilityFence(src);
        }
        n = (int) SocketIo.writeResult(io, n, length, WOULD_BLOCK);
        if (n != WOULD_BLOCK) {
            src.position(position + n);
        }
        return n;
    }

    /**
     * Sends part of {@code src} as one datagram.
     *
     * @param io the socket
     * @param src the array
     * @param offset the first index to send
     * @param length the datagram's length
     * @param target where to send it, or {@code null} for a connected socket's peer
     * @return the bytes sent, or {@link #WOULD_BLOCK}
     * @throws IOException when the OS refuses
     */
    public static int send(IoSource io, byte[] src, int offset, int length, SocketAddress target) throws IOException {
        Objects.checkFromIndexSize(offset, length, src.length);
        long fd = io.acquireOpen();
        int n;
        try {
            n = SocketIo.SOCKETS.send(fd, MemorySegment.ofArray(src).asSlice(offset, length), target);
        } finally {
            io.release();
        }
        return (int) SocketIo.writeResult(io, n, length, WOULD_BLOCK);
    }
}
