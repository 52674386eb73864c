package io.mio.internal.shared;

import io.mio.spi.Backend;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The one place a backend is chosen: of the backends found with {@link ServiceLoader} that can
 * run on this machine, the one of highest {@linkplain Backend#preference() preference} (the OS's
 * own mechanism before a portable fallback), or the one the {@value #PROPERTY} system property
 * names.
 *
 * <p>The backends are looked up through this module's class loader, which finds them on the
 * module path, on the class path, and in OSGi, where a backend is a fragment of this bundle.
 */
public final class Backends {
    /** The system property that forces a backend by {@linkplain Backend#name() name}. */
    public static final String PROPERTY = "io.mio.backend";

    private Backends() {}

    /**
     * The backend of this process, chosen once.
     *
     * @return the backend
     * @throws UnsupportedOperationException when no backend can run here, naming why and what to
     *     do; every call, not only the first
     */
    public static Backend current() {
        Choice choice = Chosen.CHOICE;
        if (choice.backend() == null) {
            throw new UnsupportedOperationException(choice.cause());
        }
        return choice.backend();
    }

    /**
     * Why no backend can run here, without throwing.
     *
     * @return the reason and what to do, or empty when a backend runs
     */
    public static Optional<String> unavailabilityCause() {
        return Optional.ofNullable(Chosen.CHOICE.cause());
    }

    /** The choice, made once: a backend, or the reason there is none. */
    record Choice(Backend backend, String cause) {}

    private static final class Chosen {
        static final Choice CHOICE = chooseOrSayWhy(System.getProperty(PROPERTY),
                ServiceLoader.load(Backend.class, Backends.class.getClassLoader()), Worlds.current());
    }

    /**
     * Chooses, and checks that the choice can link its native calls: a backend the JVM denies
     * native access, or whose classes fail to load, is no backend, and says so, rather than
     * failing later in a class initializer that every later call would fail again.
     */
    static Choice chooseOrSayWhy(String forced, Iterable<Backend> found, Worlds world) {
        Backend backend;
        try {
            backend = choose(forced, found, world);
        } catch (UnsupportedOperationException e) {
            return new Choice(null, e.getMessage());
        } catch (java.util.ServiceConfigurationError | LinkageError e) {
            return new Choice(null, "no Mio backend could be loaded: " + e);
        }
        String cause = linkCause(backend, world);
        return cause == null ? new Choice(backend, null) : new Choice(null, cause);
    }

    /** Opens and closes a selector, which links the backend's native calls; null when that worked. */
    private static String linkCause(Backend backend, Worlds world) {
        try {
            backend.openSelector().close();
            return null;
        } catch (java.io.IOException e) {
            return null; // the OS refused a queue now (descriptors, memory): the backend is there
        } catch (IllegalCallerException e) {
            return deniedNativeAccess(backend, world, e);
        } catch (LinkageError | RuntimeException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof IllegalCallerException denied) {
                    return deniedNativeAccess(backend, world, denied);
                }
            }
            return "the Mio backend '" + backend.name() + "' could not link its native calls: " + e;
        }
    }

    private static String deniedNativeAccess(Backend backend, Worlds world, IllegalCallerException e) {
        Module module = backend.getClass().getModule();
        return "the Mio backend '" + backend.name() + "' is denied native access (" + e.getMessage() + "); "
                + world.nativeAccess(module.isNamed() ? module.getName() : "ALL-UNNAMED");
    }

    static Backend choose(String forced, Iterable<Backend> found) {
        return choose(forced, found, Worlds.current());
    }

    static Backend choose(String forced, Iterable<Backend> found, Worlds world) {
        List<String> refused = new ArrayList<>();
        Backend best = null;
        for (Backend backend : found) {
            if (forced != null && !forced.equals(backend.name())) {
                refused.add(backend.name() + ": not the one " + PROPERTY + " names");
                continue;
            }
            String cause = backend.unavailabilityCause();
            if (cause != null) {
                refused.add(backend.name() + ": " + cause);
            } else if (best == null || backend.preference() > best.preference()) {
                best = backend;
            }
        }
        if (best != null) {
            return best;
        }
        String where = System.getProperty("os.name") + " " + System.getProperty("os.arch");
        String wanted = forced == null ? "no Mio backend can run on " + where
                : "the Mio backend '" + forced + "' named by -D" + PROPERTY + " cannot run on " + where;
        String tried = refused.isEmpty()
                ? "; none was found: " + world.missingBackend()
                : "; tried " + String.join("; ", refused);
        throw new UnsupportedOperationException(wanted + tried);
    }
}
