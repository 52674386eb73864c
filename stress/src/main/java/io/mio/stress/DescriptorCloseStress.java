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
 * The guard every Mio socket's calls go through: a call and a close race. The number must be
 * closed exactly once, and never while the call holds it (the reuse bug: another thread's new
 * socket would get the number while the call still uses it).
 *
 * <p>r1: the call's view (1 = it got the number, 0 = it saw the descriptor closed); r2: 1 when
 * the number was closed while the call held it; r3: how many times it was closed.
 */
@JCStressTest
@Description("A call racing close(): the number is closed once, and never under a call")
@Outcome(id = {"1, 0, 1", "0, 0, 1"}, expect = Expect.ACCEPTABLE, desc = "closed once, after the call or before it")
@Outcome(expect = Expect.FORBIDDEN, desc = "closed twice, never, or under a running call")
@State
public class DescriptorCloseStress {
    private final AtomicInteger closes = new AtomicInteger();
    private final Descriptor descriptor = new Descriptor(3, fd -> closes.incrementAndGet());

    @Actor
    public void call(III_Result r) {
        long fd = descriptor.acquire();
        if (fd < 0) {
            r.r1 = 0;
            return;
        }
        r.r1 = 1;
        r.r2 = closes.get() == 0 ? 0 : 1;
        descriptor.release();
    }

    @Actor
    public void close() {
        descriptor.close();
    }

    @Arbiter
    public void closedOnce(III_Result r) {
        r.r3 = closes.get();
    }
}
