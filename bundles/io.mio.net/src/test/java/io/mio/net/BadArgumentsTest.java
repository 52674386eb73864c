package io.mio.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.mio.Events;
import io.mio.Interest;
import io.mio.Poll;
import io.mio.PollOptions;
import io.mio.Registry;
import io.mio.Token;
import io.mio.Waker;
import io.mio.event.Source;

import io.mio.net.OwnedFd;
import io.mio.unix.Pipe;
import io.mio.unix.SourceFd;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketAddress;
import java.net.SocketOption;
import java.net.StandardSocketOptions;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channel;
import java.nio.channels.ClosedChannelException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every public method of Mio's API, found by reflection so that a new method is covered the day
 * it is added, given bad input:
 * <ul>
 *   <li>{@code null} in each reference parameter in turn, on a live object: it must throw
 *       {@link NullPointerException} or {@link IllegalArgumentException} — no other exception, no
 *       hang, no crash, no effect. The few parameters where {@code null} has a documented meaning
 *       are listed.
 *   <li>-1 in each {@code int} or {@code long} parameter in turn: {@link IllegalArgumentException}
 *       or {@link IndexOutOfBoundsException} (no method of the API gives -1 a meaning);
 *   <li>a closed socket or pipe end: every I/O, option, address and registration method must
 *       throw {@link ClosedChannelException}, and nothing else.
 * </ul>
 * The Poll must keep working afterwards.
 */
class BadArgumentsTest {
    /** Parameters where null is documented: "Class.method#index". */
    private static final Set<String> NULL_ALLOWED = Set.of(
            "Poll.poll#1", // a null timeout waits for ever
            "DatagramBatch.add#1"); // a null target is the connected peer

    @TempDir
    Path dir;
    private Poll poll;
    private final List<AutoCloseable> opened = new ArrayList<>();
    private int calls;

