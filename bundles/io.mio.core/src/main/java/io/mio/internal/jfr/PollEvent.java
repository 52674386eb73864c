package io.mio.internal.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Threshold;
import jdk.jfr.Timespan;

/**
 * One {@code Poll.poll} call: how long it took, how many events it returned. Recorded, like the
 * JDK's socket events, only above a threshold (10 ms unless a recording sets
 * {@code io.mio.Poll#threshold}; on the command line, as for any event not in a {@code .jfc}
 * file, with a {@code +}: {@code -XX:StartFlightRecording:+io.mio.Poll#threshold=0ms}), without
 * a stack trace unless asked for.
 */
@Name("io.mio.Poll")
@Label("Mio Poll")
@Category({"Mio", "Event Loop"})
@Description("A Poll.poll call: the wait for readiness and the events it returned")
@Threshold("10 ms")
@StackTrace(false)
public final class PollEvent extends jdk.jfr.Event {
    /** How many events the call returned. */
    @Label("Events")
    @Description("Events returned by the call")
    public int events;

    /** The capacity of the Events storage it filled. */
    @Label("Capacity")
    @Description("How many events the call could have returned")
    public int capacity;

    /** The timeout it was given; {@code Long.MAX_VALUE} (shown as "Forever") for none. */
    @Label("Timeout")
    @Timespan(Timespan.NANOSECONDS)
    public long timeout;

    /** Creates an event; the recorder makes one per recorded poll. */
    public PollEvent() {}
}
