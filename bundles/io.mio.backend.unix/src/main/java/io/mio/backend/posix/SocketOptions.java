package io.mio.backend.posix;

import io.mio.spi.SocketOpt;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.net.Inet4Address;
import java.net.InetAddress;

/** Maps {@link SocketOpt} to this Unix's level and name, and moves the values through scratch memory. */
final class SocketOptions {
    private static final long L_ONOFF = Abi.offset(Abi.layouts().linger(), "l_onoff");
    private static final long L_LINGER = Abi.offset(Abi.layouts().linger(), "l_linger");
    private static final int LINGER_SIZE = (int) Abi.layouts().linger().byteSize();

    private SocketOptions() {}

    static void set(long fd, boolean ipv6, SocketOpt option, int value) throws IOException {
        if (option == SocketOpt.LINGER) {
            MemorySegment linger = Scratch.get().value;
            linger.set(ValueLayout.JAVA_INT, L_ONOFF, value < 0 ? 0 : 1);
            linger.set(ValueLayout.JAVA_INT, L_LINGER, Math.max(value, 0));
            check(Net.setsockopt(fd, Net.SOL_SOCKET, Net.SO_LINGER, linger, LINGER_SIZE), "setsockopt(SO_LINGER)");
            return;
        }
        int levelName = levelAndName(option, ipv6);
        setInt(fd, levelName >>> 16, levelName & 0xFFFF, value, option.name());
    }

    /**
     * Sets an {@code int} option.
     *
     * @param fd the socket
     * @param level the option's level
     * @param name the option
     * @param value its new value
     * @param what the option's name, for the exception
     * @throws IOException when the OS refuses it
     */
    static void setInt(long fd, int level, int name, int value, String what) throws IOException {
        MemorySegment slot = Scratch.get().value;
        slot.set(ValueLayout.JAVA_INT, 0, value);
        check(Net.setsockopt(fd, level, name, slot, 4), "setsockopt(" + what + ")");
    }

    static int get(long fd, boolean ipv6, SocketOpt option) throws IOException {
        if (option == SocketOpt.LINGER) {
            Scratch scratch = Scratch.get();
            scratch.length.set(ValueLayout.JAVA_INT, 0, LINGER_SIZE);
            check(Net.getsockopt(fd, Net.SOL_SOCKET, Net.SO_LINGER, scratch.value, scratch.length), "getsockopt(SO_LINGER)");
            return scratch.value.get(ValueLayout.JAVA_INT, L_ONOFF) == 0 ? -1 : scratch.value.get(ValueLayout.JAVA_INT, L_LINGER);
        }
        int levelName = levelAndName(option, ipv6);
        return getInt(fd, levelName >>> 16, levelName & 0xFFFF, option.name());
    }

    /** {@code IP_ADD_MEMBERSHIP} and its kin, with {@code struct ip_mreq} or {@code struct ipv6_mreq}. */
    static void multicastMembership(long fd, InetAddress group, InetAddress interfaceAddress, int interfaceIndex, boolean join)
            throws IOException {
        MemorySegment request = Scratch.get().value;
        byte[] groupBytes = group.getAddress();
        if (group instanceof Inet4Address) {
            MemorySegment.copy(groupBytes, 0, request, ValueLayout.JAVA_BYTE, 0, 4);
            byte[] local = interfaceAddress == null ? new byte[4] : interfaceAddress.getAddress();
            if (local.length != 4) {
                throw new IllegalArgumentException("an IPv4 group needs an IPv4 interface address, not " + interfaceAddress);
            }
            MemorySegment.copy(local, 0, request, ValueLayout.JAVA_BYTE, 4, 4);
            check(Net.setsockopt(fd, Net.IPPROTO_IP, join ? Net.IP_ADD_MEMBERSHIP : Net.IP_DROP_MEMBERSHIP, request, 8),
                    join ? "setsockopt(IP_ADD_MEMBERSHIP)" : "setsockopt(IP_DROP_MEMBERSHIP)");
            return;
        }
        MemorySegment.copy(groupBytes, 0, request, ValueLayout.JAVA_BYTE, 0, 16);
        request.set(ValueLayout.JAVA_INT, 16, interfaceIndex);
        check(Net.setsockopt(fd, Net.IPPROTO_IPV6, join ? Net.IPV6_ADD_MEMBERSHIP : Net.IPV6_DROP_MEMBERSHIP, request, 20),
                join ? "setsockopt(IPV6_ADD_MEMBERSHIP)" : "setsockopt(IPV6_DROP_MEMBERSHIP)");
    }