    @BeforeEach
    void open() throws IOException {
        poll = Poll.open();
    }

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable closeable : opened) {
            closeable.close();
        }
        poll.close();
    }

    private <T extends AutoCloseable> T keep(T closeable) {
        opened.add(closeable);
        return closeable;
    }

    /** A fresh, live instance of each public type, to call the instance methods on. */
    private Map<Class<?>, Callable<Object>> instances() {
        return Map.ofEntries(
                Map.entry(Poll.class, () -> keep(Poll.open())),
                Map.entry(Registry.class, () -> keep(Poll.open()).registry()),
                Map.entry(Events.class, () -> Events.withCapacity(4)),
                Map.entry(Interest.class, () -> Interest.READABLE),
                Map.entry(Token.class, () -> new Token(1)),
                Map.entry(PollOptions.class, PollOptions::defaults),
                Map.entry(Waker.class, () -> keep(new Waker(keep(Poll.open()).registry(), new Token(9)))),
                Map.entry(TcpListener.class, () -> keep(TcpListener.bind(Expect.anyLocalIpv4()))),
                Map.entry(TcpStream.class, () -> {
                    TcpListener listener = keep(TcpListener.bind(Expect.anyLocalIpv4()));
                    return keep(TcpStream.connect(listener.localAddress()));
                }),
                Map.entry(UdpSocket.class, () -> keep(UdpSocket.bind(Expect.anyLocalIpv4()))),
                Map.entry(UnixListener.class, () -> keep(UnixListener.bind(dir.resolve("l" + calls++)))),
                Map.entry(UnixStream.class, () -> keep(UnixStream.pair()).first()),
                Map.entry(UnixDatagram.class, () -> keep(UnixDatagram.pair()).first()),
                Map.entry(UnixSocketAddress.class, () -> UnixSocketAddress.of(dir.resolve("a"))),
                Map.entry(DatagramBatch.class, () -> DatagramBatch.allocate(2, 64)),
                Map.entry(ReceivedFds.class, () -> keep(ReceivedFds.withCapacity(1))),
                Map.entry(Pipe.class, () -> keep(Pipe.open())),
                Map.entry(Pipe.Sender.class, () -> keep(Pipe.open()).sender()),
                Map.entry(Pipe.Receiver.class, () -> keep(Pipe.open()).receiver()),
                Map.entry(SourceFd.class, () -> new SourceFd(keep(Pipe.open()).receiver().rawFd())),
                Map.entry(OwnedFd.class, () -> keep(OwnedFd.adopt(keep(Pipe.open()).sender().intoRawFd()))));
    }

    /** A valid argument of each parameter type, so that only the null one is wrong. */
    private Object valid(Class<?> type) throws Exception {
        if (type == int.class) {
            return 1; // valid as a count, an index into 16 bytes, a TTL, a buffer size
        } else if (type == long.class) {
            return 1L;
        } else if (type == boolean.class) {
            return false;
        } else if (type == ByteBuffer.class) {
            return ByteBuffer.allocate(16);
        } else if (type == ByteBuffer[].class) {
            return new ByteBuffer[] {ByteBuffer.allocate(16), ByteBuffer.allocate(16)};
        } else if (type == byte[].class) {
            return new byte[16];
        } else if (type == int[].class) {
            return new int[0];
        } else if (type == MemorySegment.class) {
            return Arena.ofAuto().allocate(16);
        } else if (type == Token.class) {
            return new Token(5);
        } else if (type == Interest.class) {
            return Interest.READABLE;
        } else if (type == Registry.class) {
            return poll.registry();
        } else if (type == Events.class) {
            return Events.withCapacity(4);
        } else if (type == Duration.class) {
            return Duration.ZERO;
        } else if (type == PollOptions.class) {
            return PollOptions.defaults();
        } else if (type == InetSocketAddress.class || type == SocketAddress.class) {
            return Expect.anyLocalIpv4();
        } else if (type == java.net.Inet4Address.class) {
            return InetAddress.getByName("224.0.0.251");
        } else if (type == java.net.Inet6Address.class) {
            return InetAddress.getByName("ff02::fb");
        } else if (type == InetAddress.class) {
            return InetAddress.getByName("224.0.0.251");
        } else if (type == NetworkInterface.class) {
            return NetworkInterface.getByName("lo");
        } else if (type == UnixSocketAddress.class) {
            return UnixSocketAddress.of(dir.resolve("v" + calls++));
        } else if (type == UnixDomainSocketAddress.class) {
            return UnixDomainSocketAddress.of(dir.resolve("u" + calls++));
        } else if (type == Path.class) {
            return dir.resolve("p" + calls++);
        } else if (type == String.class) {
            return "name";
        } else if (type == Shutdown.class) {
            return Shutdown.WRITE;
        } else if (type == SocketOption.class) {
            return StandardSocketOptions.SO_RCVBUF;
        } else if (type == Object.class) {
            return 65536;
        } else if (type == java.util.Map.class) {
            return java.util.Map.of(StandardSocketOptions.SO_RCVBUF, 65536); // listener options
        } else if (type == DatagramBatch.class) {
            return DatagramBatch.allocate(2, 64);
        } else if (type == ReceivedFds.class) {
            return keep(ReceivedFds.withCapacity(1));
        } else if (type == Source.class || type == Channel.class) {
            return keep(UnixStream.pair()).second();
        } else if (type == Pipe.Sender.class) {
            return keep(Pipe.open()).sender();
        } else if (type == Pipe.Receiver.class) {
            return keep(Pipe.open()).receiver();
        } else if (type == FdFunction.class) {
            return (FdFunction<Object>) fd -> null;
        } else if (type == Consumer.class) {
            return (Consumer<Object>) x -> { };
        }
        throw new AssertionError("no valid argument for " + type.getName() + ": add one to BadArgumentsTest.valid");
    }

    @UnixOnly
    @Test
    void everyPublicMethodRefusesNullCleanly() throws Exception {
        Map<Class<?>, Callable<Object>> instances = instances();
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (Class<?> type : instances.keySet()) {
            for (Method method : type.getMethods()) {
                if (method.getDeclaringClass() == Object.class || method.getName().equals("equals")) {
                    continue;
                }
                Class<?>[] parameters = method.getParameterTypes();
                for (int i = 0; i < parameters.length; i++) {
                    String key = type.getSimpleName() + "." + method.getName() + "#" + i;
                    if (parameters[i].isPrimitive() || NULL_ALLOWED.contains(key)) {
                        continue;
                    }
                    Object[] args = new Object[parameters.length];
                    for (int k = 0; k < args.length; k++) {
                        args[k] = k == i ? null : valid(parameters[k]);
                    }
                    Object target = Modifier.isStatic(method.getModifiers()) ? null : instances.get(type).call();
                    checked++;
                    try {
                        method.invoke(target, args);
                        wrong.add(key + " " + signature(method) + ": accepted null");
                    } catch (InvocationTargetException e) {
                        Throwable thrown = e.getCause();
                        if (!(thrown instanceof NullPointerException) && !(thrown instanceof IllegalArgumentException)) {
                            wrong.add(key + " " + signature(method) + ": threw " + thrown);
                        }
                    }
                }
            }
        }
        System.out.println("BadArgumentsTest: " + checked + " null arguments checked");
        assertEquals(List.of(), wrong, () -> wrong.size() + " methods mishandle null:\n" + String.join("\n", wrong));
        stillWorks();
    }

    @UnixOnly
    @Test
    void everyPublicMethodRefusesNegativeNumbersCleanly() throws Exception {
        Map<Class<?>, Callable<Object>> instances = instances();
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (Class<?> type : instances.keySet()) {
            for (Method method : type.getMethods()) {
                if (method.getDeclaringClass() == Object.class) {
                    continue;
                }
                Class<?>[] parameters = method.getParameterTypes();
                for (int i = 0; i < parameters.length; i++) {
                    String key = type.getSimpleName() + "." + method.getName() + "#" + i;
                    if (parameters[i] != int.class && parameters[i] != long.class) {
                        continue;
                    }
                    Object[] args = new Object[parameters.length];
                    for (int k = 0; k < args.length; k++) {
                        args[k] = k != i ? valid(parameters[k]) : parameters[k] == int.class ? (Object) (-1) : (Object) (-1L);
                    }
                    Object target = Modifier.isStatic(method.getModifiers()) ? null : instances.get(type).call();
                    checked++;
                    try {
                        method.invoke(target, args);
                        wrong.add(key + " " + signature(method) + ": accepted -1");
                    } catch (InvocationTargetException e) {
                        Throwable thrown = e.getCause();
                        if (!(thrown instanceof IllegalArgumentException) && !(thrown instanceof IndexOutOfBoundsException)) {
                            wrong.add(key + " " + signature(method) + ": threw " + thrown);
                        }
                    }
                }
            }
        }
        System.out.println("BadArgumentsTest: " + checked + " negative numbers checked");
        assertEquals(List.of(), wrong, () -> wrong.size() + " methods mishandle a negative number:\n" + String.join("\n", wrong));
        stillWorks();
    }

    /** The methods that need no open descriptor, and so answer even when closed. */
    private static final Set<String> NO_DESCRIPTOR_NEEDED = Set.of(
            "close", "isOpen", "supportedOptions", "hashCode", "toString", "equals", "getClass");

    @NeedsUnixDomainStreams
    @Test
    void everyMethodOfAClosedSocketOrPipeEndSaysClosed() throws Exception {
        Map<Class<?>, Callable<Object>> instances = instances();
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (Class<?> type : List.of(TcpListener.class, TcpStream.class, UdpSocket.class, UnixListener.class,
                UnixStream.class, UnixDatagram.class, Pipe.Sender.class, Pipe.Receiver.class)) {
            for (Method method : type.getMethods()) {
                if (Modifier.isStatic(method.getModifiers()) || method.getDeclaringClass() == Object.class
                        || NO_DESCRIPTOR_NEEDED.contains(method.getName())) {
                    continue;
                }
                Object target = instances.get(type).call();
                ((Channel) target).close();
                Object[] args = new Object[method.getParameterCount()];
                for (int k = 0; k < args.length; k++) {
                    args[k] = valid(method.getParameterTypes()[k]);
                }
                checked++;
                try {
                    Object result = method.invoke(target, args);
                    wrong.add(type.getSimpleName() + "." + signature(method) + ": returned " + result + " on a closed object");
                } catch (InvocationTargetException e) {
                    if (!(e.getCause() instanceof ClosedChannelException)) {
                        wrong.add(type.getSimpleName() + "." + signature(method) + ": threw " + e.getCause());
                    }
                }
            }
        }
        System.out.println("BadArgumentsTest: " + checked + " methods called on closed objects");
        assertEquals(List.of(), wrong, () -> wrong.size() + " methods mishandle a closed object:\n" + String.join("\n", wrong));
        stillWorks();
    }

    /**
     * Every public method taking memory — a {@link ByteBuffer}, a {@code ByteBuffer[]} (the bad
     * buffer second, after a good one) or a {@link MemorySegment} — given memory the OS must not
     * be handed: freed (its arena closed) must give {@link IllegalStateException}, confined to
     * another thread {@link WrongThreadException}, as {@code java.nio} does. A method that
     * returns normally took the memory.
     */
    @UnixOnly
    @Test
    void everyMethodTakingMemoryRefusesFreedAndForeignMemory() throws Exception {
        Map<Class<?>, Callable<Object>> instances = instances();
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        java.util.concurrent.ExecutorService owner = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            for (Class<?> type : instances.keySet()) {
                for (Method method : type.getMethods()) {
                    Class<?>[] parameters = method.getParameterTypes();
                    for (int i = 0; i < parameters.length; i++) {
                        Class<?> parameter = parameters[i];
                        if (parameter != ByteBuffer.class && parameter != ByteBuffer[].class && parameter != MemorySegment.class) {
                            continue;
                        }
                        for (boolean freed : new boolean[] {true, false}) {
                            Arena confined = freed ? null : owner.submit(Arena::ofConfined).get();
                            try {
                                MemorySegment bad = freed ? MemorySafetyTest.freedSegment()
                                        : owner.submit(() -> confined.allocate(64)).get();
                                Object[] args = new Object[parameters.length];
                                for (int k = 0; k < args.length; k++) {
                                    args[k] = k != i ? valid(parameters[k])
                                            : parameter == MemorySegment.class ? bad
                                            : parameter == ByteBuffer.class ? asBuffer(owner, bad, freed)
                                            : new ByteBuffer[] {ByteBuffer.allocate(4), asBuffer(owner, bad, freed)};
                                }
                                Object target = Modifier.isStatic(method.getModifiers()) ? null : instances.get(type).call();
                                Class<?> expected = freed ? IllegalStateException.class : WrongThreadException.class;
                                String key = type.getSimpleName() + "." + signature(method) + "#" + i + (freed ? " freed" : " foreign");
                                checked++;
                                try {
                                    Object result = method.invoke(target, args);
                                    wrong.add(key + ": returned " + result);
                                } catch (InvocationTargetException e) {
                                    if (!expected.isInstance(e.getCause())) {
                                        wrong.add(key + ": threw " + e.getCause());
                                    }
                                }
                            } finally {
                                if (confined != null) {
                                    owner.submit(confined::close).get();
                                }
                            }
                        }
                    }
                }
            }
        } finally {
            owner.shutdown();
        }
        System.out.println("BadArgumentsTest: " + checked + " freed or foreign memory arguments checked");
        assertEquals(List.of(), wrong, () -> wrong.size() + " methods mishandle freed or foreign memory:\n" + String.join("\n", wrong));
        stillWorks();
    }

    /** A direct buffer over {@code segment}, made where it may be made (a freed one was made before the free). */
    private static ByteBuffer asBuffer(java.util.concurrent.ExecutorService owner, MemorySegment segment, boolean freed) throws Exception {
        return freed ? MemorySafetyTest.freedBuffer() : owner.submit(segment::asByteBuffer).get();
    }

    private static String signature(Method method) {
        return method.getName() + Arrays.stream(method.getParameterTypes()).map(Class::getSimpleName).collect(Collectors.joining(", ", "(", ")"));
    }

    /** The Poll that lived through all of that still reports readiness. */
    private void stillWorks() throws IOException {
        SocketPair<UnixStream> pair = keep(UnixStream.pair());
        poll.registry().register(pair.second(), new Token(77), Interest.READABLE);
        pair.first().write(new byte[] {1});
        Events events = Events.withCapacity(4);
        poll.poll(events, Expect.PATIENCE);
        if (events.size() != 1 || !events.get(0).token().equals(new Token(77))) {
            fail("the Poll stopped working: " + events);
        }
    }
}
