package io.mio.backend.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mio.Interest;
import java.io.IOException;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.StructLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class EpollTest {
    @Test
    void eventIsPackedOnX86AndAlignedOnAarch64() {
        StructLayout x86 = Epoll.eventLayout("amd64");
        assertEquals(12, x86.byteSize());
        assertEquals(4, x86.byteOffset(MemoryLayout.PathElement.groupElement("data")));
        StructLayout arm = Epoll.eventLayout("aarch64");
        assertEquals(16, arm.byteSize());
        assertEquals(8, arm.byteOffset(MemoryLayout.PathElement.groupElement("data")));
    }

    @Test
    void interestsMapToMiosEpollFlags() {
        assertEquals(Epoll.EPOLLET | Epoll.EPOLLIN | Epoll.EPOLLRDHUP, EpollSelector.eventsFor(Interest.READABLE));
        assertEquals(Epoll.EPOLLET | Epoll.EPOLLOUT, EpollSelector.eventsFor(Interest.WRITABLE));
        assertEquals(Epoll.EPOLLET | Epoll.EPOLLPRI, EpollSelector.eventsFor(Interest.PRIORITY));
        assertEquals(Epoll.EPOLLET, EpollSelector.eventsFor(Interest.AIO), "AIO registers nothing on epoll");
    }

    @Test
    void theQueueIsCloseOnExec() throws IOException {
        EpollSelector selector = EpollSelector.open();
        try {
            String flags = Files.readAllLines(Path.of("/proc/self/fdinfo/" + selector.number())).stream()
                    .filter(l -> l.startsWith("flags:")).findFirst().orElseThrow();
            assertTrue((Integer.parseInt(flags.substring(6).strip(), 8) & 02000000) != 0, flags);
        } finally {
            selector.close();
        }
    }

    @Test
    void eventArrayReadsWhatTheKernelWrote() {
        EpollEventArray array = new EpollEventArray(2);
        array.segment.set(java.lang.foreign.ValueLayout.JAVA_INT_UNALIGNED, Epoll.EVENT_SIZE, Epoll.EPOLLIN | Epoll.EPOLLRDHUP);
        array.segment.set(java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED, Epoll.EVENT_SIZE + Epoll.DATA_OFFSET, -2L);
        assertEquals(-2L, array.token(1));
        assertTrue(array.isReadable(1));
        assertTrue(array.isReadClosed(1));
        assertEquals(false, array.isWritable(1));
        assertEquals("EPOLLIN|EPOLLRDHUP", array.describe(1));
    }
}
