package io.mio.itest.osgi;

import static org.junit.Assert.assertEquals;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.options;

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

/**
 * The same feature in a Felix told it runs on macOS ({@code org.osgi.framework.os.name}): the
 * Linux backend fragment must not resolve there — its {@code osgi.native} requirement is what
 * keeps a container from attaching a backend for another OS — while the portable bundles do.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class FelixOnAnotherOsTest {
    @Inject
    private BundleContext context;

    @Configuration
    public Option[] config() throws Exception {
        return options(frameworkProperty("org.osgi.framework.os.name").value("MacOSX"), FeatureBundles.deployment());
    }

    @Test
    public void theLinuxBackendDoesNotResolveOnAnotherOs() {
        assertEquals("the framework believes it", "MacOSX", context.getProperty("org.osgi.framework.os.name"));
        assertEquals(Bundle.INSTALLED, installed("io.mio.backend.linux").getState());
        assertEquals(Bundle.ACTIVE, installed("io.mio.core").getState());
        assertEquals(Bundle.ACTIVE, installed("io.mio.net").getState());
    }

    private Bundle installed(String symbolicName) {
        for (Bundle bundle : context.getBundles()) {
            if (symbolicName.equals(bundle.getSymbolicName())) {
                return bundle;
            }
        }
        throw new AssertionError(symbolicName + " is not installed");
    }
}
