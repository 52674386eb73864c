package io.mio.itest.osgi;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.options;

import io.mio.PollProvider;
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
 * Mio's Karaf feature in a bare OSGi framework, as an OSGi user deploys it without Karaf (Karaf
 * itself is {@link KarafTest}'s): the poll-creation service that io.mio.core's activator
 * registers, a real TCP round trip inside the framework, and the metadata doing its job — the
 * Linux fragment attached, another OS's fragment left unresolved, and the internal package
 * closed to bundles that are not Mio's own.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class FrameworkTest {
    @Inject
    private PollProvider polls;

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] config() throws Exception {
        return options(FeatureBundles.deployment());
    }

    /** The surefire execution says which framework it put on the class path for Pax Exam. */
    @Test
    public void theFrameworkIsTheOneThisRunIsFor() {
        assertEquals(System.getProperty("mio.framework"), context.getBundle(0).getSymbolicName());
    }

    @Test
    public void theServiceEchoesOverTcp() throws Exception {
        assertEquals("epoll", polls.backend());
        EchoRoundTrip.run(polls, "hello from " + context.getBundle(0).getSymbolicName());
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
