package io.mio.benchmarks;

import io.mio.Events;
import io.mio.Poll;
import io.mio.Token;
import io.mio.Waker;
import java.io.IOException;
import java.nio.channels.Selector;
import java.time.Duration;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A wake and the poll that reports it, on one thread: {@code Waker.wake()} + {@code poll(ZERO)}
 * beside {@code Selector.wakeup()} + {@code selectNow()}; and an empty poll beside an empty
 * {@code selectNow()}. Scores are operations per second.
 */
public class WakeBenchmark extends MioBenchmark {
    private Poll poll;
    private Waker waker;
    private final Events events = Events.withCapacity(8);
    private Selector selector;

    @Setup
    public void open() throws IOException {
        poll = Poll.open();
        waker = new Waker(poll.registry(), new Token(1));
        selector = Selector.open();
    }

    @TearDown
    public void close() throws IOException {
        waker.close();
        poll.close();
        selector.close();
    }

    @Benchmark
    public int mioWakeThenPoll() throws IOException {
        waker.wake();
        poll.poll(events, Duration.ZERO);
        return events.size();
    }

    @Benchmark
    public int nioWakeupThenSelectNow() throws IOException {
        selector.wakeup();
        return selector.selectNow();
    }

    @Benchmark
    public int mioEmptyPoll() throws IOException {
        poll.poll(events, Duration.ZERO);
        return events.size();
    }

    @Benchmark
    public int nioEmptySelectNow() throws IOException {
        return selector.selectNow();
    }
}
