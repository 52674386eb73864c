package io.mio.backend.kqueue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mio.Interest;
import io.mio.backend.posix.KeventAbi;
import io.mio.backend.posix.Unistd;
import io.mio.spi.Registration;
import io.mio.spi.WakeSignal;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The kqueue selector's logic — the changes it builds, the receipts it reads, the events it
 * translates, its Wakers — against {@link KqueueModel}, once in the {@code struct kevent} of
 * every OS a table is declared for (32 bytes; NetBSD's 40 with 32-bit filters numbered from 0;
 * FreeBSD's 64). The cases are mio's ({@code src/sys/unix/selector/kqueue.rs} and its tests) and
 * the kernels' documented behaviour; no BSD kernel runs here, and what only one could show is
 * listed in the README.
 */
class KqueueSelectorTest {
    private static final long FD = 1000;
    private static final long TOKEN = 0x1234_5678_9ABCL;

    private KqueueSelector selector;
    private KqueueModel model;

    static Stream<Arguments> oses() {
        return KeventAbi.declared().entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    private KeventAbi open(KeventAbi abi) throws IOException {
        model = new KqueueModel(abi);
        selector = KqueueSelector.open(model, abi);
        return abi;
    }

    @AfterEach
    void close() {
        if (selector != null) {
            selector.close();
        }
    }

    private KqueueModel.Change change(KeventAbi abi, int filter, int flags, long udata) {
        return new KqueueModel.Change(FD, filter, flags, 0, udata);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oses")
    void registeringAddsAWriteThenAReadFilterEdgeTriggeredWithReceipts(String os, KeventAbi abi) throws IOException {
        open(abi);
        selector.register(FD, TOKEN, Interest.READABLE.add(Interest.WRITABLE));
        int add = abi.evAdd() | abi.evClear() | abi.evReceipt();
        assertEquals(List.of(List.of(change(abi, abi.evfiltWrite(), add, TOKEN), change(abi, abi.evfiltRead(), add, TOKEN))),
                model.changeLists);

        selector.register(FD + 1, 7, Interest.READABLE);
        assertEquals(List.of(new KqueueModel.Change(FD + 1, abi.evfiltRead(), add, 0, 7)), model.changeLists.get(1));
        selector.register(FD + 2, 8, Interest.AIO);
        assertEquals(2, model.changeLists.size(), "AIO alone adds no filter");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oses")
    void reregisteringSetsBothFiltersAndDeletingAnAbsentOneIsNoError(String os, KeventAbi abi) throws IOException {
        open(abi);
        Registration registration = selector.register(FD, TOKEN, Interest.READABLE);
        registration.reregister(FD, TOKEN + 1, Interest.WRITABLE);
        int clear = abi.evClear() | abi.evReceipt();
        assertEquals(List.of(change(abi, abi.evfiltWrite(), clear | abi.evAdd(), TOKEN + 1), change(abi, abi.evfiltRead(), clear | abi.evDelete(), TOKEN + 1)),
                model.changeLists.get(1));
        assertEquals(TOKEN + 1, model.registered(FD, abi.evfiltWrite()));
        assertNull(model.registered(FD, abi.evfiltRead()));

        registration.reregister(FD, TOKEN + 1, Interest.WRITABLE); // the read filter's delete: ENOENT, ignored
        registration.deregister(FD);
        assertNull(model.registered(FD, abi.evfiltWrite()));
        registration.deregister(FD); // both absent: ENOENT twice, ignored
        int delete = abi.evDelete() | abi.evReceipt();
        assertEquals(List.of(change(abi, abi.evfiltWrite(), delete, 0), change(abi, abi.evfiltRead(), delete, 0)), model.changeLists.get(4));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oses")
    void anErrorInAReceiptIsThrownAndEpipeOnAnAddIsNot(String os, KeventAbi abi) throws IOException {
        open(abi);
        model.notOpen.add(FD);
        IOException refused = assertThrows(IOException.class, () -> selector.register(FD, TOKEN, Interest.READABLE));
        assertTrue(refused.getMessage().contains("kevent(register, fd=" + FD), refused.getMessage());
        assertThrows(IOException.class, () -> selector.register(FD, TOKEN, Interest.READABLE).deregister(FD));

        // Older macOS answers EPIPE for a pipe whose other end is gone, and reports its events anyway (mio #582).
        model.epipeOnAdd.add(FD + 1);
        selector.register(FD + 1, TOKEN, Interest.READABLE).reregister(FD + 1, TOKEN, Interest.READABLE.add(Interest.WRITABLE));
        assertEquals(TOKEN, model.registered(FD + 1, abi.evfiltRead()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oses")
    void anInterruptedChangeListWasAppliedWhole(String os, KeventAbi abi) throws IOException {
        open(abi);
        model.failNext = abi.eintr();
        selector.register(FD, TOKEN, Interest.READABLE);
        assertEquals(TOKEN, model.registered(FD, abi.evfiltRead()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oses")
    void eventsReadAsMiosDo(String os, KeventAbi abi) throws IOException {
        open(abi);
        selector.register(FD, TOKEN, Interest.READABLE.add(Interest.WRITABLE));
        KqueueEventArray events = new KqueueEventArray(abi, 8);
        int econnreset = 54; // the BSDs' number; the model only carries it in fflags

        model.trigger(FD, abi.evfiltRead(), abi.evClear(), 0, 5);
        model.trigger(FD, abi.evfiltWrite(), abi.evClear(), 0, 4096);
        assertEquals(2, selector.select(events, 0));
        assertTrue(events.isReadable(0) && !events.isWritable(0) && !events.isReadClosed(0) && !events.isError(0));
        assertTrue(events.isWritable(1) && !events.isReadable(1) && !events.isWriteClosed(1));
        assertEquals(TOKEN, events.token(0));
        assertEquals(TOKEN, events.token(1));
        assertEquals(0, selector.select(events, 0), "EV_CLEAR: reported once");

        // The peer shut its write half: EV_EOF on the read filter, data still readable.
        model.trigger(FD, abi.evfiltRead(), abi.evClear() | abi.evEof(), 0, 5);
        // A reset: EV_EOF on the write filter with the errno in fflags.
        model.trigger(FD, abi.evfiltWrite(), abi.evClear() | abi.evEof(), econnreset, 0);
        assertEquals(2, selector.select(events, 0));
        assertTrue(events.isReadable(0) && events.isReadClosed(0) && !events.isWriteClosed(0) && !events.isError(0));
        assertTrue(events.isWritable(1) && events.isWriteClosed(1) && events.isError(1) && !events.isReadClosed(1));
        assertFalse(events.isPriority(0) || events.isAio(0) || events.isLio(0));
        assertTrue(events.describe(0).startsWith("EVFILT_READ EV_EOF"), events.describe(0));

        model.trigger(FD, abi.evfiltRead(), abi.evError(), 0, 0);
        assertEquals(1, selector.select(events, 0));
        assertTrue(events.isError(0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oses")
    void anInterruptedPollReturnsNoEvents(String os, KeventAbi abi) throws IOException {
        open(abi);
        model.failNext = abi.eintr();
        assertEquals(0, selector.select(new KqueueEventArray(abi, 4), 0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oses")
    void aWakerIsAUserEventWhereThereIsOneAndAPipeElsewhere(String os, KeventAbi abi) throws IOException {
        open(abi);
        KqueueEventArray events = new KqueueEventArray(abi, 4);
        try (WakeSignal waker = selector.openWakeSignal(TOKEN)) {
            if (abi.evfiltUser() != KeventAbi.NONE) {
                KqueueModel.Change added = model.changeLists.get(0).get(0);
                assertEquals(abi.evfiltUser(), added.filter());
                assertEquals(abi.evAdd() | abi.evClear() | abi.evReceipt(), added.flags());
                waker.wake();
                KqueueModel.Change trigger = model.changeLists.get(1).get(0);
                assertEquals(abi.noteTrigger(), trigger.fflags());
                assertEquals(1, selector.select(events, 0));
                assertTrue(events.isReadable(0), "a user event reads as readable, as in mio");
                assertEquals(TOKEN, events.token(0));
            } else {
                KqueueModel.Change added = model.changeLists.get(0).get(0);
                assertEquals(abi.evfiltRead(), added.filter(), "the pipe's read end, readable");
                assertEquals(TOKEN, added.udata());
                waker.wake();
                try (Arena arena = Arena.ofConfined()) {
                    MemorySegment into = arena.allocate(8);
                    assertEquals(1, Unistd.read(added.ident(), into), "one byte per wake");
                }
            }
        }
    }
}
