/**
 * Mio's core: the readiness event queue.
 *
 * <p>{@link io.mio.Poll} asks the operating system which registered {@link io.mio.event.Source}s
 * are ready for I/O, using the best mechanism it has (epoll on Linux). The sockets live in
 * {@code io.mio.net}; the operating-system code lives in backend modules that this module finds
 * with {@link java.util.ServiceLoader}.
 */
// The qualified export names a module built after this one, which javac cannot see yet; the OSGi
// framework API is an automatic module, required only at compile time.
@SuppressWarnings({"module", "requires-automatic"})
module io.mio.core {
    exports io.mio;
    exports io.mio.event;
    // The backend contract, for the backend modules of every OS to provide; not an API for
    // programs. Unqualified, so that this descriptor names no OS's module.
    exports io.mio.spi;
    // The core's machinery the sockets share: registration state, do_io, backend choice.
    exports io.mio.internal.shared to io.mio.net;

    uses io.mio.spi.Backend;

    provides io.mio.PollProvider with io.mio.internal.SystemPollProvider;

    // The Flight Recorder events load only where jdk.jfr is present and read (see FlightRecorder):
    // a jlink image need not carry it.
    requires static jdk.jfr;

    // The OSGi framework API, for the activator that registers the service in OSGi: never loaded elsewhere.
    requires static org.osgi.framework;
}
