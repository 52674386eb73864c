package io.mio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TimeoutsTest {
    @Test
    void nullMeansForever() {
        assertEquals(Timeouts.FOREVER, Timeouts.toNanos(null));
    }

    @Test
    void convertsExactly() {
        assertEquals(0, Timeouts.toNanos(Duration.ZERO));
        assertEquals(1, Timeouts.toNanos(Duration.ofNanos(1)));
        assertEquals(1_500_000, Timeouts.toNanos(Duration.ofNanos(1_500_000)));
    }

    @Test
    void saturatesInsteadOfOverflowing() {
        assertEquals(Long.MAX_VALUE, Timeouts.toNanos(Duration.ofSeconds(Long.MAX_VALUE)));
        assertEquals(Long.MAX_VALUE, Timeouts.toNanos(Duration.ofDays(365L * 1000)));
    }

    @Test
    void refusesNegative() {
        assertThrows(IllegalArgumentException.class, () -> Timeouts.toNanos(Duration.ofNanos(-1)));
    }
}
