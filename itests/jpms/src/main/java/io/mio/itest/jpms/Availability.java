package io.mio.itest.jpms;

import io.mio.Poll;
import io.mio.PollProvider;
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
    }
}
