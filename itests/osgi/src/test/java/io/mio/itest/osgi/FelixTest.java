package io.mio.itest.osgi;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.options;

import io.mio.Event;
import io.mio.Events;
import io.mio.Interest;
import io.mio.Poll;
import io.mio.PollProvider;
import io.mio.Token;
import io.mio.net.TcpListener;
import io.mio.net.TcpStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;

/**
 * Mio's Karaf feature in Apache Felix, as an OSGi user deploys it (Karaf itself does not run on
 * JDK 25; {@code karaf:verify} resolves the same feature in Karaf's resolver): the poll-creation
 * service through
 * Declarative Services, a real TCP round trip inside the framework, and the metadata doing its
 * job — the Linux fragment attached, another OS's fragment left unresolved, and the internal
 * package closed to bundles that are not Mio's own.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class FelixTest {
    private static final Token LISTENER = new Token(0);
    private static final Token SERVER = new Token(1);

    @Inject
    private PollProvider polls;

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] config() throws Exception {
        return options(FeatureBundles.deployment());
    }

    @Test
    public void theServiceEchoesOverTcp() throws Exception {
        assertEquals("epoll", polls.backend());
        byte[] message = "hello from Felix".getBytes(StandardCharsets.UTF_8);
        try (Poll poll = polls.open(); TcpListener listener = TcpListener.bind(new InetSocketAddress("127.0.0.1", 0))) {
            poll.registry().register(listener, LISTENER, Interest.READABLE);
            InetSocketAddress address = listener.localAddress();
            byte[][] echoed = new byte[1][];
            Thread client = new Thread(() -> {
                try (Socket socket = new Socket(address.getAddress(), address.getPort())) {
                    socket.setSoTimeout(10_000);
                    OutputStream out = socket.getOutputStream();
                    out.write(message);
                    byte[] back = new byte[message.length];
                    new DataInputStream(socket.getInputStream()).readFully(back);
                    echoed[0] = back;
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            client.start();
            serveUntilDone(poll, listener, client);
            assertArrayEquals(message, echoed[0]);
        }
    }

    /** Echoes with Mio on this thread until the blocking client thread has its answer. */
    private static void serveUntilDone(Poll poll, TcpListener listener, Thread client) throws Exception {
        Events events = Events.withCapacity(8);
        ByteBuffer buffer = ByteBuffer.allocateDirect(1024);
        TcpStream server = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        try {
            while (client.isAlive() && System.nanoTime() < deadline) {
                poll.poll(events, Duration.ofMillis(50));
                for (Event event : events) {
                    if (event.token().equals(LISTENER) && server == null && (server = listener.accept()) != null) {
                        poll.registry().register(server, SERVER, Interest.READABLE);
                    } else if (event.token().equals(SERVER)) {
                        while (server.read(buffer.clear()) > 0) {
                            server.write(buffer.flip());
                        }
                    }
                }
            }
            client.join(1_000);
        } finally {
            if (server != null) {
                server.close();
            }
        }
    }

    @Test
    public void theUnixBackendIsAttachedToTheCore() {
        Bundle backend = Bundles.installed(context, "io.mio.backend.unix");
        assertEquals(Bundle.RESOLVED, backend.getState());
        List<BundleWire> hosts = backend.adapt(BundleWiring.class).getRequiredWires("osgi.wiring.host");
        assertEquals("io.mio.core", hosts.get(0).getProvider().getSymbolicName());
        assertEquals(Bundle.ACTIVE, Bundles.installed(context, "io.mio.core").getState());
        assertEquals(Bundle.ACTIVE, Bundles.installed(context, "io.mio.net").getState());
    }

    @Test
    public void theWindowsBackendStaysUnresolvedHere() {
        Bundle windows = Bundles.installed(context, "io.mio.backend.windows");
        assertFalse("its osgi.native requirement names Windows only",
                Bundles.frameworkWiring(context).resolveBundles(Set.of(windows)));
        assertEquals(Bundle.INSTALLED, windows.getState());
    }

    @Test
    public void aStrangerCannotImportTheInternalPackage() throws Exception {
        Bundle stranger = Bundles.install(context, "io.mio.itest.stranger", "Import-Package", "io.mio.spi");
        Bundle friend = Bundles.install(context, "io.mio.itest.friend", "Import-Package", "io.mio.spi;mio-internal=true");
        try {
            assertFalse("the mandatory attribute keeps strangers out", Bundles.frameworkWiring(context).resolveBundles(Set.of(stranger)));
            assertEquals(Bundle.INSTALLED, stranger.getState());
            assertTrue("a bundle that names the attribute wires", Bundles.frameworkWiring(context).resolveBundles(Set.of(friend)));
        } finally {
            stranger.uninstall();
            friend.uninstall();
        }
    }

    /**
     * The version policy (README, "Versions"): every Mio bundle is versioned as the build is,
     * in OSGi's form, and every package it exports carries a semantic version of its own.
     */
    @Test
    public void everyBundleHasTheBuildsVersionAndEveryExportItsOwn() {
        org.osgi.framework.Version build = org.osgi.framework.Version.parseVersion(
                System.getProperty("mio.version").replace('-', '.'));
        int exports = 0;
        for (String name : List.of("io.mio.core", "io.mio.net", "io.mio.backend.unix", "io.mio.backend.windows")) {
            Bundle bundle = Bundles.installed(context, name);
            assertEquals(name, build, bundle.getVersion());
            for (org.osgi.framework.wiring.BundleCapability export : bundle.adapt(org.osgi.framework.wiring.BundleRevision.class)
                    .getDeclaredCapabilities("osgi.wiring.package")) {
                Object version = export.getAttributes().get("version");
                assertTrue(name + " exports " + export.getAttributes().get("osgi.wiring.package") + " at " + version,
                        version instanceof org.osgi.framework.Version v && v.getMajor() >= 1);
                exports++;
            }
        }
        assertEquals("io.mio, io.mio.event, io.mio.spi, io.mio.internal.shared, io.mio.net, io.mio.unix", 6, exports);
    }
}
