package io.mio;

import io.mio.event.Source;

/**
 * One report of the undrained-readiness detector: a source had readiness that the program left
 * unused when it polled again. With edge-triggered readiness no new event comes for it until the
 * program drives it to would-block, so this is how connections get lost.
 *
 * @param token the registration's token
 * @param source the source as it was given to {@link Registry#register}, or {@code null} when
 *     it registered itself without going through the registry
 * @param readiness {@link Interest#READABLE}: it had a readable event, and no read, receive or
 *     accept returned would-block or end of stream before the next poll;
 *     {@link Interest#WRITABLE}: a write took less than it was given, and the program polled
 *     again without writing until would-block
 * @see PollOptions#detectUndrainedReadiness(java.util.function.Consumer)
 */
public record UndrainedReadiness(Token token, Source source, Interest readiness) {
    /**
     * The report as a sentence for a log.
     *
     * @return what happened and what to do
     */
    @Override
    public String toString() {
        String what = readiness.isReadable()
                ? "got a readable event, and no read or accept on it returned would-block (or end of stream)"
                : "was written only in part after a writable event, and no write on it returned would-block";
        String fix = readiness.isReadable()
                ? "read or accept in a loop until the call would block"
                : "keep writing until the call would block, or wait for the next writable event only after it did";
        return "undrained readiness: " + token + " (" + (source == null ? "a source" : source) + ") " + what
                + " before the next poll; with edge-triggered readiness no new event comes until it is drained: " + fix;
    }
}
