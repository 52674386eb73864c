package io.mio.backend.posix;

import io.mio.spi.UnixName;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.ByteOrder;
import java.nio.channels.UnresolvedAddressException;

/**
 * Converts between Java's socket addresses and Linux's {@code sockaddr_in}, {@code sockaddr_in6}
 * (no {@code sin_len} field, unlike the BSDs) and {@code sockaddr_un}.
 *
 * {@snippet lang=c :
 * struct sockaddr_in  { sa_family_t sin_family; in_port_t sin_port; struct in_addr sin_addr; char sin_zero[8]; };
 * struct sockaddr_in6 { sa_family_t sin6_family; in_port_t sin6_port; uint32_t sin6_flowinfo;
 *                       struct in6_addr sin6_addr; uint32_t sin6_scope_id; };
 * struct sockaddr_un  { sa_family_t sun_family; char sun_path[108]; };
 * }
 *
 * <p>A {@code sockaddr_un}'s length says how much of {@code sun_path} counts: a filesystem path
 * is passed with its terminating NUL, an abstract name (leading NUL) without one, and an unnamed
 * socket's address is the family alone.
 */
final class SocketAddresses {
    static final int SOCKADDR_IN_SIZE = (int) Abi.layouts().sockaddrIn().byteSize();
    static final int SOCKADDR_IN6_SIZE = (int) Abi.layouts().sockaddrIn6().byteSize();
    static final int SUN_PATH_OFFSET = (int) Abi.offset(Abi.layouts().sockaddrUn(), "sun_path");
    static final int SUN_PATH_SIZE = (int) (Abi.layouts().sockaddrUn().byteSize() - SUN_PATH_OFFSET);
    private static final long SIN_PORT = Abi.offset(Abi.layouts().sockaddrIn(), "sin_port");
    private static final long SIN_ADDR = Abi.offset(Abi.layouts().sockaddrIn(), "sin_addr");
    private static final long SIN_ZERO = Abi.offset(Abi.layouts().sockaddrIn(), "sin_zero");
    private static final long SIN6_PORT = Abi.offset(Abi.layouts().sockaddrIn6(), "sin6_port");
    private static final long SIN6_ADDR = Abi.offset(Abi.layouts().sockaddrIn6(), "sin6_addr");
    private static final long SIN6_SCOPE_ID = Abi.offset(Abi.layouts().sockaddrIn6(), "sin6_scope_id");
    private static final ValueLayout.OfShort PORT = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    private static final ValueLayout.OfInt IPV4 = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    /**
     * Whether {@code Inet4Address.hashCode()} is the address, as it has been in every JDK: then an
     * IPv4 address is encoded without {@code getAddress()}, which copies it into a new array on
     * every send. Checked once, so that a JDK that changes it only costs the copy.
     */
    private static final boolean IPV4_HASH_IS_ADDRESS = ipv4HashIsAddress();

