package io.mio.itest.osgi;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * An OSGi container a test started as a process of its own (Karaf, the feature launcher): closing
 * it stops the process and every process it started, and waits for them, so that no test leaves
 * one behind.
 */
public final class ContainerProcess implements AutoCloseable {
    private static final Duration STOP_LIMIT = Duration.ofSeconds(30);
    private final Process process;

    private ContainerProcess(Process process) {
        this.process = process;
    }

    public static ContainerProcess start(ProcessBuilder builder) throws IOException {
        return new ContainerProcess(builder.start());
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        all.add(process.toHandle());
        all.forEach(ProcessHandle::destroy); // SIGTERM: the container shuts its framework down
        for (ProcessHandle handle : all) {
            try {
                handle.onExit().get(STOP_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException | TimeoutException e) {
                handle.destroyForcibly();
                handle.onExit().join();
            }
        }
    }
}
