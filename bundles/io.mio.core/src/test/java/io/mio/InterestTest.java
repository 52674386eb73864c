package io.mio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The behaviours of mio's {@code tests/interest.rs}. */
class InterestTest {
    @Test
    void eachConstantIsExactlyItsKind() {
        assertTrue(Interest.READABLE.isReadable());
        assertFalse(Interest.READABLE.isWritable());
        assertTrue(Interest.WRITABLE.isWritable());
        assertFalse(Interest.WRITABLE.isReadable());
        assertTrue(Interest.PRIORITY.isPriority());
        assertFalse(Interest.PRIORITY.isReadable());
        assertTrue(Interest.AIO.isAio());
        assertTrue(Interest.LIO.isLio());
    }

    @Test
    void addIsAUnionOfSharedValues() {
        Interest both = Interest.READABLE.add(Interest.WRITABLE);
        assertTrue(both.isReadable() && both.isWritable());
        assertSame(both, Interest.WRITABLE.add(Interest.READABLE), "values are shared, never allocated");
        assertSame(Interest.READABLE, Interest.READABLE.add(Interest.READABLE));
    }

    @Test
    void removeNeverLeavesAnEmptyInterest() {
        Interest both = Interest.READABLE.add(Interest.WRITABLE);
        assertEquals(Optional.of(Interest.READABLE), both.remove(Interest.WRITABLE));
        assertEquals(Optional.empty(), Interest.READABLE.remove(Interest.READABLE));
        assertEquals(Optional.of(Interest.READABLE), Interest.READABLE.remove(Interest.WRITABLE));
    }

    @Test
    void formatsAsMioDoes() {
        assertEquals("READABLE", Interest.READABLE.toString());
        assertEquals("WRITABLE", Interest.WRITABLE.toString());
        assertEquals("READABLE | WRITABLE", Interest.READABLE.add(Interest.WRITABLE).toString());
        assertEquals("PRIORITY", Interest.PRIORITY.toString());
        assertEquals("AIO", Interest.AIO.toString());
        assertEquals("LIO", Interest.LIO.toString());
        assertEquals("READABLE | WRITABLE | AIO | LIO | PRIORITY",
                Interest.READABLE.add(Interest.WRITABLE).add(Interest.AIO).add(Interest.LIO).add(Interest.PRIORITY).toString());
    }
}
