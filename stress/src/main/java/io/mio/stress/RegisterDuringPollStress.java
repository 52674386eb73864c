package io.mio.stress;

import io.mio.Events;
import io.mio.Interest;
import io.mio.Poll;
import io.mio.Token;
import io.mio.net.SocketPair;
import io.mio.net.UnixStream;
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
 * Registering a source that is already readable, from one thread, while another polls: its
 * readiness is reported exactly once — by the racing poll or by the poll after both — with the
 * registered token.
 *
 * <p>r1 and r2: what the racing poll and the poll after both returned: 0 for nothing, 1 for one
 * event with the right token, 9 for anything else.
 */
@JCStressTest
@Description("register() racing poll(): a ready source is reported once, with its token")
@Outcome(id = {"1, 0", "0, 1"}, expect = Expect.ACCEPTABLE, desc = "reported once")
@Outcome(expect = Expect.FORBIDDEN, desc = "lost, repeated, or with the wrong token")
@State
public class RegisterDuringPollStress {
    private static final Token TOKEN = new Token(42);

    private final Poll poll;
    private final SocketPair<UnixStream> pair;
    private final Events racing = Events.withCapacity(4);
    private final Events after = Events.withCapacity(4);

    public RegisterDuringPollStress() {
        try {
            poll = Polls.open();
            pair = UnixStream.pair();
            pair.first().write(new byte[] {1}); // readable before it is registered
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int outcome(Events events) {
        if (events.isEmpty()) {
            return 0;
        }
        return events.size() == 1 && events.get(0).token().equals(TOKEN) && events.get(0).isReadable() ? 1 : 9;
    }

    @Actor
    public void register() {
        Unchecked.run(() -> poll.registry().register(pair.second(), TOKEN, Interest.READABLE));
    }

    @Actor
    public void poll(II_Result r) {
        r.r1 = Unchecked.get(() -> {
            poll.poll(racing, Duration.ZERO);
            return outcome(racing);
        });
    }

    @Arbiter
    public void pollAfter(II_Result r) {
        try {
            r.r2 = Unchecked.get(() -> {
                poll.poll(after, Duration.ZERO);
                return outcome(after);
            });
        } finally {
            pair.first().close();
            pair.second().close();
            poll.close();
        }
    }
}
