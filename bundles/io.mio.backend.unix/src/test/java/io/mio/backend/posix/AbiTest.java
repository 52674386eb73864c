package io.mio.backend.posix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Which machine's tables are chosen, and what a machine without them is told. */
class AbiTest {
    @Test
    void everyDeclaredUnixIsChosenAndOthersNameTheTablesThereAre() {
        assertNull(Abi.unavailabilityCause("Linux", "amd64"));
        assertNull(Abi.unavailabilityCause("Linux", "aarch64"));
        assertEquals(LinuxTables.ABI, Abi.current(), "this machine is Linux on amd64 or aarch64");
        for (String[] machine : new String[][] {{"Mac OS X", "aarch64"}, {"Mac OS X", "x86_64"}, {"FreeBSD", "amd64"},
                {"OpenBSD", "aarch64"}, {"NetBSD", "aarch64"}, {"DragonFly", "amd64"}}) {
            assertNull(Abi.unavailabilityCause(machine[0], machine[1]), String.join(" ", machine));
        }
        String unknown = Abi.unavailabilityCause("SunOS", "sparcv9");
        assertTrue(unknown.startsWith("no ABI tables for SunOS on sparcv9") && unknown.contains("Linux on [aarch64, amd64]")
                && unknown.contains("Mac OS X on [aarch64, x86_64]"), unknown);
        assertTrue(Abi.unavailabilityCause("Linux", "riscv64").startsWith("no ABI tables"), "an architecture not declared");
        assertTrue(Abi.unavailabilityCause("Mac OS X", "amd64").startsWith("no ABI tables"), "macOS's JDK says x86_64");
    }

    @Test
    void everyDeclaredTableIsComplete() {
        Abi.DECLARED.forEach(abi -> abi.constants().requireComplete(abi.os()));
        assertEquals(7, Abi.DECLARED.size(), "Linux, macOS, FreeBSD, OpenBSD, NetBSD twice, DragonFly");
    }
}
