package io.mio.itest.osgi;

import io.mio.PollProvider;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The activator of the probe bundle the container itests deploy beside Mio's feature (Karaf's
 * {@link KarafTest}, the feature launcher's test): it waits for the {@link PollProvider} service,
 * runs an {@link EchoRoundTrip} and writes the outcome to the file named by the framework
 * property {@value #RESULT} — {@code ok BACKEND}, or the failure's stack trace — where the test,
 * outside the container, reads it.
 */
public final class RoundTripProbe implements BundleActivator {
    public static final String RESULT = "mio.probe.result";
    private static final long SERVICE_WAIT_MILLIS = 60_000;

    private Thread worker;

    @Override
    public void start(BundleContext context) {
        Path result = Path.of(context.getProperty(RESULT));
        worker = new Thread(() -> report(result, outcome(context)), "mio-round-trip-probe");
        worker.start();
    }

    @Override
    public void stop(BundleContext context) throws InterruptedException {
        worker.interrupt();
        worker.join(SERVICE_WAIT_MILLIS);
    }

    private static String outcome(BundleContext context) {
        ServiceTracker<PollProvider, PollProvider> tracker = new ServiceTracker<>(context, PollProvider.class, null);
        tracker.open();
        try {
            PollProvider polls = tracker.waitForService(SERVICE_WAIT_MILLIS);
            if (polls == null) {
                return "no PollProvider service within " + SERVICE_WAIT_MILLIS + " ms";
            }
            EchoRoundTrip.run(polls, "hello from " + context.getBundle(0).getSymbolicName());
            return "ok " + polls.backend();
        } catch (Throwable e) { // any failure, a missing import too, is the answer the test needs
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            return trace.toString();
        } finally {
            tracker.close();
        }
    }

    /** Written whole, then moved into place, so the test never reads half an answer. */
    private static void report(Path result, String outcome) {
        try {
            Path partial = result.resolveSibling(result.getFileName() + ".partial");
            Files.writeString(partial, outcome, StandardCharsets.UTF_8);
            Files.move(partial, result, StandardCopyOption.ATOMIC_MOVE);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
