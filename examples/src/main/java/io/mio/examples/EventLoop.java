package io.mio.examples;

import io.mio.Event;
import io.mio.Events;
import io.mio.Interest;
import io.mio.Poll;
import io.mio.Token;
import io.mio.Waker;
import io.mio.event.Source;
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

    /** Opens the Poll and the stop waker, and registers the server's first source. */
    EventLoop(Source first, Token token, Interest interests) throws IOException {
        Poll opened = Poll.open();
        Waker waker = null;
        try {
            waker = new Waker(opened.registry(), STOP);
            opened.registry().register(first, token, interests);
        } catch (IOException | RuntimeException e) {
            if (waker != null) {
                waker.close();
            }
            opened.close();
            throw e;
        }
        poll = opened;
        stopper = waker;
    }

    /** Makes a server of a freshly opened socket. */
    @FunctionalInterface
    interface ServerFactory<R, S> {
        S make(R socket) throws IOException;
    }

    /**
     * Makes a server around a socket it has just opened, closing the socket when that fails, so
     * that a failed start leaks nothing.
     */
    static <R extends AutoCloseable, S extends EventLoop> S around(R socket, ServerFactory<R, S> factory) throws IOException {
        try {
            return factory.make(socket);
        } catch (IOException | RuntimeException e) {
            try {
                socket.close();
            } catch (Exception suppressed) {
                e.addSuppressed(suppressed);
            }
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
