package io.mio.net;

import io.mio.internal.shared.IoSource;
import io.mio.internal.transfer.Adoption;
import io.mio.internal.transfer.SocketIo;
import io.mio.spi.IoStatus;
import java.io.IOException;
import java.net.SocketOption;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.NotYetConnectedException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Set;

/**
 * A non-blocking Unix-domain stream connection.
 *
 * <p>It reads and writes as a {@link TcpStream} does — the bytes moved, 0 when the call would
 * block, -1 at end of stream — and takes the same kinds of memory without copying.
 *
 * {@snippet :
 * try (SocketPair<UnixStream> pair = UnixStream.pair()) {
 *     pair.first().write("ping".getBytes(StandardCharsets.US_ASCII));
 *     byte[] buffer = new byte[4];
 *     int n = pair.second().read(buffer); // 4 (a socket pair delivers at once)
 * }
 * }
 */
public final class UnixStream extends StreamSocket {
    private static final Set<SocketOption<?>> OPTIONS = Set.of(StandardSocketOptions.SO_RCVBUF, StandardSocketOptions.SO_SNDBUF);

    UnixStream(IoSource io) {
        super(io, false);
    }

    /**
     * Connects to the listener at a filesystem path.
     *
     * @param path the listener's socket file
     * @return the connected stream, or {@code null} when the listener's accept queue is full (it
     *     would block: try again after a while)
     * @throws java.net.ConnectException when nothing listens there
     * @throws IOException when the OS refuses for another reason, or the path is too long
     */
    public static UnixStream connect(Path path) throws IOException {
        return connect(UnixSocketAddress.of(path));
    }

    /**
     * Connects to the listener at an address: a path, or an abstract name on Linux.
     *
     * @param address the listener's address
     * @return the connected stream, or {@code null} when the listener's accept queue is full
     * @throws java.net.ConnectException when nothing listens there
     * @throws IOException when the OS refuses for another reason, or the path is too long
     */
    public static UnixStream connect(UnixSocketAddress address) throws IOException {
        var name = UnixSocket.name(address);
        boolean[] connected = new boolean[1];
        IoSource io = UnixSocket.open(false, fd -> connected[0] = SocketIo.SOCKETS.connect(fd, name));
        if (!connected[0]) {
            // A Unix-domain connect completes at once or not at all (EAGAIN: the queue is full).
            io.close();
            return null;
        }
        return new UnixStream(io);
    }

    /**
     * Wraps a descriptor the program opened elsewhere — inherited, received with
     * {@code receiveWithFds}, or made by a foreign call — as Mio's {@code from_raw_fd} does. It
     * is checked to be a Unix-domain stream socket that does not listen, then made non-blocking and close-on-exec.
     *
     * @param fd the descriptor; it becomes this object's only when this method returns, and stays
     *     the caller's when it throws
     * @return the UnixStream
     * @throws IllegalArgumentException when {@code fd} is negative or a socket of another kind
     * @throws IOException when {@code fd} is not open or not a socket
     */
    public static UnixStream fromRawFd(int fd) throws IOException {
        return new UnixStream(Adoption.socket(fd, Adoption.SocketType.UNIX_STREAM).io());
    }

    /**
     * Opens two streams connected to each other ({@code socketpair}), both unnamed, non-blocking
     * and close-on-exec.
     *
     * @return the pair
     * @throws IOException when the OS refuses
     */
    public static SocketPair<UnixStream> pair() throws IOException {
        IoSource[] ends = UnixSocket.openPair(false);
        return new SocketPair<>(new UnixStream(ends[0]), new UnixStream(ends[1]));
    }

    /**
     * The address of the socket at the other end.
     *
     * @return the peer's address; {@link UnixSocketAddress#unnamed()} for a client that never bound
     * @throws NotYetConnectedException when not connected
     * @throws IOException when the OS refuses; {@link java.nio.channels.ClosedChannelException}
     *     once closed
     */
    public UnixSocketAddress peerAddress() throws IOException {
        UnixSocketAddress peer = UnixSocket.peerOf(io);
        if (peer == null) {
            throw new NotYetConnectedException();
        }
        return peer;
    }

    /**
     * The address this socket is bound to.
     *
     * @return the local address; {@link UnixSocketAddress#unnamed()} for a client or a pair
     * @throws IOException when the OS refuses; {@link java.nio.channels.ClosedChannelException}
     *     once closed
     */
    @Override
    public UnixSocketAddress localAddress() throws IOException {
        return UnixSocket.localAddressOf(io);
    }

    /**
     * Writes bytes from {@code src}'s position with descriptors attached ({@code SCM_RIGHTS}):
     * the process at the other end receives its own copies of them with
     * {@link #receiveWithFds}, as {@code dup} would make; this process's stay open and its own.
     * The descriptors travel with the first byte written, so a partial write still delivers
     * them, and a write that would block delivers nothing.
     *
     * @param src at least one byte to carry them
     * @param fds the descriptors, such as a {@link TcpStream#rawFd()} or a pipe end's, at most
     *     {@link ReceivedFds#MAX_CAPACITY}; each must stay open until this call returns
     * @return bytes written, 0 when it would block
     * @throws IllegalArgumentException when {@code src} is empty, or a descriptor is negative, or
     *     there are too many
     * @throws IOException when the OS refuses, such as a descriptor that is not open
     *     ({@code EBADF}); {@link java.nio.channels.ClosedChannelException} once closed
     */
    public int sendWithFds(ByteBuffer src, int... fds) throws IOException {
        int n = FdPassing.send(io, src, fds, false);
        return n == IoStatus.WOULD_BLOCK ? 0 : n;
    }

    /**
     * Reads bytes into {@code dst} from its position, and takes any descriptors that came with
     * them into {@code fds}. A read stops where a message with other descriptors begins, so
     * descriptors always arrive with the bytes they were sent with.
     *
     * @param dst a writable buffer
     * @param fds an empty holder: descriptors left from an earlier receive must be taken or
     *     cleared first
     * @return bytes read, 0 when it would block, -1 at end of stream
     * @throws IllegalStateException when {@code fds} still holds descriptors
     * @throws IOException when the OS refuses; {@link java.nio.channels.ClosedChannelException}
     *     once closed
     */
    public int receiveWithFds(ByteBuffer dst, ReceivedFds fds) throws IOException {
        int n = Objects.requireNonNull(fds, "fds").receive(io, dst, false);
        return n == IoStatus.WOULD_BLOCK ? 0 : n == 0 ? -1 : n;
    }

    /**
     * Who is at the other end, as the OS recorded it when the connection was made.
     *
     * @return the peer's process, user and group ids
     * @throws IOException when the OS refuses; {@link java.nio.channels.ClosedChannelException}
     *     once closed
     */
    public PeerCredentials peerCredentials() throws IOException {
        int[] ids = io.call(SocketIo.unix()::peerCredentials);
        return new PeerCredentials(ids[0], ids[1], ids[2]);
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
