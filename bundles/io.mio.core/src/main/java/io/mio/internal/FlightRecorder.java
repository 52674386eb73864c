package io.mio.internal;

import io.mio.internal.jfr.JfrEvents;

/**
 * Mio's JDK Flight Recorder events ({@code io.mio.Poll}, {@code io.mio.Wake}) where
 * {@code jdk.jfr} is there to load: a full JDK, or a jlink image that includes it. Where it is
 * not (a minimal image, an OSGi framework that does not export it, a module graph that did not
 * resolve it), {@link #AVAILABLE} is false, the JIT folds every call here away, and nothing
 * fails. Without a recording that enables them, a poll costs one check and allocates nothing.
 */
public final class FlightRecorder {
    /** Whether {@code jdk.jfr} could be loaded. */
    public static final boolean AVAILABLE = loadable();

    private FlightRecorder() {}

    private static boolean loadable() {
        try {
            Class.forName("io.mio.internal.jfr.JfrEvents", true, FlightRecorder.class.getClassLoader());
            return true;
        } catch (ReflectiveOperationException | LinkageError e) {
            return false;
        }
    }

    /**
     * Starts timing a poll.
     *
     * @return a token for {@link #endPoll}, or {@code null} when polls are not being recorded
     */
    public static Object beginPoll() {
        return AVAILABLE ? JfrEvents.beginPoll() : null;
    }

    /**
     * Ends timing a poll started with {@link #beginPoll()}.
     *
     * @param started what it returned, not {@code null}
     * @param events events returned
     * @param capacity the storage's capacity
     * @param timeoutNanos the timeout, -1 for none
     */
    public static void endPoll(Object started, int events, int capacity, long timeoutNanos) {
        JfrEvents.endPoll((io.mio.internal.jfr.PollEvent) started, events, capacity, timeoutNanos);
    }

    /**
     * Records a wake, when wakes are being recorded.
     *
     * @param token the waker's token
     */
    public static void wake(long token) {
        if (AVAILABLE) {
            JfrEvents.wake(token);
        }
    }
}
