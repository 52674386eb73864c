package io.mio.stress;

import io.mio.spi.Descriptor;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;

/**
 * {@code intoRawFd} racing {@code close}: exactly one of them wins. Either the number is handed
 * out and never closed by Mio, or it is closed once and not handed out.
 *
 * <p>r1: the number {@code detach} returned (-1 when close won); r2: whether {@code close}
 * reported closing it (1) or found it gone (0); r3: how many times it was closed.
 */
@JCStressTest
@Description("detach() racing close(): the number is either handed out or closed, once")
@Outcome(id = "7, 0, 0", expect = Expect.ACCEPTABLE, desc = "detach won: the caller owns the number")
@Outcome(id = "-1, 1, 1", expect = Expect.ACCEPTABLE, desc = "close won: closed once, nothing handed out")
@Outcome(expect = Expect.FORBIDDEN, desc = "both, or neither")
@State
public class DescriptorDetachStress {
    private final AtomicInteger closes = new AtomicInteger();
    private final Descriptor descriptor = new Descriptor(7, fd -> closes.incrementAndGet());

    @Actor
    public void detach(III_Result r) {
        r.r1 = (int) descriptor.detach(); // 7 or -1
    }

    @Actor
    public void close(III_Result r) {
        r.r2 = descriptor.close() ? 1 : 0;
    }

    @Arbiter
    public void count(III_Result r) {
        r.r3 = closes.get();
    }
}
