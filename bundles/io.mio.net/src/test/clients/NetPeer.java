import io.mio.Event;
import io.mio.Events;
import io.mio.Interest;
import io.mio.Poll;
import io.mio.Token;
import io.mio.net.Shutdown;
import io.mio.net.TcpStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * The two ends of NetworkFaultTest, each run inside a network namespace the test made, on Mio's
 * class path. Prints one result line; exits 1 on a failure.
 *
 * <pre>
 * java NetPeer.java sink ADDRESS PORT              JDK server: reads to EOF, answers CRC32 and length
 * java NetPeer.java send ADDRESS PORT BYTES SEED   Mio client: writes BYTES of seeded data, checks the answer
 * java NetPeer.java pending ADDRESS PORT MILLIS    Mio client: connects to an address that drops packets
 * </pre>
 */
public class NetPeer {
    private static final Token ID = new Token(1);

    public static void main(String[] args) throws Exception {
        InetSocketAddress address = new InetSocketAddress(InetAddress.getByName(args[1]), Integer.parseInt(args[2]));
        switch (args[0]) {
            case "sink" -> sink(address);
            case "send" -> send(address, Long.parseLong(args[3]), Long.parseLong(args[4]));
            case "pending" -> pending(address, Long.parseLong(args[3]));
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    private static void sink(InetSocketAddress address) throws IOException {
        try (ServerSocket server = new ServerSocket()) {
            server.bind(address);
            System.out.println("ready");
            server.setSoTimeout(60_000);
            try (Socket socket = server.accept()) {
                socket.setSoTimeout(60_000);
                CRC32 crc = new CRC32();
                long length = 0;
                byte[] buffer = new byte[64 * 1024];
                InputStream in = socket.getInputStream();
                int n;
                while ((n = in.read(buffer)) > 0) {
                    crc.update(buffer, 0, n);
                    length += n;
                }
                DataOutputStream out = new DataOutputStream(socket.getOutputStream());
                out.writeLong(crc.getValue());
                out.writeLong(length);
                out.flush();
            }
        }
    }

    /** Fills {@code chunk} with the next bytes of the seeded stream; the same seed gives the same stream. */
    private static void fill(ByteBuffer chunk, long[] state) {
        chunk.clear();
        while (chunk.remaining() >= 8) {
            state[0] = state[0] * 6364136223846793005L + 1442695040888963407L;
            chunk.putLong(state[0]);
        }
        chunk.flip();
    }

    private static void send(InetSocketAddress address, long total, long seed) throws IOException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        CRC32 crc = new CRC32();
        ByteBuffer chunk = ByteBuffer.allocateDirect(64 * 1024);
        long[] state = {seed};
        long sent = 0;
        long polls = 0;
        long emptyPolls = 0;
        boolean connected = false;
        try (Poll poll = Poll.open(); TcpStream stream = TcpStream.connect(address)) {
            poll.registry().register(stream, ID, Interest.WRITABLE.add(Interest.READABLE));
            Events events = Events.withCapacity(4);
            chunk.limit(0);
            while (sent < total) {
                if (System.nanoTime() > deadline) {
                    fail("sent only " + sent + " of " + total + " bytes in 60 s; " + polls + " polls, " + emptyPolls + " empty");
                }
                poll.poll(events, Duration.ofSeconds(1));
                polls++;
                if (events.isEmpty()) {
                    emptyPolls++;
                }
                for (Event event : events) {
                    if (!connected) {
                        Optional<IOException> error = stream.takeError();
                        if (error.isPresent()) {
                            fail("connect failed: " + error.get());
                        }
                        connected = event.isWritable();
                    }
                }
                while (connected && sent < total) { // until would-block, as edge-triggered needs
                    if (!chunk.hasRemaining()) {
                        fill(chunk, state);
                        chunk.limit((int) Math.min(chunk.limit(), total - sent));
                        crc.update(chunk.duplicate());
                    }
                    int n = stream.write(chunk);
                    if (n == 0) {
                        break;
                    }
                    sent += n;
                }
            }
            stream.shutdown(Shutdown.WRITE);
            ByteBuffer answer = ByteBuffer.allocate(16);
            while (answer.hasRemaining()) {
                if (System.nanoTime() > deadline) {
                    fail("no answer from the sink");
                }
                poll.poll(events, Duration.ofSeconds(1));
                int n;
                while (answer.hasRemaining() && (n = stream.read(answer)) != 0) {
                    if (n < 0) {
                        fail("the sink closed before answering");
                    }
                }
            }
            long theirCrc = answer.getLong(0);
            long theirLength = answer.getLong(8);
            if (theirCrc != crc.getValue() || theirLength != total) {
                fail("corrupted: sent " + total + " bytes crc " + crc.getValue() + ", received " + theirLength + " crc " + theirCrc);
            }
            System.out.println("intact " + total + " " + Long.toHexString(theirCrc) + " after " + polls + " polls, " + emptyPolls + " empty");
        }
    }

    private static void pending(InetSocketAddress address, long millis) throws IOException {
        try (Poll poll = Poll.open()) {
            TcpStream stream = TcpStream.connect(address);
            poll.registry().register(stream, ID, Interest.WRITABLE.add(Interest.READABLE));
            Events events = Events.withCapacity(4);
            long deadline = System.nanoTime() + Duration.ofMillis(millis).toNanos();
            int seen = 0;
            long left;
            while ((left = deadline - System.nanoTime()) > 0) {
                poll.poll(events, Duration.ofNanos(left));
                seen += events.size();
            }
            Optional<IOException> error = stream.takeError();
            String peer;
            try {
                peer = String.valueOf(stream.peerAddress());
            } catch (java.nio.channels.NotYetConnectedException | IOException e) {
                peer = "not connected";
            }
            stream.close(); // the user gives up
            System.out.println("pending events=" + seen + " error=" + error.map(Throwable::toString).orElse("none")
                    + " peer=" + peer + " closed=" + !stream.isOpen());
        }
    }

    private static void fail(String message) {
        System.out.println("FAILED " + message);
        System.exit(1);
    }
}
