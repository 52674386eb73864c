package io.mio.net;

import static io.mio.net.Expect.anyLocalIpv4;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mio.Poll;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;

/**
 * mio's "zero allocations at runtime", as a behaviour: after warm-up, an event loop that polls,
 * accepts until it would block, reads and echoes allocates no bytes on the polling thread. The
 * loop is written as a user writes it: for-each over the events, {@code token().equals(..)}.
 *
 * <p>Accepting a new connection allocates its {@code TcpStream}; the measured phase runs on
 * connections accepted during warm-up, while the loop still calls {@code accept} on every
 * listener event, as a server must.
 */
class ZeroAllocationTest {
    private static final int CONNECTIONS = 8;
    private static final int MESSAGE = 64;
    private static final Duration WINDOW_LIMIT = Duration.ofSeconds(60);

    private final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    @Test
    void aWarmPollAcceptReadEchoLoopAllocatesNothing() throws Exception {
        try (Poll poll = Poll.open(); TcpListener listener = TcpListener.bind(anyLocalIpv4())) {
            EchoLoop loop = new EchoLoop(poll, listener, CONNECTIONS);
            AtomicBoolean stop = new AtomicBoolean();
            AtomicLong echoed = new AtomicLong();
            Thread clients = Thread.ofPlatform().start(() -> runClients(listener, stop, echoed));
            try {
                // Warm up until the JIT has compiled the loop: many events, bounded in time.
                LongSupplier progress = echoed::get; // made once: a bound method reference is an object
                loop.runUntil(progress, 60_000, WINDOW_LIMIT);
                // The JIT may still recompile now and then, and code it is replacing runs
                // unoptimised for a moment. So measure consecutive windows and require one that
                // allocates nothing; an allocation per event fails every window.
                List<String> windows = new ArrayList<>();
                for (int window = 0; window < 8; window++) {
                    long target = echoed.get() + 20_000;
                    long before = threads.getCurrentThreadAllocatedBytes();
                    long events = loop.runUntil(progress, target, WINDOW_LIMIT);
                    long allocated = threads.getCurrentThreadAllocatedBytes() - before;
                    assertTrue(events >= 1_000, "the window handled events: " + events);
                    windows.add(allocated + " B over " + events + " events");
                    if (allocated == 0) {
                        return;
                    }
                }
                fail("every window after warm-up allocated on the polling thread: " + windows);
            } finally {
                stop.set(true);
                clients.join(Expect.PATIENCE.toMillis());
                loop.closeAll();
            }
        }
    }

    /** Ping-pong clients on plain blocking sockets, on their own thread. */
    private static void runClients(TcpListener listener, AtomicBoolean stop, AtomicLong echoed) {
        Socket[] sockets = new Socket[CONNECTIONS];
        try {
            for (int i = 0; i < CONNECTIONS; i++) {
                sockets[i] = new Socket(listener.localAddress().getAddress(), listener.localAddress().getPort());
                sockets[i].setTcpNoDelay(true);
                sockets[i].setSoTimeout((int) Expect.PATIENCE.toMillis());
            }
            byte[] message = new byte[MESSAGE];
            while (!stop.get()) {
                for (Socket socket : sockets) {
                    OutputStream out = socket.getOutputStream();
                    out.write(message);
                }
                for (Socket socket : sockets) {
                    new DataInputStream(socket.getInputStream()).readFully(message);
                    echoed.incrementAndGet();
                }
            }
        } catch (IOException e) {
            if (!stop.get()) {
                throw new java.io.UncheckedIOException(e);
            }
        } finally {
            for (Socket socket : sockets) {
                try {
                    if (socket != null) {
                        socket.close();
                    }
                } catch (IOException ignored) {
                    // closing at the end of a test
                }
            }
        }
    }
}
