package io.mio.net;

import io.mio.Interest;
import io.mio.Registry;
import io.mio.Token;
import io.mio.event.Source;
import io.mio.spi.IoSource;
import io.mio.spi.SocketOpt;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.SocketOption;
import java.net.StandardSocketOptions;
import java.nio.channels.Channel;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the IP socket types share: the descriptor and its registration, the address family,
 * closing, the local address, the pending error, TTL and typed options. Package-private, so that
 * its public methods appear as each socket type's own.
 */
abstract sealed class InetSocket implements Source, Channel permits TcpListener, TcpStream, UdpSocket {
    final IoSource io;
    final boolean ipv6;

    InetSocket(IoSource io, boolean ipv6) {
        this.io = io;
        this.ipv6 = ipv6;
    }

    /** Opens a socket of {@code address}'s family, closing it again when {@code setUp} fails. */
    static IoSource open(InetSocketAddress address, boolean datagram, SetUp setUp) throws IOException {
        Objects.requireNonNull(address, "address");
        boolean ipv6 = isIpv6(address);
        int opened = datagram ? SocketIo.SOCKETS.openUdp(ipv6) : SocketIo.SOCKETS.openTcp(ipv6);
        IoSource io = new IoSource(opened, SocketIo.SOCKETS);
        try {
            io.call(fd -> {
                setUp.run(fd);
                return null;
            });
            return io;
        } catch (IOException | RuntimeException | Error e) {
            io.close();
            throw e;
        }
    }

    @FunctionalInterface
    interface SetUp {
        void run(int fd) throws IOException;
    }

    static boolean isIpv6(InetSocketAddress address) {
        return address.getAddress() instanceof Inet6Address;
    }

    @Override
    public void register(Registry registry, Token token, Interest interests) throws IOException {
        io.register(registry, token, interests);
    }

    @Override
    public void reregister(Registry registry, Token token, Interest interests) throws IOException {
        io.reregister(registry, token, interests);
    }

    @Override
    public void deregister(Registry registry) throws IOException {
        io.deregister(registry);
    }

    /**
     * The address this socket is bound to; for a listener bound to port 0, the port the OS chose.
     *
     * @return the local address
     * @throws IOException when the OS refuses; {@link java.nio.channels.ClosedChannelException}
     *     once closed
     */
    public InetSocketAddress localAddress() throws IOException {
        return io.call(SocketIo.SOCKETS::localAddress);
    }

    /**
     * Reads and clears the socket's pending error ({@code SO_ERROR}): after a failed non-blocking
     * connect, the reason it failed.
     *
     * @return the error, or empty when there is none
     * @throws IOException when the OS refuses to say; {@link java.nio.channels.ClosedChannelException}
     *     once closed
     */
    public Optional<IOException> takeError() throws IOException {
        return Optional.ofNullable(io.call(fd -> SocketIo.SOCKETS.takeError(fd, "connect")));
    }

    /**
     * Sets the time-to-live of outgoing packets ({@code IP_TTL}, or the hop limit for IPv6).
     *
     * @param ttl from 1 to 255
     * @throws IOException when the OS refuses; {@link java.nio.channels.ClosedChannelException}
     *     once closed
     * @throws IllegalArgumentException when {@code ttl} is out of range
     */
    public void setTtl(int ttl) throws IOException {
        if (ttl < 1 || ttl > 255) {
            throw new IllegalArgumentException("TTL must be from 1 to 255, was " + ttl);
        }
        setInt(SocketOpt.TTL, ttl);
    }

    /**
     * The time-to-live of outgoing packets.
     *
     * @return the TTL (the OS default, 64 on Linux, unless set)
     * @throws IOException when the OS refuses; {@link java.nio.channels.ClosedChannelException}
     *     once closed
     */
    public int ttl() throws IOException {
        return getInt(SocketOpt.TTL);
    }

