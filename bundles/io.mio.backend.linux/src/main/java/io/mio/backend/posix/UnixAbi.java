package io.mio.backend.posix;

import java.util.Set;

/**
 * Everything the POSIX socket code needs to know about one Unix on a set of architectures, as
 * data: its constants, its errno numbers and names, its structure layouts and which calls beyond
 * POSIX it has. One of these is chosen when the backend starts ({@link Abi}); the code is
 * written once against it.
 *
 * @param os the OS, as {@code os.name} names it ({@code "Linux"})
 * @param architectures the {@code os.arch} values these tables hold for ({@code "amd64"})
 * @param constants the socket, file and poll constants
 * @param errnos the errno numbers and names
 * @param layouts the structures
 * @param features the calls beyond POSIX this OS offers
 */
record UnixAbi(
        String os,
        Set<String> architectures,
        ConstantTable constants,
        ErrnoTable errnos,
        UnixLayouts layouts,
        PosixFeatures features) {

    /** Copies the architectures. */
    public UnixAbi {
        architectures = Set.copyOf(architectures);
    }

    /**
     * Whether these tables describe a machine.
     *
     * @param osName its {@code os.name}
     * @param arch its {@code os.arch}
     * @return true when the OS and the architecture both match
     */
    public boolean describes(String osName, String arch) {
        return os.equalsIgnoreCase(osName) && architectures.contains(arch);
    }
}
