package io.mio.backend.linux;

import io.mio.backend.posix.Errno;
import io.mio.backend.posix.Unistd;
import io.mio.spi.Descriptor;
import io.mio.spi.WakeSignal;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.channels.ClosedChannelException;

/**
 * A waker on an eventfd registered edge-triggered for reading, as in mio
 * ({@code src/sys/unix/waker/eventfd.rs}). Each wake adds 1 to the counter, and every write makes
 * a new edge, so the counter is never read in normal operation: the user has nothing to drain.
 * Only when the counter would overflow ({@code EAGAIN}) is it read back to zero.
 */
final class EventFdWakeSignal implements WakeSignal {
    /** The 8-byte value every wake writes; shared, because it is only ever read. */
    private static final MemorySegment ONE = Arena.global().allocate(ValueLayout.JAVA_LONG);

    static {
        ONE.set(ValueLayout.JAVA_LONG, 0, 1L);
    }

    private final Descriptor eventFd;

    EventFdWakeSignal(Descriptor eventFd) {
        this.eventFd = eventFd;
    }

    @Override
    public void wake() throws IOException {
        long fd = eventFd.acquire();
        if (fd < 0) {
            throw new ClosedChannelException();
        }
        try {
            long written = Unistd.write(fd, ONE);
            if (written == -Errno.EAGAIN) {
                // The counter is at its maximum: reset it and write again, which is a new edge.
                Unistd.read(fd, Arena.ofAuto().allocate(ValueLayout.JAVA_LONG));
                written = Unistd.write(fd, ONE);
            }
            if (written < 0) {
                throw Errno.ioException("write(eventfd " + fd + ")", (int) -written);
            }
        } finally {
            eventFd.release();
        }
    }

    @Override
    public void close() {
        eventFd.close();
    }

    @Override
    public String toString() {
        return "eventfd " + eventFd;
    }
}
