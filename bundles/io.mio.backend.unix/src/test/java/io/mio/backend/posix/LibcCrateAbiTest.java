package io.mio.backend.posix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every Unix table this backend declares, for every architecture it is declared for, against the
 * Rust {@code libc} crate ({@link LibcCrate}): each constant by its C name on that OS, each
 * errno number, each structure's size and each named member's offset and size, the calls beyond
 * POSIX the table says the OS has, and the symbols it says the OS renames. This is how the
 * tables of the OSes and architectures no machine here runs — macOS, the BSDs, Linux on aarch64
 * — are checked, by a source independent of ours.
 */
class LibcCrateAbiTest {
    static Stream<Arguments> tables() {
        return Abi.DECLARED.stream().flatMap(abi -> abi.architectures().stream().sorted().map(arch -> Arguments.of(abi.os(), arch, abi)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("tables")
    void everyFactMatchesTheLibcCrate(String os, String arch, UnixAbi abi) {
        LibcCrate crate = LibcTargets.of(abi, arch);
        List<String> wrong = new ArrayList<>();
        int compared = 0;
        for (Map.Entry<UnixConstant, Integer> entry : abi.constants().values().entrySet()) {
            compared++;
            String name = abi.constants().cName(entry.getKey());
            OptionalLong theirs = crate.constant(name);
            long mask = name.startsWith("POLL") ? 0xFFFF : 0xFFFF_FFFFL;
            if (theirs.isEmpty() || (theirs.getAsLong() & mask) != (entry.getValue() & mask)) {
                wrong.add(name + ": declared " + entry.getValue() + ", the libc crate says " + theirs);
            }
        }
        for (Map.Entry<String, Integer> entry : abi.errnos().numbers().entrySet()) {
            compared++;
            OptionalLong theirs = crate.constant(entry.getKey());
            if (theirs.isEmpty() || theirs.getAsLong() != entry.getValue()) {
                wrong.add(entry.getKey() + ": declared " + entry.getValue() + ", the libc crate says " + theirs);
            }
        }
        for (Map.Entry<String, java.lang.foreign.StructLayout> entry : abi.layouts().byName().entrySet()) {
            compared += crate.compareLayout(entry.getKey(), entry.getValue(), Map.of(), wrong);
        }
        compared++;
        if (crate.typeSize("nfds_t") != abi.layouts().nfds().byteSize()) {
            wrong.add("nfds_t: declared " + abi.layouts().nfds().byteSize() + " bytes, the libc crate says " + crate.typeSize("nfds_t"));
        }
        compared += compareFeatures(abi, crate, wrong);
        for (String function : List.of("socket", "kevent", "accept", "recvmsg", "sendmsg", "poll", "pipe", "getpeereid")) {
            compared++;
            String theirs = crate.linkName(function);
            String ours = abi.symbol(function);
            if (!ours.equals(theirs == null ? function : theirs)) {
                wrong.add(function + ": linked as " + ours + ", the libc crate links " + theirs);
            }
        }
        System.out.println("LibcCrateAbiTest: " + compared + " facts of " + os + " " + arch + " compared with the libc crate");
        assertTrue(compared > 150, "the tables were found: " + compared);
        assertEquals(List.of(), wrong, () -> os + " " + arch + ":\n" + String.join("\n", wrong));
    }

    /** Each feature the table claims, or denies, against the calls and flags the crate declares. */
    private static int compareFeatures(UnixAbi abi, LibcCrate crate, List<String> wrong) {
        PosixFeatures features = abi.features();
        Map<String, Boolean> claims = new java.util.LinkedHashMap<>();
        claims.put("accept4", features.accept4());
        claims.put("pipe2", features.pipe2());
        claims.put("recvmmsg", features.batchCalls());
        claims.put("sendmmsg", features.batchCalls());
        claims.forEach((function, claimed) -> {
            // Claiming a call the OS lacks breaks at link time; not claiming one it has only costs
            // speed, and is a choice where the call is recent (recvmmsg on OpenBSD 7.2).
            if (claimed && !crate.hasFunction(function)) {
                wrong.add("features: " + function + " is claimed, and the libc crate has no such function here");
            }
        });
        if (features.socketFlags() != crate.constant("SOCK_CLOEXEC").isPresent()) {
            wrong.add("features: socketFlags " + features.socketFlags() + ", the libc crate has SOCK_CLOEXEC: " + crate.constant("SOCK_CLOEXEC"));
        }
        if (features.cmsgCloexec() != crate.constant("MSG_CMSG_CLOEXEC").isPresent()) {
            wrong.add("features: cmsgCloexec " + features.cmsgCloexec() + ", the libc crate has MSG_CMSG_CLOEXEC: " + crate.constant("MSG_CMSG_CLOEXEC"));
        }
        OptionalLong alignBytes = crate.constant("_ALIGNBYTES").isPresent() ? crate.constant("_ALIGNBYTES") : crate.constant("__DARWIN_ALIGNBYTES32");
        if (alignBytes.isEmpty()) {
            System.out.println("LibcCrateAbiTest: the libc crate gives no CMSG_ALIGN for " + abi.os() + "; "
                    + abi.layouts().cmsgAlignment() + " is checked by no second source");
        } else if (alignBytes.getAsLong() + 1 != abi.layouts().cmsgAlignment()) {
            wrong.add("CMSG_ALIGN: declared " + abi.layouts().cmsgAlignment() + ", the libc crate aligns to " + (alignBytes.getAsLong() + 1));
        }
        return claims.size() + 3;
    }
}
