package io.mio.backend.posix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Unix tables' constants and errno numbers against a second independent source:
 * jnr-constants, whose per-platform tables were generated on each OS from its headers. It has
 * no NetBSD and no struct layouts or kqueue constants, so those rest on the libc crate alone
 * ({@link LibcCrateAbiTest}); what it has is compared name by name, and the test fails on any
 * difference.
 */
class JnrConstantsAbiTest {
    /** jnr's classes that hold the constants these tables use. */
    private static final List<String> CLASSES = List.of("AddressFamily", "Sock", "SocketOption", "SocketLevel",
            "IPProto", "IP", "IPv6", "INet6", "TCP", "SocketMessage", "SocketControlMessage", "Shutdown", "Fcntl",
            "OpenFlags", "Errno", "Local");

    static Stream<Arguments> tables() {
        return Abi.DECLARED.stream()
                .flatMap(abi -> abi.architectures().stream().sorted().map(arch -> Arguments.of(abi.os(), arch, abi)))
                .filter(args -> jnrPackage((String) args.get()[0], (String) args.get()[1]) != null);
    }

    /** jnr's package for an OS and architecture, or null where it has none. */
    private static String jnrPackage(String os, String arch) {
        return switch (os) {
            case "Linux" -> arch.equals("amd64") ? "linux" : null; // jnr's Linux table is x86_64's
            case "Mac OS X" -> "darwin";
            case "FreeBSD" -> arch.equals("aarch64") ? "freebsd.aarch64" : "freebsd";
            case "OpenBSD" -> "openbsd";
            case "DragonFly" -> "dragonflybsd";
            default -> null; // NetBSD: jnr-constants has no table
        };
    }

    /** Every defined constant of jnr's tables for a platform, by name. */
    private static Map<String, Long> jnr(String platform) throws ReflectiveOperationException {
        Map<String, Long> values = new HashMap<>();
        for (String name : CLASSES) {
            Class<?> type;
            try {
                type = Class.forName("jnr.constants.platform." + platform + "." + name);
            } catch (ClassNotFoundException absent) {
                continue;
            }
            for (Object constant : type.getEnumConstants()) {
                if ((Boolean) type.getMethod("defined").invoke(constant)) {
                    values.put(((Enum<?>) constant).name(), (Long) type.getMethod("longValue").invoke(constant));
                }
            }
        }
        assertTrue(values.size() > 100, "jnr-constants' tables for " + platform + " were found: " + values.size());
        return values;
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("tables")
    void constantsAndErrnosMatchJnrConstants(String os, String arch, UnixAbi abi) throws ReflectiveOperationException {
        Map<String, Long> jnr = jnr(jnrPackage(os, arch));
        List<String> wrong = new ArrayList<>();
        List<String> absent = new ArrayList<>();
        int compared = 0;
        Map<String, Long> ours = new HashMap<>();
        abi.constants().values().forEach((constant, value) -> ours.put(abi.constants().cName(constant), (long) value));
        abi.errnos().numbers().forEach((name, number) -> ours.put(name, (long) number));
        for (Map.Entry<String, Long> entry : ours.entrySet()) {
            Long theirs = jnr.get(entry.getKey());
            if (theirs == null) {
                absent.add(entry.getKey());
                continue;
            }
            compared++;
            long mask = entry.getKey().startsWith("POLL") ? 0xFFFF : 0xFFFF_FFFFL;
            if ((theirs & mask) != (entry.getValue() & mask)) {
                wrong.add(entry.getKey() + ": declared " + entry.getValue() + ", jnr-constants says " + theirs);
            }
        }
        System.out.println("JnrConstantsAbiTest: " + compared + " facts of " + os + " " + arch
                + " compared with jnr-constants; not in its tables: " + absent.stream().sorted().toList());
        assertTrue(compared > 60, "enough facts compared: " + compared);
        assertEquals(List.of(), wrong, () -> os + " " + arch + ":\n" + String.join("\n", wrong));
    }
}
