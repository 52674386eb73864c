package io.mio.internal.shared;

import io.mio.spi.Backend;
import io.mio.spi.EventArray;
import io.mio.spi.Selector;
import io.mio.spi.Sockets;
import io.mio.spi.UnixCalls;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackendsTest {
    private record Fake(String name, String unavailabilityCause, int preference) implements Backend {
        Fake(String name, String unavailabilityCause) {
            this(name, unavailabilityCause, 10);
        }

        @Override
        public boolean reportsEveryArrival() {
            return true;
        }

        @Override
        public boolean reportsPriority() {
            return true;
        }

        @Override
        public boolean reportsTruncatedLength() {
            return true;
        }

        @Override
        public Selector openSelector() throws IOException {
            throw new UnsupportedOperationException();
        }

        @Override
        public EventArray newEventArray(int capacity) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Sockets sockets() {
            throw new UnsupportedOperationException();
        }

        @Override
        public UnixCalls unix() {
            throw new UnsupportedOperationException();
        }
    }

    private final Fake kqueue = new Fake("kqueue", "it needs a BSD or macOS");
    private final Fake epoll = new Fake("epoll", null);

    @Test
    void choosesTheFirstThatCanRun() {
        assertSame(epoll, Backends.choose(null, List.of(kqueue, epoll)));
    }

    @Test
    void choosesTheMostPreferredThatCanRun() {
        Fake poll = new Fake("poll", null, 0);
        assertSame(epoll, Backends.choose(null, List.of(poll, epoll)), "poll(2) only where nothing better runs");
        assertSame(poll, Backends.choose(null, List.of(poll, kqueue)));
    }

    @Test
    void thePropertyForcesOne() {
        Fake other = new Fake("poll", null);
        assertSame(other, Backends.choose("poll", List.of(epoll, other)));
    }

    @Test
    void forcingOneThatCannotRunSaysWhy() {
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                () -> Backends.choose("kqueue", List.of(epoll, kqueue)));
        assertTrue(e.getMessage().contains("'kqueue' named by -Dio.mio.backend cannot run"), e.getMessage());
        assertTrue(e.getMessage().contains("it needs a BSD or macOS"), e.getMessage());
    }

    @Test
    void noBackendAtAllSaysWhatToAdd() {
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                () -> Backends.choose(null, List.of()));
        assertTrue(e.getMessage().contains("io.mio.backend.unix"), e.getMessage());
    }
}
