package io.mio.internal.shared;

import io.mio.spi.Backend;
import io.mio.spi.EventArray;
import io.mio.spi.Selector;
import io.mio.spi.Sockets;
import io.mio.spi.UnixCalls;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackendsTest {
    /** What a fake's selector does when opened. */
    private interface Opener {
        Selector open() throws IOException;
    }

    private record Fake(String name, String unavailabilityCause, int preference, Opener opener) implements Backend {
        Fake(String name, String unavailabilityCause) {
            this(name, unavailabilityCause, 10);
        }

        Fake(String name, String unavailabilityCause, int preference) {
            this(name, unavailabilityCause, preference, () -> {
                throw new UnsupportedOperationException();
            });
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
            return opener.open();
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

    @Test
    void aBackendDeniedNativeAccessIsNoBackendAndSaysHowToGrantIt() {
        Fake denied = new Fake("epoll", null, 10, () -> {
            throw new IllegalCallerException("Illegal native access from: module io.mio.backend.unix");
        });
        for (Worlds world : Worlds.values()) {
            Backends.Choice choice = Backends.chooseOrSayWhy(null, List.of(denied), world);
            assertNull(choice.backend(), world::toString);
            assertTrue(choice.cause().contains("denied native access"), choice.cause());
            // The fake lives in this test module, io.mio.core patched: that is the module to grant.
            assertTrue(choice.cause().contains(world.nativeAccess("io.mio.core")), choice.cause());
        }
        assertTrue(Worlds.MODULE_PATH.nativeAccess("io.mio.backend.unix").contains("--enable-native-access=io.mio.backend.unix"));
        assertTrue(Worlds.CLASS_PATH.nativeAccess("ALL-UNNAMED").contains("--enable-native-access=ALL-UNNAMED"));
    }

    @Test
    void aDenialInsideAClassInitializerIsFoundThroughItsCause() {
        Fake initializer = new Fake("epoll", null, 10, () -> {
            throw new ExceptionInInitializerError(new IllegalCallerException("Illegal native access"));
        });
        Backends.Choice choice = Backends.chooseOrSayWhy(null, List.of(initializer), Worlds.JLINK_IMAGE);
        assertNull(choice.backend());
        assertTrue(choice.cause().contains("denied native access") && choice.cause().contains("--add-options"), choice.cause());
    }

    @Test
    void aQueueTheOsRefusesNowStillLeavesTheBackendChosen() {
        Fake busy = new Fake("epoll", null, 10, () -> {
            throw new IOException("epoll_create1 failed: Too many open files (EMFILE)");
        });
        Backends.Choice choice = Backends.chooseOrSayWhy(null, List.of(busy), Worlds.CLASS_PATH);
        assertSame(busy, choice.backend());
        assertNull(choice.cause());
    }

    @Test
    void noBackendAtAllSaysWhatToDoInEachWorld() {
        for (Worlds world : Worlds.values()) {
            Backends.Choice choice = Backends.chooseOrSayWhy(null, List.of(), world);
            assertNull(choice.backend());
            assertTrue(choice.cause().contains(world.missingBackend()), choice.cause());
        }
        assertTrue(Worlds.OSGI.missingBackend().contains("refresh io.mio.core"));
        assertTrue(Worlds.JLINK_IMAGE.missingBackend().contains("--add-modules"));
        assertTrue(Worlds.CLASS_PATH.missingBackend().contains("class path"));
        assertTrue(Worlds.MODULE_PATH.missingBackend().contains("module path"));
    }

    @Test
    void theseTestsRunOnTheModulePath() {
        assertSame(Worlds.MODULE_PATH, Worlds.current(), "surefire patches the tests into io.mio.core");
    }
}