    private static boolean ipv4HashIsAddress() {
        try {
            return InetAddress.getByAddress(new byte[] {(byte) 192, 0, 2, (byte) 129}).hashCode() == 0xC0000281
                    && InetAddress.getByAddress(new byte[] {1, 2, 3, 4}).hashCode() == 0x01020304;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private SocketAddresses() {}

    /**
     * Writes {@code address} into {@code into}.
     *
     * @param address a resolved {@link InetSocketAddress} or a {@link UnixName}
     * @param into at least 110 bytes
     * @return the length of the struct written
     * @throws UnresolvedAddressException when the address is not resolved
     * @throws SocketException when a Unix-domain path is too long for {@code sun_path}
     */
    static int encode(SocketAddress address, MemorySegment into) throws SocketException {
        return switch (address) {
            case InetSocketAddress inet -> encode(inet, into);
            case UnixName unix -> encode(unix, into);
            default -> throw new IllegalArgumentException("unsupported address type " + address.getClass().getName());
        };
    }

    private static int encode(UnixName address, MemorySegment into) throws SocketException {
        byte[] path = address.bytes();
        boolean abstractName = path.length > 0 && path[0] == 0;
        int length = abstractName ? path.length : path.length + 1; // a path is passed with its NUL
        if (length > SUN_PATH_SIZE) {
            // Either way one byte of sun_path is not the caller's: a path's trailing NUL, or the
            // leading NUL that marks an abstract name (which path counts, and the caller did not write).
            throw new SocketException(abstractName
                    ? "Unix domain abstract name too long: " + (path.length - 1) + " bytes, at most " + (SUN_PATH_SIZE - 1)
                    : "Unix domain path too long: " + path.length + " bytes, at most " + (SUN_PATH_SIZE - 1));
        }
        into.asSlice(0, SUN_PATH_OFFSET + SUN_PATH_SIZE).fill((byte) 0);
        into.set(ValueLayout.JAVA_SHORT, 0, (short) Net.AF_UNIX);
        MemorySegment.copy(path, 0, into, ValueLayout.JAVA_BYTE, SUN_PATH_OFFSET, path.length);
        return path.length == 0 ? SUN_PATH_OFFSET : SUN_PATH_OFFSET + length;
    }

    private static int encode(InetSocketAddress address, MemorySegment into) {
        if (address.isUnresolved()) {
            throw new UnresolvedAddressException();
        }
        InetAddress ip = address.getAddress();
        if (ip instanceof Inet4Address) {
            into.set(ValueLayout.JAVA_LONG_UNALIGNED, SIN_ZERO, 0L);
            into.set(ValueLayout.JAVA_SHORT, 0, (short) Net.AF_INET);
            into.set(PORT, SIN_PORT, (short) address.getPort());
            if (IPV4_HASH_IS_ADDRESS) {
                into.set(IPV4, SIN_ADDR, ip.hashCode());
            } else {
                MemorySegment.copy(ip.getAddress(), 0, into, ValueLayout.JAVA_BYTE, SIN_ADDR, 4);
            }
            return SOCKADDR_IN_SIZE;
        }
        byte[] bytes = ip.getAddress();
        into.asSlice(0, SOCKADDR_IN6_SIZE).fill((byte) 0);
        into.set(ValueLayout.JAVA_SHORT, 0, (short) Net.AF_INET6);
        into.set(PORT, SIN6_PORT, (short) address.getPort());
        MemorySegment.copy(bytes, 0, into, ValueLayout.JAVA_BYTE, SIN6_ADDR, 16);
        into.set(ValueLayout.JAVA_INT, SIN6_SCOPE_ID, ((Inet6Address) ip).getScopeId());
        return SOCKADDR_IN6_SIZE;
    }

    /**
     * Reads a {@code sockaddr_in}, {@code sockaddr_in6} or {@code sockaddr_un}.
     *
     * @param from the struct
     * @param length its length as the kernel reported it
     * @return an {@link InetSocketAddress} or a {@link UnixName}
     * @throws IllegalArgumentException for another family
     */
    static SocketAddress decode(MemorySegment from, int length) {
        int family = from.get(ValueLayout.JAVA_SHORT, 0);
        if (family == Net.AF_UNIX) {
            int pathLength = Math.max(0, Math.min(length, SUN_PATH_OFFSET + SUN_PATH_SIZE) - SUN_PATH_OFFSET);
            byte[] path = from.asSlice(SUN_PATH_OFFSET, pathLength).toArray(ValueLayout.JAVA_BYTE);
            if (path.length > 0 && path[0] != 0) {
                // A filesystem path: the kernel may count its NUL, or stop at it.
                int end = 0;
                while (end < path.length && path[end] != 0) {
                    end++;
                }
                path = java.util.Arrays.copyOf(path, end);
            }
            return new UnixName(path);
        }
        int port = Short.toUnsignedInt(from.get(PORT, SIN_PORT)); // sin6_port sits at the same offset
        try {
            if (family == Net.AF_INET) {
                byte[] bytes = from.asSlice(SIN_ADDR, 4).toArray(ValueLayout.JAVA_BYTE);
                return new InetSocketAddress(InetAddress.getByAddress(bytes), port);
            }
            if (family == Net.AF_INET6) {
                byte[] bytes = from.asSlice(SIN6_ADDR, 16).toArray(ValueLayout.JAVA_BYTE);
                int scope = from.get(ValueLayout.JAVA_INT, SIN6_SCOPE_ID);
                InetAddress ip = scope == 0 ? InetAddress.getByAddress(bytes) : Inet6Address.getByAddress(null, bytes, scope);
                return new InetSocketAddress(ip, port);
            }
        } catch (UnknownHostException e) {
            throw new IllegalStateException("the kernel returned a malformed address", e);
        }
        throw new IllegalArgumentException("not an IP socket address: family " + family);
    }
}
