package io.mio.net;

import static io.mio.net.Expect.anyLocalIpv4;
import static io.mio.net.Expect.anyLocalIpv6;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketOption;
import java.net.StandardSocketOptions;
import java.nio.channels.DatagramChannel;
import java.nio.channels.NetworkChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import jdk.net.ExtendedSocketOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@link SocketOption}s of the TCP and UDP sockets, measured against {@code java.nio}'s
 * channels on the same OS: Mio offers what they offer, bar a few it names, and each option
 * reaches the OS option of its name.
 */
class SocketOptionsTest {
    /**
     * What {@code java.nio} offers and Mio does not, on every OS, by name (the JDK's own
     * {@code SO_OOBINLINE} is internal): urgent data (Mio reads none), the NAPI id of the
     * receiving queue, and don't-fragment.
     */
    private static final Set<String> LEFT_OUT = Set.of("SO_OOBINLINE", "SO_INCOMING_NAPI_ID", "IP_DONTFRAGMENT");

    /** Windows's per-socket keep-alive tuning, which the mingw-w64 headers the build checks against do not name. */
    private static final Set<String> LEFT_OUT_ON_WINDOWS = Set.of("TCP_KEEPIDLE", "TCP_KEEPINTERVAL", "TCP_KEEPCOUNT");

    private TcpListener listener;

    @BeforeEach
    void open() throws IOException {
        listener = TcpListener.bind(anyLocalIpv4());
    }

    @AfterEach
    void close() {
        listener.close();
    }

    @Test
    void aStreamOffersTheOptionsOfASocketChannel() throws Exception {
        try (TcpStream stream = TcpStream.connect(listener.localAddress())) {
            assertSameAsTheJdk(SocketChannel::open, stream.supportedOptions());
        }
    }

    @Test
    void aListenerOffersTheOptionsOfAServerSocketChannel() throws Exception {
        assertSameAsTheJdk(ServerSocketChannel::open, listener.supportedOptions());
    }

    @Test
    void aUdpSocketOffersTheOptionsOfADatagramChannel() throws Exception {
        try (UdpSocket socket = UdpSocket.bind(anyLocalIpv4())) {
            assertSameAsTheJdk(DatagramChannel::open, socket.supportedOptions());
        }
    }

    private static void assertSameAsTheJdk(Callable<NetworkChannel> open, Set<SocketOption<?>> mio) throws Exception {
        WineDivergence.JDK_CHANNELS_ARE_LINUXS.skipUnderWine();
        Set<SocketOption<?>> jdk;
        try (NetworkChannel channel = open.call()) {
            jdk = channel.supportedOptions();
        }
        Set<SocketOption<?>> extra = new HashSet<>(mio);
        extra.removeAll(jdk);
        assertEquals(Set.of(), extra, "options java.nio does not have on this OS");
        Set<SocketOption<?>> missing = new HashSet<>(jdk);
        missing.removeAll(mio);
        missing.removeIf(option -> LEFT_OUT.contains(option.name()) || !unix() && LEFT_OUT_ON_WINDOWS.contains(option.name()));
        assertEquals(Set.of(), missing, "options java.nio has and Mio lacks");
    }

    @Test
    void keepAliveTuningReachesTheOptionOfEachName() throws IOException {
        try (TcpStream stream = TcpStream.connect(listener.localAddress())) {
            Map<SocketOption<Integer>, Integer> tuning = Map.of(ExtendedSocketOptions.TCP_KEEPIDLE, 11,
                    ExtendedSocketOptions.TCP_KEEPINTERVAL, 7, ExtendedSocketOptions.TCP_KEEPCOUNT, 3);
            stream.setOption(StandardSocketOptions.SO_KEEPALIVE, true);
            for (Map.Entry<SocketOption<Integer>, Integer> option : tuning.entrySet()) {
                if (unix()) {
                    stream.setOption(option.getKey(), option.getValue());
                } else {
                    assertThrows(UnsupportedOperationException.class, () -> stream.setOption(option.getKey(), 1));
                }
            }
            if (unix()) {
                // Read after all are set, so that two options mapped to one OS name would show.
                for (Map.Entry<SocketOption<Integer>, Integer> option : tuning.entrySet()) {
                    assertEquals(option.getValue(), stream.getOption(option.getKey()), option.getKey().name());
                }
                assertThrows(IllegalArgumentException.class, () -> stream.setOption(ExtendedSocketOptions.TCP_KEEPIDLE, -1));
            }
        }
    }

    @Test
    void quickAckIsLinuxsAndOffOnceTurnedOff() throws IOException {
        try (TcpStream stream = TcpStream.connect(listener.localAddress())) {
            if (!stream.supportedOptions().contains(ExtendedSocketOptions.TCP_QUICKACK)) {
                assertThrows(UnsupportedOperationException.class, () -> stream.setOption(ExtendedSocketOptions.TCP_QUICKACK, true));
                return;
            }
            // Linux leaves quick-ack mode by itself, so only "off" reads back as set.
            stream.setOption(ExtendedSocketOptions.TCP_QUICKACK, false);
            assertFalse(stream.getOption(ExtendedSocketOptions.TCP_QUICKACK));
            stream.setOption(ExtendedSocketOptions.TCP_QUICKACK, true);
        }
    }

