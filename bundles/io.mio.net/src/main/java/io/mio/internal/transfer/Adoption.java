package io.mio.internal.transfer;

import io.mio.internal.shared.IoSource;
import io.mio.spi.SocketKind;
import java.io.IOException;

/**
 * Takes in descriptors the program opened elsewhere (inherited, received over a Unix socket,
 * made by a foreign call), checking first that each is what the Mio type will treat it as, then
 * making it non-blocking and close-on-exec as Mio's own are. When a check fails the descriptor is
 * left untouched and still the caller's.
 */
public final class Adoption {
    private Adoption() {}

    /** What a Mio socket type wraps. */
    public enum SocketType {
        /** {@code TcpStream}: a connected or connecting IPv4/IPv6 stream socket. */
        TCP_STREAM("TcpStream", false, false, false),
        /** {@code TcpListener}: a listening IPv4/IPv6 stream socket. */
        TCP_LISTENER("TcpListener", false, false, true),
        /** {@code UdpSocket}: an IPv4/IPv6 datagram socket. */
        UDP_SOCKET("UdpSocket", false, true, false),
        /** {@code UnixStream}: a Unix-domain stream socket that does not listen. */
        UNIX_STREAM("UnixStream", true, false, false),
        /** {@code UnixListener}: a listening Unix-domain stream socket. */
        UNIX_LISTENER("UnixListener", true, false, true),
        /** {@code UnixDatagram}: a Unix-domain datagram socket. */
        UNIX_DATAGRAM("UnixDatagram", true, true, false);

        private final String name;
        private final boolean unix;
        private final boolean datagram;
        private final boolean listening;

        SocketType(String name, boolean unix, boolean datagram, boolean listening) {
            this.name = name;
            this.unix = unix;
            this.datagram = datagram;
            this.listening = listening;
        }

        boolean accepts(SocketKind kind) {
            boolean familyFits = unix
                    ? kind.family() == SocketKind.Family.UNIX
                    : kind.family() == SocketKind.Family.IPV4 || kind.family() == SocketKind.Family.IPV6;
            SocketKind.Protocol protocol = unix ? SocketKind.Protocol.DEFAULT : datagram ? SocketKind.Protocol.UDP : SocketKind.Protocol.TCP;
            SocketKind.Type type = datagram ? SocketKind.Type.DATAGRAM : SocketKind.Type.STREAM;
            return familyFits && kind.type() == type && kind.protocol() == protocol && (datagram || kind.listening() == listening);
        }
    }

    /**
     * A socket adopted as one of Mio's types.
     *
     * @param io the guarded descriptor
     * @param ipv6 whether it is an IPv6 socket
     */
    public record AdoptedSocket(IoSource io, boolean ipv6) {}

    /**
     * Adopts a socket.
     *
     * @param fd the descriptor; ownership passes only when this returns
     * @param type the Mio type that will wrap it
     * @return the guarded descriptor and its family
     * @throws IllegalArgumentException when {@code fd} is negative or a socket of another kind
     * @throws IOException when it is not an open socket, or the OS refuses the flags
     */
    public static AdoptedSocket socket(long fd, SocketType type) throws IOException {
        checkNumber(fd);
        SocketKind kind = SocketIo.SOCKETS.socketKind(fd);
        if (!type.accepts(kind)) {
            throw new IllegalArgumentException("descriptor " + fd + " is " + kind + ", which a " + type.name + " cannot wrap");
        }
        SocketIo.SOCKETS.adopt(fd);
        return new AdoptedSocket(new IoSource(fd, SocketIo.SOCKETS), kind.family() == SocketKind.Family.IPV6);
    }

    /**
     * Adopts one end of a pipe (or any descriptor open for that direction).
     *
     * @param fd the descriptor; ownership passes only when this returns
     * @param writing {@code true} for the sending end
     * @return the guarded descriptor
     * @throws IllegalArgumentException when {@code fd} is negative or not open for that direction
     * @throws IOException when it is not open, or the OS refuses the flags
     */
    public static IoSource pipeEnd(long fd, boolean writing) throws IOException {
        checkNumber(fd);
        int mode = SocketIo.unix().accessMode(fd);
        if (mode != 2 && (mode == 1) != writing) {
            throw new IllegalArgumentException("descriptor " + fd + " is open " + (mode == 1 ? "write" : "read")
                    + "-only, so it cannot be a pipe's " + (writing ? "sending" : "receiving") + " end");
        }
        SocketIo.SOCKETS.adopt(fd);
        return new IoSource(fd, SocketIo.SOCKETS);
    }

    private static void checkNumber(long fd) {
        if (fd < 0) {
            throw new IllegalArgumentException("negative descriptor " + fd);
        }
    }
}
