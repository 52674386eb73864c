package io.mio.backend.posix;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.lang.foreign.GroupLayout;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.PaddingLayout;
import java.lang.foreign.StructLayout;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Facts declared in Java, set beside what the machine's C compiler says of the same names: each
 * fact is added with its declared value and becomes a line of a generated C program, which is
 * compiled with {@code gcc} and run; {@link #mismatches} lists every fact whose two values differ.
 * Nothing is an expected value typed by hand.
 */
public final class CFacts {
    private final StringBuilder program;
    private final Map<String, Long> declared = new TreeMap<>();

    /**
     * A program over the given headers.
     *
     * @param headers the {@code #define}s and {@code #include}s the facts need
     */
    public CFacts(String headers) {
        program = new StringBuilder(headers).append("\n#include <stddef.h>\n#include <stdio.h>\nint main(void) {\n");
    }

    /**
     * A constant, compared as an unsigned 32-bit value (a {@code short} flag as 16 bits).
     *
     * @param name its C name
     * @param value the declared value
     * @param bits 16 or 32
     */
    public void constant(String name, long value, int bits) {
        long mask = bits == 16 ? 0xFFFF : 0xFFFF_FFFFL;
        declared.put(name, value & mask);
        program.append("  printf(\"%s %lu\\n\", \"").append(name).append("\", (unsigned long) ((unsigned int) (")
                .append(name).append(") & ").append(mask).append("u));\n");
    }

    /**
     * An errno number.
     *
     * @param name such as {@code "EAGAIN"}
     * @param number the declared number
     */
    public void errno(String name, int number) {
        declared.put("errno " + name, (long) number);
        program.append("  printf(\"errno %s %d\\n\", \"").append(name).append("\", ").append(name).append(");\n");
    }

    /**
     * A structure: its size, and each named member's offset and size.
     *
     * @param struct the C tag, such as {@code "sockaddr_in"}
     * @param layout the declared layout
     */
    public void layout(String struct, StructLayout layout) {
        declared.put("sizeof " + struct, layout.byteSize());
        program.append("  printf(\"sizeof %s %zu\\n\", \"").append(struct).append("\", sizeof(struct ").append(struct).append("));\n");
        for (MemoryLayout member : layout.memberLayouts()) {
            if (member instanceof PaddingLayout || member.name().isEmpty()) {
                continue;
            }
            String name = member.name().get();
            declared.put("offsetof " + struct + "." + name, layout.byteOffset(MemoryLayout.PathElement.groupElement(name)));
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

    /**
     * How many facts were added.
     *
     * @return the count
     */
    public int size() {
        return declared.size();
    }

    /**
     * Compiles and runs the program in {@code dir}, and compares.
     *
     * @param dir a directory for the source and the binary
     * @return one line per fact whose declared and system values differ; empty when all agree
     * @throws IOException when the compiler or the program cannot be run
     * @throws InterruptedException when interrupted while waiting for them
     */
    public List<String> mismatches(Path dir) throws IOException, InterruptedException {
        Path c = Files.writeString(dir.resolve("facts.c"), program + "  return 0;\n}\n");
        Path binary = dir.resolve("facts");
        run(List.of("gcc", "-Wall", "-Werror", "-o", binary.toString(), c.toString()));
        Map<String, Long> system = new TreeMap<>();
        for (String line : run(List.of(binary.toString())).lines().toList()) {
            int space = line.lastIndexOf(' ');
            system.put(line.substring(0, space), Long.parseLong(line.substring(space + 1)));
        }
        List<String> wrong = new ArrayList<>();
        declared.forEach((fact, value) -> {
            Long actual = system.get(fact);
            if (!value.equals(actual)) {
                wrong.add(fact + ": declared " + value + ", the system says " + actual);
            }
        });
        return wrong;
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
