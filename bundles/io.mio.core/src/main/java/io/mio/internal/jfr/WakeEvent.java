package io.mio.internal.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Enabled;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * One {@code Waker.wake} call, with the waking thread (JFR records it) and the token. Off by
 * default, as wakes can be frequent: a recording turns it on with {@code io.mio.Wake#enabled=true},
 * and {@code io.mio.Wake#stackTrace=true} tells who wakes the loop.
 */
@Name("io.mio.Wake")
@Label("Mio Wake")
@Category({"Mio", "Event Loop"})
@Description("A Waker.wake call")
@Enabled(false)
@StackTrace(false)
public final class WakeEvent extends jdk.jfr.Event {
    /** The waker's token. */
    @Label("Token")
    public long token;

    /** Creates an event; the recorder makes one per recorded wake. */
    public WakeEvent() {}
}
