package io.mio.examples;

import io.mio.Event;
import io.mio.Events;
import io.mio.Poll;
import io.mio.Token;
import io.mio.Waker;
import java.io.IOException;

/**
 * The skeleton every example server shares: one Poll, one thread running {@link #run()}, and a
 * {@link Waker} so that {@link #stop()} from any thread ends the loop. Subclasses handle events.
 */
abstract class EventLoop implements AutoCloseable {
    /** The waker's token: no registration uses a negative token here. */
    private static final Token STOP = new Token(-1);

    final Poll poll;
    private final Waker stopper;
    private volatile boolean stopping;

    EventLoop() throws IOException {
        poll = Poll.open();
        try {
            stopper = new Waker(poll.registry(), STOP);
        } catch (IOException | RuntimeException e) {
            poll.close();
            throw e;
        }
    }

    /** Handles one event of a registered source. */
    abstract void handle(Event event) throws IOException;

    /** Closes the subclass's sockets; the Poll and the waker are closed after. */
    abstract void closeSources();

    /**
     * Runs the loop until {@link #stop()} is called.
     *
     * @throws IOException when polling or a handler fails
     */
    public void run() throws IOException {
        Events events = Events.withCapacity(1024);
        while (!stopping) {
            poll.poll(events, null);
            for (int i = 0, n = events.size(); i < n; i++) {
                Event event = events.get(i);
                if (event.token().value() != STOP.value()) {
                    handle(event);
                }
            }
        }
    }

    /** Makes {@link #run()} return; safe from any thread. */
    public void stop() {
        stopping = true;
        try {
            stopper.wake();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Closes every socket, the waker and the Poll. */
    @Override
    public void close() {
        closeSources();
        stopper.close();
        poll.close();
    }
}
