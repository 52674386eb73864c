package io.mio.benchmarks;

import io.mio.PollOptions;
import java.io.IOException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What the undrained-readiness detector costs: the same poll-and-drain rounds as
 * {@link PollReadyBenchmark} on a Poll with the detector off (the default) and on. Off, it is one
 * null check per poll and per would-block, so the off score should match
 * {@code PollReadyBenchmark.mioPoll}.
 */
public class DetectorBenchmark extends MioBenchmark {
    @Param({"1", "64"})
    public int ready;

    private PipeRing off;
    private PipeRing on;

    @Setup
    public void open() throws IOException {
        off = new PipeRing(PollOptions.defaults().detectUndrainedReadiness(false));
        on = new PipeRing(PollOptions.defaults().detectUndrainedReadiness(report -> {
            throw new AssertionError("the benchmark drains every source: " + report);
        }));
    }

    @TearDown
    public void close() {
        off.close();
        on.close();
    }

    @Benchmark
    public int detectorOff() throws IOException {
        return off.round(ready);
    }

    @Benchmark
    public int detectorOn() throws IOException {
        return on.round(ready);
    }
}
