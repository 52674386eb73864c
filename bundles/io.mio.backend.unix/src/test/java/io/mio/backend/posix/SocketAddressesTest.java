package io.mio.backend.posix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.mio.spi.UnixName;
import java.lang.foreign.Arena;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Addresses written and read back by the codec of every declared table — Linux's two-byte family,
 * the BSDs' length byte and one-byte family — each member checked where that OS's layout puts it
 * and with that OS's numbers. The kernels of the other OSes are not here; their layouts and
 * constants are (checked against the libc crate), and this is the code that will meet them.
 */
class SocketAddressesTest {
    static Stream<UnixAbi> tables() {
        return Abi.DECLARED.stream();
    }

    private static long offset(StructLayout layout, String member) {
        return layout.byteOffset(MemoryLayout.PathElement.groupElement(member));
    }

    /** A family as the layout stores it: one byte after the length, or two. */
    private static int family(MemorySegment sockaddr, StructLayout layout, String member) {
        long size = layout.select(MemoryLayout.PathElement.groupElement(member)).byteSize();
        long at = offset(layout, member);
        return size == 1 ? Byte.toUnsignedInt(sockaddr.get(ValueLayout.JAVA_BYTE, at)) : sockaddr.get(ValueLayout.JAVA_SHORT, at);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tables")
    void ipv4AndIpv6AddressesAreLaidOutAsEachOsHasThem(UnixAbi abi) throws Exception {
        SocketAddresses codec = SocketAddresses.of(abi);
        UnixLayouts layouts = abi.layouts();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment sockaddr = arena.allocate(layouts.sockaddrStorage());
            InetSocketAddress v4 = new InetSocketAddress(InetAddress.getByName("192.0.2.7"), 0x1234);
            assertEquals(layouts.sockaddrIn().byteSize(), codec.write(v4, sockaddr));
            assertEquals(abi.constants().get(UnixConstant.AF_INET), family(sockaddr, layouts.sockaddrIn(), "sin_family"));
            assertEquals(0x12, sockaddr.get(ValueLayout.JAVA_BYTE, offset(layouts.sockaddrIn(), "sin_port")), "network order");
            assertEquals(7, sockaddr.get(ValueLayout.JAVA_BYTE, offset(layouts.sockaddrIn(), "sin_addr") + 3));
            if (layouts.sockaddrIn().memberLayouts().stream().anyMatch(m -> m.name().filter("sin_len"::equals).isPresent())) {
                assertEquals(layouts.sockaddrIn().byteSize(), sockaddr.get(ValueLayout.JAVA_BYTE, offset(layouts.sockaddrIn(), "sin_len")));
            }
            assertEquals(v4, codec.read(sockaddr, (int) layouts.sockaddrIn().byteSize()));

            InetSocketAddress v6 = new InetSocketAddress(InetAddress.getByName("2001:db8::9"), 443);
            assertEquals(layouts.sockaddrIn6().byteSize(), codec.write(v6, sockaddr));
            assertEquals(abi.constants().get(UnixConstant.AF_INET6), family(sockaddr, layouts.sockaddrIn6(), "sin6_family"));
            assertEquals(9, sockaddr.get(ValueLayout.JAVA_BYTE, offset(layouts.sockaddrIn6(), "sin6_addr") + 15));
            assertEquals(v6, codec.read(sockaddr, (int) layouts.sockaddrIn6().byteSize()));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tables")
    void unixPathsFitSunPathAndCountTheirNul(UnixAbi abi) throws Exception {
        SocketAddresses codec = SocketAddresses.of(abi);
        StructLayout un = abi.layouts().sockaddrUn();
        long sunPath = offset(un, "sun_path");
        int room = (int) (un.byteSize() - sunPath);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment sockaddr = arena.allocate(abi.layouts().sockaddrStorage());
            UnixName path = new UnixName("/tmp/mio.sock".getBytes(StandardCharsets.UTF_8));
            int length = codec.write(path, sockaddr);
            assertEquals(sunPath + "/tmp/mio.sock".length() + 1, length);
            assertEquals(abi.constants().get(UnixConstant.AF_UNIX), family(sockaddr, un, "sun_family"));
            assertEquals(path, codec.read(sockaddr, length));

            UnixName longest = new UnixName("a".repeat(room - 1).getBytes(StandardCharsets.UTF_8));
            assertEquals(longest, codec.read(sockaddr, codec.write(longest, sockaddr)));
            assertThrows(SocketException.class, () -> codec.write(new UnixName("a".repeat(room).getBytes(StandardCharsets.UTF_8)), sockaddr));

            UnixName abstractName = new UnixName(new byte[] {0, 'm', 'i', 'o'});
            if (abi.features().abstractNames()) {
                assertEquals(abstractName, codec.read(sockaddr, codec.write(abstractName, sockaddr)));
            } else {
                assertThrows(SocketException.class, () -> codec.write(abstractName, sockaddr), "only Linux has abstract names");
            }
        }
    }
}
