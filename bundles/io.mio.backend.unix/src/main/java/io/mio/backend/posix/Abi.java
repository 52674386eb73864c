package io.mio.backend.posix;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.StructLayout;
import java.util.List;

/**
 * The {@link UnixAbi} of the machine this runs on, chosen once, when the first class that talks
 * to the OS initialises. Nothing here touches native code, so a backend asks
 * {@link #unavailabilityCause(String, String)} safely on any OS.
 */
public final class Abi {
    /**
     * Every Unix whose tables this backend declares, checks and runs on. The code handles what
     * differs between them (the length byte of a {@code sockaddr}, the widths in {@code msghdr}
     * and of {@code nfds_t}, {@code SO_NOSIGPIPE}, their peer credentials, how a truncated
     * datagram is told, kqueue) by reading these tables, never by asking the OS's name; the paths
     * that no machine here runs natively are run on Linux with the features switched off
     * ({@link PosixFeatures#POSIX_ONLY}).
     */
    static final List<UnixAbi> DECLARED = List.of(LinuxTables.ABI, MacOsTables.ABI, FreeBsdTables.ABI,
            OpenBsdTables.ABI, NetBsdTables.AMD64, NetBsdTables.AARCH64, DragonFlyTables.ABI);

    private static final String OS = System.getProperty("os.name", "");
    private static final String ARCH = System.getProperty("os.arch", "");
    private static final UnixAbi CHOSEN = DECLARED.stream().filter(abi -> abi.describes(OS, ARCH)).findFirst().orElse(null);

    private Abi() {}

    /**
     * Why the POSIX code could not run on a machine, or null when it could.
     *
     * <p>Such as "no ABI tables for SunOS on sparcv9; there are tables for Linux on [aarch64,
     * amd64], …".
     *
     * @param os the machine's {@code os.name}
     * @param arch its {@code os.arch}
     * @return the cause, or null
     */
    public static String unavailabilityCause(String os, String arch) {
        if (DECLARED.stream().anyMatch(abi -> abi.describes(os, arch))) {
            return null;
        }
        StringBuilder known = new StringBuilder();
        for (UnixAbi abi : DECLARED) {
            known.append(known.isEmpty() ? "" : ", ").append(abi.os()).append(" on ").append(abi.architectures().stream().sorted().toList());
        }
        return "no ABI tables for " + os + " on " + arch + "; there are tables for " + known;
    }

    /**
     * The chosen tables.
     *
     * @return this machine's ABI
     * @throws IllegalStateException where none fits; ask {@link #unavailabilityCause(String, String)} first
     */
    public static UnixAbi current() {
        if (CHOSEN == null) {
            throw new IllegalStateException(unavailabilityCause(OS, ARCH));
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
