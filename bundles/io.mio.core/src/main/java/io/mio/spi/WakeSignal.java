package io.mio.spi;

import java.io.IOException;

/** The OS object behind a {@link io.mio.Waker}: a signal that makes its selector report a readable event. */
public interface WakeSignal extends AutoCloseable {
    /**
     * Makes the selector report a readable event with the waker's token. Wakes made before the
     * event is polled may coalesce into one event. Safe from any thread.
     *
     * @throws IOException when the OS refuses; {@link java.nio.channels.ClosedChannelException}
     *     once closed
     */
    void wake() throws IOException;

    /** Releases the OS object. Idempotent. */
    @Override
    void close();
}
