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
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import org.junit.jupiter.api.Test;

/** A descriptor Mio does not own, made here with FFM as a user would make a timerfd or signalfd. */
class SourceFdTest {
    private static final Token ID = new Token(7);
    private static final Linker LINKER = Linker.nativeLinker();

    @SuppressWarnings("restricted")
    private static MethodHandle function(String name, FunctionDescriptor descriptor) {
        return LINKER.downcallHandle(LINKER.defaultLookup().find(name).orElseThrow(), descriptor);
    }

    private static final MethodHandle EVENTFD = function("eventfd",
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
    private static final MethodHandle WRITE = function("write",
            FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG));
    private static final MethodHandle CLOSE = function("close", FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));

    @Test
    void anyDescriptorRegistersAndReportsReadiness() throws Throwable {
        int fd = (int) EVENTFD.invokeExact(0, 0x800 | 0x80000); // EFD_NONBLOCK | EFD_CLOEXEC
        try (Poll poll = Poll.open(); Arena arena = Arena.ofConfined()) {
            Events events = Events.withCapacity(4);
            SourceFd source = new SourceFd(fd);
            assertEquals(fd, source.fd());
            poll.registry().register(source, ID, Interest.READABLE);
            assertThrows(AlreadyRegisteredException.class, () -> poll.registry().register(source, ID, Interest.READABLE));
            expectNoEvents(poll, events);

            MemorySegment one = arena.allocateFrom(ValueLayout.JAVA_LONG, 1L);
            assertEquals(8L, (long) WRITE.invokeExact(fd, one, 8L));
            expectEvents(poll, events, expected(ID, Interest.READABLE));

            poll.registry().deregister(source);
            assertThrows(NotRegisteredException.class, () -> poll.registry().deregister(source));
            assertEquals(8L, (long) WRITE.invokeExact(fd, one, 8L));
            expectNoEvents(poll, events);
        } finally {
            assertEquals(0, (int) CLOSE.invokeExact(fd), "Mio left the descriptor open: it is the caller's");
        }
    }

    @Test
    void aNegativeDescriptorIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new SourceFd(-1));
    }
}
