package io.mio.stress;

import io.mio.Poll;
import java.io.IOException;

/** How the stress tests open a Poll: on the backend the run names, or they fail rather than test another. */
final class Polls {
    private Polls() {}

    /**
     * Opens a Poll and checks that it is backed by the mechanism {@code -Dio.mio.backend} names,
     * so that a run meant for poll(2) never passes on epoll.
     *
     * @return the Poll
     * @throws IOException when the OS refuses
     */
    static Poll open() throws IOException {
        Poll poll = Poll.open();
        String wanted = System.getProperty("io.mio.backend");
        String backing = poll.toString();
        if (wanted != null && !backing.startsWith("Poll[" + wanted + " ") && !backing.startsWith("Poll[" + wanted + "(")) {
            poll.close();
            throw new IllegalStateException("this run is for the " + wanted + " backend, and the Poll is " + backing);
        }
        return poll;
    }
}
