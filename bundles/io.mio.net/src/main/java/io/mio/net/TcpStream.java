package io.mio.net;

import io.mio.internal.shared.IoSource;
import io.mio.internal.transfer.Adoption;
import io.mio.internal.transfer.SocketIo;
import io.mio.internal.transfer.Transfer;
import io.mio.spi.SocketOpt;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketOption;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.NotYetConnectedException;
import java.util.Set;

/**
 * A non-blocking TCP connection.
 *
 * <p>Reads and writes never block: they return the bytes moved, 0 when the call would block,
 * and -1 from a read at end of stream. Register the stream for
 * {@link io.mio.Interest#READABLE} (and {@link io.mio.Interest#WRITABLE} while output is
 * pending); on each event, read until a read returns 0 or -1, and write until everything is
 * written or a write returns 0.
 *
 * <p>The echo servers' pump, from the examples the build compiles and tests: echo until the
 * read would block, and keep what the socket did not take for the next writable event:
 *
 * {@snippet class="io.mio.examples.EchoConnection" region="pump"}
 *
 * <h2>Connecting</h2>
 * {@link #connect} returns before the connection is made. Register the stream for
 * {@link io.mio.Interest#WRITABLE}; when the event comes, {@link #takeError()} tells whether the
 * connect failed, and {@link #peerAddress()} whether it has completed (it throws
 * {@link NotYetConnectedException} until then: wait for the next event). From {@code TcpClient}:
 *
 * {@snippet class="io.mio.examples.TcpClient" region="connect"}
 *
 * <h2>Memory</h2>
 * Heap and direct {@link ByteBuffer}s, {@code byte[]} and {@link java.lang.foreign.MemorySegment}s all go to the
 * OS in place, with no copy. A scattering read or gathering write of direct buffers is one
 * system call; with heap buffers it is one call per buffer, because an OS I/O vector cannot
 * point into the Java heap.
 *
 * <h2>Threads</h2>
 * One thread may read while another writes. {@link #close()} is safe at any time from any
 * thread.
 */
public final class TcpStream extends StreamSocket {
    private static final Set<SocketOption<?>> OPTIONS = SocketOptionMap.availableOf(SocketOptionMap.withJdkNetTcp(Set.of(
            StandardSocketOptions.TCP_NODELAY, StandardSocketOptions.SO_KEEPALIVE,
            StandardSocketOptions.SO_LINGER, StandardSocketOptions.SO_RCVBUF,
            StandardSocketOptions.SO_SNDBUF, StandardSocketOptions.IP_TOS,
            StandardSocketOptions.SO_REUSEADDR, StandardSocketOptions.SO_REUSEPORT)));

    TcpStream(IoSource io, boolean ipv6) {
        super(io, ipv6);
    }

