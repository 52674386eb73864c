package io.mio.net;

import org.junit.jupiter.api.Assumptions;

/**
 * Where the Windows run here ({@code itests/wine}) differs from Windows: Wine 8 behaving unlike
 * Windows, or the test host unable to do what a test needs. A test that meets one skips itself
 * on that run only, naming it; on Windows it asserts as written.
 */
enum WineDivergence {
    /** Windows's {@code recv} on a connection reset by the peer fails with {@code WSAECONNRESET}; Wine's returns 0. */
    RESET_READS_AS_END_OF_STREAM("Wine 8 reads a connection reset by the peer as the end of the stream, where Windows"
            + " fails with WSAECONNRESET"),
    /** Windows counts a process's handles; Wine 8's {@code GetProcessHandleCount} always says 0. */
    HANDLE_COUNT_IS_ALWAYS_ZERO("Wine 8's GetProcessHandleCount always says 0, so no handle count can show a leak;"
            + " Windows counts them"),
    /** Windows's {@code send} on an unconnected datagram socket fails with {@code WSAENOTCONN}; Wine's with {@code WSAEINVAL}. */
    UNCONNECTED_SEND_IS_EINVAL("Wine 8 fails a send on an unconnected UDP socket with WSAEINVAL, where Windows says"
            + " WSAENOTCONN"),
    /** Every socket's state lives in one wineserver process, which 10,000 connections swamp. */
    TEN_THOUSAND_SOCKETS_SWAMP_WINESERVER("Wine keeps every socket's state in one wineserver process, which 10,000"
            + " connections keep busy for minutes a round; Windows's kernel has no such bottleneck"),
    /** The test host's JVM is Linux's, so a {@code java.nio} channel there answers as on Linux. */
    JDK_CHANNELS_ARE_LINUXS("the Wine host runs Mio's Windows backend in a Linux JVM, whose java.nio channels"
            + " offer Linux's options; on Windows the JDK's are Windows's"),
    /** The test's Mio runs in Linux child processes inside network namespaces, not in the Wine host. */
    PEERS_IN_LINUX_NAMESPACES("the test runs Mio in Linux child processes in network namespaces, which the"
            + " Linux runs of the suite cover; the Wine host has no way to start Windows ones there");

    private final String sentence;

    WineDivergence(String sentence) {
        this.sentence = sentence;
    }

    /**
     * Whether this run is the Windows backend inside the Wine test host.
     *
     * @return {@code true} there
     */
    static boolean thisRunIsUnderWine() {
        return System.getProperty("io.mio.windows.wproc") != null;
    }

    /** Skips the calling test under Wine, naming this divergence. */
    void skipUnderWine() {
        Assumptions.assumeFalse(thisRunIsUnderWine(), this::toString);
    }

    @Override
    public String toString() {
        return name() + ": " + sentence;
    }
}
