package io.mio.examples;

/** Reads the examples' optional port argument. */
final class Ports {
    private Ports() {}

    /**
     * The port given as the first argument, or {@code fallback} when there is none.
     *
     * @param args the program's arguments (Maven passes an empty one when none is given)
     * @param fallback the port to use otherwise
     * @return a port from 0 to 65535
     */
    static int fromArgs(String[] args, int fallback) {
        if (args.length == 0 || args[0].isBlank()) {
            return fallback;
        }
        int port = Integer.parseInt(args[0].strip());
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("not a port: " + port);
        }
        return port;
    }
}
