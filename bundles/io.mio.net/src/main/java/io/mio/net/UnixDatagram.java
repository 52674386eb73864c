package io.mio.net;

import io.mio.internal.shared.IoSource;
import io.mio.internal.transfer.Adoption;
import io.mio.internal.transfer.DatagramIo;
import io.mio.internal.transfer.SocketIo;
import io.mio.spi.IoStatus;
import io.mio.spi.UnixName;
import java.io.IOException;
import java.net.SocketOption;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.NotYetConnectedException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Set;

/**
 * A non-blocking Unix-domain datagram socket.
 *
 * <p>It follows {@link UdpSocket}'s conventions: a datagram may be empty, so transfers return
 * {@link #WOULD_BLOCK} (-1) when they would block, and receives return the datagram's full
 * length, larger than the space given when it was truncated (see {@link UdpSocket}'s
 * "Truncation" for the OSes that tell only that it was cut).
 *
 * {@snippet :
 * try (UnixDatagram server = UnixDatagram.bind(Path.of("/run/app/dgram.sock"));
 *      UnixDatagram client = UnixDatagram.unbound()) {
 *     client.sendTo("hello".getBytes(StandardCharsets.US_ASCII), server.localAddress());
 *     Datagram<UnixSocketAddress> datagram = server.recvFrom(new byte[64]); // null until it arrives
 * }
 * }
 */
public final class UnixDatagram extends UnixSocket {
    /** What a send or receive returns when it would block. */
    public static final int WOULD_BLOCK = DatagramIo.WOULD_BLOCK;

    private static final Set<SocketOption<?>> OPTIONS = Set.of(StandardSocketOptions.SO_RCVBUF, StandardSocketOptions.SO_SNDBUF);

    private UnixDatagram(IoSource io) {
        super(io);
    }

    /**
     * Opens a datagram socket bound to a filesystem path.
     *
     * @param path where to create the socket file
     * @return the socket
     * @throws java.net.BindException when the path exists
     * @throws IOException when the OS refuses for another reason, or the path is too long
     */
    public static UnixDatagram bind(Path path) throws IOException {
        return bind(UnixSocketAddress.of(path));
    }

    /**
     * Opens a datagram socket bound to an address: a path, or an abstract name on Linux.
     *
     * @param address the address
     * @return the socket
     * @throws java.net.BindException when the address is in use
     * @throws IOException when the OS refuses for another reason, or the path is too long
     */
    public static UnixDatagram bind(UnixSocketAddress address) throws IOException {
        UnixName name = name(address);
        return new UnixDatagram(open(true, fd -> SocketIo.SOCKETS.bind(fd, name)));
    }

    /**
     * Opens a datagram socket bound to nothing: it can send, and receive replies only when
     * connected or through a pair.
     *
     * @return the socket
     * @throws IOException when the OS refuses
     */
    public static UnixDatagram unbound() throws IOException {
        return new UnixDatagram(open(true, fd -> { }));
    }

    /**
     * Wraps a descriptor the program opened elsewhere — inherited, received with
     * {@code receiveWithFds}, or made by a foreign call — as Mio's {@code from_raw_fd} does. It
     * is checked to be a Unix-domain datagram socket, then made non-blocking and close-on-exec.
     *
     * @param fd the descriptor; it becomes this object's only when this method returns, and stays
     *     the caller's when it throws
     * @return the UnixDatagram
     * @throws IllegalArgumentException when {@code fd} is negative or a socket of another kind
     * @throws IOException when {@code fd} is not open or not a socket
     */
    public static UnixDatagram fromRawFd(int fd) throws IOException {
        return new UnixDatagram(Adoption.socket(fd, Adoption.SocketType.UNIX_DATAGRAM).io());
    }

    /**
     * Opens two datagram sockets connected to each other ({@code socketpair}).
     *
     * @return the pair
     * @throws IOException when the OS refuses
     */
    public static SocketPair<UnixDatagram> pair() throws IOException {
        IoSource[] ends = openPair(true);
        return new SocketPair<>(new UnixDatagram(ends[0]), new UnixDatagram(ends[1]));
    }

    /**
     * Connects the socket to the socket at a path: {@link #send} goes there.
     *
     * @param path the peer's socket file
     * @throws IOException when the OS refuses (such as {@code ECONNREFUSED} when nothing is bound
     *     there); {@link java.nio.channels.ClosedChannelException} once closed
     */
    public void connect(Path path) throws IOException {
        connect(UnixSocketAddress.of(path));
    }

