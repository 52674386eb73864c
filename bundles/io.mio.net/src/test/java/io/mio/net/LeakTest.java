package io.mio.net;

import static io.mio.net.Expect.anyLocalIpv4;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mio.Events;
import io.mio.Interest;
import io.mio.Poll;
import io.mio.Token;
import io.mio.Waker;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.ObjectName;
import java.net.StandardSocketOptions;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Many open/close cycles end with the descriptors and the native memory the process began with.
 * Native memory here is the JVM's Native Memory Tracking category "Other": what
 * {@code Unsafe.allocateMemory} holds, which is where FFM arenas (Mio's event arrays, errno
 * captures, scratch memory) and direct buffers live. It is read once the garbage collector has
 * freed what became unreachable, as Mio's per-Poll memory is tied to the Poll's life. The build
 * turns tracking on; run without it, the native half of each check is skipped with a message.
 */
class LeakTest {
    private static final int CYCLES = 100_000;
    /** Slack for what the JDK itself allocates in the same category between the two readings. */
    private static final long NATIVE_SLACK = 64 * 1024;
    private static final Pattern OTHER = Pattern.compile("Other \\(reserved=\\d+KB, committed=(\\d+)KB\\)");

    /** NMT's "Other" committed bytes once garbage is collected, or -1 when tracking is off. */
    private static long nativeMemoryInUse() throws Exception {
        long last = -2;
        for (int attempt = 0; attempt < 40; attempt++) { // until two readings agree
            System.gc();
            Thread.sleep(25);
            String summary = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "vmNativeMemory",
                    new Object[] {new String[] {"summary"}}, new String[] {String[].class.getName()});
            Matcher other = OTHER.matcher(summary);
            long now = other.find() ? Long.parseLong(other.group(1)) * 1024 : -1;
            if (now == last) {
                break;
            }
            last = now;
        }
        return last;
    }

    private static void assertNativeMemoryBack(long before, String what) throws Exception {
        if (before < 0) {
            System.out.println("LeakTest: native memory not checked: run with -XX:NativeMemoryTracking=summary");
            return;
        }
        long after = nativeMemoryInUse();
        System.out.printf("LeakTest: %s: native memory (NMT Other) %d KB before, %d KB after%n", what, before / 1024, after / 1024);
        assertTrue(after <= before + NATIVE_SLACK, what + ": native memory grew from " + before + " to " + after + " bytes");
    }

    @Test
    void pollAndWakerCyclesLeakNoDescriptor() throws Exception {
        LibkqueueDivergence.HOLDS_DESCRIPTORS_OF_ITS_OWN.skipOnLibkqueue();
        Events events = Events.withCapacity(4);
        try (Poll warm = Poll.open()) {
            warm.poll(events, Duration.ZERO); // this thread's scratch memory, made once
        }
        int before = Expect.openDescriptors();
        long nativeBefore = nativeMemoryInUse();
        for (int i = 0; i < CYCLES; i++) {
            try (Poll poll = Poll.open(); Waker waker = new Waker(poll.registry(), new Token(i))) {
                if (i % 1000 == 0) { // now and then, use them too
                    waker.wake();
                    poll.poll(events, Duration.ZERO);
                    assertEquals(1, events.size());
                }
            }
        }
        assertEquals(before, Expect.openDescriptors(), "descriptors after " + CYCLES + " Poll and Waker cycles");
        assertNativeMemoryBack(nativeBefore, CYCLES + " Poll and Waker cycles");
    }

    @Test
    void connectionCyclesLeakNoDescriptor() throws Exception {
        try (Poll poll = Poll.open(); TcpListener listener = TcpListener.bind(anyLocalIpv4())) {
            Events events = Events.withCapacity(4);
            int before = Expect.openDescriptors();
            long nativeBefore = nativeMemoryInUse();
            for (int i = 0; i < CYCLES; i++) {
                TcpStream client = TcpStream.connect(listener.localAddress());
                TcpStream server = Expect.acceptOne(poll, events, listener);
                assertNotNull(server);
                poll.registry().register(server, new Token(i), Interest.READABLE);
                poll.registry().deregister(server);
                if (i % 2 == 0) {
                    poll.registry().register(client, new Token(i), Interest.WRITABLE); // closed while registered
                }
                // Linger 0: a reset instead of TIME_WAIT, so that 100,000 cycles do not run out of ports.
                client.setOption(StandardSocketOptions.SO_LINGER, 0);
                client.close();
                server.close();
            }
            assertEquals(before, Expect.openDescriptors(), "descriptors after " + CYCLES + " connection cycles");
            assertNativeMemoryBack(nativeBefore, CYCLES + " connection cycles");
        }
    }
}
