package io.mio.internal.osgi;

import io.mio.PollProvider;
import io.mio.internal.SystemPollProvider;
import io.mio.internal.shared.Backends;
import java.util.Hashtable;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/**
 * In an OSGi framework, registers the {@link PollProvider} service exactly where Polls can be
 * opened: with no backend fragment attached to io.mio.core (none installed, or only another OS's),
 * or native access denied, no service is registered, and the reason is logged. A fragment attaches
 * when io.mio.core is refreshed, which stops and starts the bundle, and the service appears.
 * An activator, not Declarative Services, so that the core needs no extender to resolve and a
 * consumer never gets a service that cannot work. Loaded in OSGi only: nothing else names it.
 */
public final class Activator implements BundleActivator {
    private ServiceRegistration<PollProvider> registration;

    /** Created by the framework. */
    public Activator() {}

    @Override
    public void start(BundleContext context) {
        Backends.unavailabilityCause().ifPresentOrElse(
                why -> System.getLogger("io.mio").log(System.Logger.Level.WARNING, "no PollProvider service: " + why),
                () -> {
                    Hashtable<String, Object> properties = new Hashtable<>();
                    properties.put("io.mio.backend", Backends.current().name());
                    registration = context.registerService(PollProvider.class, new SystemPollProvider(), properties);
                });
    }

    @Override
    public void stop(BundleContext context) {
        if (registration != null) {
            registration.unregister(); // the framework would too; said here for the reader
            registration = null;
        }
    }
}
