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
     * chosen. The others' tables are checked and the code handles their differences (the
     * length byte of a {@code sockaddr}, the widths in {@code msghdr}, {@code SO_NOSIGPIPE},
     * their peer credentials, kqueue), but one path is still Linux's: a datagram's full length
     * when it was truncated comes from {@code MSG_TRUNC} given to {@code recvfrom}, which the
     * BSDs and macOS do not honour; they need {@code recvmsg} and its {@code msg_flags}.
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
        return unavailabilityCause(OS, ARCH);
    }

    /**
     * Why the POSIX code could not run on a machine, or null when it could.
     *
     * @param os the machine's {@code os.name}
     * @param arch its {@code os.arch}
     * @return the cause, or null
     */
    static String unavailabilityCause(String os, String arch) {
        if (KNOWN.stream().anyMatch(abi -> abi.describes(os, arch))) {
            return null;
        }
        if (DECLARED.stream().anyMatch(abi -> abi.describes(os, arch))) {
            return "Mio's ABI tables for " + os + " on " + arch + " are declared and checked, but not enabled:"
                    + " its datagram receive still relies on Linux's MSG_TRUNC semantics, and Mio has never run there";
        }
        StringBuilder known = new StringBuilder();
        for (UnixAbi abi : KNOWN) {
            known.append(known.isEmpty() ? "" : ", ").append(abi.os()).append(" on ").append(abi.architectures().stream().sorted().toList());
        }
        return "no ABI tables for " + os + " on " + arch + "; there are tables for " + known;
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
