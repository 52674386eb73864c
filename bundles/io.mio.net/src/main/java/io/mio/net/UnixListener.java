package io.mio.net;

import io.mio.internal.shared.IoSource;
import io.mio.internal.transfer.Adoption;
import io.mio.internal.transfer.SocketIo;
import io.mio.spi.IoStatus;
import java.io.IOException;
import java.net.SocketOption;
import java.net.StandardSocketOptions;
import java.nio.file.Path;
import java.util.Set;

/**
 * A non-blocking Unix-domain listening socket.
 *
 * <p>As with {@link TcpListener}: register it for {@link io.mio.Interest#READABLE}, and on each
 * event accept until {@link #accept()} returns {@code null}.
 *
 * {@snippet :
 * Path path = Path.of("/run/app/app.sock");
 * try (UnixListener listener = UnixListener.bind(path)) {
 *     poll.registry().register(listener, SERVER, Interest.READABLE);
 *     // ... on each readable event:
 *     UnixStream connection;
 *     while ((connection = listener.accept()) != null) {
 *         System.out.println("peer " + connection.peerCredentials());
 *     }
 * }
 * }
 *
 * <p>Binding a path creates the socket file; closing the listener does not remove it, as on any
 * Unix. Remove a stale file before binding again.
 */
public final class UnixListener extends UnixSocket {
    /** The accept queue's length: Linux caps it at {@code net.core.somaxconn}. */
    public static final int DEFAULT_BACKLOG = TcpListener.DEFAULT_BACKLOG;

    private static final Set<SocketOption<?>> OPTIONS = Set.of(StandardSocketOptions.SO_RCVBUF, StandardSocketOptions.SO_SNDBUF);

    private UnixListener(IoSource io) {
        super(io);
    }

    /**
     * Wraps a descriptor the program opened elsewhere — inherited, received with
     * {@code receiveWithFds}, or made by a foreign call — as Mio's {@code from_raw_fd} does. It
     * is checked to be a listening Unix-domain stream socket, then made non-blocking and close-on-exec.
     *
     * @param fd the descriptor; it becomes this object's only when this method returns, and stays
     *     the caller's when it throws
     * @return the UnixListener
     * @throws IllegalArgumentException when {@code fd} is negative or a socket of another kind
     * @throws IOException when {@code fd} is not open or not a socket
     */
    public static UnixListener fromRawFd(int fd) throws IOException {
        return new UnixListener(Adoption.socket(fd, Adoption.SocketType.UNIX_LISTENER).io());
    }

    /**
     * Opens a listening socket bound to a filesystem path.
     *
     * @param path where to create the socket file
     * @return the listener
     * @throws java.net.BindException when the path exists (even as a stale socket file)
     * @throws IOException when the OS refuses for another reason, or the path is too long
     */
    public static UnixListener bind(Path path) throws IOException {
        return bind(UnixSocketAddress.of(path));
    }

    /**
     * Opens a listening socket bound to an address: a path, or an abstract name on Linux.
     *
     * @param address the address
     * @return the listener
     * @throws java.net.BindException when the address is in use
     * @throws IOException when the OS refuses for another reason, or the path is too long
     */
    public static UnixListener bind(UnixSocketAddress address) throws IOException {
        var name = name(address);
        return new UnixListener(open(false, fd -> {
            SocketIo.SOCKETS.bind(fd, name);
            SocketIo.SOCKETS.listen(fd, DEFAULT_BACKLOG);
        }));
    }

    /**
     * Accepts a queued connection, if there is one; the new stream is non-blocking and
     * close-on-exec, and not registered.
     *
     * @return the connection, or {@code null} when none is queued (it would block)
     * @throws IOException when the OS refuses, for example at the descriptor limit;
     *     {@link java.nio.channels.ClosedChannelException} once closed
     */
    public UnixStream accept() throws IOException {
        long accepted = SocketIo.accept(io);
        return accepted == IoStatus.WOULD_BLOCK ? null : new UnixStream(new IoSource(accepted, SocketIo.SOCKETS));
    }

    /**
     * {@inheritDoc}
     *
     * @return {@code SO_RCVBUF} and {@code SO_SNDBUF}, which accepted streams inherit
     */
    @Override
    public Set<SocketOption<?>> supportedOptions() {
        return OPTIONS;
    }
}
