package io.mio.net;

import io.mio.internal.shared.IoSource;
import io.mio.internal.transfer.SocketIo;
import io.mio.spi.UnixName;
import java.io.IOException;
import java.util.Objects;

/**
 * What the Unix-domain socket types share beside {@link MioSocket}: their addresses.
 * Package-private, so that its public methods appear as each socket type's own.
 */
abstract sealed class UnixSocket extends MioSocket permits UnixListener, UnixDatagram {
    UnixSocket(IoSource io) {
        super(io, false);
    }

    /** Opens a Unix-domain socket, closing it again when {@code setUp} fails. */
    static IoSource open(boolean datagram, SetUp setUp) throws IOException {
        return setUp(SocketIo.SOCKETS.openUnix(datagram), setUp);
    }

    /** Opens a connected pair of descriptors. */
    static IoSource[] openPair(boolean datagram) throws IOException {
        int[] pair = SocketIo.unix().socketPair(datagram);
        return new IoSource[] {new IoSource(pair[0], SocketIo.SOCKETS), new IoSource(pair[1], SocketIo.SOCKETS)};
    }

    static UnixName name(UnixSocketAddress address) {
        return Objects.requireNonNull(address, "address").name();
    }

    /**
     * The address this socket is bound to.
     *
     * @return the local address; {@link UnixSocketAddress#unnamed()} when it was never bound
     * @throws IOException when the OS refuses; {@link java.nio.channels.ClosedChannelException}
     *     once closed
     */
    @Override
    public UnixSocketAddress localAddress() throws IOException {
        return localAddressOf(io);
    }

    static UnixSocketAddress localAddressOf(IoSource io) throws IOException {
        return UnixSocketAddress.of((UnixName) io.call(SocketIo.SOCKETS::localAddress));
    }

    /** The connected peer, or {@code null}; for the stream and datagram types' peerAddress. */
    static UnixSocketAddress peerOf(IoSource io) throws IOException {
        UnixName peer = (UnixName) io.call(SocketIo.SOCKETS::peerAddress);
        return peer == null ? null : UnixSocketAddress.of(peer);
    }
}
