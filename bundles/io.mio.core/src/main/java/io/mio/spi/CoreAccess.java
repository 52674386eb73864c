package io.mio.spi;

import io.mio.Registry;
import java.util.function.Function;

/**
 * Lets Mio's own modules reach the {@link Selector} behind a public {@link Registry} without a
 * public accessor: {@code Registry} installs the bridge when its class initialises, as the JDK's
 * {@code SharedSecrets} do.
 */
public final class CoreAccess {
    private static volatile Function<Registry, Selector> selectorOf;

    private CoreAccess() {}

    /**
     * Called once, by {@link Registry}'s static initialiser.
     *
     * @param bridge the function that returns a registry's selector
     * @throws IllegalStateException on a second call
     */
    public static synchronized void install(Function<Registry, Selector> bridge) {
        if (selectorOf != null) {
            throw new IllegalStateException("already installed");
        }
        selectorOf = bridge;
    }

    /**
     * The selector behind a registry.
     *
     * @param registry a registry; its class is initialised, so the bridge is installed
     * @return its selector
     */
    public static Selector selector(Registry registry) {
        return selectorOf.apply(registry);
    }
}
