package io.mio;

/**
 * Lets {@link Event#token()} return the {@link Token} instance that was registered instead of
 * a new one per event, so that dispatching on tokens allocates nothing without depending on the
 * JIT's escape analysis (which gives up on large event loops).
 *
 * <p>A direct-mapped table, filled at registration: a token whose slot holds an equal token is
 * returned from it; a miss (two live tokens sharing a slot) costs one small allocation. Dense
 * tokens such as connection indices never collide, because the table grows to at least twice
 * the number of live registrations. Tokens are immutable, so the registering threads and the
 * polling thread may race on a slot: each reads either token whole, and checks its value.
 */
final class TokenCache {
    private static final int INITIAL_SLOTS = 256;
    private static final int MAX_SLOTS = 1 << 20;

    private volatile Token[] slots = new Token[INITIAL_SLOTS];
    private int registrations; // guarded by this

    /** Called for every registration and reregistration. */
    void remember(Token token, boolean newRegistration) {
        Token[] table = slots;
        if (newRegistration) {
            table = countRegistration(1);
        }
        table[slot(token.value(), table.length)] = token;
    }

    /** Called for every deregistration. */
    void forget() {
        countRegistration(-1);
    }

    private synchronized Token[] countRegistration(int delta) {
        registrations = Math.max(0, registrations + delta);
        Token[] table = slots;
        if (registrations * 2 > table.length && table.length < MAX_SLOTS) {
            Token[] grown = new Token[table.length * 2];
            for (Token token : table) {
                if (token != null) {
                    grown[slot(token.value(), grown.length)] = token;
                }
            }
            slots = table = grown;
        }
        return table;
    }

    /** How many registrations are live, as far as the registry was told; for tests. */
    synchronized int registrations() {
        return registrations;
    }

    /** The registered token with this value, or a new one when it is not in the table. */
    Token lookup(long value) {
        Token[] table = slots;
        Token token = table[slot(value, table.length)];
        return token != null && token.value() == value ? token : new Token(value);
    }

    private static int slot(long value, int length) {
        return (int) (value ^ (value >>> 32)) & (length - 1);
    }
}
