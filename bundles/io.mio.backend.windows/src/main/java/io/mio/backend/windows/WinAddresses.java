package io.mio.backend.windows;

import io.mio.spi.UnixName;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteOrder;
import java.nio.channels.UnresolvedAddressException;

/** Socket addresses to and from Winsock's {@code SOCKADDR_IN}, {@code SOCKADDR_IN6} and {@code SOCKADDR_UN}. */
final class WinAddresses {
    private static final ValueLayout.OfShort PORT = ValueLayout.JAVA_SHORT.withOrder(ByteOrder.BIG_ENDIAN);
    private static final int AF_UNIX = WinConstant.AF_UNIX.value();
    private static final int AF_INET = WinConstant.AF_INET.value();
    private static final int AF_INET6 = WinConstant.AF_INET6.value();
    private static final long SUN_PATH = 2;
    private static final int SUN_PATH_SIZE = 108;

    private WinAddresses() {}

    /**
     * Writes an address.
     *
     * @param address a resolved {@link InetSocketAddress}, or a {@link UnixName}
     * @param into a {@code SOCKADDR_STORAGE}
     * @return the length to pass with it
     */
    static int encode(SocketAddress address, MemorySegment into) {
        into.asSlice(0, WinLayouts.SOCKADDR_STORAGE.byteSize()).fill((byte) 0);
        if (address instanceof UnixName name) {
            byte[] path = name.bytes();
            if (path.length >= SUN_PATH_SIZE) {
                throw new IllegalArgumentException("a Unix-domain name holds at most " + (SUN_PATH_SIZE - 1) + " bytes");
            }
            into.set(WinLayouts.USHORT, 0, (short) AF_UNIX);
            MemorySegment.copy(path, 0, into, ValueLayout.JAVA_BYTE, SUN_PATH, path.length);
            return (int) SUN_PATH + path.length + 1;
        }
        InetSocketAddress inet = (InetSocketAddress) address;
        if (inet.isUnresolved()) {
            throw new UnresolvedAddressException();
        }
        InetAddress ip = inet.getAddress();
        if (ip instanceof Inet4Address) {
            into.set(WinLayouts.USHORT, Offsets.SIN_FAMILY, (short) AF_INET);
            into.set(PORT, Offsets.SIN_PORT, (short) inet.getPort());
            MemorySegment.copy(ip.getAddress(), 0, into, ValueLayout.JAVA_BYTE, Offsets.SIN_ADDR, 4);
            return (int) WinLayouts.SOCKADDR_IN.byteSize();
        }
        into.set(WinLayouts.USHORT, Offsets.SIN_FAMILY, (short) AF_INET6);
        into.set(PORT, Offsets.SIN6_PORT, (short) inet.getPort());
        MemorySegment.copy(ip.getAddress(), 0, into, ValueLayout.JAVA_BYTE, Offsets.SIN6_ADDR, 16);
        into.set(WinLayouts.LONG, Offsets.SIN6_SCOPE_ID, ((Inet6Address) ip).getScopeId());
        return (int) WinLayouts.SOCKADDR_IN6.byteSize();
    }

    /**
     * Reads an address the OS wrote.
     *
     * @param from the {@code SOCKADDR_*}
     * @param length the length the OS gave
     * @return the address
     */
    static SocketAddress decode(MemorySegment from, int length) {
        int family = Short.toUnsignedInt(from.get(WinLayouts.USHORT, 0));
        try {
            if (family == AF_INET) {
                byte[] ip = from.asSlice(Offsets.SIN_ADDR, 4).toArray(ValueLayout.JAVA_BYTE);
                return new InetSocketAddress(InetAddress.getByAddress(ip), Short.toUnsignedInt(from.get(PORT, Offsets.SIN_PORT)));
            }
            if (family == AF_INET6) {
                byte[] ip = from.asSlice(Offsets.SIN6_ADDR, 16).toArray(ValueLayout.JAVA_BYTE);
                int scope = from.get(WinLayouts.LONG, Offsets.SIN6_SCOPE_ID);
                return new InetSocketAddress(Inet6Address.getByAddress(null, ip, scope),
                        Short.toUnsignedInt(from.get(PORT, Offsets.SIN6_PORT)));
            }
        } catch (UnknownHostException e) {
            throw new AssertionError(e); // only for a wrong length, which the slices rule out
        }
        if (family == AF_UNIX) {
            int end = (int) SUN_PATH;
            int limit = Math.min(length, (int) SUN_PATH + SUN_PATH_SIZE);
            while (end < limit && from.get(ValueLayout.JAVA_BYTE, end) != 0) {
                end++;
            }
            return new UnixName(from.asSlice(SUN_PATH, end - SUN_PATH).toArray(ValueLayout.JAVA_BYTE));
        }
        throw new IllegalArgumentException("address family " + family + " is not one Mio reads");
    }
}
