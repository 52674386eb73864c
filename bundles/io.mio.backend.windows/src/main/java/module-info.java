/**
 * Mio's Windows backend, called through the Foreign Function and Memory API: an I/O completion
 * port with AFD poll requests per socket (the approach of mio and wepoll), Winsock sockets, and
 * the Windows ABI (LLP64) declared as data.
 */
module io.mio.backend.windows {
    requires io.mio.core;
}
