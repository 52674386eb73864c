package io.mio.backend.windows;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.StructLayout;

/** The member offsets the backend reads and writes, taken from {@link WinLayouts} once. */
final class Offsets {
    static final long UNICODE_LENGTH = of(WinLayouts.UNICODE_STRING, "Length");
    static final long UNICODE_MAXIMUM_LENGTH = of(WinLayouts.UNICODE_STRING, "MaximumLength");
    static final long UNICODE_BUFFER = of(WinLayouts.UNICODE_STRING, "Buffer");
    static final long OBJECT_ATTRIBUTES_LENGTH = of(WinLayouts.OBJECT_ATTRIBUTES, "Length");
    static final long OBJECT_ATTRIBUTES_OBJECT_NAME = of(WinLayouts.OBJECT_ATTRIBUTES, "ObjectName");
    static final long IOSB_STATUS = of(WinLayouts.IO_STATUS_BLOCK, "Status");
    static final long POLL_TIMEOUT = of(WinLayouts.AFD_POLL_INFO, "Timeout");
    static final long POLL_NUMBER_OF_HANDLES = of(WinLayouts.AFD_POLL_INFO, "NumberOfHandles");
    static final long POLL_EXCLUSIVE = of(WinLayouts.AFD_POLL_INFO, "Exclusive");
    static final long POLL_HANDLE = of(WinLayouts.AFD_POLL_INFO, "Handles") + of(WinLayouts.AFD_POLL_HANDLE_INFO, "Handle");
    static final long POLL_EVENTS = of(WinLayouts.AFD_POLL_INFO, "Handles") + of(WinLayouts.AFD_POLL_HANDLE_INFO, "Events");
    static final long POLL_STATUS = of(WinLayouts.AFD_POLL_INFO, "Handles") + of(WinLayouts.AFD_POLL_HANDLE_INFO, "Status");
    static final long ENTRY_KEY = of(WinLayouts.OVERLAPPED_ENTRY, "lpCompletionKey");
    static final long ENTRY_OVERLAPPED = of(WinLayouts.OVERLAPPED_ENTRY, "lpOverlapped");
    static final long ENTRY_BYTES = of(WinLayouts.OVERLAPPED_ENTRY, "dwNumberOfBytesTransferred");
    static final long WSABUF_LEN = of(WinLayouts.WSABUF, "len");
    static final long WSABUF_BUF = of(WinLayouts.WSABUF, "buf");
    static final long LINGER_ONOFF = of(WinLayouts.LINGER, "l_onoff");
    static final long LINGER_LINGER = of(WinLayouts.LINGER, "l_linger");
    static final long SIN_FAMILY = of(WinLayouts.SOCKADDR_IN, "sin_family");
    static final long SIN_PORT = of(WinLayouts.SOCKADDR_IN, "sin_port");
    static final long SIN_ADDR = of(WinLayouts.SOCKADDR_IN, "sin_addr");
    static final long SIN6_PORT = of(WinLayouts.SOCKADDR_IN6, "sin6_port");
    static final long SIN6_FLOWINFO = of(WinLayouts.SOCKADDR_IN6, "sin6_flowinfo");
    static final long SIN6_ADDR = of(WinLayouts.SOCKADDR_IN6, "sin6_addr");
    static final long SIN6_SCOPE_ID = of(WinLayouts.SOCKADDR_IN6, "sin6_scope_id");

    private Offsets() {}

    private static long of(StructLayout layout, String member) {
        return layout.byteOffset(MemoryLayout.PathElement.groupElement(member));
    }
}
