package io.mio.itest.osgi;

import static org.junit.Assert.assertEquals;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.options;

import java.util.List;
import javax.inject.Inject;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * Mio's feature in a framework (Felix or Equinox) told it runs on another OS
 * ({@code org.osgi.framework.os.name}): the backend fragments' {@code osgi.native} requirements
 * must attach the backend for that OS to the core and no other, while the portable bundles start
 * wherever they are. Each subclass names an OS and the backend it expects, and runs the check.
 */
public abstract class FrameworkToldItRunsOn {
    @Inject
    private BundleContext context;

    /** The OS name the framework is told, as a JVM on that OS reports {@code os.name}. */
    protected abstract String osName();

    /** The backend fragments that must be attached there. */
    protected abstract List<String> backends();

    /**
     * Whether the attached backend can run on this JVM, which is really Linux's: the Unix one can
     * (epoll), the Windows one cannot, so there no PollProvider service may be registered.
     */
    protected boolean aBackendRunsHere() {
        return true;
    }

    @Configuration
    public Option[] config() throws Exception {
        return options(frameworkProperty("org.osgi.framework.os.name").value(osName()), FeatureBundles.deployment());
    }

    /**
     * The check each subclass runs as its own {@code @Test}: Pax Exam runs a test method inside
     * the framework on the class that declares it, so an inherited one would run on the wrong
     * subclass.
     */
    protected void checkThatTheBackendForThatOsAndNoOtherIsAttached() {
        assertEquals("the framework believes it", osName(), context.getProperty("org.osgi.framework.os.name"));
        Bundle core = Bundles.installed(context, "io.mio.core");
        assertEquals(Bundle.ACTIVE, core.getState());
        assertEquals(Bundle.ACTIVE, Bundles.installed(context, "io.mio.net").getState());
        assertEquals(backends(), Bundles.fragmentsOf(core));
        for (String backend : List.of("io.mio.backend.unix", "io.mio.backend.windows")) {
            int expected = backends().contains(backend) ? Bundle.RESOLVED : Bundle.INSTALLED;
            assertEquals(backend, expected, Bundles.installed(context, backend).getState());
        }
        assertEquals("a PollProvider service exactly where a backend runs", aBackendRunsHere(), pollProviderRegistered());
    }

    /** Whether the service is there: io.mio.core's activator registers it as the bundle starts. */
    private boolean pollProviderRegistered() {
        return context.getServiceReference(io.mio.PollProvider.class) != null;
    }
}
