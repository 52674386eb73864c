package io.mio;

import io.mio.internal.shared.Backends;
import io.mio.spi.EventArray;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Storage for the events one {@link Poll#poll} returns, allocated once and reused for every call.
 *
 * <p>The events live in the operating system's own array, in native memory, and each
 * {@link Event} is a view of one slot: polling and iterating allocate nothing. Hold one
 * {@code Events} per polling thread; it is not safe to share while a poll fills it.
 *
 * {@snippet :
 * Events events = Events.withCapacity(1024);
 * poll.poll(events, Duration.ofMillis(100));
 * for (Event event : events) {
 *     System.out.println(event.token() + " readable=" + event.isReadable());
 * }
 * }
 *
 * <p>When more sources are ready than the capacity, the rest are returned by the next poll.
 */
public final class Events implements Iterable<Event> {
    private static final TokenCache NO_TOKENS = new TokenCache();

    final EventArray array;
    private final Event[] views;
    private final Cursor cursor = new Cursor();
    int size;
    /** The tokens registered with the Poll that filled this storage last. */
    TokenCache tokens = NO_TOKENS;

    private Events(EventArray array) {
        this.array = array;
        this.views = new Event[array.capacity()];
        for (int i = 0; i < views.length; i++) {
            views[i] = new Event(this, i);
        }
    }

    /**
     * Creates storage for up to {@code capacity} events per poll.
     *
     * @param capacity how many events one poll can return, at least 1
     * @return empty storage
     * @throws IllegalArgumentException when {@code capacity} is below 1
     */
    public static Events withCapacity(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        return new Events(Backends.current().newEventArray(capacity));
    }

    /**
     * The number of events one poll can return.
     *
     * @return the capacity given at creation
     */
    public int capacity() {
        return views.length;
    }

    /**
     * The number of events the last poll returned.
     *
     * @return from 0 to {@link #capacity()}
     */
    public int size() {
        return size;
    }

    /**
     * Whether the last poll returned no event (it timed out, or was cut short).
     *
     * @return {@code true} when there is no event
     */
    public boolean isEmpty() {
        return size == 0;
    }

    /** Forgets the events; {@link Poll#poll} does this itself, so calling it is optional. */
    public void clear() {
        size = 0;
    }

    /**
     * The event at {@code index}: a view valid until the next poll or clear.
     *
     * @param index from 0 to {@code size() - 1}
     * @return the event
     * @throws IndexOutOfBoundsException when {@code index} is not below {@link #size()}
     */
    public Event get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("event " + index + " of " + size);
        }
        return views[index];
    }

    /**
     * Iterates over the events of the last poll, in the order the OS gave them.
     *
     * <p>Iterating allocates nothing: once an iteration has run to its end, its iterator is
     * reused by the next call. An iterator that is still in use (a loop left early, or a nested
     * loop) is never reused; a new one is made instead.
     *
     * @return an iterator over the events
     */
    @Override
    public Iterator<Event> iterator() {
        Cursor reusable = cursor;
        if (reusable.inUse) {
            return new Cursor();
        }
        reusable.inUse = true;
        reusable.next = 0;
        return reusable;
    }

    private final class Cursor implements Iterator<Event> {
        int next;
        /** Until the iteration reaches its end; only then may {@link #iterator()} hand it out again. */
        boolean inUse;

        @Override
        public boolean hasNext() {
            if (next < size) {
                return true;
            }
            inUse = false;
            return false;
        }

        @Override
        public Event next() {
            if (next >= size) {
                throw new NoSuchElementException();
            }
            return views[next++];
        }
    }

    @Override
    public String toString() {
        return "Events[size=" + size + ", capacity=" + views.length + "]";
    }
}
