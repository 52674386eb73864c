package io.mio.net;

import io.mio.internal.transfer.SocketIo;
import io.mio.spi.SocketOpt;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.SocketOption;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The JDK's {@link SocketOption}s as Mio's OS-neutral {@link SocketOpt}s, and their values as the
 * {@code int} the OS takes and gives. The multicast options name one thing for both families, as
 * in {@code java.nio}, and are the IPv4 or the IPv6 option by the socket's family.
 */
final class SocketOptionMap {
    private static final Map<SocketOption<?>, SocketOpt> NEUTRAL = neutral();

    private SocketOptionMap() {}

    private static Map<SocketOption<?>, SocketOpt> neutral() {
        Map<SocketOption<?>, SocketOpt> options = new HashMap<>(Map.of(
                StandardSocketOptions.SO_REUSEADDR, SocketOpt.REUSE_ADDRESS,
                StandardSocketOptions.SO_REUSEPORT, SocketOpt.REUSE_PORT,
                StandardSocketOptions.SO_KEEPALIVE, SocketOpt.KEEP_ALIVE,
                StandardSocketOptions.SO_LINGER, SocketOpt.LINGER,
                StandardSocketOptions.SO_RCVBUF, SocketOpt.RECEIVE_BUFFER,
                StandardSocketOptions.SO_SNDBUF, SocketOpt.SEND_BUFFER,
                StandardSocketOptions.TCP_NODELAY, SocketOpt.TCP_NODELAY,
                StandardSocketOptions.IP_TOS, SocketOpt.TRAFFIC_CLASS,
                StandardSocketOptions.SO_BROADCAST, SocketOpt.BROADCAST));
        options.putAll(JdkNetOptions.TCP);
        return Map.copyOf(options);
    }

    /**
     * The OS-neutral option a JDK option is on a socket of this family.
     *
     * @return it, or null for an option Mio does not know
     */
    static SocketOpt of(SocketOption<?> option, boolean ipv6) {
        if (option == StandardSocketOptions.IP_MULTICAST_TTL) {
            return ipv6 ? SocketOpt.MULTICAST_HOPS_V6 : SocketOpt.MULTICAST_TTL_V4;
        }
        if (option == StandardSocketOptions.IP_MULTICAST_LOOP) {
            return ipv6 ? SocketOpt.MULTICAST_LOOP_V6 : SocketOpt.MULTICAST_LOOP_V4;
        }
        if (option == StandardSocketOptions.IP_MULTICAST_IF) {
            return ipv6 ? SocketOpt.MULTICAST_IF_V6 : SocketOpt.MULTICAST_IF_V4;
        }
        return NEUTRAL.get(option);
    }

    /**
     * Of a socket type's options, those the backend can set here for both families, so that a
     * socket never lists an option its OS lacks ({@code SO_REUSEPORT} on Windows,
     * {@code TCP_QUICKACK} on macOS).
     *
     * @param options the type's options, with the {@code jdk.net} ones where it takes them
     * @return an unmodifiable set
     */
    static Set<SocketOption<?>> availableOf(Set<SocketOption<?>> options) {
        return options.stream()
                .filter(option -> SocketIo.SOCKETS.supports(of(option, false)) && SocketIo.SOCKETS.supports(of(option, true)))
                .collect(Collectors.toUnmodifiableSet());
    }

    /**
     * The socket options {@code base} names and the {@code jdk.net} TCP options there are.
     *
     * @return a new set
     */
    static Set<SocketOption<?>> withJdkNetTcp(Set<SocketOption<?>> base) {
        return Set.copyOf(Stream.concat(base.stream(), JdkNetOptions.TCP.keySet().stream()).toList());
    }

