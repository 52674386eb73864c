package io.mio.backend.posix;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.StructLayout;
import java.util.List;

/**
 * The {@link UnixAbi} of the machine this runs on, chosen once, when the first class that talks
 * to the OS initialises. Nothing here touches native code, so a backend asks
 * {@link #unavailabilityCause()} safely on any OS.
 */
public final class Abi {
    /**
     * Every Unix whose tables this backend declares and checks. Only those in {@link #KNOWN} are
     * chosen: the others' tables are ready, the code paths their differences need (the length
     * byte of a {@code sockaddr}, {@code SO_NOSIGPIPE}, their peer credentials) are not yet.
     */
    static final List<UnixAbi> DECLARED = List.of(LinuxTables.ABI, MacOsTables.ABI, FreeBsdTables.ABI,
            OpenBsdTables.ABI, NetBsdTables.AMD64, NetBsdTables.AARCH64, DragonFlyTables.ABI);

    /** The Unixes the code runs on. */
    static final List<UnixAbi> KNOWN = List.of(LinuxTables.ABI);

    private static final String OS = System.getProperty("os.name", "");
    private static final String ARCH = System.getProperty("os.arch", "");
    private static final UnixAbi CHOSEN = KNOWN.stream().filter(abi -> abi.describes(OS, ARCH)).findFirst().orElse(null);

    private Abi() {}

    /**
     * Why the POSIX code cannot run here, or null when it can.
     *
     * @return such as "no ABI tables for SunOS on sparcv9; there are tables for Linux on
     *     [aarch64, amd64]"
     */
    public static String unavailabilityCause() {
        if (CHOSEN != null) {
            return null;
        }
        StringBuilder known = new StringBuilder();
        for (UnixAbi abi : KNOWN) {
            known.append(known.isEmpty() ? "" : ", ").append(abi.os()).append(" on ").append(abi.architectures().stream().sorted().toList());
        }
        return "no ABI tables for " + OS + " on " + ARCH + "; there are tables for " + known;
    }

    /**
     * The chosen tables.
     *
     * @return this machine's ABI
     * @throws IllegalStateException where none fits; ask {@link #unavailabilityCause()} first
     */
    public static UnixAbi current() {
        if (CHOSEN == null) {
            throw new IllegalStateException(unavailabilityCause());
        }
        return CHOSEN;
    }

    /**
     * A constant of this machine.
     *
     * @param constant the constant
     * @return its value here
     */
    static int constant(UnixConstant constant) {
        return current().constants().get(constant);
    }

    /**
     * An errno number of this machine.
     *
     * @param name such as {@code "EAGAIN"}
     * @return its number here
     */
    static int errno(String name) {
        return current().errnos().number(name);
    }

    /**
     * This machine's structures.
     *
     * @return the layouts here
     */
    static UnixLayouts layouts() {
        return current().layouts();
    }

    /**
     * The offset of a member of one of this machine's structures.
     *
     * @param layout the structure
     * @param member the member's C name
     * @return its offset in bytes
     */
    static long offset(StructLayout layout, String member) {
        return layout.byteOffset(MemoryLayout.PathElement.groupElement(member));
    }
}
