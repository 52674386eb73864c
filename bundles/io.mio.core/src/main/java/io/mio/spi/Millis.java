package io.mio.spi;

/**
 * The millisecond time-outs of {@code epoll_wait}, {@code poll}, {@code kevent}'s callers and
 * {@code GetQueuedCompletionStatusEx} (where -1 is {@code INFINITE}).
 */
public final class Millis {
    private Millis() {}

    /**
     * Rounds up to whole milliseconds, as mio does, so that a short wait never becomes a busy loop.
     *
     * @param nanos -1 for ever, else at least 0
     * @return -1 for ever, else the milliseconds, at most {@link Integer#MAX_VALUE}
     */
    public static int roundedUp(long nanos) {
        if (nanos < 0) {
            return -1;
        }
        long millis = nanos / 1_000_000 + (nanos % 1_000_000 == 0 ? 0 : 1);
        return (int) Math.min(millis, Integer.MAX_VALUE);
    }
}
