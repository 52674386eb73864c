package io.mio.benchmarks;

import io.mio.PollOptions;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Iterator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A poll that returns 0, 1 or 64 ready events out of 64 registered pipes, each event's pipe then
 * drained: Mio's {@code Poll} beside the JDK's {@code Selector} doing the same with
 * {@code java.nio.channels.Pipe}. Scores are rounds per second; a round includes the one-byte
 * writes that make the pipes ready.
 */
public class PollReadyBenchmark extends MioBenchmark {
    @Param({"0", "1", "64"})
    public int ready;

    private PipeRing mio;
    private Selector selector;
    private final Pipe[] nioPipes = new Pipe[PipeRing.PIPES];
    private final ByteBuffer one = ByteBuffer.allocateDirect(1);
    private final ByteBuffer sink = ByteBuffer.allocateDirect(64);

    @Setup
    public void open() throws IOException {
        mio = new PipeRing(PollOptions.defaults().detectUndrainedReadiness(false));
        selector = Selector.open();
        for (int i = 0; i < nioPipes.length; i++) {
            nioPipes[i] = Pipe.open();
            nioPipes[i].source().configureBlocking(false);
            nioPipes[i].sink().configureBlocking(false);
            nioPipes[i].source().register(selector, SelectionKey.OP_READ, i);
        }
    }

    @TearDown
    public void close() throws IOException {
        mio.close();
        selector.close();
        for (Pipe pipe : nioPipes) {
            pipe.source().close();
            pipe.sink().close();
        }
    }

    @Benchmark
    public int mioPoll() throws IOException {
        return mio.round(ready);
    }

    @Benchmark
    public int nioSelect() throws IOException {
        for (int i = 0; i < ready; i++) {
            nioPipes[i].sink().write(one.clear());
        }
        selector.selectNow();
        int drained = 0;
        Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
        while (keys.hasNext()) {
            SelectionKey key = keys.next();
            keys.remove();
            Pipe.SourceChannel source = nioPipes[(Integer) key.attachment()].source();
            int n;
            while ((n = source.read(sink.clear())) > 0) {
                drained += n;
            }
        }
        return drained;
    }
}
