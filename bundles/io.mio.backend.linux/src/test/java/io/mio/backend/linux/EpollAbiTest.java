package io.mio.backend.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mio.backend.posix.CFacts;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Linux-only facts — epoll's and eventfd's constants and {@code struct epoll_event} — against
 * the system headers; the socket tables every Unix shares are {@code SystemHeadersAbiTest}'s.
 * It checks the architecture the build runs on; {@code struct epoll_event} is packed only on
 * x86_64, which {@link Epoll} declares and no machine here can check for aarch64.
 */
class EpollAbiTest {
    @TempDir
    Path dir;

    @Test
    void epollAndEventfdFactsMatchTheSystemHeaders() throws Exception {
        CFacts facts = new CFacts("#include <sys/epoll.h>\n#include <sys/eventfd.h>\n");
        for (Class<?> declaring : List.of(Epoll.class, EventFd.class)) {
            for (Field field : declaring.getDeclaredFields()) {
                int modifiers = field.getModifiers();
                if (Modifier.isStatic(modifiers) && field.getType() == int.class && field.getName().matches("(EPOLL|EFD_)[A-Z0-9_]*")) {
                    field.setAccessible(true);
                    facts.constant(field.getName(), field.getInt(null), 32);
                }
            }
        }
        facts.layout("epoll_event", Epoll.EVENT_LAYOUT);

        List<String> wrong = facts.mismatches(dir);
        assertTrue(facts.size() > 15, "the constants were found: " + facts.size());
        assertEquals(List.of(), wrong, () -> String.join("\n", wrong));
    }
}
