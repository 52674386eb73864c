package io.mio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.mio.event.Source;
import io.mio.internal.shared.IoSource;
import io.mio.spi.EventArray;
import io.mio.spi.Registration;
import io.mio.spi.Selector;
import io.mio.spi.WakeSignal;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The registry's token bookkeeping follows registrations however they end, with no OS behind it. */
class RegistryBookkeepingTest {
    /** A selector that accepts every call and reports nothing. */
    private static final class NoSelector implements Selector {
        @Override
        public Registration register(long fd, long token, Interest interests) {
            return new Registration() {
                @Override
                public void reregister(long fd, long token, Interest interests) {}

                @Override
                public void deregister(long fd) {}

                @Override
                public void closing(long fd) {}

                @Override
                public void wouldBlock(boolean reading) {}
            };
        }

        @Override
        public int select(EventArray events, long timeoutNanos) {
            return 0;
        }

        @Override
        public WakeSignal openWakeSignal(long token) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void close() {}
    }

    /** A source as Mio's sockets are: a thin shell over an IoSource. */
    private record Socket(IoSource io) implements Source {
        @Override
        public void register(Registry registry, Token token, Interest interests) throws IOException {
            io.register(registry, token, interests);
        }

        @Override
        public void reregister(Registry registry, Token token, Interest interests) throws IOException {
            io.reregister(registry, token, interests);
        }

        @Override
        public void deregister(Registry registry) throws IOException {
            io.deregister(registry);
        }
    }

    @Test
    void closingARegisteredSourceEndsItsRegistrationAsDeregisteringDoes() throws IOException {
        Registry registry = new Registry(new NoSelector(), null);
        Socket closedLater = new Socket(new IoSource(10, fd -> { }));
        Socket deregistered = new Socket(new IoSource(11, fd -> { }));
        Token token = new Token(5);

        registry.register(closedLater, token, Interest.READABLE);
        registry.register(deregistered, new Token(6), Interest.READABLE);
        assertEquals(2, registry.tokens.registrations());
        assertSame(token, registry.tokens.lookup(5), "events return the registered instance");

        registry.reregister(closedLater, token, Interest.WRITABLE);
        assertEquals(2, registry.tokens.registrations(), "a reregistration is not a new one");

        closedLater.io().close();
        assertEquals(1, registry.tokens.registrations(), "closing without deregistering, as mio allows");
        closedLater.io().close();
        assertEquals(1, registry.tokens.registrations(), "closing twice counts once");

        registry.deregister(deregistered);
        deregistered.io().close();
        assertEquals(0, registry.tokens.registrations());
    }
}
