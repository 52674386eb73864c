package io.mio;

import io.mio.internal.FlightRecorder;
import io.mio.internal.shared.CoreAccess;
import io.mio.spi.WakeSignal;
import java.io.IOException;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Wakes a {@link Poll} from another thread: {@link #wake()} makes the Poll return a readable
 * event with the waker's token.
 *
 * {@snippet :
 * final Token WAKE = new Token(10);
 * try (Poll poll = Poll.open(); Waker waker = new Waker(poll.registry(), WAKE)) {
 *     Thread.ofPlatform().start(() -> {
 *         try {
 *             waker.wake();
 *         } catch (IOException e) {
 *             throw new UncheckedIOException(e);
 *         }
 *     });
 *     Events events = Events.withCapacity(8);
 *     poll.poll(events, null); // returns once woken
 *     assert events.get(0).token().equals(WAKE) && events.get(0).isReadable();
 * }
 * }
 *
 * <p>Wakes made before the Poll returns the event coalesce: ten wakes may give one event. Once
 * the event is returned there is nothing to drain or reset: the next wake gives a new event.
 * A Poll has at most one active Waker; to wake it for several reasons, keep the reasons in a
 * concurrent queue and wake once.
 */
public final class Waker implements AutoCloseable {
    private final Registry registry;
    private final WakeSignal signal;
    private final long token;
    private final AtomicBoolean closed = new AtomicBoolean();

    /**
     * Creates a waker for the Poll that owns {@code registry}.
     *
     * @param registry the Poll's registry
     * @param token the token of the wake events
     * @throws IOException when the OS refuses
     * @throws IllegalStateException when the Poll has an active waker already
     * @throws java.nio.channels.ClosedSelectorException when the Poll is closed
     */
    public Waker(Registry registry, Token token) throws IOException {
        Objects.requireNonNull(token, "token");
        registry.claimWaker();
        try {
            this.signal = CoreAccess.selector(registry).openWakeSignal(token.value());
        } catch (IOException | RuntimeException | Error e) {
            registry.releaseWaker();
            throw e;
        }
        this.registry = registry;
        this.token = token.value();
    }

    /**
     * Makes the Poll return a readable event with this waker's token, waking it if it is blocked.
     * Safe to call from any thread, as often as needed.
     *
     * @throws IOException when the OS refuses;
     *     {@link java.nio.channels.ClosedChannelException} once this waker is closed
     */
    public void wake() throws IOException {
        signal.wake();
        FlightRecorder.wake(token);
    }

    /**
     * Releases the waker's OS object; the Poll may then get a new waker. Idempotent: only the
     * first close gives the Poll's waker slot back, so closing this waker again cannot free the
     * slot of a waker made after it.
     */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            signal.close();
            registry.releaseWaker();
        }
    }

    @Override
    public String toString() {
        return "Waker[" + signal + "]";
    }
}
