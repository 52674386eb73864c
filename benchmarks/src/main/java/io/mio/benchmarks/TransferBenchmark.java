package io.mio.benchmarks;

import io.mio.net.TcpListener;
import io.mio.net.TcpStream;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A small write and the read of it on a loopback TCP connection: one {@code send} and one
 * {@code recv}, with each kind of memory Mio takes, beside a non-blocking {@link SocketChannel}
 * pair doing the same in the same run. Scores are round trips (write + read of 64 bytes) per
 * second; run with {@code -prof gc} for the bytes allocated per operation.
 */
public class TransferBenchmark extends MioBenchmark {
    private static final int SIZE = 64;

    private TcpListener listener;
    private TcpStream client;
    private TcpStream server;
    private SocketChannel nioClient;
    private SocketChannel nioServer;

    private final ByteBuffer heapOut = ByteBuffer.allocate(SIZE);
    private final ByteBuffer heapIn = ByteBuffer.allocate(SIZE);
    private final ByteBuffer directOut = ByteBuffer.allocateDirect(SIZE);
    private final ByteBuffer directIn = ByteBuffer.allocateDirect(SIZE);
    private final byte[] arrayOut = new byte[SIZE];
    private final byte[] arrayIn = new byte[SIZE];
    private final MemorySegment segmentOut = Arena.ofAuto().allocate(SIZE);
    private final MemorySegment segmentIn = Arena.ofAuto().allocate(SIZE);

    @Setup
    public void open() throws IOException {
        listener = TcpListener.bind(new InetSocketAddress("127.0.0.1", 0));
        client = TcpStream.connect(listener.localAddress());
        TcpStream accepted;
        while ((accepted = listener.accept()) == null) {
            Thread.onSpinWait();
        }
        server = accepted;
        client.setNoDelay(true);

        try (ServerSocketChannel nioListener = ServerSocketChannel.open().bind(new InetSocketAddress("127.0.0.1", 0))) {
            nioClient = SocketChannel.open(nioListener.getLocalAddress());
            nioServer = nioListener.accept();
        }
        nioClient.configureBlocking(false);
        nioServer.configureBlocking(false);
        nioClient.setOption(StandardSocketOptions.TCP_NODELAY, true);
    }

    @TearDown
    public void close() throws IOException {
        client.close();
        server.close();
        listener.close();
        nioClient.close();
        nioServer.close();
    }

    @Benchmark
    public int mioHeapBuffer() throws IOException {
        client.write(heapOut.clear());
        int n = 0;
        while (n < SIZE) {
            n += server.read(heapIn.clear().position(n));
        }
        return n;
    }

    @Benchmark
    public int mioDirectBuffer() throws IOException {
        client.write(directOut.clear());
        int n = 0;
        while (n < SIZE) {
            n += server.read(directIn.clear().position(n));
        }
        return n;
    }

    @Benchmark
    public int mioByteArray() throws IOException {
        client.write(arrayOut);
        int n = 0;
        while (n < SIZE) {
            n += server.read(arrayIn, n, SIZE - n);
        }
        return n;
    }

    @Benchmark
    public int mioMemorySegment() throws IOException {
        client.write(segmentOut);
        int n = server.read(segmentIn);
        while (n < SIZE) {
            n += server.read(segmentIn.asSlice(n));
        }
        return n;
    }

    @Benchmark
    public int nioHeapBuffer() throws IOException {
        nioClient.write(heapOut.clear());
        int n = 0;
        while (n < SIZE) {
            n += nioServer.read(heapIn.clear().position(n));
        }
        return n;
    }

    @Benchmark
    public int nioDirectBuffer() throws IOException {
        nioClient.write(directOut.clear());
        int n = 0;
        while (n < SIZE) {
            n += nioServer.read(directIn.clear().position(n));
        }
        return n;
    }
}
