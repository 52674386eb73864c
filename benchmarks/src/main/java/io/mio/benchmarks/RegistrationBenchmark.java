package io.mio.benchmarks;

import io.mio.Interest;
import io.mio.Poll;
import io.mio.Token;
import io.mio.net.TcpListener;
import io.mio.net.TcpStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Registration costs beside a {@link Selector}'s. Mio changes the kernel's interest list at once
 * ({@code epoll_ctl}); a Selector records the change and applies it at its next select, so its
 * side includes a {@code selectNow()} — without one, a cancelled key cannot be registered again.
 */
public class RegistrationBenchmark extends MioBenchmark {
    private static final Token TOKEN = new Token(1);

    private Poll poll;
    private TcpListener listener;
    private TcpStream stream;
    private Selector selector;
    private ServerSocketChannel nioListener;
    private SocketChannel channel;
    private SelectionKey key;

    @Setup
    public void open() throws IOException {
        poll = Poll.open();
        listener = TcpListener.bind(new InetSocketAddress("127.0.0.1", 0));
        stream = TcpStream.connect(listener.localAddress());
        poll.registry().register(stream, TOKEN, Interest.READABLE);

        selector = Selector.open();
        nioListener = ServerSocketChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
        channel = SocketChannel.open(nioListener.getLocalAddress());
        channel.configureBlocking(false);
        key = channel.register(selector, SelectionKey.OP_READ);
    }

    @TearDown
    public void close() throws IOException {
        stream.close();
        listener.close();
        poll.close();
        channel.close();
        nioListener.close();
        selector.close();
    }

    @Benchmark
    public void mioReregister() throws IOException {
        poll.registry().reregister(stream, TOKEN, Interest.WRITABLE);
        poll.registry().reregister(stream, TOKEN, Interest.READABLE);
    }

    @Benchmark
    public int nioInterestOps() throws IOException {
        key.interestOps(SelectionKey.OP_WRITE);
        selector.selectNow();
        key.interestOps(SelectionKey.OP_READ);
        return selector.selectNow();
    }

    @Benchmark
    public void mioDeregisterRegister() throws IOException {
        poll.registry().deregister(stream);
        poll.registry().register(stream, TOKEN, Interest.READABLE);
    }

    @Benchmark
    public int nioCancelRegister() throws IOException {
        key.cancel();
        selector.selectNow(); // flushes the cancelled key, so the channel can be registered again
        key = channel.register(selector, SelectionKey.OP_READ);
        return selector.selectNow();
    }
}
