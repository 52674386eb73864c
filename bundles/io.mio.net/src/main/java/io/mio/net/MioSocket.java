package io.mio.net;

import io.mio.Interest;
import io.mio.Registry;
import io.mio.Token;
import io.mio.event.Source;
import io.mio.internal.shared.IoSource;
import io.mio.internal.transfer.SocketIo;
import io.mio.spi.SocketOpt;
import java.io.IOException;
import java.net.SocketAddress;
import java.net.SocketOption;
import java.net.StandardSocketOptions;
import java.nio.channels.Channel;
import java.nio.channels.ClosedChannelException;
import java.util.Optional;
import java.util.Set;

/**
 * What every Mio socket shares, whatever its family: the descriptor and its registration,
 * closing, and the pending error. Package-private, so that its public methods appear as each
 * socket type's own.
 */
abstract sealed class MioSocket implements Source, Channel permits InetSocket, UnixSocket, StreamSocket {
    final IoSource io;
    /** The family, for the options whose level differs between IPv4 and IPv6; false for Unix. */
    final boolean ipv6;

    MioSocket(IoSource io, boolean ipv6) {
        this.io = io;
        this.ipv6 = ipv6;
    }

    /** Runs {@code setUp} on a new descriptor, closing it again when that fails. */
    static IoSource setUp(long fd, SetUp setUp) throws IOException {
        IoSource io = new IoSource(fd, SocketIo.SOCKETS);
        try {
            io.call(opened -> {
                setUp.run(opened);
                return null;
            });
            return io;
        } catch (IOException | RuntimeException | Error e) {
            io.close();
            throw e;
        }
    }

    /** What to do with a descriptor before handing it to the user. */
    @FunctionalInterface
    interface SetUp {
        void run(long fd) throws IOException;
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
     * The address this socket is bound to.
     *
     * @return the local address
     * @throws IOException when the OS refuses; {@link java.nio.channels.ClosedChannelException}
     *     once closed
     */
    public abstract SocketAddress localAddress() throws IOException;

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
     * Sets a socket option.
     *
     * @param <T> the option's value type
     * @param option one of {@link #supportedOptions()}
     * @param value its value; for {@link StandardSocketOptions#SO_LINGER} a negative value turns
     *     linger off
     * @throws IOException when the OS refuses, or (a {@link java.net.SocketException}) when the
     *     {@link java.net.NetworkInterface} of {@code IP_MULTICAST_IF} has no address of this
     *     socket's family; {@link java.nio.channels.ClosedChannelException} once closed
     * @throws UnsupportedOperationException when the option is not supported by this socket
     * @throws IllegalArgumentException when the value is null, of another type, negative, or above
     *     255 for {@code IP_TOS} and {@code IP_MULTICAST_TTL}
     */
    public <T> void setOption(SocketOption<T> option, T value) throws IOException {
        SocketOpt opt = supported(option);
        setInt(opt, SocketOptionMap.toRaw(option, opt, value));
    }

    /**
     * Reads a socket option.
     *
     * @param <T> the option's value type
     * @param option one of {@link #supportedOptions()}
     * @return its value; for {@link StandardSocketOptions#SO_LINGER} -1 when linger is off, for
     *     {@code IP_MULTICAST_IF} null when the OS chooses the interface
     * @throws IOException when the OS refuses; {@link java.nio.channels.ClosedChannelException}
     *     once closed
     * @throws UnsupportedOperationException when the option is not supported by this socket
     */
    public <T> T getOption(SocketOption<T> option) throws IOException {
        SocketOpt opt = supported(option);
        return SocketOptionMap.fromRaw(option, opt, getInt(opt));
    }

    /**
     * The options {@link #setOption} and {@link #getOption} take: those of {@code java.nio}'s
     * channel of the same kind that this OS has, with the {@code jdk.net} ones where the
     * {@code jdk.net} module is present (on the module path, a module that names them requires
     * it).
     *
     * @return an unmodifiable set
     */
    public abstract Set<SocketOption<?>> supportedOptions();

    private SocketOpt supported(SocketOption<?> option) {
        return SocketOptionMap.supported(option, supportedOptions(), getClass().getSimpleName(), ipv6);
    }


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
     * The OS descriptor number, for calls Mio does not make (an option it does not wrap, a
     * descriptor to pass to another process). It stays this object's: do not close it. It names
     * this socket only while it is open: once {@link #close()} runs, the OS may give the number
     * to the next file opened.
     *
     * @return the descriptor number
     * @throws ClosedChannelException once closed
     */
    public int rawFd() throws ClosedChannelException {
        return SocketIo.rawFd(io);
    }

    /**
     * Takes the descriptor out of Mio: this object is closed afterwards, but the descriptor is
     * not, and closing it becomes the caller's job. The way back is each type's
     * {@code fromRawFd}.
     *
     * @return the descriptor number, still non-blocking and close-on-exec
     * @throws ClosedChannelException once closed
     * @throws IllegalStateException while registered with a Poll (deregister first), or when
     *     other threads keep using it
     */
    public int intoRawFd() throws ClosedChannelException {
        return SocketIo.intoRawFd(io);
    }

    /**
     * Runs a call of the caller's own on the descriptor — an option or {@code ioctl} Mio does not
     * wrap, made with FFM — holding it open meanwhile, so that a {@link #close()} on another
     * thread cannot let the number be reused under the call. Mio's {@code try_io}: a call that
     * found the OS would block throws {@link io.mio.WouldBlockException}, and Mio re-arms the
     * registration before passing it on, so the next readiness is reported as for Mio's own calls.
     *
     * @param <T> what the call returns
     * @param call the call, given the descriptor number
     * @return what it returned
     * @throws IOException what the call throws, {@link io.mio.WouldBlockException} included;
     *     {@link ClosedChannelException} once closed
     */
    public <T> T tryIo(FdFunction<T> call) throws IOException {
        return SocketIo.tryIo(io, call);
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
