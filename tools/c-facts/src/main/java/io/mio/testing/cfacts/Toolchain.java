package io.mio.testing.cfacts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What turns a generated C program into the facts it prints: a compiler, and how the binary is
 * run. {@link #HOST} is this machine's {@code gcc}; {@link #mingwUnderWine} compiles for Windows
 * x64 with mingw-w64's headers and runs the program in a Wine prefix of its own.
 */
public interface Toolchain {
    /** This machine's {@code gcc}, the program run directly. */
    Toolchain HOST = new Toolchain() {
        @Override
        public String name() {
            return "the system's C compiler";
        }

        @Override
        public String compileAndRun(Path source, Path dir) throws IOException, InterruptedException {
            Path binary = dir.resolve("facts");
            run(List.of("gcc", "-Wall", "-Werror", "-o", binary.toString(), source.toString()), Map.of(), dir);
            return run(List.of(binary.toString()), Map.of(), dir);
        }
    };

    /**
     * mingw-w64 for Windows x64 ({@code x86_64-w64-mingw32-gcc}, Debian's
     * {@code gcc-mingw-w64-x86-64}), the program run with {@code wine} (Debian's {@code wine}) in
     * a prefix under {@code dir}, whose {@code wineserver} is stopped before this returns, so
     * that nothing outlives the test.
     *
     * @param libraries the import libraries to link, such as {@code "ws2_32"}
     * @return the toolchain
     */
    static Toolchain mingwUnderWine(String... libraries) {
        return new Toolchain() {
            @Override
            public String name() {
                return "mingw-w64 under Wine";
            }

            @Override
            public String compileAndRun(Path source, Path dir) throws IOException, InterruptedException {
                Path binary = dir.resolve("facts.exe");
                List<String> compile = new ArrayList<>(List.of("x86_64-w64-mingw32-gcc", "-Wall", "-Werror", "-o",
                        binary.toString(), source.toString()));
                for (String library : libraries) {
                    compile.add("-l" + library);
                }
                run(compile, Map.of(), dir);
                Map<String, String> wine = Map.of("WINEPREFIX", dir.resolve("wine").toString(), "WINEDEBUG", "-all");
                try {
                    return run(List.of("wine", binary.toString()), wine, dir);
                } finally {
                    run(List.of("wineserver", "-k"), wine, dir, true);
                }
            }
        };
    }

    /**
     * A name for messages, such as "mingw-w64 under Wine".
     *
     * @return the name
     */
    String name();

    /**
     * Compiles the program and runs it.
     *
     * @param source the C file
     * @param dir a directory for the binary and whatever else the run needs
     * @return what the program printed on its standard output
     * @throws IOException when a tool cannot be started
     * @throws InterruptedException when interrupted while waiting for one
     */
    String compileAndRun(Path source, Path dir) throws IOException, InterruptedException;

    /** Runs a command to its end and fails, with its output, when it does not succeed. */
    private static String run(List<String> command, Map<String, String> environment, Path dir)
            throws IOException, InterruptedException {
        return run(command, environment, dir, false);
    }

    private static String run(List<String> command, Map<String, String> environment, Path dir, boolean mayFail)
            throws IOException, InterruptedException {
        Path errors = Files.createTempFile(dir, "stderr", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectError(errors.toFile());
        builder.environment().putAll(environment);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IOException(command.get(0) + " cannot be run (the build installs it: see ./verify): " + e.getMessage(), e);
        }
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(command + " did not finish");
        }
        if (process.exitValue() != 0 && !mayFail) {
            throw new AssertionError(command + " failed (" + process.exitValue() + "):\n" + output + Files.readString(errors));
        }
        return output;
    }
}
