package io.mio;

/**
 * Associates an event with the source it belongs to: the value given at
 * {@linkplain Registry#register registration} comes back with each of the source's events.
 *
 * <p>All 64 bits are delivered back, and no value is reserved: a common choice is the index of
 * the connection in an array, which makes finding it one array access.
 *
 * {@snippet :
 * final Token SERVER = new Token(0);
 * poll.registry().register(listener, SERVER, Interest.READABLE);
 * // ...
 * for (Event event : events) {
 *     if (event.token().equals(SERVER)) {
 *         // accept until it would block
 *     }
 * }
 * }
 *
 * @param value the token's value, any {@code long}
 */
public record Token(long value) {
    // Written out rather than left to the record's generated (invokedynamic) methods: plain code
    // inlines fully, which lets the JIT remove the Token that Event.token() creates per event.
    @Override
    public boolean equals(Object other) {
        return other instanceof Token token && token.value == value;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(value);
    }

    @Override
    public String toString() {
        return "Token(" + value + ")";
    }
}
