package io.mio.stress;

import java.io.IOException;
import java.io.UncheckedIOException;

/** jcstress actors cannot throw checked exceptions: Mio calls go through here. */
final class Unchecked {
    private Unchecked() {}

    /** A Mio call that returns nothing. */
    @FunctionalInterface
    interface IoAction {
        void run() throws IOException;
    }

    /** A Mio call that returns a count. */
    @FunctionalInterface
    interface IoCount {
        int get() throws IOException;
    }

    static void run(IoAction action) {
        try {
            action.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int get(IoCount call) {
        try {
            return call.get();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
