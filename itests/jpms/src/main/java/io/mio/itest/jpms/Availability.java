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
        for (int attempt = 1; attempt <= 2; attempt++) {
            try (Poll poll = Poll.open()) {
                System.out.println("open " + attempt + ": opened " + poll);
            } catch (Throwable t) {
                System.out.println("open " + attempt + ": " + t.getClass().getName() + ": " + t.getMessage());
            }
        }
        for (int attempt = 1; attempt <= 2; attempt++) {
            try (TcpListener listener = TcpListener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
                System.out.println("bind " + attempt + ": bound " + listener);
            } catch (Throwable t) {
                System.out.println("bind " + attempt + ": " + t.getClass().getName() + ": " + t.getMessage());
            }
        }
    }
}
