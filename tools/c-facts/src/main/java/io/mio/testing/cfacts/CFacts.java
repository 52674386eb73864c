package io.mio.testing.cfacts;

import java.io.IOException;
import java.lang.foreign.GroupLayout;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.PaddingLayout;
import java.lang.foreign.StructLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Facts declared in Java, set beside what a C compiler says of the same names: each fact is
 * added with its declared value and becomes a line of a generated C program, which a
 * {@link Toolchain} compiles and runs — this machine's {@code gcc}, or mingw-w64 with the program
 * run under Wine for Windows; {@link #mismatches} lists every fact whose two values differ.
 * Nothing is an expected value typed by hand.
 */
public final class CFacts {
    private final StringBuilder program;
    private final Toolchain toolchain;
    private final Map<String, Long> declared = new TreeMap<>();

    /**
     * A program over the given headers, for this machine's C compiler.
     *
     * @param headers the {@code #define}s and {@code #include}s the facts need
     */
    public CFacts(String headers) {
        this(headers, Toolchain.HOST);
    }

    /**
     * A program over the given headers, for the given toolchain.
     *
     * @param headers the {@code #define}s and {@code #include}s the facts need
     * @param toolchain what compiles and runs it
     */
    public CFacts(String headers, Toolchain toolchain) {
        this.toolchain = toolchain;
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
     * A structure by its tag: its size, and each named member's offset and size.
     *
     * @param struct the C tag, such as {@code "sockaddr_in"}
     * @param layout the declared layout
     */
    public void layout(String struct, StructLayout layout) {
        layout("struct " + struct, struct, layout);
    }

    /**
     * A structure by its type name, as Windows names them: its size, and each named member's
     * offset and size.
     *
     * @param type the C type, such as {@code "SOCKADDR_IN6"}
     * @param layout the declared layout
     */
    public void typeLayout(String type, StructLayout layout) {
        layout(type, type, layout);
    }

    private void layout(String type, String name, StructLayout layout) {
        declared.put("sizeof " + name, layout.byteSize());
        program.append("  printf(\"sizeof %s %zu\\n\", \"").append(name).append("\", sizeof(").append(type).append("));\n");
        for (MemoryLayout member : layout.memberLayouts()) {
            if (member instanceof PaddingLayout || member.name().isEmpty()) {
                continue;
            }
            String field = member.name().get();
            declared.put("offsetof " + name + "." + field, layout.byteOffset(MemoryLayout.PathElement.groupElement(field)));
            program.append("  printf(\"offsetof %s.%s %zu\\n\", \"").append(name).append("\", \"").append(field)
                    .append("\", offsetof(").append(type).append(", ").append(field).append("));\n");
            if (member instanceof GroupLayout) {
                continue; // a nested struct's own members are checked under its own name
            }
            declared.put("sizeof " + name + "." + field, member.byteSize());
            program.append("  printf(\"sizeof %s.%s %zu\\n\", \"").append(name).append("\", \"").append(field)
                    .append("\", sizeof(((").append(type).append(" *) 0)->").append(field).append("));\n");
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
        Map<String, Long> system = new TreeMap<>();
        for (String line : toolchain.compileAndRun(c, dir).lines().toList()) {
            int space = line.lastIndexOf(' ');
            system.put(line.substring(0, space), Long.parseLong(line.substring(space + 1).strip()));
        }
        List<String> wrong = new ArrayList<>();
        declared.forEach((fact, value) -> {
            Long actual = system.get(fact);
            if (!value.equals(actual)) {
                wrong.add(fact + ": declared " + value + ", " + toolchain.name() + " says " + actual);
            }
        });
        return wrong;
    }
}
