package io.mio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class TokenTest {
    @Test
    void tokensAreValuesOverAll64Bits() {
        assertEquals(new Token(Long.MIN_VALUE), new Token(Long.MIN_VALUE));
        assertEquals(new Token(-1).hashCode(), new Token(-1).hashCode());
        assertNotEquals(new Token(1), new Token(2));
        assertNotEquals(new Token(1L << 32), new Token(0), "the high half counts");
        assertEquals("Token(7)", new Token(7).toString());
    }

    @Test
    void theCacheReturnsTheRegisteredInstance() {
        TokenCache cache = new TokenCache();
        Token registered = new Token(42);
        cache.remember(registered, true);
        assertSame(registered, cache.lookup(42));
        Token unknown = cache.lookup(43);
        assertEquals(new Token(43), unknown, "a miss still gives an equal token");
    }

    @Test
    void aCollisionGivesAnEqualNewToken() {
        TokenCache cache = new TokenCache();
        Token first = new Token(1);
        Token sameSlot = new Token(1 + 256);
        cache.remember(first, true);
        cache.remember(sameSlot, true);
        assertSame(sameSlot, cache.lookup(1 + 256));
        Token looked = cache.lookup(1);
        assertEquals(first, looked);
        assertNotSame(first, looked);
    }

    @Test
    void theCacheGrowsWithTheRegistrationsSoDenseTokensNeverCollide() {
        TokenCache cache = new TokenCache();
        Token[] tokens = new Token[5000];
        for (int i = 0; i < tokens.length; i++) {
            tokens[i] = new Token(i);
            cache.remember(tokens[i], true);
        }
        for (int i = 0; i < tokens.length; i++) {
            assertSame(tokens[i], cache.lookup(i));
        }
    }
}
