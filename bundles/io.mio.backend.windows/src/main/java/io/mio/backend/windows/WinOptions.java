package io.mio.backend.windows;

import static io.mio.backend.windows.WinConstant.*;

import io.mio.spi.SocketOpt;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.net.Inet4Address;
import java.net.InetAddress;

/** Socket options through {@code setsockopt}/{@code getsockopt}, with Windows's levels and names. */
final class WinOptions {
    private static final long L_ONOFF = Offsets.LINGER_ONOFF;
    private static final long L_LINGER = Offsets.LINGER_LINGER;

    private WinOptions() {}

    static void set(long socket, boolean ipv6, SocketOpt option, int value) throws IOException {
        switch (option) {
            case LINGER -> {
                MemorySegment linger = WinScratch.get().value;
                linger.set(WinLayouts.USHORT, L_ONOFF, (short) (value < 0 ? 0 : 1));
                linger.set(WinLayouts.USHORT, L_LINGER, (short) Math.max(value, 0));
                setRaw(socket, SOL_SOCKET.value(), SO_LINGER.value(), linger, (int) WinLayouts.LINGER.byteSize(), "SO_LINGER");
            }
            // Windows's SO_REUSEADDR would let another socket take a port in use; a listener's
            // port can be bound again at once without it, which is all Mio asks of the option.
            case REUSE_ADDRESS -> { }
            default -> setInt(socket, level(option, ipv6), name(option, ipv6), value, option.name());
        }
    }

    static int get(long socket, boolean ipv6, SocketOpt option) throws IOException {
        return switch (option) {
            case LINGER -> {
                WinScratch scratch = WinScratch.get();
                scratch.length.set(ValueLayout.JAVA_INT, 0, (int) WinLayouts.LINGER.byteSize());
                getRaw(socket, SOL_SOCKET.value(), SO_LINGER.value(), scratch.value, scratch.length, "SO_LINGER");
                yield scratch.value.get(WinLayouts.USHORT, L_ONOFF) == 0 ? -1
                        : Short.toUnsignedInt(scratch.value.get(WinLayouts.USHORT, L_LINGER));
            }
            case REUSE_ADDRESS -> getInt(socket, SOL_SOCKET.value(), SO_REUSEADDR.value(), "SO_REUSEADDR");
            default -> {
                int value = getInt(socket, level(option, ipv6), name(option, ipv6), option.name());
                // Windows answers a BOOL option in one byte of the four.
                yield isFlag(option) ? value & 0xFF : value;
            }
        };
    }

    private static boolean isFlag(SocketOpt option) {
        return switch (option) {
            case KEEP_ALIVE, TCP_NODELAY, IPV6_ONLY, BROADCAST, MULTICAST_LOOP_V4, MULTICAST_LOOP_V6 -> true;
            default -> false;
        };
    }

    private static int level(SocketOpt option, boolean ipv6) {
        if (!supports(option)) {
            // The sockets list only supported options, so this is a safety net.
            throw new UnsupportedOperationException(option + " is not an option of Mio's Windows backend");
        }
        return switch (option) {
            case KEEP_ALIVE, RECEIVE_BUFFER, SEND_BUFFER, BROADCAST, REUSE_ADDRESS, LINGER -> SOL_SOCKET.value();
            case TCP_NODELAY -> IPPROTO_TCP.value();
            case TTL, TRAFFIC_CLASS -> ipv6 ? IPPROTO_IPV6.value() : IPPROTO_IP.value();
            case IPV6_ONLY, MULTICAST_LOOP_V6, MULTICAST_HOPS_V6, MULTICAST_IF_V6 -> IPPROTO_IPV6.value();
            case MULTICAST_LOOP_V4, MULTICAST_TTL_V4, MULTICAST_IF_V4 -> IPPROTO_IP.value();
            case REUSE_PORT, KEEPALIVE_IDLE, KEEPALIVE_INTERVAL, KEEPALIVE_COUNT, QUICK_ACK ->
                    throw new AssertionError("refused above");
        };
    }

    /**
     * Whether the backend sets the option: Windows has no {@code SO_REUSEPORT} or
     * {@code TCP_QUICKACK}; its per-socket keep-alive tuning (Windows 10 1709 on) is not offered,
     * because the mingw-w64 headers the build checks {@link WinConstant} against do not name it.
     */
    static boolean supports(SocketOpt option) {
        return switch (option) {
            case REUSE_PORT, KEEPALIVE_IDLE, KEEPALIVE_INTERVAL, KEEPALIVE_COUNT, QUICK_ACK -> false;
            default -> true;
        };
    }

