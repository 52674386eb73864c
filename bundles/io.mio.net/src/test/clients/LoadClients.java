import java.io.DataInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * The client side of ManyConnectionsTest, in its own JVM so that each process stays under the
 * descriptor limit: opens N connections, then in each round writes a distinct 16-byte message on
 * every connection and reads every echo back, checking its content. Prints what it did; exits 1
 * on a wrong echo.
 *
 * <p>Usage: {@code java LoadClients.java PORT CONNECTIONS ROUNDS}
 */
public class LoadClients {
    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[0]);
        int count = Integer.parseInt(args[1]);
        int rounds = Integer.parseInt(args[2]);
        Socket[] sockets = new Socket[count];
        DataInputStream[] inputs = new DataInputStream[count];
        for (int i = 0; i < count; i++) {
            sockets[i] = new Socket();
            sockets[i].setSoTimeout(30_000);
            sockets[i].connect(new InetSocketAddress("127.0.0.1", port), 30_000);
            sockets[i].setTcpNoDelay(true);
            inputs[i] = new DataInputStream(sockets[i].getInputStream());
        }
        System.out.println("connected " + count);
        byte[] message = new byte[16];
        byte[] echo = new byte[16];
        long echoed = 0;
        for (int round = 0; round < rounds; round++) {
            for (int i = 0; i < count; i++) {
                fill(message, i, round);
                sockets[i].getOutputStream().write(message);
            }
            for (int i = 0; i < count; i++) {
                inputs[i].readFully(echo);
                fill(message, i, round);
                if (!java.util.Arrays.equals(message, echo)) {
                    System.out.println("wrong echo on connection " + i + " in round " + round);
                    System.exit(1);
                }
                echoed++;
            }
        }
        System.out.println("echoed " + echoed);
        for (Socket socket : sockets) {
            socket.close();
        }
    }

    private static void fill(byte[] message, int connection, int round) {
        for (int b = 0; b < message.length; b++) {
            message[b] = (byte) (connection * 31 + round * 7 + b);
        }
    }
}