    /**
     * Sets a socket option.
     *
     * @param <T> the option's value type
     * @param option one of {@link #supportedOptions()}
     * @param value its value; for {@link StandardSocketOptions#SO_LINGER} a negative value turns
     *     linger off
     * @throws IOException when the OS refuses; {@link java.nio.channels.ClosedChannelException}
     *     once closed
     * @throws UnsupportedOperationException when the option is not supported by this socket
     * @throws IllegalArgumentException when the value is not valid
     */
    public <T> void setOption(SocketOption<T> option, T value) throws IOException {
        SocketOpt opt = supported(option);
        if (value == null) {
            throw new IllegalArgumentException("the value of " + option.name() + " cannot be null");
        }
        int raw;
        if (value instanceof Boolean b) {
            raw = b ? 1 : 0;
        } else {
            raw = (Integer) value;
            if (raw < 0 && opt != SocketOpt.LINGER) {
                throw new IllegalArgumentException(option.name() + " cannot be negative, was " + raw);
            }
        }
        setInt(opt, raw);
    }

    /**
     * Reads a socket option.
     *
     * @param <T> the option's value type
     * @param option one of {@link #supportedOptions()}
     * @return its value; for {@link StandardSocketOptions#SO_LINGER} -1 when linger is off
     * @throws IOException when the OS refuses; {@link java.nio.channels.ClosedChannelException}
     *     once closed
     * @throws UnsupportedOperationException when the option is not supported by this socket
     */
    public <T> T getOption(SocketOption<T> option) throws IOException {
        int raw = getInt(supported(option));
        Object value = option.type() == Boolean.class ? (Object) (raw != 0) : (Object) raw;
        return option.type().cast(value);
    }

    /**
     * The options {@link #setOption} and {@link #getOption} take.
     *
     * @return an unmodifiable set
     */
    public abstract Set<SocketOption<?>> supportedOptions();

    private SocketOpt supported(SocketOption<?> option) {
        Objects.requireNonNull(option, "option");
        if (!supportedOptions().contains(option)) {
            throw new UnsupportedOperationException("'" + option.name() + "' is not supported by " + getClass().getSimpleName());
        }
        return OPTIONS.get(option);
    }

    private static final Map<SocketOption<?>, SocketOpt> OPTIONS = Map.of(
            StandardSocketOptions.SO_REUSEADDR, SocketOpt.REUSE_ADDRESS,
            StandardSocketOptions.SO_REUSEPORT, SocketOpt.REUSE_PORT,
            StandardSocketOptions.SO_KEEPALIVE, SocketOpt.KEEP_ALIVE,
            StandardSocketOptions.SO_LINGER, SocketOpt.LINGER,
            StandardSocketOptions.SO_RCVBUF, SocketOpt.RECEIVE_BUFFER,
            StandardSocketOptions.SO_SNDBUF, SocketOpt.SEND_BUFFER,
            StandardSocketOptions.TCP_NODELAY, SocketOpt.TCP_NODELAY,
            StandardSocketOptions.IP_TOS, SocketOpt.TRAFFIC_CLASS,
            StandardSocketOptions.SO_BROADCAST, SocketOpt.BROADCAST);

    final void setInt(SocketOpt option, int value) throws IOException {
        io.call(fd -> {
            SocketIo.SOCKETS.setOption(fd, ipv6, option, value);
            return null;
        });
    }

    final int getInt(SocketOpt option) throws IOException {
        return io.call(fd -> SocketIo.SOCKETS.getOption(fd, ipv6, option));
    }

    /**
     * Whether this socket is open.
     *
     * @return {@code false} once {@link #close()} was called
     */
    @Override
    public boolean isOpen() {
        return !io.isClosed();
    }

    /**
     * Closes the socket, which also ends its registration. Idempotent, and safe while another
     * thread uses the socket: that thread's call in progress completes, its next call throws
     * {@link java.nio.channels.ClosedChannelException}, and no call reaches the descriptor number
     * once the OS may have reused it.
     */
    @Override
    public void close() {
        io.close();
    }

    @Override
    public String toString() {
        String address;
        try {
            address = isOpen() ? String.valueOf(localAddress()) : "closed";
        } catch (IOException e) {
            address = "closed";
        }
        return getClass().getSimpleName() + "[" + address + ", " + io + "]";
    }
}