    @Test
    void aStreamSetsReuseAddressAsASocketChannelDoes() throws IOException {
        try (TcpStream stream = TcpStream.connect(listener.localAddress())) {
            stream.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            // On Windows Mio never sets SO_REUSEADDR (see TcpListener), so it reads back false there.
            assertEquals(unix(), stream.getOption(StandardSocketOptions.SO_REUSEADDR));
            assertThrows(UnsupportedOperationException.class, () -> stream.setOption(StandardSocketOptions.IP_MULTICAST_TTL, 1));
        }
    }

    @Test
    void multicastOptionsAreThoseOfTheSocketsFamily() throws IOException {
        try (UdpSocket v4 = UdpSocket.bind(anyLocalIpv4()); UdpSocket v6 = UdpSocket.bind(anyLocalIpv6())) {
            v4.setOption(StandardSocketOptions.IP_MULTICAST_TTL, 5);
            assertEquals(5, v4.getOption(StandardSocketOptions.IP_MULTICAST_TTL));
            assertEquals(5, v4.multicastTtlV4(), "IP_MULTICAST_TTL on an IPv4 socket");
            v6.setOption(StandardSocketOptions.IP_MULTICAST_TTL, 6);
            assertEquals(6, v6.getOption(StandardSocketOptions.IP_MULTICAST_TTL));
            assertEquals(1, v6.multicastTtlV4(), "IPV6_MULTICAST_HOPS on an IPv6 socket, not IP_MULTICAST_TTL");

            v4.setOption(StandardSocketOptions.IP_MULTICAST_LOOP, false);
            assertFalse(v4.multicastLoopV4());
            assertFalse(v4.getOption(StandardSocketOptions.IP_MULTICAST_LOOP));
            v6.setOption(StandardSocketOptions.IP_MULTICAST_LOOP, false);
            assertFalse(v6.multicastLoopV6());
            assertFalse(v6.getOption(StandardSocketOptions.IP_MULTICAST_LOOP));

            assertThrows(IllegalArgumentException.class, () -> v4.setOption(StandardSocketOptions.IP_MULTICAST_TTL, 256));
            assertThrows(IllegalArgumentException.class, () -> v6.setOption(StandardSocketOptions.IP_MULTICAST_TTL, 256));
            assertThrows(IllegalArgumentException.class, () -> v4.setOption(StandardSocketOptions.IP_TOS, 256));
            assertEquals(5, v4.multicastTtlV4(), "a refused value changes nothing");
        }
    }

    @Test
    void theMulticastInterfaceIsTheOneSetOrNone() throws IOException {
        NetworkInterface loopback = NetworkInterface.getByInetAddress(InetAddress.getLoopbackAddress());
        try (UdpSocket v4 = UdpSocket.bind(anyLocalIpv4()); UdpSocket v6 = UdpSocket.bind(anyLocalIpv6())) {
            for (UdpSocket socket : List.of(v4, v6)) {
                assertNull(socket.getOption(StandardSocketOptions.IP_MULTICAST_IF), "the OS chooses until set");
                socket.setOption(StandardSocketOptions.IP_MULTICAST_IF, loopback);
                assertEquals(loopback, socket.getOption(StandardSocketOptions.IP_MULTICAST_IF));
            }
            assertThrows(IllegalArgumentException.class, () -> v4.setOption(StandardSocketOptions.IP_MULTICAST_IF, null));
        }
    }

    @Test
    void aListenerTakesKeepAliveTuningBeforeItListens() throws IOException {
        if (!unix()) {
            assertThrows(UnsupportedOperationException.class, () -> TcpListener.bind(anyLocalIpv4(), 16,
                    Map.of(ExtendedSocketOptions.TCP_KEEPIDLE, 5)));
            return;
        }
        try (TcpListener tuned = TcpListener.bind(anyLocalIpv4(), 16, Map.of(ExtendedSocketOptions.TCP_KEEPIDLE, 5))) {
            assertEquals(5, tuned.getOption(ExtendedSocketOptions.TCP_KEEPIDLE));
        }
    }

    @Test
    void aListenerRefusesAStreamsOptionBeforeItOpensASocket() throws IOException {
        assertThrows(UnsupportedOperationException.class, () -> TcpListener.bind(anyLocalIpv4(), 16,
                Map.of(StandardSocketOptions.SO_RCVBUF, 65536, StandardSocketOptions.TCP_NODELAY, true)));
        assertThrows(IllegalArgumentException.class, () -> TcpListener.bind(anyLocalIpv4(), 16,
                Map.of(StandardSocketOptions.SO_RCVBUF, "big")));
    }

    private static boolean unix() {
        return io.mio.internal.shared.Backends.current().unix() != null;
    }
}
