package io.mio.net;

import io.mio.internal.shared.IoSource;
import io.mio.internal.transfer.SocketIo;
import io.mio.spi.SocketOpt;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.SocketOption;
import java.net.StandardSocketOptions;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What the IP socket types share beside {@link MioSocket}: addresses and TTL. Package-private, so that its public methods appear as each socket type's own.
 */
abstract sealed class InetSocket extends MioSocket permits TcpListener, UdpSocket {
    InetSocket(IoSource io, boolean ipv6) {
        super(io, ipv6);
    }

    /** Opens a socket of {@code address}'s family, closing it again when {@code setUp} fails. */
    static IoSource open(InetSocketAddress address, boolean datagram, SetUp setUp) throws IOException {
        Objects.requireNonNull(address, "address");
        boolean ipv6 = isIpv6(address);
        return setUp(datagram ? SocketIo.SOCKETS.openUdp(ipv6) : SocketIo.SOCKETS.openTcp(ipv6), setUp);
    }

    static boolean isIpv6(InetSocketAddress address) {
        return address.getAddress() instanceof Inet6Address;
    }

    /**
     * The address this socket is bound to; for a socket bound to port 0, the port the OS chose.
     *
     * @return the local address
     * @throws IOException when the OS refuses; {@link java.nio.channels.ClosedChannelException}
     *     once closed
     */
    @Override
    public InetSocketAddress localAddress() throws IOException {
        return localAddressOf(io);
    }

    static InetSocketAddress localAddressOf(IoSource io) throws IOException {
        return (InetSocketAddress) io.call(SocketIo.SOCKETS::localAddress);
    }

    /** The connected peer, or {@code null}; for the stream and datagram types' peerAddress. */
    static InetSocketAddress peerOf(IoSource io) throws IOException {
        return (InetSocketAddress) io.call(SocketIo.SOCKETS::peerAddress);
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
        setTtl(this, ttl);
    }

    static void setTtl(MioSocket socket, int ttl) throws IOException {
        if (ttl < 1 || ttl > 255) {
            throw new IllegalArgumentException("TTL must be from 1 to 255, was " + ttl);
        }
        socket.setInt(SocketOpt.TTL, ttl);
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

}
