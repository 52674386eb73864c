package io.mio.spi;

/**
 * What a descriptor the program opened elsewhere turns out to be, so that adopting it as the
 * wrong Mio type fails with a clear message instead of misbehaving later.
 *
 * @param family the address family
 * @param datagram {@code true} for a datagram socket, {@code false} for a stream socket
 * @param listening {@code true} when {@code listen} was called on it
 */
public record SocketKind(Family family, boolean datagram, boolean listening) {
    /** The address families Mio's types cover, and the rest. */
    public enum Family {
        /** Unix-domain. */
        UNIX,
        /** IPv4. */
        IPV4,
        /** IPv6. */
        IPV6,
        /** Any other family. */
        OTHER
    }

    @Override
    public String toString() {
        return (listening ? "a listening " : "a ") + family + (datagram ? " datagram" : " stream") + " socket";
    }
}
