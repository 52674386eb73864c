package io.mio.backend.windows;

/**
 * The Windows constants the backend passes to the OS, each with the value its C header gives,
 * declared here once. {@code WindowsHeadersAbiTest} compiles a program with mingw-w64's headers,
 * runs it under Wine, and compares every value with the one the headers give under the same
 * name. AFD's numbers are in no header (the driver's interface is undocumented): they are
 * {@link Afd}'s, checked by polling Wine's AFD.
 */
enum WinConstant {
    // <winsock2.h>, <ws2def.h>, <ws2ipdef.h>: families, types, protocols.
    AF_UNSPEC(0), AF_UNIX(1), AF_INET(2), AF_INET6(23),
    SOCK_STREAM(1), SOCK_DGRAM(2),
    IPPROTO_IP(0), IPPROTO_TCP(6), IPPROTO_UDP(17), IPPROTO_IPV6(41),

    // Socket options: SOL_SOCKET is a level of its own, not 1 as on Linux.
    SOL_SOCKET(0xFFFF), SO_ACCEPTCONN(0x2), SO_REUSEADDR(0x4), SO_KEEPALIVE(0x8), SO_BROADCAST(0x20),
    SO_LINGER(0x80), SO_SNDBUF(0x1001), SO_RCVBUF(0x1002), SO_ERROR(0x1007), SO_TYPE(0x1008),
    SO_EXCLUSIVEADDRUSE(~0x4),
    TCP_NODELAY(1),
    IP_TOS(3), IP_TTL(4), IP_MULTICAST_IF(9), IP_MULTICAST_TTL(10), IP_MULTICAST_LOOP(11),
    IP_ADD_MEMBERSHIP(12), IP_DROP_MEMBERSHIP(13),
    IPV6_UNICAST_HOPS(4), IPV6_MULTICAST_IF(9), IPV6_MULTICAST_HOPS(10), IPV6_MULTICAST_LOOP(11),
    IPV6_ADD_MEMBERSHIP(12), IPV6_DROP_MEMBERSHIP(13), IPV6_V6ONLY(27), IPV6_TCLASS(39),

    // shutdown, recv/send flags, ioctlsocket and WSAIoctl codes.
    SD_RECEIVE(0), SD_SEND(1), SD_BOTH(2),
    MSG_PEEK(0x2),
    FIONBIO(0x8004667E), FIONREAD(0x4004667F),
    SIO_BASE_HANDLE(0x48000022),
    SOMAXCONN(0x7FFFFFFF),

    // WSASocketW: overlapped, so that AFD can poll it; never inherited by a child process.
    WSA_FLAG_OVERLAPPED(0x1), WSA_FLAG_NO_HANDLE_INHERIT(0x80),

    // <winbase.h>, <winnt.h>: waits, completion modes, handles.
    INFINITE(0xFFFFFFFF),
    FILE_SKIP_COMPLETION_PORT_ON_SUCCESS(0x1), FILE_SKIP_SET_EVENT_ON_HANDLE(0x2),
    HANDLE_FLAG_INHERIT(0x1),
    SYNCHRONIZE(0x100000), FILE_SHARE_READ(0x1), FILE_SHARE_WRITE(0x2),

    // <winternl.h>: NtCreateFile's disposition.
    FILE_OPEN(0x1),

    // <ntstatus.h>: what NtDeviceIoControlFile, NtCancelIoFileEx and an IO_STATUS_BLOCK say.
    STATUS_SUCCESS(0x0), STATUS_PENDING(0x103), STATUS_CANCELLED(0xC0000120), STATUS_NOT_FOUND(0xC0000225);

    private final int value;

    WinConstant(int value) {
        this.value = value;
    }

    /**
     * The value, as the 32 bits the OS reads.
     *
     * @return it
     */
    int value() {
        return value;
    }
}
