package io.mio.benchmarks;

import io.mio.net.DatagramBatch;
import io.mio.net.UdpSocket;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What batching saves: 32 small datagrams over loopback, sent and received with one system call
 * per datagram ({@code sendTo}/{@code recv}) against one per batch ({@code sendBatch}/{@code
 * recvBatch}, that is {@code sendmmsg}/{@code recvmmsg}). Scores are datagrams per second.
 */
public class DatagramBatchBenchmark extends MioBenchmark {
    private static final int DATAGRAMS = 32;
    private static final int SIZE = 64;

    private UdpSocket tx;
    private UdpSocket rx;
    private InetSocketAddress target;
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(2048);
    private final byte[] payload = new byte[SIZE];
    private final DatagramBatch out = DatagramBatch.allocate(DATAGRAMS, 2048);
    private final DatagramBatch in = DatagramBatch.allocate(DATAGRAMS, 2048);

    @Setup
    public void open() throws IOException {
        tx = UdpSocket.bind(new InetSocketAddress("127.0.0.1", 0));
        rx = UdpSocket.bind(new InetSocketAddress("127.0.0.1", 0));
        target = rx.localAddress();
    }

    @TearDown
    public void close() {
        tx.close();
        rx.close();
    }

    /** Loopback delivers a datagram inside the send call, so each receive finds one waiting. */
    @Benchmark
    @OperationsPerInvocation(DATAGRAMS)
    public int oneCallPerDatagram() throws IOException {
        int received = 0;
        for (int i = 0; i < DATAGRAMS; i++) {
            tx.sendTo(buffer.clear().limit(SIZE), target);
        }
        while (received < DATAGRAMS) {
            if (rx.recv(buffer.clear()) != UdpSocket.WOULD_BLOCK) {
                received++;
            }
        }
        return received;
    }

    @Benchmark
    @OperationsPerInvocation(DATAGRAMS)
    public int oneCallPerBatch() throws IOException {
        for (int i = 0; i < DATAGRAMS; i++) {
            out.add(payload, target);
        }
        while (!out.isEmpty()) {
            tx.sendBatch(out);
        }
        int received = 0;
        while (received < DATAGRAMS) {
            received += rx.recvBatch(in);
        }
        return received;
    }
}
