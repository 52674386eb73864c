package io.mio.spi;

/**
 * What a descriptor the program opened elsewhere turns out to be, so that adopting it as the
 * wrong Mio type fails with a clear message instead of misbehaving later.
 *
 * @param family the address family
 * @param type the socket type
 * @param protocol the protocol within the family and type
 * @param listening {@code true} when {@code listen} was called on it
 */
public record SocketKind(Family family, Type type, Protocol protocol, boolean listening) {
    /** The address families Mio's types cover, and the rest. */
    public enum Family {
        /** Unix-domain. */
        UNIX("Unix-domain"),
        /** IPv4. */
        IPV4("IPv4"),
        /** IPv6. */
        IPV6("IPv6"),
        /** Any other family. */
        OTHER("other-family");

        private final String label;

        Family(String label) {
            this.label = label;
        }
    }

    /** The socket types, as the OS names them. */
    public enum Type {
        /** {@code SOCK_STREAM}. */
        STREAM("stream"),
        /** {@code SOCK_DGRAM}. */
        DATAGRAM("datagram"),
        /** {@code SOCK_SEQPACKET}: messages over a connection, which no Mio type wraps. */
        SEQPACKET("seqpacket"),
        /** {@code SOCK_RAW}, which no Mio type wraps. */
        RAW("raw"),
        /** Any other type. */
        OTHER("other-type");

        private final String label;

        Type(String label) {
            this.label = label;
        }
    }

    /** The protocols Mio's types speak, and the rest. */
    public enum Protocol {
        /** The family's only protocol, as Unix-domain sockets have (protocol 0). */
        DEFAULT(""),
        /** TCP. */
        TCP(" TCP"),
        /** UDP. */
        UDP(" UDP"),
        /** Any other, such as SCTP over a stream socket or ICMP over a datagram socket. */
        OTHER(" other-protocol");

        private final String label;

        Protocol(String label) {
            this.label = label;
        }
    }

    @Override
    public String toString() {
        String phrase = (listening ? "listening " : "") + family.label + " " + type.label + protocol.label + " socket";
        // "an IPv4 ...", "an other-family ...", but "a Unix-domain ..." (said "you").
        return (phrase.startsWith("I") || phrase.startsWith("o") ? "an " : "a ") + phrase;
    }
}
