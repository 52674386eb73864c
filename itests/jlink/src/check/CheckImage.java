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
 * image's size. Exits non-zero, failing the build, when anything is off.
 *
 * <p>Usage: {@code java CheckImage.java <image directory>}
 */
public class CheckImage {
    public static void main(String[] args) throws Exception {
        Path image = Path.of(args[0]);
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

    private static long size(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }
}
