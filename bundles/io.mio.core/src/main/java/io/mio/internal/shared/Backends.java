package io.mio.internal.shared;

import io.mio.spi.Backend;
import java.util.ArrayList;
import java.util.List;
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
     * @throws UnsupportedOperationException when no backend can run here, naming why
     */
    public static Backend current() {
        return Chosen.BACKEND;
    }

    private static final class Chosen {
        static final Backend BACKEND = choose(System.getProperty(PROPERTY),
                ServiceLoader.load(Backend.class, Backends.class.getClassLoader()));
    }

    static Backend choose(String forced, Iterable<Backend> found) {
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
                ? "; none was found: put the backend module for this OS (io.mio.backend.unix or io.mio.backend.windows) "
                        + "beside io.mio.core on the module path or class path"
                : "; tried " + String.join("; ", refused);
        throw new UnsupportedOperationException(wanted + tried);
    }
}
