package io.mio.backend.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.foreign.GroupLayout;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.PaddingLayout;
import java.lang.foreign.StructLayout;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every fact of the Linux ABI this backend declares — each C constant, each errno number and
 * name, each structure's size and each member's offset — checked against the system's own C
 * headers: a C program is generated from the Java declarations' names, compiled with the
 * machine's {@code gcc}, and its answers compared one by one. Nothing here is an expected value
 * typed by hand: a wrong number in the backend breaks the build.
 *
 * <p>It checks the architecture the build runs on; the aarch64 tables differ only in
 * {@code struct epoll_event} (not packed there), which no machine here can check.
 */
class LinuxAbiTest {
    /** The classes that declare C constants, and the prefixes of the names that are C's. */
    private static final Map<Class<?>, List<String>> CONSTANTS = Map.of(
            Net.class, List.of(""),
            Errno.class, List.of("E"),
            Unistd.class, List.of("F_", "FD_", "O_"),
            Epoll.class, List.of("EPOLL"),
            EventFd.class, List.of("EFD_"),
            PollCall.class, List.of("POLL"),
            Rights.class, List.of("SCM_", "MSG_"));

    private static final String HEADERS = """
            #define _GNU_SOURCE
            #include <errno.h>
            #include <fcntl.h>
            #include <netinet/in.h>
            #include <netinet/tcp.h>
            #include <poll.h>
            #include <stddef.h>
            #include <stdio.h>
            #include <sys/epoll.h>
            #include <sys/eventfd.h>
            #include <sys/socket.h>
            #include <sys/uio.h>
            #include <sys/un.h>
            """;

    @TempDir
    Path dir;

    @Test
    void everyDeclaredFactMatchesTheSystemHeaders() throws Exception {
        Map<String, Long> declared = new TreeMap<>();
        StringBuilder program = new StringBuilder(HEADERS).append("int main(void) {\n");
        for (Map.Entry<Class<?>, List<String>> entry : CONSTANTS.entrySet()) {
            for (Field field : entry.getKey().getDeclaredFields()) {
                if (isCConstant(field, entry.getValue())) {
                    field.setAccessible(true);
                    long value = ((Number) field.get(null)).longValue();
                    String name = field.getName();
                    declared.put(name, field.getType() == short.class ? value & 0xFFFF : value & 0xFFFF_FFFFL);
                    program.append("  printf(\"%s %lu\\n\", \"").append(name).append("\", (unsigned long) (unsigned int) (").append(name).append("));\n");
                }
            }
        }
        for (int errno = 1; errno < 134; errno++) {
            String name = Errno.name(errno);
            if (!name.startsWith("errno ")) {
                declared.put("errno " + name, (long) errno);
                program.append("  printf(\"errno %s %d\\n\", \"").append(name).append("\", ").append(name).append(");\n");
            }
        }
        Map<String, StructLayout> layouts = new LinkedHashMap<>(LinuxLayouts.ALL);
        layouts.put("epoll_event", Epoll.EVENT_LAYOUT);
        for (Map.Entry<String, StructLayout> entry : layouts.entrySet()) {
            String struct = entry.getKey();
            declared.put("sizeof " + struct, entry.getValue().byteSize());
            program.append("  printf(\"sizeof %s %zu\\n\", \"").append(struct).append("\", sizeof(struct ").append(struct).append("));\n");
            for (MemoryLayout member : entry.getValue().memberLayouts()) {
                if (member instanceof PaddingLayout || member.name().isEmpty()) {
                    continue;
                }
                String name = member.name().get();
                declared.put("offsetof " + struct + "." + name, entry.getValue().byteOffset(MemoryLayout.PathElement.groupElement(name)));
                program.append("  printf(\"offsetof %s.%s %zu\\n\", \"").append(struct).append("\", \"").append(name)
                        .append("\", offsetof(struct ").append(struct).append(", ").append(name).append("));\n");
                if (member instanceof GroupLayout) {
                    continue; // a nested struct's own members are checked under its own name
                }
                declared.put("sizeof " + struct + "." + name, member.byteSize());
                program.append("  printf(\"sizeof %s.%s %zu\\n\", \"").append(struct).append("\", \"").append(name)
                        .append("\", sizeof(((struct ").append(struct).append(" *) 0)->").append(name).append("));\n");
            }
        }
        program.append("  return 0;\n}\n");

        Map<String, Long> system = runC(program.toString());
        List<String> wrong = new ArrayList<>();
        declared.forEach((fact, value) -> {
            Long actual = system.get(fact);
            if (!value.equals(actual)) {
                wrong.add(fact + ": declared " + value + ", the system says " + actual);
            }
        });
        System.out.println("LinuxAbiTest: " + declared.size() + " facts compared with the system headers");
        assertTrue(declared.size() > 150, "the tables were found: " + declared.size());
        assertEquals(List.of(), wrong, () -> String.join("\n", wrong));
    }

    private static boolean isCConstant(Field field, List<String> prefixes) {
        int modifiers = field.getModifiers();
        boolean constant = Modifier.isStatic(modifiers) && Modifier.isFinal(modifiers)
                && (field.getType() == int.class || field.getType() == short.class);
        return constant && field.getName().matches("[A-Z][A-Z0-9_]*")
                && prefixes.stream().anyMatch(field.getName()::startsWith);
    }

    /** Compiles and runs {@code source}; its lines are "fact value". */
    private Map<String, Long> runC(String source) throws IOException, InterruptedException {
        Path c = Files.writeString(dir.resolve("abi.c"), source);
        Path binary = dir.resolve("abi");
        run(List.of("gcc", "-Wall", "-Werror", "-o", binary.toString(), c.toString()));
        String output = run(List.of(binary.toString()));
        Map<String, Long> facts = new TreeMap<>();
        for (String line : output.lines().toList()) {
            int space = line.lastIndexOf(' ');
            facts.put(line.substring(0, space), Long.parseLong(line.substring(space + 1)));
        }
        return facts;
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(command + " did not finish");
        }
        assertEquals(0, process.exitValue(), () -> command + " failed:\n" + output);
        return output;
    }
}
