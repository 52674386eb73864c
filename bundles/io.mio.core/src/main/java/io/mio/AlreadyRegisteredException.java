package io.mio;

import java.io.Serial;

/**
 * Thrown when a {@link io.mio.event.Source} is registered while it is registered already, or with
 * a second {@link Poll}: a source belongs to the first Poll it is registered with for as long as
 * it lives. To change a registration, {@linkplain Registry#reregister reregister} it.
 *
 * <p>A programming error, so unchecked; nothing has changed when it is thrown.
 */
public class AlreadyRegisteredException extends IllegalStateException {
    @Serial
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what was registered twice
     */
    public AlreadyRegisteredException(String message) {
        super(message);
    }
}
