package io.mio.internal.jfr;

import jdk.jfr.EventType;

/**
 * The recording calls themselves. Only {@link io.mio.internal.FlightRecorder} touches this class,
 * and only once it knows that {@code jdk.jfr} can be loaded.
 */
public final class JfrEvents {
    private static final EventType POLL = EventType.getEventType(PollEvent.class);
    private static final EventType WAKE = EventType.getEventType(WakeEvent.class);

    private JfrEvents() {}

    /**
     * Starts timing a poll, when a recording wants polls.
     *
     * @return the event, or {@code null} when no recording has it enabled
     */
    public static PollEvent beginPoll() {
        if (!POLL.isEnabled()) {
            return null;
        }
        PollEvent event = new PollEvent();
        event.begin();
        return event;
    }

    /**
     * Ends a poll's event and commits it when it passes the threshold.
     *
     * @param event what {@link #beginPoll()} returned, not {@code null}
     * @param events events returned
     * @param capacity the storage's capacity
     * @param timeoutNanos the timeout, -1 for none
     */
    public static void endPoll(PollEvent event, int events, int capacity, long timeoutNanos) {
        // JFR shows Long.MAX_VALUE in a timespan as "Forever".
        event.end();
        if (event.shouldCommit()) {
            event.events = events;
            event.capacity = capacity;
            event.timeout = timeoutNanos < 0 ? Long.MAX_VALUE : timeoutNanos;
            event.commit();
        }
    }

    /**
     * Records a wake, when a recording wants wakes.
     *
     * @param token the waker's token
     */
    public static void wake(long token) {
        if (WAKE.isEnabled()) {
            WakeEvent event = new WakeEvent();
            event.token = token;
            event.commit();
        }
    }
}
