package io.mio.backend.posix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mio.backend.kqueue.KqueueBackend;
import io.mio.backend.linux.LinuxBackend;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Which of this bundle's backends could run on each Unix it declares, asked of every OS from
 * this one machine: the OS's own mechanism (epoll on Linux, kqueue elsewhere) and poll(2) as the
 * fallback, so that the core, which takes the available backend of highest preference, picks the
 * OS's mechanism with no configuration and can be told to take poll(2).
 */
class BackendChoiceTest {
    private static final List<PosixBackend> BACKENDS = List.of(new LinuxBackend(), new KqueueBackend(), new PollBackend());

    static Stream<Arguments> machines() {
        return Abi.DECLARED.stream().flatMap(abi -> abi.architectures().stream().sorted().map(arch -> Arguments.of(abi.os(), arch)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("machines")
    void theOsMechanismAndPollCanRunOnEveryDeclaredUnix(String os, String arch) {
        String own = os.equals("Linux") ? "epoll" : "kqueue";
        assertEquals(Set.of(own, "poll"), available(os, arch), os + " " + arch);
    }

    @Test
    void theOsMechanismIsPreferredToPoll() {
        int poll = new PollBackend().preference();
        assertTrue(new LinuxBackend().preference() > poll);
        assertTrue(new KqueueBackend().preference() > poll);
    }

    @Test
    void anotherOsIsRefusedByEveryBackendWithTheReason() {
        assertEquals(Set.of(), available("Windows 11", "amd64"));
        for (PosixBackend backend : BACKENDS) {
            assertTrue(backend.unavailabilityCause("Windows 11", "amd64").contains("Windows 11"), backend.name());
        }
        assertTrue(new KqueueBackend().unavailabilityCause("Linux", "amd64").contains("Linux has none"));
    }

    private static Set<String> available(String os, String arch) {
        Set<String> names = new TreeSet<>();
        for (PosixBackend backend : BACKENDS) {
            if (backend.unavailabilityCause(os, arch) == null) {
                names.add(backend.name());
            }
        }
        return names;
    }
}
