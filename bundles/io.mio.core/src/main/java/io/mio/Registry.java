package io.mio;

import io.mio.event.Source;
import io.mio.internal.shared.CoreAccess;
import io.mio.internal.shared.DrainWatch;
import io.mio.spi.Selector;
import java.io.IOException;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Registers {@link Source}s with a {@link Poll}; get it with {@link Poll#registry()}.
 *
 * <p>A registry is safe to use from any thread, also while another thread is blocked in
 * {@link Poll#poll}: a registration made then takes effect in that very poll.
 *
 * {@snippet :
 * try (Poll poll = Poll.open(); TcpListener listener = TcpListener.bind(new InetSocketAddress("127.0.0.1", 0))) {
 *     poll.registry().register(listener, new Token(0), Interest.READABLE);
 * }
 * }
 *
 * <h2>Edge-triggered</h2>
 * Every registration is edge-triggered: an event is delivered when a source <em>becomes</em>
 * ready, not while it stays ready. After an event, keep reading, writing or accepting until the
 * call reports that it would block (a read or write returning 0, an accept returning
 * {@code null}); only then is a new event guaranteed when the source becomes ready again.
 * Stopping early is the classic bug: a listener accepted once per event loses the connections
 * queued behind the first.
 *
 * <h2>Errors that are always caught</h2>
 * Registering a source that is registered already, or with a second Poll, throws
 * {@link AlreadyRegisteredException}; reregistering or deregistering a source that is not
 * registered throws {@link NotRegisteredException}; any use after the Poll is closed throws
 * {@link java.nio.channels.ClosedSelectorException}. In each case nothing has changed.
 */
public final class Registry {
    static {
        CoreAccess.install(new CoreAccess.Bridge() {
            @Override
            public Selector selector(Registry registry) {
                return registry.selector;
            }

            @Override
            public DrainWatch registered(Registry registry, Token token, boolean newRegistration, DrainWatch previous) {
                registry.tokens.remember(token, newRegistration);
                UndrainedDetector detector = registry.detector;
                return detector == null ? null : detector.registered(token, previous);
            }

            @Override
            public void deregistered(Registry registry, DrainWatch watch) {
                registry.tokens.forget();
                if (watch != null) {
                    registry.detector.deregistered(watch);
                }
            }
        });
    }

    private final Selector selector;
    private final AtomicBoolean wakerActive = new AtomicBoolean();
    final TokenCache tokens = new TokenCache();
    /** The Poll's undrained-readiness detector, or {@code null} when it has none. */
    final UndrainedDetector detector;

    Registry(Selector selector, UndrainedDetector detector) {
        this.selector = selector;
        this.detector = detector;
    }

    /**
     * Registers a source: from now on its readiness is reported with {@code token}.
     *
     * @param source the source, not registered with any Poll yet (or only with this one, and
     *     deregistered since)
     * @param token the token its events will carry
     * @param interests the readiness to report
     * @throws IOException when the OS refuses, or the source is closed
     * @throws AlreadyRegisteredException when the source is registered, or belongs to another
     *     Poll
     */
    public void register(Source source, Token token, Interest interests) throws IOException {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(interests, "interests");
        if (detector == null) {
            source.register(this, token, interests);
            return;
        }
        detector.registering(source);
        try {
            source.register(this, token, interests);
        } finally {
            detector.registering(null);
        }
    }

    /**
     * Replaces the token and the interests of a registered source. Readiness of a kind no longer
     * asked for is not reported, even if it was pending.
     *
     * @param source a source registered with this Poll
     * @param token the new token
     * @param interests the new interests, replacing the old ones
     * @throws IOException when the OS refuses, or the source is closed
     * @throws NotRegisteredException when the source is not registered with this Poll
     */
    public void reregister(Source source, Token token, Interest interests) throws IOException {
        source.reregister(this, Objects.requireNonNull(token, "token"), Objects.requireNonNull(interests, "interests"));
    }

    /**
     * Stops reporting a source's readiness: once this returns, no later poll returns an event for
     * it. Events already in an {@link Events} stay there. The source may be registered again,
     * with this Poll only.
     *
     * <p>Closing a source also stops its events; deregistering first is not required.
     *
     * @param source a source registered with this Poll
     * @throws IOException when the OS refuses, or the source is closed
     * @throws NotRegisteredException when the source is not registered with this Poll
     */
    public void deregister(Source source) throws IOException {
        source.deregister(this);
    }

    /** Claims the one waker slot of this Poll. */
    void claimWaker() {
        if (!wakerActive.compareAndSet(false, true)) {
            throw new IllegalStateException("only one Waker can be active per Poll; close the other one first");
        }
    }

    void releaseWaker() {
        wakerActive.set(false);
    }
}