    static int getInt(long fd, int level, int name, String what) throws IOException {
        Scratch scratch = Scratch.get();
        scratch.length.set(ValueLayout.JAVA_INT, 0, 4);
        check(Net.getsockopt(fd, level, name, scratch.value, scratch.length), "getsockopt(" + what + ")");
        return scratch.value.get(ValueLayout.JAVA_INT, 0);
    }

    /** The option's level in the high 16 bits, its name in the low 16. */
    private static int levelAndName(SocketOpt option, boolean ipv6) {
        if (!supports(option)) {
            // The sockets list only supported options, so this is a safety net.
            throw new UnsupportedOperationException(option + " is not an option on " + Abi.current().os());
        }
        return switch (option) {
            case REUSE_ADDRESS -> Net.SOL_SOCKET << 16 | Net.SO_REUSEADDR;
            case REUSE_PORT -> Net.SOL_SOCKET << 16 | Net.SO_REUSEPORT;
            case KEEP_ALIVE -> Net.SOL_SOCKET << 16 | Net.SO_KEEPALIVE;
            case RECEIVE_BUFFER -> Net.SOL_SOCKET << 16 | Net.SO_RCVBUF;
            case SEND_BUFFER -> Net.SOL_SOCKET << 16 | Net.SO_SNDBUF;
            case TCP_NODELAY -> Net.IPPROTO_TCP << 16 | Net.TCP_NODELAY;
            case TTL -> ipv6 ? Net.IPPROTO_IPV6 << 16 | Net.IPV6_UNICAST_HOPS : Net.IPPROTO_IP << 16 | Net.IP_TTL;
            case TRAFFIC_CLASS -> ipv6 ? Net.IPPROTO_IPV6 << 16 | Net.IPV6_TCLASS : Net.IPPROTO_IP << 16 | Net.IP_TOS;
            case IPV6_ONLY -> Net.IPPROTO_IPV6 << 16 | Net.IPV6_V6ONLY;
            case BROADCAST -> Net.SOL_SOCKET << 16 | Net.SO_BROADCAST;
            case MULTICAST_LOOP_V4 -> Net.IPPROTO_IP << 16 | Net.IP_MULTICAST_LOOP;
            case MULTICAST_TTL_V4 -> Net.IPPROTO_IP << 16 | Net.IP_MULTICAST_TTL;
            case MULTICAST_LOOP_V6 -> Net.IPPROTO_IPV6 << 16 | Net.IPV6_MULTICAST_LOOP;
            case MULTICAST_HOPS_V6 -> Net.IPPROTO_IPV6 << 16 | Net.IPV6_MULTICAST_HOPS;
            case MULTICAST_IF_V4 -> Net.IPPROTO_IP << 16 | Net.IP_MULTICAST_IF;
            case MULTICAST_IF_V6 -> Net.IPPROTO_IPV6 << 16 | Net.IPV6_MULTICAST_IF;
            case KEEPALIVE_IDLE -> Net.IPPROTO_TCP << 16 | Net.TCP_KEEPIDLE;
            case KEEPALIVE_INTERVAL -> Net.IPPROTO_TCP << 16 | Net.TCP_KEEPINTVL;
            case KEEPALIVE_COUNT -> Net.IPPROTO_TCP << 16 | Net.TCP_KEEPCNT;
            case QUICK_ACK -> Net.IPPROTO_TCP << 16 | Net.TCP_QUICKACK;
            case LINGER -> throw new AssertionError("handled by the caller");
        };
    }

    /**
     * Whether this OS has the option: the ones some Unixes lack are in its table or not.
     *
     * @param option the option
     * @return false for keep-alive tuning on OpenBSD and {@code TCP_QUICKACK} off Linux
     */
    static boolean supports(SocketOpt option) {
        return switch (option) {
            case KEEPALIVE_IDLE -> Net.TCP_KEEPIDLE >= 0;
            case KEEPALIVE_INTERVAL -> Net.TCP_KEEPINTVL >= 0;
            case KEEPALIVE_COUNT -> Net.TCP_KEEPCNT >= 0;
            case QUICK_ACK -> Net.TCP_QUICKACK >= 0;
            default -> true;
        };
    }

    private static void check(int result, String call) throws IOException {
        if (result < 0) {
            throw Errno.socketException(call, -result);
        }
    }
}
