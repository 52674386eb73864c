package io.mio;

import java.io.IOException;
import java.util.Optional;

/**
 * Opens {@link Poll}s on the best backend for the running operating system: the service form of
 * {@link Poll#open()}, for code that gets its dependencies injected rather than calling statics.
 *
 * <p>On the module path or the class path, find it with {@link java.util.ServiceLoader}:
 *
 * {@snippet :
 * PollProvider provider = ServiceLoader.load(PollProvider.class).findFirst().orElseThrow();
 * try (Poll poll = provider.open()) {
 *     // register sources, poll
 * }
 * }
 *
 * <p>In an OSGi framework, {@code io.mio.core} registers it as a service where a backend runs
 * (none is registered while no backend fragment for the OS is attached), so a Declarative
 * Services component gets it by reference:
 *
 * {@snippet :
 * @Reference
 * private PollProvider polls;
 * }
 *
 * <p>The backend is chosen once per process; the system property {@code io.mio.backend} forces
 * one by name (such as {@code epoll}), and naming one that cannot run here makes
 * {@link #open()} fail with a message that says why.
 */
public interface PollProvider {
    /**
     * Why no Poll can be opened here, asked without throwing: the backend module for this OS is
     * missing, or may not call native code, with what to do in the world this runs in (module
     * path, class path, jlink image, OSGi).
     *
     * {@snippet :
     * provider.unavailabilityCause().ifPresent(why -> System.err.println("no Mio here: " + why));
     * }
     *
     * @return the reason, or empty when Polls can be opened
     */
    default Optional<String> unavailabilityCause() {
        return Poll.unavailabilityCause();
    }

    /**
     * Whether Polls can be opened here.
     *
     * @return {@code true} when a backend for this OS runs
     */
    default boolean isAvailable() {
        return unavailabilityCause().isEmpty();
    }

    /**
     * The name of the backend behind the Polls this provider opens.
     *
     * @return such as {@code "epoll"}
     * @throws UnsupportedOperationException when no backend can run here, saying why
     */
    String backend();

    /**
     * Opens a Poll; the caller closes it.
     *
     * @return a new Poll
     * @throws IOException when the OS refuses
     * @throws UnsupportedOperationException when no backend can run here, saying why
     */
    Poll open() throws IOException;

    /**
     * Opens a new Poll with options, as {@link Poll#open(PollOptions)} does.
     *
     * @param options how to open it
     * @return the new Poll
     * @throws IOException when the OS refuses
     */
    default Poll open(PollOptions options) throws IOException {
        return Poll.open(options);
    }
}
