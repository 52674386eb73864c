package io.mio.spi;

import io.mio.Interest;
import java.io.IOException;

/**
 * The OS event queue behind one {@link io.mio.Poll}. Registration is edge-triggered and may be
 * called from any thread, also while another thread waits in {@link #select}; {@link #select} is
 * called by one thread at a time.
 *
 * <p>Every method but {@link #close()} throws
 * {@link java.nio.channels.ClosedSelectorException} once the selector is closed.
 */
public interface Selector extends AutoCloseable {
    /**
     * Starts delivering edge-triggered readiness of {@code fd} with {@code token}.
     *
     * @param fd a descriptor the caller holds open for the length of the call
     * @param token the user's token, all 64 bits delivered back
     * @param interests the kinds of readiness wanted
     * @return the registration, through which every later change goes
     * @throws IOException when the OS refuses
     */
    Registration register(long fd, long token, Interest interests) throws IOException;

    /**
     * Waits for events and writes them into {@code events}.
     *
     * @param events where the OS writes the events, from index 0
     * @param timeoutNanos how long to wait at most: {@code -1} for ever, {@code 0} not at all;
     *     the backend rounds up to its clock's granularity
     * @return how many events were written; 0 on time-out or when a signal cut the wait short
     * @throws IOException when the OS fails the wait
     */
    int select(EventArray events, long timeoutNanos) throws IOException;

    /**
     * Creates the OS object behind a {@link io.mio.Waker} and registers it for a readable event
     * with {@code token}.
     *
     * @param token the waker's token
     * @return the signal, which the caller closes
     * @throws IOException when the OS refuses
     */
    WakeSignal openWakeSignal(long token) throws IOException;

    /**
     * Closes the OS event queue. Idempotent; registered descriptors stay open.
     */
    @Override
    void close();
}
