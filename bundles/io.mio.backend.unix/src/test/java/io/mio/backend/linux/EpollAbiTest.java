package io.mio.backend.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mio.testing.cfacts.CFacts;
import io.mio.backend.posix.LibcCrate;
import io.mio.backend.posix.LibcTargets;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Linux-only facts — epoll's and eventfd's constants and {@code struct epoll_event} — against
 * the machine's headers, and for each architecture the backend runs on against the Rust
 * {@code libc} crate: {@code struct epoll_event} is packed on x86_64 only, so aarch64's layout is
 * the one fact here that differs per architecture. The socket tables every Unix shares are
 * checked by {@code SystemHeadersAbiTest} and {@code LibcCrateAbiTest}.
 */
class EpollAbiTest {
    @TempDir
    Path dir;

    private static Map<String, Integer> constants() throws IllegalAccessException {
        Map<String, Integer> constants = new LinkedHashMap<>();
        for (Class<?> declaring : List.of(Epoll.class, EventFd.class)) {
            for (Field field : declaring.getDeclaredFields()) {
                int modifiers = field.getModifiers();
                if (Modifier.isStatic(modifiers) && field.getType() == int.class && field.getName().matches("(EPOLL|EFD_)[A-Z0-9_]*")) {
                    field.setAccessible(true);
                    constants.put(field.getName(), field.getInt(null));
                }
            }
        }
        assertTrue(constants.size() > 12, "the constants were found: " + constants.keySet());
        return constants;
    }

    @Test
    void epollAndEventfdFactsMatchTheSystemHeaders() throws Exception {
        CFacts facts = new CFacts("#include <sys/epoll.h>\n#include <sys/eventfd.h>\n");
        constants().forEach((name, value) -> facts.constant(name, value, 32));
        facts.layout("epoll_event", Epoll.EVENT_LAYOUT);

        List<String> wrong = facts.mismatches(dir);
        assertEquals(List.of(), wrong, () -> String.join("\n", wrong));
    }

    @ParameterizedTest
    @ValueSource(strings = {"amd64", "aarch64"})
    void epollAndEventfdFactsMatchTheLibcCrate(String arch) throws Exception {
        LibcCrate crate = LibcTargets.linuxGnu(arch);
        List<String> wrong = new ArrayList<>();
        constants().forEach((name, value) -> {
            OptionalLong theirs = crate.constant(name);
            if (theirs.isEmpty() || (theirs.getAsLong() & 0xFFFF_FFFFL) != (value & 0xFFFF_FFFFL)) {
                wrong.add(name + ": declared " + value + ", the libc crate says " + theirs);
            }
        });
        // The crate declares epoll_data_t as its u64 variant alone.
        crate.compareLayout("epoll_event", Epoll.eventLayout(arch), Map.of("data", "u64"), wrong);
        assertEquals(List.of(), wrong, () -> arch + ":\n" + String.join("\n", wrong));
    }
}
