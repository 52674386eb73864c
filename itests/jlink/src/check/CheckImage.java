import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs the jlink image's launcher as a user would, echoes over TCP through it, and reports the
 * image's size; then links a second image as a user who forgot the backend would, and checks
 * that Mio's answer there is the documented exception with jlink's advice. Exits non-zero,
 * failing the build, when anything is off.
 *
 * <p>Usage: {@code java CheckImage.java <image directory> <Mio's module path> <directory for
 * the image without a backend>}
 */
public class CheckImage {
    public static void main(String[] args) throws Exception {
        checkTheEcho(Path.of(args[0]));
        checkTheAdviceWithoutABackend(args[1], Path.of(args[2]));
    }

    /**
     * Links the examples without naming the backend in {@code --add-modules} (jlink then leaves it
     * out, binding no services) and runs the echo server there: {@code Poll.open()} must throw
     * {@code UnsupportedOperationException} saying to add the backend to {@code --add-modules},
     * not fail in a class initializer.
     */
    private static void checkTheAdviceWithoutABackend(String modulePath, Path image) throws Exception {
        deleteTree(image);
        java.util.spi.ToolProvider jlink = java.util.spi.ToolProvider.findFirst("jlink").orElseThrow();
        java.io.StringWriter jlinkOutput = new java.io.StringWriter();
        java.io.PrintWriter printer = new java.io.PrintWriter(jlinkOutput);
        int linked = jlink.run(printer, printer, "--module-path", modulePath, "--add-modules", "io.mio.examples",
                "--no-header-files", "--no-man-pages", "--output", image.toString());
        if (linked != 0) {
            throw new AssertionError("jlink failed: " + jlinkOutput);
        }
        String modules = Files.readString(image.resolve("release"));
        if (modules.contains("io.mio.backend")) {
            throw new AssertionError("the image was to have no backend: " + modules);
        }
        Process server = new ProcessBuilder(image.resolve("bin/java").toString(),
                "--module", "io.mio.examples/io.mio.examples.EchoServer", "0").redirectErrorStream(true).start();
        try {
            if (!server.waitFor(60, TimeUnit.SECONDS)) {
                throw new AssertionError("the echo server without a backend did not stop within 60 s");
            }
            String output = new String(server.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            boolean documented = output.contains("java.lang.UnsupportedOperationException")
                    && output.contains("to jlink's --add-modules");
            if (server.exitValue() == 0 || !documented || output.contains("ExceptionInInitializerError")
                    || output.contains("NoClassDefFoundError")) {
                throw new AssertionError("without a backend the image said:\n" + output);
            }
            System.out.println("jlink image without a backend OK: " + output.lines()
                    .filter(line -> line.contains("UnsupportedOperationException")).findFirst().orElseThrow());
        } finally {
            stopTree(server);
            deleteTree(image);
        }
    }

    private static void checkTheEcho(Path image) throws Exception {
        Process server = new ProcessBuilder(image.resolve("bin/mio-echo").toString(), "0")
                .redirectErrorStream(true).start();
        try {
            BufferedReader output = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
            String first = output.readLine(); // "echo server listening on /127.0.0.1:PORT"
            if (first == null || !first.startsWith("echo server listening on ")) {
                throw new AssertionError("the launcher printed " + first + " (a warning here means native access was not granted)");
            }
            int port = Integer.parseInt(first.substring(first.lastIndexOf(':') + 1).strip());
            byte[] message = "hello from the jlink image".getBytes(StandardCharsets.UTF_8);
            try (Socket socket = new Socket("127.0.0.1", port)) {
                socket.setSoTimeout(10_000);
                socket.getOutputStream().write(message);
                byte[] echoed = new byte[message.length];
                new DataInputStream(socket.getInputStream()).readFully(echoed);
                if (!Arrays.equals(message, echoed)) {
                    throw new AssertionError("echoed " + new String(echoed, StandardCharsets.UTF_8));
                }
            }
            String modules = Files.readString(image.resolve("release")).lines()
                    .filter(l -> l.startsWith("MODULES=")).findFirst().orElse("?");
            System.out.printf("jlink image OK: TCP echo through bin/mio-echo; %.1f MB; %s%n", size(image) / 1e6, modules);
        } finally {
            stopTree(server);
        }
    }

    /**
     * Ends the launcher and everything it started. The launcher is a shell script that runs
     * {@code java}: ending only the shell would leave the server running, its port open, after
     * the build. Fails the build when any of them outlives the stop.
     */
    private static void stopTree(Process launcher) throws InterruptedException {
        java.util.List<ProcessHandle> tree = new java.util.ArrayList<>(launcher.descendants().toList());
        tree.add(launcher.toHandle());
        tree.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        for (ProcessHandle process : tree) {
            while (process.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            if (process.isAlive()) {
                process.destroyForcibly();
                throw new AssertionError("process " + process.pid() + " " + process.info().command().orElse("?")
                        + " outlived its stop by 10 s; it was killed");
            }
        }
    }

    private static void deleteTree(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    private static long size(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }
}
