package io.mio;

import io.mio.internal.FlightRecorder;
import io.mio.internal.shared.Backends;
import io.mio.spi.Selector;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.Objects;

/**
 * Polls the operating system for the readiness of registered {@linkplain io.mio.event.Source
 * sources}: the heart of an event loop.
 *
 * <p>A Poll is the OS's own event queue (epoll on Linux) with as little as possible in between:
 * {@link #poll} is one system call that writes the events straight into an {@link Events}.
 *
 * <p>The event loop of {@code GuideServer}, one of the examples (the build compiles and runs
 * it, so this code cannot go stale):
 *
 * {@snippet class="io.mio.examples.GuideServer" region="event-loop"}
 *
 * <h2>Portability</h2>
 * <ul>
 *   <li><b>Edge-triggered.</b> An event says a source became ready. Drain it — read, write or
 *       accept until the call would block — before expecting another event for it.
 *   <li><b>Spurious events.</b> An event may come when the source is not ready after all; the
 *       next call then simply would block. Code must tolerate it.
 *   <li><b>Hints.</b> Only readable and writable readiness are reported everywhere; error and
 *       closed-half flags are best-effort hints (see {@link Event}).
 *   <li><b>Registration before readiness.</b> A source is not guaranteed to make progress
 *       (a connect to start) until it is registered.
 * </ul>
 *
 * <h2>Threads</h2>
 * One thread polls at a time: a second concurrent {@link #poll} throws
 * {@link IllegalStateException}. The {@link #registry()} and a {@link Waker} may be used from
 * any thread at any time. To wake a blocked poll from another thread, use a {@link Waker}.
 *
 * <h2>Interruption and signals</h2>
 * {@link Thread#interrupt()} does not wake a blocked poll, and the poll neither clears nor acts
 * on the interrupt status: interruption is the application's to check. (No public Java API lets
 * a library tie a native wait to thread interruption; the {@link Waker} is the portable way.)
 * A signal delivered to the polling thread, as profilers send, ends the wait early: the poll
 * then returns normally with no events, which an event loop handles as it handles a time-out.
 *
 * <h2>Implementation</h2>
 * The backend is chosen once per process: epoll on Linux. The system property
 * {@code io.mio.backend} forces one by name. A poll that is a thread's only blocking call pins a
 * virtual thread's carrier, as the JDK's own {@code Selector} does: poll on a platform thread.
 */
public final class Poll implements AutoCloseable {
    private static final VarHandle POLLING;

    static {
        try {
            POLLING = MethodHandles.lookup().findVarHandle(Poll.class, "polling", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Selector selector;
    private final Registry registry;
    private final UndrainedDetector detector;
    @SuppressWarnings("unused") // accessed through POLLING
    private volatile boolean polling;

    private Poll(Selector selector, UndrainedDetector detector) {
        this.selector = selector;
        this.detector = detector;
        this.registry = new Registry(selector, detector);
    }

    /**
     * Opens a Poll on this OS's best event queue.
     *
     * @return a new Poll, whose descriptor is close-on-exec
     * @throws IOException when the OS refuses, for example at the descriptor limit
     * @throws UnsupportedOperationException when no backend for this OS is present
     */
    public static Poll open() throws IOException {
        return open(PollOptions.defaults());
    }

    /**
     * Why no Poll can be opened here, asked without throwing: no backend for this OS was found,
     * or it may not call native code. The reason says what to do in the world this runs in
     * (module path, class path, jlink image, OSGi); {@link #open()} throws
     * {@link UnsupportedOperationException} with the same words, every time.
     *
     * {@snippet :
     * if (Poll.unavailabilityCause().isPresent()) {
     *     // fall back to java.nio.channels.Selector, say, or report the reason
     * }
     * }
     *
     * @return the reason, or empty when Polls can be opened
     */
    public static java.util.Optional<String> unavailabilityCause() {
        return Backends.unavailabilityCause();
    }

    /**
     * Opens a new Poll with options, such as the undrained-readiness detector.
     *
     * {@snippet :
     * Poll poll = Poll.open(PollOptions.defaults().detectUndrainedReadiness(true));
     * }
     *
     * @param options how to open it
     * @return the new Poll
     * @throws IOException when the OS refuses, for example at the descriptor limit
     */
    public static Poll open(PollOptions options) throws IOException {
        UndrainedDetector detector = Objects.requireNonNull(options, "options").newDetector();
        return new Poll(Backends.current().openSelector(), detector);
    }

    /**
     * The registry through which sources are registered with this Poll.
     *
     * @return the registry, the same instance every time
     */
    public Registry registry() {
        return registry;
    }

    /**
     * Waits for readiness events and puts them in {@code events}, replacing what it held.
     *
     * <p>Returns when at least one event is ready, when {@code timeout} has elapsed (with no
     * events), or early with no events when a signal interrupts the wait. At most
     * {@code events.capacity()} events are returned; the rest come with the next call.
     *
     * @param events where to put the events
     * @param timeout how long to wait at most: {@code null} waits until an event comes,
     *     {@link Duration#ZERO} only checks what is ready now. Rounded up to the OS's granularity
     *     (a millisecond with epoll), never down, so a short time-out never turns into a busy loop.
     * @throws IOException when the OS fails the wait
     * @throws IllegalArgumentException when {@code timeout} is negative
     * @throws IllegalStateException when another thread is polling this Poll
     * @throws java.nio.channels.ClosedSelectorException when this Poll is closed
     */
    public void poll(Events events, Duration timeout) throws IOException {
        Objects.requireNonNull(events, "events");
        long nanos = Timeouts.toNanos(timeout);
        if (!POLLING.compareAndSet(this, false, true)) {
            throw new IllegalStateException("another thread is polling this Poll; only one may at a time");
        }
        try {
            events.size = 0;
            events.tokens = registry.tokens;
            if (detector != null) {
                detector.beforePoll();
            }
            Object recording = FlightRecorder.beginPoll();
            events.size = selector.select(events.array, nanos);
            if (recording != null) {
                FlightRecorder.endPoll(recording, events.size, events.capacity(), nanos);
            }
            if (detector != null) {
                detector.afterPoll(events);
            }
        } finally {
            POLLING.setRelease(this, false);
        }
    }

    /**
     * Closes the OS event queue. Registered sources stay open but get no more events.
     * Idempotent; later calls on this Poll or its registry throw
     * {@link java.nio.channels.ClosedSelectorException}, and so does a poll that another thread
     * is blocked in: it is woken, and returns with that exception.
     */
    @Override
    public void close() {
        selector.close();
    }

    @Override
    public String toString() {
        return "Poll[" + selector + "]";
    }
}
