package io.mio.internal.shared;

import io.mio.Registry;
import io.mio.Token;
import io.mio.spi.Selector;

/**
 * Lets Mio's own modules reach what a public {@link Registry} keeps inside without a public
 * accessor: {@code Registry} installs the bridge when its class initialises, as the JDK's
 * {@code SharedSecrets} do.
 */
public final class CoreAccess {
    /** What a registry offers its sources. */
    public interface Bridge {
        /**
         * The selector behind a registry.
         *
         * @param registry the registry
         * @return its selector
         */
        Selector selector(Registry registry);

        /**
         * Records a registration's token, so that events return the same instance, and starts
         * watching it when the Poll detects undrained readiness.
         *
         * @param registry the registry
         * @param token the token
         * @param newRegistration {@code true} for a registration, {@code false} for a reregistration
         * @param previous the watch of the registration a reregistration replaces, or {@code null}
         * @return the watch the I/O paths report to, or {@code null} when the Poll does not detect
         */
        DrainWatch registered(Registry registry, Token token, boolean newRegistration, DrainWatch previous);

        /**
         * Records the end of a registration, by deregistering or by closing the source.
         *
         * @param registry the registry
         * @param watch the registration's watch, or {@code null}
         */
        void deregistered(Registry registry, DrainWatch watch);
    }

    private static volatile Bridge bridge;

    private CoreAccess() {}

    /**
     * Called once, by {@link Registry}'s static initialiser.
     *
     * @param installed the bridge
     * @throws IllegalStateException on a second call
     */
    public static synchronized void install(Bridge installed) {
        if (bridge != null) {
            throw new IllegalStateException("already installed");
        }
        bridge = installed;
    }

    /**
     * The bridge; a registry exists, so its class is initialised and the bridge installed.
     *
     * @return the bridge
     */
    static Bridge bridge() {
        return bridge;
    }

    /**
     * The selector behind a registry.
     *
     * @param registry a registry
     * @return its selector
     */
    public static Selector selector(Registry registry) {
        return bridge.selector(registry);
    }
}
