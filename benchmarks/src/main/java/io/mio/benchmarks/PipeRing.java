package io.mio.benchmarks;

import io.mio.Event;
import io.mio.Events;
import io.mio.Interest;
import io.mio.Poll;
import io.mio.PollOptions;
import io.mio.Token;
import io.mio.unix.Pipe;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;

/**
 * 64 Mio pipes registered with one Poll, readable end by token: the fixture of the benchmarks
 * that poll with ready events. One round makes {@code ready} of them readable (one byte each),
 * polls, and drains every reported pipe to would-block, as an edge-triggered loop must.
 */
final class PipeRing implements AutoCloseable {
    static final int PIPES = 64;

    private final Poll poll;
    private final Pipe[] pipes = new Pipe[PIPES];
    private final Events events = Events.withCapacity(PIPES);
    private final ByteBuffer one = ByteBuffer.allocateDirect(1);
    private final ByteBuffer sink = ByteBuffer.allocateDirect(64);

    PipeRing(PollOptions options) throws IOException {
        poll = Poll.open(options);
        for (int i = 0; i < PIPES; i++) {
            pipes[i] = Pipe.open();
            poll.registry().register(pipes[i].receiver(), new Token(i), Interest.READABLE);
        }
    }

    /** One round; returns the bytes drained, so that the JIT keeps the work. */
    int round(int ready) throws IOException {
        for (int i = 0; i < ready; i++) {
            pipes[i].sender().write(one.clear());
        }
        poll.poll(events, Duration.ZERO);
        int drained = 0;
        for (Event event : events) {
            Pipe.Receiver receiver = pipes[(int) event.token().value()].receiver();
            int n;
            while ((n = receiver.read(sink.clear())) > 0) {
                drained += n;
            }
        }
        return drained;
    }

    @Override
    public void close() {
        for (Pipe pipe : pipes) {
            pipe.close();
        }
        poll.close();
    }
}
