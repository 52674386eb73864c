package io.mio;

import io.mio.event.Source;
import io.mio.internal.shared.DrainWatch;
import io.mio.spi.EventArray;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The undrained-readiness detector of one Poll (see {@link PollOptions}). Each registration gets
 * a {@link Watch}; after a poll, the watches of the sources that got readiness are armed; the I/O
 * paths disarm them when a call would block; at the next poll, one still armed is reported, once
 * per registration.
 */
final class UndrainedDetector {
    private static final int READ = 1;
    private static final int WRITE = 2;
    private static final int SHORT_WRITE = 4;

    private final Consumer<? super UndrainedReadiness> reporter;
    /** The public source being registered through the Registry on this thread, to name it in reports. */
    private final ThreadLocal<Source> registering = new ThreadLocal<>();
    private final Map<Long, Watch> byToken = new HashMap<>(); // guarded by this
    private final List<Watch> armed = new ArrayList<>(); // the polling thread's only

    UndrainedDetector(Consumer<? super UndrainedReadiness> reporter) {
        this.reporter = reporter;
    }

    /** One registration's state. Racy by design: the I/O and polling threads are usually one. */
    static final class Watch implements DrainWatch {
        final Token token;
        final Source source;
        volatile int pending;
        volatile boolean reported;
        volatile boolean live = true;

        Watch(Token token, Source source) {
            this.token = token;
            this.source = source;
        }

        @Override
        public void readDrained() {
            pending &= ~READ;
        }

        @Override
        public void writeDrained() {
            pending &= ~(WRITE | SHORT_WRITE);
        }

        @Override
        public void wroteShort() {
            if ((pending & WRITE) != 0) {
                pending |= SHORT_WRITE;
            }
        }
    }

    /** Names the source {@link Registry#register} is registering on this thread; {@code null} to end. */
    void registering(Source source) {
        if (source == null) {
            registering.remove();
        } else {
            registering.set(source);
        }
    }

    DrainWatch registered(Token token, DrainWatch previous) {
        Watch before = (Watch) previous;
        Source named = registering.get();
        Watch watch = new Watch(token, named != null ? named : before != null ? before.source : null);
        synchronized (this) {
            if (before != null) {
                watch.reported = before.reported; // a reregistration is the same registration
                end(before);
            }
            byToken.put(token.value(), watch);
        }
        return watch;
    }

    synchronized void deregistered(DrainWatch watch) {
        end((Watch) watch);
    }

    private void end(Watch watch) {
        watch.live = false;
        byToken.remove(watch.token.value(), watch);
    }

    /** At the start of a poll: reports what the program left undrained since the last one. */
    void beforePoll() {
        for (Watch watch : armed) {
            int pending = watch.pending;
            watch.pending = 0;
            if (!watch.live || watch.reported) {
                continue;
            }
            Interest undrained = (pending & READ) != 0 ? Interest.READABLE
                    : (pending & SHORT_WRITE) != 0 ? Interest.WRITABLE : null;
            if (undrained != null) {
                watch.reported = true;
                reporter.accept(new UndrainedReadiness(watch.token, watch.source, undrained));
            }
        }
        armed.clear();
    }

    /** After a poll: arms the watch of every source that got readable or writable readiness. */
    void afterPoll(Events events) {
        EventArray array = events.array;
        for (int i = 0; i < events.size; i++) {
            int readiness = (array.isReadable(i) ? READ : 0) | (array.isWritable(i) ? WRITE : 0);
            Watch watch;
            synchronized (this) {
                watch = byToken.get(array.token(i));
            }
            if (watch != null && readiness != 0) {
                if (watch.pending == 0) {
                    armed.add(watch);
                }
                watch.pending |= readiness;
            }
        }
    }
}