    private static int name(SocketOpt option, boolean ipv6) {
        return switch (option) {
            case KEEP_ALIVE -> SO_KEEPALIVE.value();
            case RECEIVE_BUFFER -> SO_RCVBUF.value();
            case SEND_BUFFER -> SO_SNDBUF.value();
            case BROADCAST -> SO_BROADCAST.value();
            case TCP_NODELAY -> WinConstant.TCP_NODELAY.value();
            case TTL -> ipv6 ? IPV6_UNICAST_HOPS.value() : IP_TTL.value();
            case TRAFFIC_CLASS -> ipv6 ? IPV6_TCLASS.value() : IP_TOS.value();
            case IPV6_ONLY -> IPV6_V6ONLY.value();
            case MULTICAST_LOOP_V4 -> IP_MULTICAST_LOOP.value();
            case MULTICAST_TTL_V4 -> IP_MULTICAST_TTL.value();
            case MULTICAST_LOOP_V6 -> IPV6_MULTICAST_LOOP.value();
            case MULTICAST_HOPS_V6 -> IPV6_MULTICAST_HOPS.value();
            case MULTICAST_IF_V4 -> IP_MULTICAST_IF.value();
            case MULTICAST_IF_V6 -> IPV6_MULTICAST_IF.value();
            case REUSE_ADDRESS, LINGER -> throw new AssertionError("handled by the caller");
            case REUSE_PORT, KEEPALIVE_IDLE, KEEPALIVE_INTERVAL, KEEPALIVE_COUNT, QUICK_ACK ->
                    throw new AssertionError("refused by level()");
        };
    }

    static void multicastMembership(long socket, InetAddress group, InetAddress interfaceAddress, int interfaceIndex,
            boolean join) throws IOException {
        MemorySegment request = WinScratch.get().value;
        if (group instanceof Inet4Address) {
            byte[] local = interfaceAddress == null ? new byte[4] : interfaceAddress.getAddress();
            if (local.length != 4) {
                throw new IllegalArgumentException("an IPv4 group needs an IPv4 interface address, not " + interfaceAddress);
            }
            MemorySegment.copy(group.getAddress(), 0, request, ValueLayout.JAVA_BYTE, 0, 4);
            MemorySegment.copy(local, 0, request, ValueLayout.JAVA_BYTE, 4, 4);
            setRaw(socket, IPPROTO_IP.value(), (join ? IP_ADD_MEMBERSHIP : IP_DROP_MEMBERSHIP).value(), request,
                    (int) WinLayouts.IP_MREQ.byteSize(), join ? "IP_ADD_MEMBERSHIP" : "IP_DROP_MEMBERSHIP");
            return;
        }
        MemorySegment.copy(group.getAddress(), 0, request, ValueLayout.JAVA_BYTE, 0, 16);
        request.set(WinLayouts.LONG, 16, interfaceIndex);
        setRaw(socket, IPPROTO_IPV6.value(), (join ? IPV6_ADD_MEMBERSHIP : IPV6_DROP_MEMBERSHIP).value(), request,
                (int) WinLayouts.IPV6_MREQ.byteSize(), join ? "IPV6_ADD_MEMBERSHIP" : "IPV6_DROP_MEMBERSHIP");
    }

    static void setInt(long socket, int level, int name, int value, String what) throws IOException {
        MemorySegment slot = WinScratch.get().value;
        slot.set(ValueLayout.JAVA_INT, 0, value);
        setRaw(socket, level, name, slot, 4, what);
    }

    static int getInt(long socket, int level, int name, String what) throws IOException {
        WinScratch scratch = WinScratch.get();
        scratch.value.set(ValueLayout.JAVA_INT, 0, 0);
        scratch.length.set(ValueLayout.JAVA_INT, 0, 4);
        getRaw(socket, level, name, scratch.value, scratch.length, what);
        return scratch.value.get(ValueLayout.JAVA_INT, 0);
    }

    private static void setRaw(long socket, int level, int name, MemorySegment value, int length, String what)
            throws IOException {
        MemorySegment capture = WinScratch.get().capture;
        int result;
        try {
            result = (int) Ws2.SETSOCKOPT.invokeExact(capture, socket, level, name, value, length);
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
        if (result == Ws2.SOCKET_ERROR) {
            throw WinError.socketException("setsockopt(" + what + ")", WinLink.lastError(capture));
        }
    }

    private static void getRaw(long socket, int level, int name, MemorySegment value, MemorySegment length, String what)
            throws IOException {
        MemorySegment capture = WinScratch.get().capture;
        int result;
        try {
            result = (int) Ws2.GETSOCKOPT.invokeExact(capture, socket, level, name, value, length);
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
        if (result == Ws2.SOCKET_ERROR) {
            throw WinError.socketException("getsockopt(" + what + ")", WinLink.lastError(capture));
        }
    }
}
