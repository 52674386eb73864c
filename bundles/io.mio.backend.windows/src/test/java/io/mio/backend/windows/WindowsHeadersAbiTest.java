package io.mio.backend.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mio.testing.cfacts.CFacts;
import io.mio.testing.cfacts.Toolchain;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every Windows fact the backend declares — constants, error codes, the LLP64 type sizes, each
 * structure's size and each member's offset and size — against the Windows headers: a program
 * compiled with mingw-w64 (Debian's {@code gcc-mingw-w64-x86-64}, which {@code ./verify} installs)
 * prints them, run under Wine. Nothing is an expected value typed by hand.
 */
class WindowsHeadersAbiTest {
    /**
     * The SDK's headers, NT's status codes without winnt.h's duplicates, and AFD's two structures,
     * which no header has, as mio and wepoll define them.
     */
    private static final String HEADERS = """
            #include <winsock2.h>
            #include <ws2tcpip.h>
            #include <mswsock.h>
            #include <afunix.h>
            #define WIN32_NO_STATUS
            #include <windows.h>
            #undef WIN32_NO_STATUS
            #include <winternl.h>
            #include <ntstatus.h>
            typedef struct _AFD_POLL_HANDLE_INFO { HANDLE Handle; ULONG Events; NTSTATUS Status; } AFD_POLL_HANDLE_INFO;
            typedef struct _AFD_POLL_INFO {
              LARGE_INTEGER Timeout; ULONG NumberOfHandles; ULONG Exclusive; AFD_POLL_HANDLE_INFO Handles[1];
            } AFD_POLL_INFO;
            """;

    @TempDir
    Path dir;

    @Test
    void everyDeclaredFactMatchesTheWindowsHeaders() throws Exception {
        CFacts facts = new CFacts(HEADERS, Toolchain.mingwUnderWine("ws2_32"));
        for (WinConstant constant : WinConstant.values()) {
            facts.constant(constant.name(), constant.value(), 32);
        }
        for (WinError error : WinError.values()) {
            facts.constant(error.name(), error.number(), 32);
        }
        facts.constant("sizeof(long)", WinLayouts.LONG.byteSize(), 32);
        facts.constant("sizeof(ULONG)", WinLayouts.LONG.byteSize(), 32);
        facts.constant("sizeof(NTSTATUS)", WinLayouts.LONG.byteSize(), 32);
        facts.constant("sizeof(HANDLE)", WinLayouts.HANDLE.byteSize(), 32);
        facts.constant("sizeof(SOCKET)", WinLayouts.HANDLE.byteSize(), 32);
        facts.constant("sizeof(ULONG_PTR)", WinLayouts.HANDLE.byteSize(), 32);
        facts.constant("sizeof(ADDRESS_FAMILY)", WinLayouts.USHORT.byteSize(), 32);
        WinLayouts.byName().forEach(facts::typeLayout);

        List<String> wrong = facts.mismatches(dir);
        System.out.println("WindowsHeadersAbiTest: " + facts.size() + " facts compared with mingw-w64's headers under Wine");
        assertEquals(List.of(), wrong, () -> String.join("\n", wrong));
    }
}
