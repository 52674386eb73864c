package io.mio.net;

import static io.mio.net.Expect.anyLocalIpv4;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mio.Event;
import io.mio.Events;
import io.mio.Interest;
import io.mio.Poll;
import io.mio.Token;
import java.io.IOException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The behaviours of mio's {@code tests/events.rs}, and the Java collection contract. */
class EventsTest {
    @Test
    void capacityMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> Events.withCapacity(0));
        assertThrows(IllegalArgumentException.class, () -> Events.withCapacity(-1));
        Events events = Events.withCapacity(3);
        assertEquals(3, events.capacity());
        assertEquals(0, events.size());
        assertTrue(events.isEmpty());
        assertThrows(IndexOutOfBoundsException.class, () -> events.get(0));
        assertThrows(NoSuchElementException.class, () -> events.iterator().next());
    }

    @Test
    void moreReadySourcesThanCapacityComeInLaterPolls() throws IOException {
        int sources = 5;
        try (Poll poll = Poll.open(); TcpListener listener = TcpListener.bind(anyLocalIpv4())) {
            TcpStream[] streams = new TcpStream[sources];
            for (int i = 0; i < sources; i++) {
                streams[i] = TcpStream.connect(listener.localAddress());
                poll.registry().register(streams[i], new Token(i), Interest.WRITABLE);
            }
            Events events = Events.withCapacity(2);
            Set<Long> seen = new HashSet<>();
            long deadline = System.nanoTime() + Expect.PATIENCE.toNanos();
            while (seen.size() < sources && System.nanoTime() < deadline) {
                poll.poll(events, Duration.ofMillis(100));
                assertTrue(events.size() <= 2, "never more than the capacity");
                for (Event event : events) {
                    seen.add(event.token().value());
                }
            }
            assertEquals(Set.of(0L, 1L, 2L, 3L, 4L), seen);
            for (TcpStream stream : streams) {
                stream.close();
            }
        }
    }

    @Test
    void iterationIndexingAndClearAgree() throws IOException {
        try (Poll poll = Poll.open(); TcpListener listener = TcpListener.bind(anyLocalIpv4());
             TcpStream stream = TcpStream.connect(listener.localAddress())) {
            poll.registry().register(stream, new Token(Long.MIN_VALUE), Interest.WRITABLE);
            Events events = Events.withCapacity(8);
            Expect.expectEvents(poll, events, Expect.expected(new Token(Long.MIN_VALUE), Interest.WRITABLE));
            Iterator<Event> iterator = events.iterator();
            assertTrue(iterator.hasNext());
            Event event = iterator.next();
            assertEquals(events.get(0).token(), event.token());
            assertEquals(Long.MIN_VALUE, event.token().value(), "all 64 bits of the token come back");
            assertTrue(event.toString().contains("writable"), event.toString());
            assertTrue(event.toString().contains("EPOLLOUT") || event.toString().contains("os="), event.toString());
            assertFalse(event.isAio());
            assertFalse(event.isLio());
            events.clear();
            assertTrue(events.isEmpty());
            assertFalse(events.iterator().hasNext());
        }
    }
}
