package io.mio.backend.linux;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteOrder;
import java.nio.channels.UnresolvedAddressException;

/**
 * Converts between {@link InetSocketAddress} and Linux's {@code sockaddr_in} / {@code sockaddr_in6}
 * (no {@code sin_len} field, unlike the BSDs).
 *
 * {@snippet lang=c :
 * struct sockaddr_in  { sa_family_t sin_family; in_port_t sin_port; struct in_addr sin_addr; char sin_zero[8]; };
 * struct sockaddr_in6 { sa_family_t sin6_family; in_port_t sin6_port; uint32_t sin6_flowinfo;
 *                       struct in6_addr sin6_addr; uint32_t sin6_scope_id; };
 * }
 */
final class SocketAddresses {
    static final int SOCKADDR_IN_SIZE = 16;
    static final int SOCKADDR_IN6_SIZE = 28;
    private static final ValueLayout.OfShort PORT = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);

    private SocketAddresses() {}

    /**
     * Writes {@code address} into {@code into}.
     *
     * @param address a resolved address
     * @param into at least 28 bytes
     * @return the length of the struct written
     * @throws UnresolvedAddressException when the address is not resolved
     */
    static int encode(InetSocketAddress address, MemorySegment into) {
        if (address.isUnresolved()) {
            throw new UnresolvedAddressException();
        }
        InetAddress ip = address.getAddress();
        byte[] bytes = ip.getAddress();
        if (ip instanceof Inet4Address) {
            into.asSlice(0, SOCKADDR_IN_SIZE).fill((byte) 0);
            into.set(ValueLayout.JAVA_SHORT, 0, (short) Net.AF_INET);
            into.set(PORT, 2, (short) address.getPort());
            MemorySegment.copy(bytes, 0, into, ValueLayout.JAVA_BYTE, 4, 4);
            return SOCKADDR_IN_SIZE;
        }
        into.asSlice(0, SOCKADDR_IN6_SIZE).fill((byte) 0);
        into.set(ValueLayout.JAVA_SHORT, 0, (short) Net.AF_INET6);
        into.set(PORT, 2, (short) address.getPort());
        MemorySegment.copy(bytes, 0, into, ValueLayout.JAVA_BYTE, 8, 16);
        into.set(ValueLayout.JAVA_INT, 24, ((Inet6Address) ip).getScopeId());
        return SOCKADDR_IN6_SIZE;
    }

    /**
     * Reads a {@code sockaddr_in} or {@code sockaddr_in6}.
     *
     * @param from the struct
     * @return the address
     * @throws IllegalArgumentException for another family
     */
    static InetSocketAddress decode(MemorySegment from) {
        int family = from.get(ValueLayout.JAVA_SHORT, 0);
        int port = Short.toUnsignedInt(from.get(PORT, 2));
        try {
            if (family == Net.AF_INET) {
                byte[] bytes = from.asSlice(4, 4).toArray(ValueLayout.JAVA_BYTE);
                return new InetSocketAddress(InetAddress.getByAddress(bytes), port);
            }
            if (family == Net.AF_INET6) {
                byte[] bytes = from.asSlice(8, 16).toArray(ValueLayout.JAVA_BYTE);
                int scope = from.get(ValueLayout.JAVA_INT, 24);
                InetAddress ip = scope == 0 ? InetAddress.getByAddress(bytes) : Inet6Address.getByAddress(null, bytes, scope);
                return new InetSocketAddress(ip, port);
            }
        } catch (UnknownHostException e) {
            throw new IllegalStateException("the kernel returned a malformed address", e);
        }
        throw new IllegalArgumentException("not an IP socket address: family " + family);
    }
}
