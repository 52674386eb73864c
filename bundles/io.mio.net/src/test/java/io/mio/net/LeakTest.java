package io.mio.net;

import static io.mio.net.Expect.anyLocalIpv4;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.mio.Events;
import io.mio.Interest;
import io.mio.Poll;
import io.mio.Token;
import io.mio.Waker;
import java.io.IOException;
import java.net.StandardSocketOptions;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Many open/close cycles end with the descriptors the process began with. */
class LeakTest {
    private static final int CYCLES = 100_000;

    @Test
    void pollAndWakerCyclesLeakNoDescriptor() throws IOException {
        int before = Expect.openDescriptors();
        Events events = Events.withCapacity(4);
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
    }

    @Test
    void connectionCyclesLeakNoDescriptor() throws IOException {
        try (Poll poll = Poll.open(); TcpListener listener = TcpListener.bind(anyLocalIpv4())) {
            Events events = Events.withCapacity(4);
            int before = Expect.openDescriptors();
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
        }
    }
}
