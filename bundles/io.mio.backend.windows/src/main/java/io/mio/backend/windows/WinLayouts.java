package io.mio.backend.windows;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Windows structures the backend reads and writes, declared once, in the LLP64 model of
 * Windows x64 and arm64: {@code long} and {@code ULONG} are 32 bits, pointers, handles,
 * {@code SOCKET} and {@code ULONG_PTR} 64. Each structure is named by its C type and each member
 * by its C name, so that {@code WindowsHeadersAbiTest} can compare every size and offset with
 * what mingw-w64's headers give; AFD's two structures, in no header, are compared with the
 * definition mio and wepoll use.
 */
final class WinLayouts {
    /** C {@code long}, {@code ULONG}, {@code DWORD}, {@code NTSTATUS}: 32 bits on Windows. */
    static final ValueLayout.OfInt LONG = ValueLayout.JAVA_INT;
    /** {@code HANDLE}, {@code SOCKET}, {@code ULONG_PTR}, any pointer: 64 bits. */
    static final ValueLayout.OfLong HANDLE = ValueLayout.JAVA_LONG;
    /** {@code USHORT}, {@code ADDRESS_FAMILY}, {@code u_short}. */
    static final ValueLayout.OfShort USHORT = ValueLayout.JAVA_SHORT;

    static final StructLayout SOCKADDR_IN = MemoryLayout.structLayout(
            USHORT.withName("sin_family"),
            USHORT.withName("sin_port"),
            ValueLayout.JAVA_INT.withName("sin_addr"),
            MemoryLayout.sequenceLayout(8, ValueLayout.JAVA_BYTE).withName("sin_zero")).withName("SOCKADDR_IN");

    static final StructLayout SOCKADDR_IN6 = MemoryLayout.structLayout(
            USHORT.withName("sin6_family"),
            USHORT.withName("sin6_port"),
            LONG.withName("sin6_flowinfo"),
            MemoryLayout.sequenceLayout(16, ValueLayout.JAVA_BYTE).withName("sin6_addr"),
            LONG.withName("sin6_scope_id")).withName("SOCKADDR_IN6");

    /** Room for any address; only the family is read before the address is known. */
    static final StructLayout SOCKADDR_STORAGE = MemoryLayout.structLayout(
            USHORT.withName("ss_family"),
            MemoryLayout.paddingLayout(126)).withName("SOCKADDR_STORAGE");

    /** {@code <afunix.h>}: Windows 10's Unix-domain address. */
    static final StructLayout SOCKADDR_UN = MemoryLayout.structLayout(
            USHORT.withName("sun_family"),
            MemoryLayout.sequenceLayout(108, ValueLayout.JAVA_BYTE).withName("sun_path")).withName("SOCKADDR_UN");

    /** One buffer of a {@code WSARecv}/{@code WSASend} gather or scatter list. */
    static final StructLayout WSABUF = MemoryLayout.structLayout(
            LONG.withName("len"),
            MemoryLayout.paddingLayout(4),
            HANDLE.withName("buf")).withName("WSABUF");

    static final StructLayout LINGER = MemoryLayout.structLayout(
            USHORT.withName("l_onoff"),
            USHORT.withName("l_linger")).withName("LINGER");

    static final StructLayout IP_MREQ = MemoryLayout.structLayout(
            ValueLayout.JAVA_INT.withName("imr_multiaddr"),
            ValueLayout.JAVA_INT.withName("imr_interface")).withName("IP_MREQ");

    static final StructLayout IPV6_MREQ = MemoryLayout.structLayout(
            MemoryLayout.sequenceLayout(16, ValueLayout.JAVA_BYTE).withName("ipv6mr_multiaddr"),
            LONG.withName("ipv6mr_interface")).withName("IPV6_MREQ");

    /** What {@code WSAStartup} fills; x64 puts the counts before the strings. */
    static final StructLayout WSADATA = MemoryLayout.structLayout(
            USHORT.withName("wVersion"),
            USHORT.withName("wHighVersion"),
            USHORT.withName("iMaxSockets"),
            USHORT.withName("iMaxUdpDg"),
            HANDLE.withName("lpVendorInfo"),
            MemoryLayout.sequenceLayout(257, ValueLayout.JAVA_BYTE).withName("szDescription"),
            MemoryLayout.sequenceLayout(129, ValueLayout.JAVA_BYTE).withName("szSystemStatus"),
            MemoryLayout.paddingLayout(6)).withName("WSADATA");