    /**
     * A value as the OS takes it, checked: not null, of the option's type, not negative (but for
     * linger, where that means off), and at most 255 for {@code IP_TOS} and
     * {@code IP_MULTICAST_TTL}, as {@code java.nio} checks.
     *
     * @throws IllegalArgumentException when the value is not valid
     * @throws SocketException when a network interface has no address of the socket's family
     */
    static int toRaw(SocketOption<?> option, SocketOpt opt, Object value) throws SocketException {
        if (value == null) {
            throw new IllegalArgumentException("the value of " + option.name() + " cannot be null");
        }
        if (!option.type().isInstance(value)) {
            throw new IllegalArgumentException(option.name() + " takes a " + option.type().getSimpleName() + ", not " + value);
        }
        return switch (value) {
            case Boolean on -> on ? 1 : 0;
            case NetworkInterface networkInterface -> interfaceValue(opt, networkInterface);
            case Integer raw -> checked(option, opt, raw);
            default -> throw new AssertionError(option + " has a type Mio does not map");
        };
    }

    private static int checked(SocketOption<?> option, SocketOpt opt, int raw) {
        if (option == StandardSocketOptions.IP_TOS || option == StandardSocketOptions.IP_MULTICAST_TTL) {
            return octet(option.name(), raw);
        }
        if (raw < 0 && opt != SocketOpt.LINGER) {
            throw new IllegalArgumentException(option.name() + " cannot be negative, was " + raw);
        }
        return raw;
    }

    /**
     * A value an IP header holds in one byte: a type of service or a multicast TTL.
     *
     * @param what its name, for the exception
     * @return {@code value}
     * @throws IllegalArgumentException when it is not from 0 to 255
     */
    static int octet(String what, int value) {
        if (value < 0 || value > 255) {
            throw new IllegalArgumentException(what + " must be from 0 to 255, was " + value);
        }
        return value;
    }

    /**
     * A value the OS gave, as the option's type.
     *
     * @throws SocketException when the interface it names cannot be looked up
     */
    static <T> T fromRaw(SocketOption<T> option, SocketOpt opt, int raw) throws SocketException {
        Object value;
        if (option.type() == Boolean.class) {
            value = raw != 0;
        } else if (option.type() == NetworkInterface.class) {
            value = raw == 0 ? null : interfaceOf(opt, raw);
        } else {
            value = raw;
        }
        return option.type().cast(value);
    }

    /** For IPv6 the interface's index; for IPv4 its first IPv4 address, whose bytes the OS reads. */
    private static int interfaceValue(SocketOpt opt, NetworkInterface networkInterface) throws SocketException {
        if (opt == SocketOpt.MULTICAST_IF_V6) {
            int index = networkInterface.getIndex();
            if (index < 1) {
                throw new SocketException("interface " + networkInterface.getName() + " has no index");
            }
            return index;
        }
        Inet4Address address = networkInterface.inetAddresses()
                .filter(Inet4Address.class::isInstance)
                .map(Inet4Address.class::cast)
                .findFirst()
                .orElseThrow(() -> new SocketException("interface " + networkInterface.getName() + " has no IPv4 address"));
        return ByteBuffer.wrap(address.getAddress()).order(ByteOrder.nativeOrder()).getInt();
    }

    private static NetworkInterface interfaceOf(SocketOpt opt, int raw) throws SocketException {
        if (opt == SocketOpt.MULTICAST_IF_V6) {
            return NetworkInterface.getByIndex(raw);
        }
        byte[] address = ByteBuffer.allocate(4).order(ByteOrder.nativeOrder()).putInt(raw).array();
        try {
            return NetworkInterface.getByInetAddress(InetAddress.getByAddress(address));
        } catch (java.net.UnknownHostException impossible) {
            throw new AssertionError("four bytes are an IPv4 address", impossible);
        }
    }

    /**
     * The OS-neutral identity of a supported option.
     *
     * @throws UnsupportedOperationException when {@code option} is not in {@code supported}
     */
    static SocketOpt supported(SocketOption<?> option, Set<SocketOption<?>> supported, String type, boolean ipv6) {
        Objects.requireNonNull(option, "option");
        if (!supported.contains(option)) {
            throw new UnsupportedOperationException("'" + option.name() + "' is not supported by " + type);
        }
        return of(option, ipv6);
    }
}
