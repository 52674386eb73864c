package io.mio.backend.posix;

import java.util.Map;
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
 * @param peerQuery how it tells who is at the other end of a Unix-domain socket
 * @param linkNames the symbol of each C function the OS's headers rename ({@code socket} is
 *     {@code __socket30} on NetBSD), by the function's C name
 */
record UnixAbi(
        String os,
        Set<String> architectures,
        ConstantTable constants,
        ErrnoTable errnos,
        UnixLayouts layouts,
        PosixFeatures features,
        PeerQuery peerQuery,
        Map<String, String> linkNames) {

    /** Checks that the constants are complete; copies the architectures and the link names. */
    public UnixAbi {
        constants.requireComplete(os);
        architectures = Set.copyOf(architectures);
        linkNames = Map.copyOf(linkNames);
    }

    /**
     * The symbol to look a C function up by.
     *
     * @param function its C name
     * @return the symbol the OS's C library exports it as
     */
    public String symbol(String function) {
        return linkNames.getOrDefault(function, function);
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
