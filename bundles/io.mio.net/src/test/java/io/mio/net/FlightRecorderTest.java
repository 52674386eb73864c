package io.mio.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mio.Events;
import io.mio.Poll;
import io.mio.Token;
import io.mio.Waker;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mio's JFR events, recorded and read back as a JFR user would. */
class FlightRecorderTest {
    private static final Token WAKE = new Token(77);

    @TempDir
    Path dir;

    @Test
    void pollsAndWakesAreRecordedWithTheirFields() throws IOException {
        Path file = dir.resolve("mio.jfr");
        try (Recording recording = new Recording(); Poll poll = Poll.open(); Waker waker = new Waker(poll.registry(), WAKE)) {
            recording.enable("io.mio.Poll").withThreshold(Duration.ZERO);
            recording.enable("io.mio.Wake");
            recording.start();
            Events events = Events.withCapacity(8);
            waker.wake();
            poll.poll(events, Duration.ofSeconds(5));
            assertEquals(1, events.size());
            poll.poll(events, Duration.ofMillis(30)); // nothing ready: waits the whole timeout
            waker.wake();
            poll.poll(events, null); // no timeout: recorded as Forever
            recording.stop();
            recording.dump(file);
        }
        List<RecordedEvent> recorded = RecordingFile.readAllEvents(file);
        List<RecordedEvent> polls = recorded.stream().filter(e -> e.getEventType().getName().equals("io.mio.Poll")).toList();
        List<RecordedEvent> wakes = recorded.stream().filter(e -> e.getEventType().getName().equals("io.mio.Wake")).toList();

        assertEquals(3, polls.size(), polls.toString());
        assertEquals(1, polls.get(0).getInt("events"));
        assertEquals(8, polls.get(0).getInt("capacity"));
        assertEquals(Duration.ofSeconds(5).toNanos(), polls.get(0).getDuration("timeout").toNanos());
        assertEquals(0, polls.get(1).getInt("events"));
        assertEquals(Duration.ofMillis(30), polls.get(1).getDuration("timeout"));
        assertTrue(polls.get(1).getDuration().toMillis() >= 29, "the empty poll waited: " + polls.get(1).getDuration());

        assertEquals(Long.MAX_VALUE, polls.get(2).getLong("timeout"), "no timeout is Forever");

        assertEquals(2, wakes.size());
        assertEquals(WAKE.value(), wakes.get(0).getLong("token"));
        assertEquals(Thread.currentThread().getName(), wakes.get(0).getThread().getJavaName());
    }

    @Test
    void byDefaultOnlySlowPollsAreRecordedAndWakesNot() throws IOException {
        Path file = dir.resolve("defaults.jfr");
        try (Recording recording = new Recording(); Poll poll = Poll.open(); Waker waker = new Waker(poll.registry(), WAKE)) {
            recording.enable("io.mio.Poll"); // the event's own defaults: 10 ms threshold
            recording.start();
            Events events = Events.withCapacity(8);
            for (int i = 0; i < 100; i++) {
                waker.wake();
                poll.poll(events, Duration.ofSeconds(5)); // returns at once: under the threshold
            }
            poll.poll(events, Duration.ofMillis(40)); // over it
            recording.stop();
            recording.dump(file);
        }
        List<RecordedEvent> recorded = RecordingFile.readAllEvents(file).stream()
                .filter(e -> e.getEventType().getName().startsWith("io.mio.")).toList();
        assertTrue(recorded.stream().allMatch(e -> e.getEventType().getName().equals("io.mio.Poll")), "no wakes by default");
        assertTrue(recorded.stream().allMatch(e -> e.getDuration().toMillis() >= 10), "only polls over the threshold: " + recorded);
        assertTrue(recorded.size() < 50, "the quick polls fall under the threshold: " + recorded.size() + " recorded");
        assertEquals(0, recorded.getLast().getInt("events"), "the slow empty poll is there");
    }
}
