package io.mio.backend.posix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every Unix table this backend declares, for every architecture it is declared for, against the
 * Rust {@code libc} crate ({@link LibcCrate}): each constant, each errno number, each structure's
 * size and each named member's offset and size. This is how the tables of an architecture or OS
 * no machine here runs (Linux on aarch64) are checked, by a source independent of ours.
 */
class LibcCrateAbiTest {
    static Stream<String> linuxArchitectures() {
        return LinuxTables.ABI.architectures().stream().sorted();
    }

    @ParameterizedTest
    @MethodSource("linuxArchitectures")
    void linuxTablesMatchTheLibcCrate(String arch) {
        assertMatches(LinuxTables.ABI, LibcTargets.linuxGnu(arch), "Linux " + arch);
    }

    /**
     * Compares one table with the crate's target, fact by fact.
     *
     * @param abi the table
     * @param crate the crate's declarations for the same OS and architecture
     * @param target what to call them in messages
     */
    static void assertMatches(UnixAbi abi, LibcCrate crate, String target) {
        List<String> wrong = new ArrayList<>();
        int[] compared = {0};
        abi.constants().values().forEach((constant, value) -> {
            compared[0]++;
            OptionalLong theirs = crate.constant(constant.name());
            long mask = constant.name().startsWith("POLL") ? 0xFFFF : 0xFFFF_FFFFL;
            if (theirs.isEmpty() || (theirs.getAsLong() & mask) != (value & mask)) {
                wrong.add(constant + ": declared " + value + ", the libc crate says " + theirs);
            }
        });
        abi.errnos().numbers().forEach((name, number) -> {
            compared[0]++;
            OptionalLong theirs = crate.constant(name);
            if (theirs.isEmpty() || theirs.getAsLong() != number) {
                wrong.add(name + ": declared " + number + ", the libc crate says " + theirs);
            }
        });
        abi.layouts().byName().forEach((struct, layout) -> compared[0] += crate.compareLayout(struct, layout, java.util.Map.of(), wrong));
        System.out.println("LibcCrateAbiTest: " + compared[0] + " facts of " + target + " compared with the libc crate");
        assertTrue(compared[0] > 150, "the tables were found: " + compared[0]);
        assertEquals(List.of(), wrong, () -> target + ":\n" + String.join("\n", wrong));
    }
}
