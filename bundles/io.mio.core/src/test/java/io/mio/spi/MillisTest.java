package io.mio.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A poll's timeout, in the milliseconds poll(2) and epoll_wait take. */
class MillisTest {
    @Test
    void timeoutsRoundUpToWholeMillisecondsAndClamp() {
        assertEquals(-1, Millis.roundedUp(-1));
        assertEquals(0, Millis.roundedUp(0));
        assertEquals(1, Millis.roundedUp(1));
        assertEquals(1, Millis.roundedUp(1_000_000));
        assertEquals(2, Millis.roundedUp(1_000_001));
        assertEquals(Integer.MAX_VALUE, Millis.roundedUp(Long.MAX_VALUE));
    }
}