    /** The overlapped operation a completion reports; AFD polls use an {@link #IO_STATUS_BLOCK} in its place. */
    static final StructLayout OVERLAPPED = MemoryLayout.structLayout(
            HANDLE.withName("Internal"),
            HANDLE.withName("InternalHigh"),
            LONG.withName("Offset"),
            LONG.withName("OffsetHigh"),
            HANDLE.withName("hEvent")).withName("OVERLAPPED");

    /** One completion, as {@code GetQueuedCompletionStatusEx} fills an array of them. */
    static final StructLayout OVERLAPPED_ENTRY = MemoryLayout.structLayout(
            HANDLE.withName("lpCompletionKey"),
            HANDLE.withName("lpOverlapped"),
            HANDLE.withName("Internal"),
            LONG.withName("dwNumberOfBytesTransferred"),
            MemoryLayout.paddingLayout(4)).withName("OVERLAPPED_ENTRY");

    /** How an NT call ended: {@code STATUS_PENDING} until the poll completes. */
    static final StructLayout IO_STATUS_BLOCK = MemoryLayout.structLayout(
            LONG.withName("Status"),
            MemoryLayout.paddingLayout(4),
            HANDLE.withName("Information")).withName("IO_STATUS_BLOCK");

    static final StructLayout UNICODE_STRING = MemoryLayout.structLayout(
            USHORT.withName("Length"),
            USHORT.withName("MaximumLength"),
            MemoryLayout.paddingLayout(4),
            HANDLE.withName("Buffer")).withName("UNICODE_STRING");

    /** Names {@code \Device\Afd\Mio} for {@code NtCreateFile}. */
    static final StructLayout OBJECT_ATTRIBUTES = MemoryLayout.structLayout(
            LONG.withName("Length"),
            MemoryLayout.paddingLayout(4),
            HANDLE.withName("RootDirectory"),
            HANDLE.withName("ObjectName"),
            LONG.withName("Attributes"),
            MemoryLayout.paddingLayout(4),
            HANDLE.withName("SecurityDescriptor"),
            HANDLE.withName("SecurityQualityOfService")).withName("OBJECT_ATTRIBUTES");

    /** One socket of an AFD poll: its base handle, the events asked for, then those that came. */
    static final StructLayout AFD_POLL_HANDLE_INFO = MemoryLayout.structLayout(
            HANDLE.withName("Handle"),
            LONG.withName("Events"),
            LONG.withName("Status")).withName("AFD_POLL_HANDLE_INFO");

    /** An AFD poll request and its answer, in one buffer; mio polls one socket per request. */
    static final StructLayout AFD_POLL_INFO = MemoryLayout.structLayout(
            ValueLayout.JAVA_LONG.withName("Timeout"),
            LONG.withName("NumberOfHandles"),
            LONG.withName("Exclusive"),
            AFD_POLL_HANDLE_INFO.withName("Handles")).withName("AFD_POLL_INFO");

    private WinLayouts() {}

    /**
     * Every structure above, by its C type name, for the checks.
     *
     * @return them, in declaration order
     */
    static Map<String, StructLayout> byName() {
        Map<String, StructLayout> all = new LinkedHashMap<>();
        for (StructLayout layout : List.of(SOCKADDR_IN, SOCKADDR_IN6, SOCKADDR_STORAGE, SOCKADDR_UN, WSABUF, LINGER,
                IP_MREQ, IPV6_MREQ, WSADATA, OVERLAPPED, OVERLAPPED_ENTRY, IO_STATUS_BLOCK, UNICODE_STRING,
                OBJECT_ATTRIBUTES, AFD_POLL_HANDLE_INFO, AFD_POLL_INFO)) {
            all.put(layout.name().orElseThrow(), layout);
        }
        return all;
    }
}
