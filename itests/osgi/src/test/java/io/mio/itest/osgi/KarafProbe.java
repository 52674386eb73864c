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
 * The activator of the bundle {@link KarafTest} deploys into Karaf beside Mio's feature: it waits
 * for the {@link PollProvider} service, runs an {@link EchoRoundTrip} and writes the outcome to
 * the file named by the {@code mio.karaf.result} property — {@code ok BACKEND}, or the failure's
 * stack trace — where the test, outside Karaf, reads it (Karaf's shell does not run on JDK 25).
 */
public final class KarafProbe implements BundleActivator {
    static final String RESULT = "mio.karaf.result";
    private static final long SERVICE_WAIT_MILLIS = 60_000;

    private Thread worker;

    @Override
    public void start(BundleContext context) {
        Path result = Path.of(context.getProperty(RESULT));
        worker = new Thread(() -> report(result, outcome(context)), "mio-karaf-probe");
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
            EchoRoundTrip.run(polls, "hello from Karaf");
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
