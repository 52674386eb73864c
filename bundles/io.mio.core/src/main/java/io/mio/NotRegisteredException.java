package io.mio;

import java.io.Serial;

/**
 * Thrown when a {@link io.mio.event.Source} is reregistered or deregistered without being
 * registered with that {@link Poll}.
 *
 * <p>A programming error, so unchecked; nothing has changed when it is thrown.
 */
public class NotRegisteredException extends IllegalStateException {
    @Serial
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what was not registered
     */
    public NotRegisteredException(String message) {
        super(message);
    }
}
