package io.mio.net;

import io.mio.internal.shared.IoSource;
import io.mio.internal.transfer.Adoption;
import io.mio.internal.transfer.SocketIo;
import io.mio.spi.IoStatus;
import io.mio.spi.SocketOpt;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketOption;
import java.net.StandardSocketOptions;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A non-blocking TCP listening socket.
 *
 * <p>Register it for {@link io.mio.Interest#READABLE}; each readable event means one or more
 * connections are queued. Accept in a loop until {@link #accept()} returns {@code null}: the
 * event is edge-triggered, so connections left in the queue produce no further event.
 *
 * <p>The accept loop of {@code ChatServer}, one of the examples the build compiles and tests:
 *
 * {@snippet class="io.mio.examples.ChatServer" region="accept-loop"}
 *
 * <p>Like mio on Unix, {@link #bind} sets {@code SO_REUSEADDR}, so a restarted server can bind
 * its port while old connections linger in {@code TIME_WAIT}; two listeners still cannot bind the
 * same address.
 */
public final class TcpListener extends InetSocket {
    /**
     * The accept queue's length when none is given. mio 1.x uses 128; a busy server wants more,
     * and Linux caps it at {@code net.core.somaxconn} anyway.
     */
    public static final int DEFAULT_BACKLOG = 1024;

    private static final Set<SocketOption<?>> OPTIONS = SocketOptionMap.availableOf(SocketOptionMap.withJdkNetTcp(Set.of(
            StandardSocketOptions.SO_REUSEADDR, StandardSocketOptions.SO_REUSEPORT,
            StandardSocketOptions.SO_RCVBUF)));

    private TcpListener(IoSource io, boolean ipv6) {
        super(io, ipv6);
    }

    /**
     * Wraps a descriptor the program opened elsewhere — inherited, received with
     * {@code receiveWithFds}, or made by a foreign call — as Mio's {@code from_raw_fd} does. It
     * is checked to be a listening TCP socket, then made non-blocking and close-on-exec.
     *
     * @param fd the descriptor; it becomes this object's only when this method returns, and stays
     *     the caller's when it throws
     * @return the TcpListener
     * @throws IllegalArgumentException when {@code fd} is negative or a socket of another kind
     * @throws IOException when {@code fd} is not open or not a socket
     */
    public static TcpListener fromRawFd(int fd) throws IOException {
        Adoption.AdoptedSocket adopted = Adoption.socket(fd, Adoption.SocketType.TCP_LISTENER);
        return new TcpListener(adopted.io(), adopted.ipv6());
    }

    /**
     * Opens a listening socket bound to {@code address}, with a backlog of
     * {@value #DEFAULT_BACKLOG}.
     *
     * @param address the address; port 0 lets the OS choose (see {@link #localAddress()})
     * @return the listener
     * @throws java.net.BindException when the address is in use or not local
     * @throws IOException when the OS refuses for another reason
     * @throws java.nio.channels.UnresolvedAddressException when the address is not resolved
     */
    public static TcpListener bind(InetSocketAddress address) throws IOException {
        return bind(address, DEFAULT_BACKLOG);
    }

    /**
     * Opens a listening socket bound to {@code address}.
     *
     * @param address the address; port 0 lets the OS choose
     * @param backlog the accept queue's length, at least 1
     * @return the listener
     * @throws java.net.BindException when the address is in use or not local
     * @throws IOException when the OS refuses for another reason
     * @throws IllegalArgumentException when {@code backlog} is below 1
     */
    public static TcpListener bind(InetSocketAddress address, int backlog) throws IOException {
        return bind(address, backlog, Map.of());
    }

    /**
     * Opens a listening socket bound to {@code address}, with options set before it binds and
     * listens — what {@code SO_REUSEPORT} needs, and a receive buffer that accepted streams
     * inherit. As {@code java.nio} users set them on a {@code ServerSocketChannel} before
     * {@code bind}, and as mio's own answer is a socket configured before it listens:
     *
     * {@snippet :
     * TcpListener listener = TcpListener.bind(address, 4096, Map.of(
     *         StandardSocketOptions.SO_REUSEPORT, true,
     *         StandardSocketOptions.SO_RCVBUF, 256 * 1024));
     * }
     *
     * <p>Every option and value is checked before a socket is opened, so a bad one leaves nothing
     * behind. The options are set after Mio's own default ({@code SO_REUSEADDR} where mio sets it),
     * so they may also turn that off.
     *
     * @param address the address; port 0 lets the OS choose
     * @param backlog the accept queue's length, at least 1
     * @param options among {@link #supportedOptions()}, with values of their types
     * @return the listener
     * @throws java.net.BindException when the address is in use or not local
     * @throws IOException when the OS refuses for another reason
     * @throws IllegalArgumentException when {@code backlog} is below 1 or a value is not valid
     * @throws UnsupportedOperationException when an option is not one a listener takes (or, as
     *     {@code SO_REUSEPORT} on Windows, the OS has no such option)
     */
    public static TcpListener bind(InetSocketAddress address, int backlog, Map<SocketOption<?>, ?> options)
            throws IOException {
        if (backlog < 1) {
            throw new IllegalArgumentException("backlog must be at least 1, was " + backlog);
        }
        Objects.requireNonNull(options, "options");
        boolean ipv6 = isIpv6(Objects.requireNonNull(address, "address"));
        SocketOpt[] opts = new SocketOpt[options.size()];
        int[] values = new int[options.size()];
        int n = 0;
        for (Map.Entry<SocketOption<?>, ?> entry : options.entrySet()) {
            opts[n] = SocketOptionMap.supported(entry.getKey(), OPTIONS, "TcpListener", ipv6);
            values[n] = SocketOptionMap.toRaw(entry.getKey(), opts[n], entry.getValue());
            n++;
        }
        IoSource io = open(address, false, fd -> {
            SocketIo.SOCKETS.setOption(fd, ipv6, SocketOpt.REUSE_ADDRESS, 1);
            for (int i = 0; i < opts.length; i++) {
                SocketIo.SOCKETS.setOption(fd, ipv6, opts[i], values[i]);
            }
            SocketIo.SOCKETS.bind(fd, address);
            SocketIo.SOCKETS.listen(fd, backlog);
        });
        return new TcpListener(io, ipv6);
    }

    /**
     * Accepts a queued connection, if there is one.
     *
     * <p>The new stream is non-blocking and close-on-exec, and is not registered: register it to
     * be told when it can be read.
     *
     * @return the connection, or {@code null} when no connection is queued (it would block)
     * @throws IOException when the OS refuses, for example {@code EMFILE} at the descriptor limit
     *     (the connection then stays queued); {@link java.nio.channels.ClosedChannelException}
     *     once closed
     */
    public TcpStream accept() throws IOException {
        long accepted = SocketIo.accept(io);
        return accepted == IoStatus.WOULD_BLOCK ? null : new TcpStream(new IoSource(accepted, SocketIo.SOCKETS), ipv6);
    }

    /**
     * {@inheritDoc}
     *
     * @return {@code SO_REUSEADDR}, {@code SO_REUSEPORT} (where the OS has it) and
     *     {@code SO_RCVBUF}; and of {@code jdk.net}, where it is present, the keep-alive tuning and
     *     {@code TCP_QUICKACK}, as a {@code ServerSocketChannel} has them (where the OS has them).
     *     Accepted streams inherit the receive buffer and, on Linux, the keep-alive tuning.
     */
    @Override
    public Set<SocketOption<?>> supportedOptions() {
        return OPTIONS;
    }
}
