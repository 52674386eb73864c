package io.mio.itest.jpms;

import io.mio.Poll;
import io.mio.PollProvider;
import io.mio.net.TcpListener;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ServiceLoader;

/**
 * What a program learns when Mio cannot run: run as a program, it prints the reason
 * {@link Poll#unavailabilityCause()} gives, what {@link PollProvider} says, and what two
 * {@link Poll#open()} calls throw — the same documented exception both times.
 */
public final class Availability {
    private Availability() {}

    /**
     * Prints one line per answer.
     *
     * @param args none
     */
    public static void main(String[] args) {
        System.out.println("cause: " + Poll.unavailabilityCause().orElse("(none)"));
        PollProvider provider = ServiceLoader.load(PollProvider.class).findFirst().orElseThrow();
        System.out.println("provider available: " + provider.isAvailable() + "; " + provider);
        twice("open", "opened", Poll::open);
        twice("bind", "bound", () -> TcpListener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)));
    }

    /** Makes something twice, printing what it made or what was thrown, a line per attempt. */
    private static void twice(String what, String made, Maker maker) {
        for (int attempt = 1; attempt <= 2; attempt++) {
            try (AutoCloseable thing = maker.make()) {
                System.out.println(what + " " + attempt + ": " + made + " " + thing);
            } catch (Throwable t) {
                System.out.println(what + " " + attempt + ": " + t.getClass().getName() + ": " + t.getMessage());
            }
        }
    }

    /** What {@link #twice} makes: a Poll or a socket. */
    @FunctionalInterface
    private interface Maker {
        AutoCloseable make() throws Exception;
    }
}
