package io.mio.stress;

import io.mio.Events;
import io.mio.Poll;
import io.mio.Token;
import io.mio.Waker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

/**
 * A wake racing a poll, on a real epoll and eventfd: the wake is reported exactly once — by the
 * racing poll or, if that one ran first, by the poll after both — never lost, never twice.
 *
 * <p>r1: events the racing poll returned; r2: events the poll after both returned.
 */
@JCStressTest
@Description("Waker.wake() racing Poll.poll(): one event, never lost, never repeated")
@Outcome(id = {"1, 0", "0, 1"}, expect = Expect.ACCEPTABLE, desc = "the wake is reported once")
@Outcome(expect = Expect.FORBIDDEN, desc = "the wake is lost or reported twice")
@State
public class WakerStress {
    private final Poll poll;
    private final Waker waker;
    private final Events racing = Events.withCapacity(4);
    private final Events after = Events.withCapacity(4);

    public WakerStress() {
        try {
            poll = Polls.open();
            waker = new Waker(poll.registry(), new Token(1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Actor
    public void wake() {
        Unchecked.run(waker::wake);
    }

    @Actor
    public void poll(II_Result r) {
        r.r1 = Unchecked.get(() -> {
            poll.poll(racing, Duration.ZERO);
            return racing.size();
        });
    }

    @Arbiter
    public void pollAfter(II_Result r) {
        try {
            r.r2 = Unchecked.get(() -> {
                poll.poll(after, Duration.ZERO);
                return after.size();
            });
        } finally {
            waker.close();
            poll.close();
        }
    }
}
