package io.mio.backend.posix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mio.testing.cfacts.CFacts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ABI the kqueue backend takes for libkqueue ({@link KeventAbi#libkqueue()}) against the
 * {@code <sys/event.h>} of the libkqueue build a developer names with {@code -Dmio.libkqueue},
 * the switch that also runs the behaviour suite on kqueue through it (README, "kqueue against
 * libkqueue"). Without the switch — as in CI, where there is no libkqueue — it is skipped and
 * says so.
 */
class LibkqueueAbiTest {
    @TempDir
    Path dir;

    @Test
    void theKeventAbiTakenForLibkqueueMatchesItsHeader() throws Exception {
        String library = System.getProperty("mio.libkqueue");
        if (library == null) {
            String why = "libkqueue not given, so neither this check nor the behaviour suite on kqueue ran:"
                    + " build libkqueue and pass -Dmio.libkqueue=<its build>/libkqueue.so (README, kqueue against libkqueue)";
            System.out.println("LibkqueueAbiTest: skipped, " + why); // the build log says so, not only the report
            Assumptions.abort(why);
        }
        Path include = Path.of(library).toAbsolutePath().getParent().resolve("include");
        assertTrue(Files.isRegularFile(include.resolve("sys/event.h")),
                () -> "libkqueue's build puts <sys/event.h> beside the library, in " + include);

        KeventAbi abi = KeventAbi.libkqueue();
        StringBuilder headers = new StringBuilder("#include <errno.h>\n#include \"" + include.resolve("sys/event.h") + "\"\n");
        for (String filter : List.of("EVFILT_USER", "EVFILT_AIO", "EVFILT_LIO")) {
            headers.append("#ifdef ").append(filter).append("\n#define HAS_").append(filter).append(" 1\n#else\n#define HAS_")
                    .append(filter).append(" 0\n#endif\n");
        }
        CFacts facts = new CFacts(headers.toString());
        facts.constant("sizeof(struct kevent)", abi.size(), 32);
        facts.constant("offsetof(struct kevent, ident)", abi.ident(), 32);
        facts.constant("offsetof(struct kevent, filter)", abi.filter(), 32);
        facts.constant("sizeof(((struct kevent *) 0)->filter)", abi.narrow() ? 2 : 4, 32);
        facts.constant("offsetof(struct kevent, flags)", abi.flags(), 32);
        facts.constant("offsetof(struct kevent, fflags)", abi.fflags(), 32);
        facts.constant("offsetof(struct kevent, data)", abi.data(), 32);
        facts.constant("offsetof(struct kevent, udata)", abi.udata(), 32);
        int width = abi.narrow() ? 16 : 32;
        facts.constant("EVFILT_READ", abi.evfiltRead(), width);
        facts.constant("EVFILT_WRITE", abi.evfiltWrite(), width);
        optionalFilter(facts, "EVFILT_USER", abi.evfiltUser(), width);
        optionalFilter(facts, "EVFILT_AIO", abi.evfiltAio(), width);
        optionalFilter(facts, "EVFILT_LIO", abi.evfiltLio(), width);
        facts.constant("EV_ADD", abi.evAdd(), width);
        facts.constant("EV_DELETE", abi.evDelete(), width);
        facts.constant("EV_CLEAR", abi.evClear(), width);
        facts.constant("EV_RECEIPT", abi.evReceipt(), width);
        facts.constant("EV_ERROR", abi.evError(), width);
        facts.constant("EV_EOF", abi.evEof(), width);
        facts.constant("NOTE_TRIGGER", abi.noteTrigger(), 32);
        facts.errno("EINTR", abi.eintr());
        facts.errno("ENOENT", abi.enoent());
        facts.errno("EPIPE", abi.epipe());

        List<String> wrong = facts.mismatches(dir);
        System.out.println("LibkqueueAbiTest: " + facts.size() + " facts compared with " + include.resolve("sys/event.h"));
        assertEquals(List.of(), wrong, () -> String.join("\n", wrong));
    }

    /** Whether the header has the filter as the ABI says, and if so its number. */
    private static void optionalFilter(CFacts facts, String name, int value, int width) {
        facts.constant("HAS_" + name, value == KeventAbi.NONE ? 0 : 1, 32);
        if (value != KeventAbi.NONE) {
            facts.constant(name, value, width);
        }
    }
}
