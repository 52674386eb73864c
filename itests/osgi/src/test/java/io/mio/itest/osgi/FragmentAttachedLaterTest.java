package io.mio.itest.osgi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * The {@code PollProvider} service follows the backend fragment: none while no fragment is
 * attached to io.mio.core (and Mio's static calls saying to install one), one once a fragment is
 * installed and the core refreshed, none again when the fragment is uninstalled and the core
 * refreshed. Refreshing the core restarts it, which
 * a test running inside the framework cannot survive, so this test embeds the framework — the one
 * its surefire execution put on the class path — and drives it from outside.
 */
class FragmentAttachedLaterTest {
    private static final String POLL_PROVIDER = "io.mio.PollProvider";
    private static final long REFRESH_LIMIT_SECONDS = 30;

    private Path storage;
    private Framework framework;
    private BundleContext context;

    @BeforeEach
    void startFramework() throws Exception {
        storage = Path.of(System.getProperty("mio.work"), "fragment-later-" + System.getProperty("mio.framework"));
        framework = ServiceLoader.load(FrameworkFactory.class).findFirst().orElseThrow().newFramework(Map.of(
                "org.osgi.framework.storage", storage.toString(),
                "org.osgi.framework.storage.clean", "onFirstInit"));
        framework.start();
        context = framework.getBundleContext();
        assertEquals(System.getProperty("mio.framework"), framework.getSymbolicName());
    }

    @AfterEach
    void stopFramework() throws Exception {
        framework.stop();
        framework.waitForStop(TimeUnit.SECONDS.toMillis(REFRESH_LIMIT_SECONDS));
        Trees.delete(storage);
    }

    @Test
    void theServiceAppearsWhenTheFragmentAttachesAndGoesWhenItLeaves() throws Exception {
        Bundle core = install("io.mio.core");
        Bundle net = install("io.mio.net");
        net.start();
        core.start();
        assertNull(pollProvider(), "no backend fragment, no service");
        assertEveryCallSaysToInstallTheFragment(core, net);

        Bundle backend = install("io.mio.backend.unix");
        refresh(core);
        assertEquals(Bundle.ACTIVE, core.getState());
        assertEquals(List.of("io.mio.backend.unix"), Bundles.fragmentsOf(core));
        ServiceReference<?> reference = pollProvider();
        assertNotNull(reference, "the fragment attached on refresh, and the service came with it");
        Object polls = context.getService(reference);
        assertEquals("epoll", polls.getClass().getMethod("backend").invoke(polls));
        context.ungetService(reference);

        backend.uninstall();
        refresh(core);
        assertEquals(Bundle.ACTIVE, core.getState());
        assertNull(pollProvider(), "the fragment gone, the service with it");
    }

    /**
     * What a bundle that calls Mio directly, not through the service, meets without a fragment:
     * {@code Poll.open()} and {@code TcpListener.bind} throw the documented exception with OSGi's
     * advice, the same on every call.
     */
    private static void assertEveryCallSaysToInstallTheFragment(Bundle core, Bundle net) throws Exception {
        InetSocketAddress loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        for (int attempt = 1; attempt <= 2; attempt++) {
            for (Throwable thrown : List.of(thrown(core, "io.mio.Poll", "open", new Class<?>[0]),
                    thrown(net, "io.mio.net.TcpListener", "bind", new Class<?>[] {InetSocketAddress.class}, loopback))) {
                assertEquals(UnsupportedOperationException.class, thrown.getClass(), "call " + attempt + ": " + thrown);
                assertTrue(thrown.getMessage().contains("in OSGi: install the backend fragment for this OS"), thrown.getMessage());
            }
        }
    }

    /** What a static method of a bundle's class throws; it must throw. */
    private static Throwable thrown(Bundle bundle, String type, String method, Class<?>[] parameters, Object... arguments)
            throws Exception {
        try {
            bundle.loadClass(type).getMethod(method, parameters).invoke(null, arguments);
        } catch (InvocationTargetException e) {
            return e.getCause();
        }
        throw new AssertionError(type + "." + method + " returned without a backend");
    }

    private Bundle install(String name) throws Exception {
        return context.installBundle(Path.of(System.getProperty("mio.bundles"), name + ".jar").toUri().toString());
    }

    /**
     * The service, whatever class loader its interface came from: this context is the system
     * bundle's, whose class path holds another copy of io.mio, so the class-compatible lookup
     * would hide it.
     */
    private ServiceReference<?> pollProvider() throws Exception {
        ServiceReference<?>[] references = context.getAllServiceReferences(POLL_PROVIDER, null);
        return references == null ? null : references[0];
    }

    /** Refreshes a bundle and what depends on it, as a console's refresh does, and waits for it. */
    private void refresh(Bundle bundle) throws Exception {
        CompletableFuture<FrameworkEvent> done = new CompletableFuture<>();
        framework.adapt(FrameworkWiring.class).refreshBundles(List.of(bundle), done::complete);
        assertEquals(FrameworkEvent.PACKAGES_REFRESHED, done.get(REFRESH_LIMIT_SECONDS, TimeUnit.SECONDS).getType());
    }
}
