package io.mio;

import java.time.Duration;

/** Turns a poll time-out into what the {@link io.mio.spi.Selector} takes. */
final class Timeouts {
    /** What the selector takes for "wait for ever". */
    static final long FOREVER = -1;

    private Timeouts() {}

    /**
     * Converts a time-out to nanoseconds, saturating rather than overflowing: a wait of a
     * thousand years is a wait for ever in all but name, and must not fail or wrap around.
     *
     * @param timeout {@code null} for ever, else not negative
     * @return {@link #FOREVER}, or the nanoseconds, at most {@link Long#MAX_VALUE}
     */
    static long toNanos(Duration timeout) {
        if (timeout == null) {
            return FOREVER;
        }
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("negative time-out " + timeout + "; use null to wait for ever");
        }
        if (timeout.getSeconds() >= Long.MAX_VALUE / 1_000_000_000L) {
            return Long.MAX_VALUE;
        }
        return timeout.toNanos();
    }
}