    /**
     * Connects the socket to the socket at an address.
     *
     * @param address the peer's address
     * @throws IOException when the OS refuses; {@link java.nio.channels.ClosedChannelException}
     *     once closed
     */
    public void connect(UnixSocketAddress address) throws IOException {
        UnixName name = name(address);
        io.call(fd -> SocketIo.SOCKETS.connect(fd, name));
    }

    /**
     * The socket this one is connected to.
     *
     * @return the peer's address
     * @throws NotYetConnectedException when not connected
     * @throws IOException when the OS refuses; {@link java.nio.channels.ClosedChannelException}
     *     once closed
     */
    public UnixSocketAddress peerAddress() throws IOException {
        UnixSocketAddress peer = peerOf(io);
        if (peer == null) {
            throw new NotYetConnectedException();
        }
        return peer;
    }

    /**
     * Sends {@code src}'s remaining bytes as one datagram to {@code target}.
     *
     * @param src the datagram; its position advances past what was sent
     * @param target where to send it
     * @return the bytes sent, or {@link #WOULD_BLOCK}
     * @throws IOException when the OS refuses (such as {@code ECONNREFUSED} when nothing is bound
     *     there); {@link java.nio.channels.ClosedChannelException} once closed
     */
    public int sendTo(ByteBuffer src, UnixSocketAddress target) throws IOException {
        return DatagramIo.send(io, src, name(target));
    }

    /**
     * Sends {@code src} as one datagram to {@code target}.
     *
     * @param src the datagram
     * @param target where to send it
     * @return the bytes sent, or {@link #WOULD_BLOCK}
     * @throws IOException when the OS refuses; {@link java.nio.channels.ClosedChannelException}
     *     once closed
     */
    public int sendTo(byte[] src, UnixSocketAddress target) throws IOException {
        return DatagramIo.send(io, src, 0, src.length, name(target));
    }

    /**
     * Sends {@code src}'s remaining bytes as one datagram to the connected peer.
     *
     * @param src the datagram; its position advances past what was sent
     * @return the bytes sent, or {@link #WOULD_BLOCK}
     * @throws IOException when not connected, or when the OS refuses;
     *     {@link java.nio.channels.ClosedChannelException} once closed
     */
    public int send(ByteBuffer src) throws IOException {
        return DatagramIo.send(io, src, null);
    }

    /**
     * Sends {@code src}'s remaining bytes as one datagram to the connected peer, with descriptors
     * attached ({@code SCM_RIGHTS}); the receiver gets its own copies with
     * {@link #receiveWithFds}, and this process's stay open and its own.
     *
     * @param src the datagram, at least one byte; its position advances past what was sent
     * @param fds the descriptors, at most {@link ReceivedFds#MAX_CAPACITY}; each must stay open
     *     until this call returns
     * @return the bytes sent, or {@link #WOULD_BLOCK}
     * @throws IllegalArgumentException when {@code src} is empty, or a descriptor is negative, or
     *     there are too many
     * @throws IOException when not connected, or when the OS refuses, such as a descriptor that is
     *     not open ({@code EBADF}); {@link java.nio.channels.ClosedChannelException} once closed
     */
    public int sendWithFds(ByteBuffer src, int... fds) throws IOException {
        int n = FdPassing.send(io, src, fds, true);
        return n == IoStatus.WOULD_BLOCK ? WOULD_BLOCK : n;
    }

    /**
     * Receives one datagram into {@code dst}'s remaining space, and any descriptors sent with it
     * into {@code fds}. A datagram longer than the space is cut to it, and
     * {@link ReceivedFds#dataTruncated()} says so.
     *
     * @param dst where to store it; its position advances past what was stored
     * @param fds an empty holder: descriptors left from an earlier receive must be taken or
     *     cleared first
     * @return the bytes stored, or {@link #WOULD_BLOCK} when no datagram is queued
     * @throws IllegalStateException when {@code fds} still holds descriptors
     * @throws IOException when the OS reports an error; {@link java.nio.channels.ClosedChannelException}
     *     once closed
     */
    public int receiveWithFds(ByteBuffer dst, ReceivedFds fds) throws IOException {
        int n = Objects.requireNonNull(fds, "fds").receive(io, dst, true);
        return n == IoStatus.WOULD_BLOCK ? WOULD_BLOCK : n;
    }

