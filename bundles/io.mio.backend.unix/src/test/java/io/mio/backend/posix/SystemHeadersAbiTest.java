package io.mio.backend.posix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mio.testing.cfacts.CFacts;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tables chosen for this machine ({@link Abi#current()}) against the machine's own C headers:
 * every constant, every errno number and name, every structure's size and each member's offset
 * and size. It runs on whatever Unix builds the project, so on macOS or a BSD it checks that
 * OS's tables the same way.
 */
class SystemHeadersAbiTest {
    private static final String HEADERS = """
            #define _GNU_SOURCE
            #include <errno.h>
            #include <fcntl.h>
            #include <netinet/in.h>
            #include <netinet/tcp.h>
            #include <poll.h>
            #include <sys/socket.h>
            #include <sys/uio.h>
            #include <sys/un.h>
            """;
    /** The poll flags are {@code short}s in {@code struct pollfd}. */
    private static final Set<String> SHORTS = Set.of("POLLIN", "POLLPRI", "POLLOUT", "POLLERR", "POLLHUP", "POLLNVAL", "POLLRDHUP");

    @TempDir
    Path dir;

    @Test
    void everyFactOfThisMachinesTablesMatchesItsHeaders() throws Exception {
        UnixAbi abi = Abi.current();
        CFacts facts = new CFacts(HEADERS);
        abi.constants().values().forEach((constant, value) ->
                facts.constant(abi.constants().cName(constant), value, SHORTS.contains(constant.name()) ? 16 : 32));
        abi.errnos().numbers().forEach(facts::errno);
        abi.layouts().byName().forEach(facts::layout);
        facts.constant("CMSG_ALIGN(1)", abi.layouts().cmsgAlignment(), 32);
        facts.constant("sizeof(nfds_t)", abi.layouts().nfds().byteSize(), 32);

        List<String> wrong = facts.mismatches(dir);
        System.out.println("SystemHeadersAbiTest: " + facts.size() + " facts of " + abi.os() + " compared with the system headers");
        assertTrue(facts.size() > 200, "the tables were found: " + facts.size());
        assertEquals(List.of(), wrong, () -> String.join("\n", wrong));
    }
}
