package io.mio.internal;

import io.mio.Poll;
import io.mio.PollProvider;
import io.mio.internal.shared.Backends;
import java.io.IOException;
import org.osgi.service.component.annotations.Component;

/**
 * The {@link PollProvider} of {@code io.mio.core}: {@code provides}-ed to
 * {@link java.util.ServiceLoader} by the module descriptor, and registered as an OSGi service by
 * Declarative Services (the annotation is read at build time only; nothing OSGi is needed at
 * run time outside a framework). DS rather than a bundle activator, so that the core holds no
 * OSGi code and the framework creates the service only when a consumer asks for it.
 */
@Component(service = PollProvider.class)
public final class SystemPollProvider implements PollProvider {
    /** Creates the provider; {@link java.util.ServiceLoader} and the DS runtime call this. */
    public SystemPollProvider() {}

    @Override
    public String backend() {
        return Backends.current().name();
    }

    @Override
    public Poll open() throws IOException {
        return Poll.open();
    }

    @Override
    public String toString() {
        return Backends.unavailabilityCause().map(why -> "Mio PollProvider (unavailable: " + why + ")")
                .orElseGet(() -> "Mio PollProvider (" + Backends.current() + ")");
    }
}
