package io.mio.backend.posix;

import io.mio.spi.UnixName;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
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
 * Converts between Java's socket addresses and an OS's {@code sockaddr_in}, {@code sockaddr_in6}
 * and {@code sockaddr_un}, as its {@link UnixLayouts} lay them out: with a leading length byte
 * and a one-byte family on macOS and the BSDs, a two-byte family alone on Linux. One instance per
 * table; the code uses {@link #CURRENT}, the machine's, a {@code static final} record whose
 * fields the JIT folds like constants.
 *
 * <p>A {@code sockaddr_un}'s length says how much of {@code sun_path} counts: a filesystem path
 * is passed with its terminating NUL, an abstract name (leading NUL, Linux only) without one, and
 * an unnamed socket's address is the family alone.
 *
 * @param afUnix {@code AF_UNIX}
 * @param afInet {@code AF_INET}
 * @param afInet6 {@code AF_INET6}
 * @param abstractNames whether the OS has Linux's abstract names
 * @param familyOffset where every {@code sockaddr} keeps its family
 * @param familySize 2 ({@code sa_family_t} alone) or 1 (after the length byte)
 * @param hasLength whether each {@code sockaddr} begins with its length ({@code sin_len})
 * @param inSize {@code sizeof(struct sockaddr_in)}
 * @param sinPort {@code sin_port}'s offset
 * @param sinAddr {@code sin_addr}'s offset
 * @param sinZero {@code sin_zero}'s offset
 * @param in6Size {@code sizeof(struct sockaddr_in6)}
 * @param sin6Port {@code sin6_port}'s offset
 * @param sin6Flowinfo {@code sin6_flowinfo}'s offset
 * @param sin6Addr {@code sin6_addr}'s offset
 * @param sin6ScopeId {@code sin6_scope_id}'s offset
 * @param sunPath {@code sun_path}'s offset
 * @param sunPathSize {@code sun_path}'s size
 */
record SocketAddresses(
        int afUnix, int afInet, int afInet6, boolean abstractNames,
        long familyOffset, int familySize, boolean hasLength,
        int inSize, long sinPort, long sinAddr, long sinZero,
        int in6Size, long sin6Port, long sin6Flowinfo, long sin6Addr, long sin6ScopeId,
        int sunPath, int sunPathSize) {

    /** This machine's. */
    static final SocketAddresses CURRENT = of(Abi.current());

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

    /**
     * The codec of one OS's tables.
     *
     * @param abi the tables
     * @return the codec
     */
    static SocketAddresses of(UnixAbi abi) {
        UnixLayouts l = abi.layouts();
        ConstantTable c = abi.constants();
        boolean hasLength = has(l.sockaddrIn(), "sin_len");
        int sunPath = (int) Abi.offset(l.sockaddrUn(), "sun_path");
        return new SocketAddresses(
                c.get(UnixConstant.AF_UNIX), c.get(UnixConstant.AF_INET), c.get(UnixConstant.AF_INET6),
                abi.features().abstractNames(),
                Abi.offset(l.sockaddrIn(), "sin_family"), (int) member(l.sockaddrIn(), "sin_family").byteSize(), hasLength,
                (int) l.sockaddrIn().byteSize(), Abi.offset(l.sockaddrIn(), "sin_port"),
                Abi.offset(l.sockaddrIn(), "sin_addr"), Abi.offset(l.sockaddrIn(), "sin_zero"),
                (int) l.sockaddrIn6().byteSize(), Abi.offset(l.sockaddrIn6(), "sin6_port"),
                Abi.offset(l.sockaddrIn6(), "sin6_flowinfo"), Abi.offset(l.sockaddrIn6(), "sin6_addr"),
                Abi.offset(l.sockaddrIn6(), "sin6_scope_id"),
                sunPath, (int) (l.sockaddrUn().byteSize() - sunPath));
    }

    private static boolean has(StructLayout layout, String member) {
        return layout.memberLayouts().stream().anyMatch(m -> m.name().filter(member::equals).isPresent());
    }

    private static MemoryLayout member(StructLayout layout, String member) {
        return layout.select(MemoryLayout.PathElement.groupElement(member));
    }

    /**
     * Writes {@code address} into {@code into}, for this machine.
     *
     * @param address a resolved {@link InetSocketAddress} or a {@link UnixName}
     * @param into room for a {@code sockaddr_storage}
     * @return the length of the struct written
     * @throws UnresolvedAddressException when the address is not resolved
     * @throws SocketException when a Unix-domain path is too long for {@code sun_path}
     */
    static int encode(SocketAddress address, MemorySegment into) throws SocketException {
        return CURRENT.write(address, into);
    }

    /**
     * Reads a {@code sockaddr} the kernel wrote, for this machine.
     *
     * @param from the struct
     * @param length its length as the kernel reported it
     * @return an {@link InetSocketAddress} or a {@link UnixName}
     * @throws IllegalArgumentException for another family
     */
    static SocketAddress decode(MemorySegment from, int length) {
        return CURRENT.read(from, length);
    }

    /**
     * Writes {@code address} into {@code into}.
     *
     * @param address a resolved {@link InetSocketAddress} or a {@link UnixName}
     * @param into room for a {@code sockaddr_storage}
     * @return the length of the struct written
     * @throws UnresolvedAddressException when the address is not resolved
     * @throws SocketException when a Unix-domain path is too long for {@code sun_path}, or an
     *     abstract name is given where the OS has none
     */
    int write(SocketAddress address, MemorySegment into) throws SocketException {
        return switch (address) {
            case InetSocketAddress inet -> write(inet, into);
            case UnixName unix -> write(unix, into);
            default -> throw new IllegalArgumentException("unsupported address type " + address.getClass().getName());
        };
    }

    /** The header every {@code sockaddr} starts with: the length byte where the OS has one, then the family. */
    private void header(MemorySegment into, int family, int length) {
        if (hasLength) {
            into.set(ValueLayout.JAVA_BYTE, 0, (byte) length);
        }
        if (familySize == 1) {
            into.set(ValueLayout.JAVA_BYTE, familyOffset, (byte) family);
        } else {
            into.set(ValueLayout.JAVA_SHORT, familyOffset, (short) family);
        }
    }

    private int write(UnixName address, MemorySegment into) throws SocketException {
        byte[] path = address.bytes();
        boolean abstractName = path.length > 0 && path[0] == 0;
        if (abstractName && !abstractNames) {
            throw new SocketException("Unix domain abstract names are Linux's; this OS has none");
        }
        int length = abstractName ? path.length : path.length + 1; // a path is passed with its NUL
        if (length > sunPathSize) {
            // Either way one byte of sun_path is not the caller's: a path's trailing NUL, or the
            // leading NUL that marks an abstract name (which path counts, and the caller did not write).
            throw new SocketException(abstractName
                    ? "Unix domain abstract name too long: " + (path.length - 1) + " bytes, at most " + (sunPathSize - 1)
                    : "Unix domain path too long: " + path.length + " bytes, at most " + (sunPathSize - 1));
        }
        into.asSlice(0, sunPath + sunPathSize).fill((byte) 0);
        int written = path.length == 0 ? sunPath : sunPath + length;
        header(into, afUnix, written);
        MemorySegment.copy(path, 0, into, ValueLayout.JAVA_BYTE, sunPath, path.length);
        return written;
    }

    private int write(InetSocketAddress address, MemorySegment into) {
        if (address.isUnresolved()) {
            throw new UnresolvedAddressException();
        }
        InetAddress ip = address.getAddress();
        if (ip instanceof Inet4Address) {
            into.set(ValueLayout.JAVA_LONG_UNALIGNED, sinZero, 0L);
            header(into, afInet, inSize);
            into.set(PORT, sinPort, (short) address.getPort());
            if (IPV4_HASH_IS_ADDRESS) {
                into.set(IPV4, sinAddr, ip.hashCode());
            } else {
                MemorySegment.copy(ip.getAddress(), 0, into, ValueLayout.JAVA_BYTE, sinAddr, 4);
            }
            return inSize;
        }
        byte[] bytes = ip.getAddress();
        into.asSlice(0, in6Size).fill((byte) 0);
        header(into, afInet6, in6Size);
        into.set(PORT, sin6Port, (short) address.getPort());
        MemorySegment.copy(bytes, 0, into, ValueLayout.JAVA_BYTE, sin6Addr, 16);
        into.set(ValueLayout.JAVA_INT, sin6ScopeId, ((Inet6Address) ip).getScopeId());
        return in6Size;
    }

    /**
     * The family of a {@code sockaddr}.
     *
     * @param from the struct
     * @return its family, such as {@code AF_INET}'s value
     */
    int family(MemorySegment from) {
        return familySize == 1
                ? Byte.toUnsignedInt(from.get(ValueLayout.JAVA_BYTE, familyOffset))
                : Short.toUnsignedInt(from.get(ValueLayout.JAVA_SHORT, familyOffset));
    }

    /**
     * Reads a {@code sockaddr_in}, {@code sockaddr_in6} or {@code sockaddr_un}.
     *
     * @param from the struct
     * @param length its length as the kernel reported it
     * @return an {@link InetSocketAddress} or a {@link UnixName}
     * @throws IllegalArgumentException for another family
     */
    SocketAddress read(MemorySegment from, int length) {
        int family = family(from);
        if (family == afUnix) {
            int pathLength = Math.max(0, Math.min(length, sunPath + sunPathSize) - sunPath);
            byte[] path = from.asSlice(sunPath, pathLength).toArray(ValueLayout.JAVA_BYTE);
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
        try {
            if (family == afInet) {
                byte[] bytes = from.asSlice(sinAddr, 4).toArray(ValueLayout.JAVA_BYTE);
                return new InetSocketAddress(InetAddress.getByAddress(bytes), Short.toUnsignedInt(from.get(PORT, sinPort)));
            }
            if (family == afInet6) {
                byte[] bytes = from.asSlice(sin6Addr, 16).toArray(ValueLayout.JAVA_BYTE);
                int scope = from.get(ValueLayout.JAVA_INT, sin6ScopeId);
                InetAddress ip = scope == 0 ? InetAddress.getByAddress(bytes) : Inet6Address.getByAddress(null, bytes, scope);
                return new InetSocketAddress(ip, Short.toUnsignedInt(from.get(PORT, sin6Port)));
            }
        } catch (UnknownHostException e) {
            throw new IllegalStateException("the kernel returned a malformed address", e);
        }
        throw new IllegalArgumentException("not an IP socket address: family " + family);
    }
}