    /**
     * The address this socket is bound to.
     *
     * @return the local address
     * @throws IOException when the OS refuses; {@link java.nio.channels.ClosedChannelException}
     *     once closed
     */
    @Override
    public InetSocketAddress localAddress() throws IOException {
        return InetSocket.localAddressOf(io);
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
        InetSocket.setTtl(this, ttl);
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
     * Wraps a descriptor the program opened elsewhere — inherited, received with
     * {@code receiveWithFds}, or made by a foreign call — as Mio's {@code from_raw_fd} does. It
     * is checked to be a TCP (IPv4 or IPv6 stream) socket that does not listen, then made non-blocking and close-on-exec.
     *
     * @param fd the descriptor; it becomes this object's only when this method returns, and stays
     *     the caller's when it throws
     * @return the TcpStream
     * @throws IllegalArgumentException when {@code fd} is negative or a socket of another kind
     * @throws IOException when {@code fd} is not open or not a socket
     */
    public static TcpStream fromRawFd(int fd) throws IOException {
        Adoption.AdoptedSocket adopted = Adoption.socket(fd, Adoption.SocketType.TCP_STREAM);
        return new TcpStream(adopted.io(), adopted.ipv6());
    }

    /**
     * Opens a socket and starts connecting it to {@code address}, without waiting.
     *
     * @param address the peer's resolved address
     * @return the stream, connected or connecting
     * @throws java.net.ConnectException when the OS refuses at once (on loopback a refused
     *     connect may be reported here rather than by an event)
     * @throws IOException when the OS refuses for another reason
     * @throws java.nio.channels.UnresolvedAddressException when the address is not resolved
     */
    public static TcpStream connect(InetSocketAddress address) throws IOException {
        IoSource io = InetSocket.open(address, false, fd -> SocketIo.SOCKETS.connect(fd, address));
        return new TcpStream(io, InetSocket.isIpv6(address));
    }

    /**
     * The connected peer's address.
     *
     * @return the peer's address
     * @throws NotYetConnectedException while a connect is still under way (or failed: see
     *     {@link #takeError()})
     * @throws IOException when the OS refuses; {@link java.nio.channels.ClosedChannelException}
     *     once closed
     */
    public InetSocketAddress peerAddress() throws IOException {
        InetSocketAddress peer = InetSocket.peerOf(io);
        if (peer == null) {
            throw new NotYetConnectedException();
        }
        return peer;
    }

    /**
     * Reads into {@code dst} without taking the data from the socket: the next read returns it
     * again. A successful peek does not use up the readable event.
     *
     * @param dst a writable buffer; its position advances as for a read
     * @return the bytes copied, 0 when nothing is queued, -1 at end of stream
     * @throws IOException when the connection failed; {@link java.nio.channels.ClosedChannelException}
     *     once closed
     */
    public int peek(ByteBuffer dst) throws IOException {
        return SocketIo.read(io, dst, Transfer.PEEK);
    }

    /**
     * Copies queued data into {@code dst} without taking it from the socket.
     *
     * @param dst the array to fill from index 0
     * @return the bytes copied, 0 when nothing is queued, -1 at end of stream
     * @throws IOException when the connection failed; {@link java.nio.channels.ClosedChannelException}
     *     once closed
     */
    public int peek(byte[] dst) throws IOException {
        return SocketIo.read(io, dst, 0, dst.length, Transfer.PEEK);
    }


    /**
     * Turns Nagle's algorithm off ({@code true}) or on: with it off, small writes are sent at once
     * instead of being held to be coalesced.
     *
     * @param noDelay {@code true} to send small writes at once
     * @throws IOException when the OS refuses; {@link java.nio.channels.ClosedChannelException}
     *     once closed
     */
    public void setNoDelay(boolean noDelay) throws IOException {
        setInt(SocketOpt.TCP_NODELAY, noDelay ? 1 : 0);
    }

    /**
     * Whether Nagle's algorithm is off.
     *
     * @return {@code true} when small writes are sent at once
     * @throws IOException when the OS refuses; {@link java.nio.channels.ClosedChannelException}
     *     once closed
     */
    public boolean noDelay() throws IOException {
        return getInt(SocketOpt.TCP_NODELAY) != 0;
    }

    /**
     * {@inheritDoc}
     *
     * <p>Keep-alive is tuned as with a {@code SocketChannel}: turn on {@code SO_KEEPALIVE}, then
     * set {@code jdk.net.ExtendedSocketOptions}' {@code TCP_KEEPIDLE}, {@code TCP_KEEPINTERVAL}
     * (both in seconds) and {@code TCP_KEEPCOUNT}:
     *
     * {@snippet :
     * stream.setOption(StandardSocketOptions.SO_KEEPALIVE, true);
     * stream.setOption(ExtendedSocketOptions.TCP_KEEPIDLE, 60);
     * stream.setOption(ExtendedSocketOptions.TCP_KEEPINTERVAL, 10);
     * stream.setOption(ExtendedSocketOptions.TCP_KEEPCOUNT, 5);
     * }
     *
     * @return {@code TCP_NODELAY}, {@code SO_KEEPALIVE}, {@code SO_LINGER}, {@code SO_RCVBUF},
     *     {@code SO_SNDBUF}, {@code IP_TOS}, {@code SO_REUSEADDR} and {@code SO_REUSEPORT} (where
     *     the OS has it); and of {@code jdk.net}, where it is present, the keep-alive tuning (not on
     *     Windows or OpenBSD) and {@code TCP_QUICKACK} (Linux)
     */
    @Override
    public Set<SocketOption<?>> supportedOptions() {
        return OPTIONS;
    }
}
