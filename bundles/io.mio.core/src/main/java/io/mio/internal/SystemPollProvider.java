package io.mio.internal;

import io.mio.Poll;
import io.mio.PollProvider;
import io.mio.internal.shared.Backends;
import java.io.IOException;

/**
 * The {@link PollProvider} of {@code io.mio.core}: {@code provides}-ed to
 * {@link java.util.ServiceLoader} by the module descriptor, and registered as an OSGi service by
 * the bundle's activator ({@code io.mio.internal.osgi.Activator}) where a backend runs.
 */
public final class SystemPollProvider implements PollProvider {
    /** Creates the provider; {@link java.util.ServiceLoader} and the OSGi activator call this. */
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
