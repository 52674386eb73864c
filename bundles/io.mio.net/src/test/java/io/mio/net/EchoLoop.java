package io.mio.net;

import io.mio.Event;
import io.mio.Events;
import io.mio.Interest;
import io.mio.Poll;
import io.mio.Token;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * The tests' echo server: one thread, one Poll, written as a user writes it — for-each over the
 * events, {@code token().equals(..)}, accept until it would block, echo until a read would block.
 * Its fields are allocated up front, so that a warm loop allocates nothing. Messages are small
 * enough that a write never finds the socket full.
 */
final class EchoLoop {
    static final Token LISTENER = new Token(0);
    private static final Duration TICK = Duration.ofMillis(10);

    private final Poll poll;
    private final TcpListener listener;
    private final Events events = Events.withCapacity(256);
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(4096);
    private final TcpStream[] streams;
    private final Token[] tokens;
    private int accepted;

    EchoLoop(Poll poll, TcpListener listener, int connections) throws IOException {
        this.poll = poll;
        this.listener = listener;
        this.streams = new TcpStream[connections + 1];
        this.tokens = new Token[connections + 1];
        for (int i = 0; i < tokens.length; i++) {
            tokens[i] = new Token(i);
        }
        poll.registry().register(listener, LISTENER, Interest.READABLE);
    }

    int accepted() {
        return accepted;
    }

    /**
     * Handles events until {@code progress} reaches {@code target}; fails when that takes longer
     * than {@code limit}.
     *
     * @return the events handled
     */
    long runUntil(LongSupplier progress, long target, Duration limit) throws IOException {
        long handled = 0;
        long deadline = System.nanoTime() + limit.toNanos();
        while (progress.getAsLong() < target) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the echo loop stalled at " + progress.getAsLong() + " of " + target
                        + " with " + accepted + " connections");
            }
            poll.poll(events, TICK);
            for (Event event : events) {
                handled++;
                if (event.token().equals(LISTENER)) {
                    acceptAll();
                } else {
                    echo(streams[(int) event.token().value()]);
                }
            }
        }
        return handled;
    }

    private void acceptAll() throws IOException {
        TcpStream stream;
        while ((stream = listener.accept()) != null) {
            int slot = ++accepted;
            streams[slot] = stream;
            poll.registry().register(stream, tokens[slot], Interest.READABLE);
        }
    }

    private void echo(TcpStream stream) throws IOException {
        int n;
        while ((n = stream.read(buffer.clear())) > 0) {
            buffer.flip();
            while (buffer.hasRemaining()) {
                stream.write(buffer);
            }
        }
        if (n < 0) {
            stream.close(); // the client is done: closing also ends the registration
        }
    }

    void closeAll() {
        for (TcpStream stream : streams) {
            if (stream != null) {
                stream.close();
            }
        }
    }
}
