package io.mio.unix;

import static io.mio.net.Expect.expectEvents;
import static io.mio.net.Expect.expectNoEvents;
import static io.mio.net.Expect.expected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.mio.AlreadyRegisteredException;
import io.mio.Events;
import io.mio.Interest;
import io.mio.NotRegisteredException;
import io.mio.Poll;
import io.mio.Token;
import io.mio.net.NativeCalls;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.junit.jupiter.api.Test;

/** A descriptor Mio does not own, made here with FFM as a user would make a timerfd or signalfd. */
class SourceFdTest {
    private static final Token ID = new Token(7);
    @Test
    void anyDescriptorRegistersAndReportsReadiness() throws Throwable {
        int fd = NativeCalls.eventfd(NativeCalls.EVENTFD_FLAGS);
        try (Poll poll = Poll.open(); Arena arena = Arena.ofConfined()) {
            Events events = Events.withCapacity(4);
            SourceFd source = new SourceFd(fd);
            assertEquals(fd, source.fd());
            poll.registry().register(source, ID, Interest.READABLE);
            assertThrows(AlreadyRegisteredException.class, () -> poll.registry().register(source, ID, Interest.READABLE));
            expectNoEvents(poll, events);

            MemorySegment one = arena.allocateFrom(ValueLayout.JAVA_LONG, 1L);
            assertEquals(8L, NativeCalls.write(fd, one));
            expectEvents(poll, events, expected(ID, Interest.READABLE));

            poll.registry().deregister(source);
            assertThrows(NotRegisteredException.class, () -> poll.registry().deregister(source));
            assertEquals(8L, NativeCalls.write(fd, one));
            expectNoEvents(poll, events);
        } finally {
            assertEquals(0, NativeCalls.close(fd), "Mio left the descriptor open: it is the caller's");
        }
    }

    @Test
    void aNegativeDescriptorIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new SourceFd(-1));
    }
}