    /**
     * Sends {@code src} as one datagram to the connected peer.
     *
     * @param src the datagram
     * @return the bytes sent, or {@link #WOULD_BLOCK}
     * @throws IOException when not connected, or when the OS refuses;
     *     {@link java.nio.channels.ClosedChannelException} once closed
     */
    public int send(byte[] src) throws IOException {
        return DatagramIo.send(io, src, 0, src.length, null);
    }

    /**
     * Receives one datagram into {@code dst}'s remaining space.
     *
     * @param dst where to store it; its position advances past what was stored
     * @return the sender (unnamed when it never bound) and the datagram's length, or {@code null}
     *     when none is queued
     * @throws IOException when the OS reports an error; {@link java.nio.channels.ClosedChannelException}
     *     once closed
     */
    public Datagram<UnixSocketAddress> recvFrom(ByteBuffer dst) throws IOException {
        int space = dst.remaining();
        return datagram(DatagramIo.receive(io, dst, false), space);
    }

    /**
     * Receives one datagram into {@code dst}.
     *
     * @param dst where to store it, from index 0
     * @return the sender and the datagram's length, or {@code null} when none is queued
     * @throws IOException when the OS reports an error; {@link java.nio.channels.ClosedChannelException}
     *     once closed
     */
    public Datagram<UnixSocketAddress> recvFrom(byte[] dst) throws IOException {
        return datagram(DatagramIo.receive(io, dst, 0, dst.length, false), dst.length);
    }

    private static Datagram<UnixSocketAddress> datagram(int length, int space) {
        if (length == WOULD_BLOCK) {
            return null;
        }
        UnixName sender = (UnixName) DatagramIo.sender();
        return new Datagram<>(sender == null ? UnixSocketAddress.unnamed() : UnixSocketAddress.of(sender), length, length > space);
    }

    /**
     * Receives one datagram into {@code dst}'s remaining space.
     *
     * @param dst where to store it; its position advances past what was stored
     * @return the datagram's full length (larger than the space when it was truncated), or
     *     {@link #WOULD_BLOCK}
     * @throws IOException when the OS reports an error; {@link java.nio.channels.ClosedChannelException}
     *     once closed
     */
    public int recv(ByteBuffer dst) throws IOException {
        return DatagramIo.receive(io, dst, false);
    }

    /**
     * Receives one datagram into {@code dst}.
     *
     * @param dst where to store it, from index 0
     * @return the datagram's full length, or {@link #WOULD_BLOCK}
     * @throws IOException when the OS reports an error; {@link java.nio.channels.ClosedChannelException}
     *     once closed
     */
    public int recv(byte[] dst) throws IOException {
        return DatagramIo.receive(io, dst, 0, dst.length, false);
    }

    /**
     * Receives as many queued datagrams as {@code batch} holds, in one system call where the OS
     * has one ({@code recvmmsg}); each one's sender is a {@link UnixSocketAddress}. The batch is
     * emptied first and then holds what came.
     *
     * @param batch where to put the datagrams
     * @return how many were received; 0 when none was queued (it would block)
     * @throws IOException when the OS reports an error; {@link java.nio.channels.ClosedChannelException}
     *     once closed
     */
    public int recvBatch(DatagramBatch batch) throws IOException {
        return Objects.requireNonNull(batch, "batch").receiveFrom(io);
    }

    /**
     * Sends the datagrams in {@code batch} — to the {@link UnixSocketAddress} each was added with,
     * or to the connected peer for {@code null} — in one system call where the OS has one
     * ({@code sendmmsg}), and removes those sent from the batch.
     *
     * @param batch the datagrams and their targets
     * @return how many were sent; 0 when the socket is full (it would block) or the batch empty
     * @throws IOException when the OS refuses the first datagram (the batch is left as it was);
     *     {@link java.nio.channels.ClosedChannelException} once closed
     */
    public int sendBatch(DatagramBatch batch) throws IOException {
        return Objects.requireNonNull(batch, "batch").sendTo(io);
    }

    /**
     * Shuts down receiving, sending, or both.
     *
     * @param how which half
     * @throws IOException when the OS refuses; {@link java.nio.channels.ClosedChannelException}
     *     once closed
     */
    public void shutdown(Shutdown how) throws IOException {
        SocketIo.shutdown(io, how);
    }

    /**
     * {@inheritDoc}
     *
     * @return {@code SO_RCVBUF} and {@code SO_SNDBUF}
     */
    @Override
    public Set<SocketOption<?>> supportedOptions() {
        return OPTIONS;
    }
}
