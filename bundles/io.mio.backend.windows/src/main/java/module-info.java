/**
 * Mio's Windows backend, called through the Foreign Function and Memory API: an I/O completion
 * port with AFD poll requests per socket (the approach of mio and wepoll), Winsock sockets, and
 * the Windows ABI (LLP64) declared as data. Grant it native access with
 * {@code --enable-native-access=io.mio.backend.windows} (module path) or
 * {@code --enable-native-access=ALL-UNNAMED} (class path, OSGi).
 */
module io.mio.backend.windows {
    requires io.mio.core;

    provides io.mio.spi.Backend with io.mio.backend.windows.WindowsBackend;
}
