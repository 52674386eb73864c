package io.mio.net;

import static io.mio.net.Expect.expectNoEvents;
import static io.mio.net.Expect.expectEvents;
import static io.mio.net.Expect.expected;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mio.Events;
import io.mio.Interest;
import io.mio.Poll;
import io.mio.Token;
import io.mio.net.OwnedFd;
import io.mio.unix.Pipe;
import java.io.IOException;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Descriptor passing ({@code SCM_RIGHTS}) over Unix-domain streams and datagrams. */
@UnixOnly
class FdPassingTest {
    private static final byte[] HELLO = "hello".getBytes(StandardCharsets.US_ASCII);

    @Test
    void aTcpConnectionHandedToAnotherOwnerKeepsWorkingThroughTheCopy() throws IOException {
        try (Poll poll = Poll.open(); SocketPair<UnixStream> channel = UnixStream.pair();
                ReceivedFds fds = ReceivedFds.withCapacity(4)) {
            Events events = Events.withCapacity(8);
            try (Expect.Connection connection = Expect.connection(poll, events)) {
                ByteBuffer note = ByteBuffer.wrap(new byte[] {42});
                assertEquals(1, channel.first().sendWithFds(note, connection.server().rawFd()));
                connection.server().close(); // the sender's copy goes; the receiver's stays

                ByteBuffer received = ByteBuffer.allocate(8);
                assertEquals(1, channel.second().receiveWithFds(received, fds));
                assertEquals(42, received.get(0));
                assertEquals(1, fds.count());
                assertFalse(fds.descriptorsTruncated());

                TcpStream handedOver;
                try (OwnedFd fd = fds.take(0)) {
                    handedOver = fd.into(TcpStream::fromRawFd);
                    assertFalse(fd.isOpen(), "ownership moved to the TcpStream");
                }
                try (handedOver) {
                    Token token = new Token(9);
                    handedOver.register(poll.registry(), token, Interest.READABLE);
                    connection.client().write(HELLO);
                    expectEvents(poll, events, expected(token, Interest.READABLE));
                    byte[] got = new byte[HELLO.length];
                    assertEquals(HELLO.length, handedOver.read(got));
                    assertArrayEquals(HELLO, got);
                    assertEquals(connection.client().localAddress(), handedOver.peerAddress());
                }
            }
        }
    }

    @Test
    void receivedDescriptorsAreCloseOnExecAndNamedTheSameObject() throws Throwable {
        try (SocketPair<UnixStream> channel = UnixStream.pair(); Pipe pipe = Pipe.open();
                ReceivedFds fds = ReceivedFds.withCapacity(2)) {
            channel.first().sendWithFds(ByteBuffer.allocateDirect(1).put(0, (byte) 1), pipe.receiver().rawFd(), pipe.sender().rawFd());
            assertEquals(1, channel.second().receiveWithFds(ByteBuffer.allocateDirect(4), fds));
            assertEquals(2, fds.count());
            try (OwnedFd receiver = fds.take(0); OwnedFd sender = fds.take(1)) {
                assertEquals(NativeCalls.target(pipe.receiver().rawFd()), NativeCalls.target(receiver.rawFd()));
                assertEquals(NativeCalls.target(pipe.sender().rawFd()), NativeCalls.target(sender.rawFd()));
                assertTrue(NativeCalls.isCloseOnExec(receiver.rawFd()), "received descriptors are close-on-exec");

                Pipe.Receiver copy = receiver.into(Pipe.Receiver::fromRawFd);
                try (copy) {
                    pipe.sender().write(ByteBuffer.wrap(HELLO));
                    ByteBuffer got = ByteBuffer.allocate(16);
                    assertEquals(HELLO.length, copy.read(got));
                }
            }
        }
    }

    @Test
    void descriptorsBeyondTheCapacityAreReportedAndNoneLeaks() throws IOException {
        try (SocketPair<UnixStream> channel = UnixStream.pair(); Pipe pipe = Pipe.open()) {
            int before = Expect.openDescriptors();
            int fd = pipe.receiver().rawFd();
            try (ReceivedFds fds = ReceivedFds.withCapacity(1)) {
                channel.first().sendWithFds(ByteBuffer.wrap(HELLO), fd, fd, fd);
                assertEquals(HELLO.length, channel.second().receiveWithFds(ByteBuffer.allocate(16), fds));
                assertEquals(1, fds.count());
                assertTrue(fds.descriptorsTruncated());
                assertEquals(before + 1, Expect.openDescriptors(), "only the one that fitted arrived");

                channel.first().sendWithFds(ByteBuffer.wrap(HELLO), fd);
                assertThrows(IllegalStateException.class, () -> channel.second().receiveWithFds(ByteBuffer.allocate(16), fds),
                        "a receive must not overwrite descriptors nobody took");
                fds.clear();
                assertEquals(before, Expect.openDescriptors());
                assertEquals(HELLO.length, channel.second().receiveWithFds(ByteBuffer.allocate(16), fds));
                assertFalse(fds.descriptorsTruncated());
            }
            assertEquals(before, Expect.openDescriptors(), "close() closes what was not taken");
        }
    }

    @Test
    void plainBytesArriveWithoutDescriptorsAndTheStreamConventionsHold() throws IOException {
        try (SocketPair<UnixStream> channel = UnixStream.pair(); ReceivedFds fds = ReceivedFds.withCapacity(1)) {
            ByteBuffer into = ByteBuffer.allocate(16);
            assertEquals(0, channel.second().receiveWithFds(into, fds), "nothing queued: would block");
            channel.first().write(HELLO);
            assertEquals(HELLO.length, channel.second().receiveWithFds(into, fds));
            assertEquals(0, fds.count());
            assertEquals(HELLO.length, into.position(), "the buffer's position advances");
            channel.first().close();
            assertEquals(-1, channel.second().receiveWithFds(into, fds), "end of stream");
        }
    }

    @Test
    void datagramsCarryDescriptorsToo() throws Throwable {
        try (SocketPair<UnixDatagram> channel = UnixDatagram.pair(); Pipe pipe = Pipe.open();
                ReceivedFds fds = ReceivedFds.withCapacity(1)) {
            assertEquals(UnixDatagram.WOULD_BLOCK, channel.second().receiveWithFds(ByteBuffer.allocate(8), fds));
            assertEquals(HELLO.length, channel.first().sendWithFds(ByteBuffer.wrap(HELLO), pipe.sender().rawFd()));
            ByteBuffer got = ByteBuffer.allocate(8);
            assertEquals(HELLO.length, channel.second().receiveWithFds(got, fds));
            assertEquals(1, fds.count());
            assertFalse(fds.dataTruncated());
            try (OwnedFd fd = fds.take(0)) {
                assertEquals(NativeCalls.target(pipe.sender().rawFd()), NativeCalls.target(fd.rawFd()));
                assertThrows(IllegalStateException.class, () -> fds.take(0), "taken once only");
            }
            channel.first().sendWithFds(ByteBuffer.wrap(new byte[100]), pipe.sender().rawFd());
            assertEquals(8, channel.second().receiveWithFds(ByteBuffer.allocate(8), fds));
            assertTrue(fds.dataTruncated(), "a datagram longer than the buffer is cut, and said to be");
            fds.clear();
        }
    }

    @Test
    void badArgumentsGetClearExceptionsAndLeaveTheChannelWorking() throws IOException {
        try (SocketPair<UnixStream> channel = UnixStream.pair(); Pipe pipe = Pipe.open();
                ReceivedFds fds = ReceivedFds.withCapacity(1)) {
            int fd = pipe.receiver().rawFd();
            UnixStream sender = channel.first();
            assertThrows(IllegalArgumentException.class, () -> sender.sendWithFds(ByteBuffer.allocate(0), fd));
            assertThrows(IllegalArgumentException.class, () -> sender.sendWithFds(ByteBuffer.wrap(HELLO), -3));
            assertThrows(IllegalArgumentException.class, () -> sender.sendWithFds(ByteBuffer.wrap(HELLO), new int[ReceivedFds.MAX_CAPACITY + 1]));
            assertThrows(NullPointerException.class, () -> sender.sendWithFds(ByteBuffer.wrap(HELLO), (int[]) null));
            SocketException notOpen = assertThrows(SocketException.class, () -> sender.sendWithFds(ByteBuffer.wrap(HELLO), 19_999));
            assertTrue(notOpen.getMessage().contains("EBADF"), notOpen.getMessage());
            assertThrows(IllegalArgumentException.class, () -> ReceivedFds.withCapacity(0));
            assertThrows(IllegalArgumentException.class, () -> ReceivedFds.withCapacity(ReceivedFds.MAX_CAPACITY + 1));
            assertThrows(IndexOutOfBoundsException.class, () -> fds.take(0));
            assertThrows(IllegalArgumentException.class,
                    () -> channel.second().receiveWithFds(ByteBuffer.allocate(4).asReadOnlyBuffer(), fds));

            assertEquals(HELLO.length, sender.sendWithFds(ByteBuffer.wrap(HELLO), fd), "still works after the refusals");
            assertEquals(HELLO.length, channel.second().receiveWithFds(ByteBuffer.allocate(16), fds));
            assertEquals(1, fds.count());

            sender.close();
            assertThrows(ClosedChannelException.class, () -> sender.sendWithFds(ByteBuffer.wrap(HELLO), fd));
        }
    }

    @Test
    void aHeapDatagramWithDescriptorsTravelsWholeBothWays() throws IOException {
        try (SocketPair<UnixDatagram> pair = UnixDatagram.pair(); Pipe pipe = Pipe.open();
                ReceivedFds fds = ReceivedFds.withCapacity(1)) {
            byte[] datagram = new byte[100_000];
            new java.util.Random(7).nextBytes(datagram);
            ByteBuffer src = ByteBuffer.wrap(datagram);
            assertEquals(100_000, pair.first().sendWithFds(src, pipe.receiver().rawFd()), "sent whole, not cut at 64 KiB");
            assertFalse(src.hasRemaining());
            ByteBuffer dst = ByteBuffer.allocate(200_000);
            assertEquals(100_000, pair.second().receiveWithFds(dst, fds), "stored whole");
            assertFalse(fds.dataTruncated());
            assertEquals(1, fds.count());
            assertArrayEquals(datagram, java.util.Arrays.copyOf(dst.array(), dst.position()));
            fds.clear();

            int sendBuffer = pair.first().getOption(java.net.StandardSocketOptions.SO_SNDBUF);
            ByteBuffer tooLarge = ByteBuffer.allocate(sendBuffer + 1);
            SocketException refused = assertThrows(SocketException.class, () -> pair.first().sendWithFds(tooLarge, pipe.receiver().rawFd()));
            assertTrue(refused.getMessage().contains("EMSGSIZE"), refused.getMessage());
            assertEquals(0, tooLarge.position(), "refused whole, nothing sent");
            assertEquals(UnixDatagram.WOULD_BLOCK, pair.second().receiveWithFds(ByteBuffer.allocate(8), fds));
        }
    }

    @Test
    void aStreamReceiveWithNoRoomIsNotEndOfStreamAndTakesNoDescriptor() throws IOException {
        try (SocketPair<UnixStream> pair = UnixStream.pair(); Pipe pipe = Pipe.open();
                ReceivedFds fds = ReceivedFds.withCapacity(1)) {
            assertEquals(HELLO.length, pair.first().sendWithFds(ByteBuffer.wrap(HELLO), pipe.sender().rawFd()));
            assertEquals(0, pair.second().receiveWithFds(ByteBuffer.allocate(0), fds), "no room: 0, as java.nio has it");
            assertEquals(0, fds.count());
            ByteBuffer into = ByteBuffer.allocate(16);
            assertEquals(HELLO.length, pair.second().receiveWithFds(into, fds), "the bytes are still there");
            assertEquals(1, fds.count(), "with their descriptor");
            fds.clear();
        }
    }

    @Test
    void closingASocketEndsItsEventsEvenWhileACopyOfItsDescriptorLives() throws IOException {
        LibkqueueDivergence.CLOSE_KEEPS_FILTERS.skipOnLibkqueue();
        try (Poll poll = Poll.open(); SocketPair<UnixStream> channel = UnixStream.pair();
                SocketPair<UnixStream> watched = UnixStream.pair(); SocketPair<UnixStream> next = UnixStream.pair();
                ReceivedFds copy = ReceivedFds.withCapacity(1)) {
            Events events = Events.withCapacity(8);
            Token token = new Token(42);
            watched.first().register(poll.registry(), token, Interest.READABLE);
            channel.first().sendWithFds(ByteBuffer.wrap(HELLO), watched.first().rawFd());
            assertEquals(HELLO.length, channel.second().receiveWithFds(ByteBuffer.allocate(16), copy));
            assertEquals(1, copy.count(), "a second descriptor for the same socket lives");

            watched.first().close();
            watched.second().write(HELLO);
            expectNoEvents(poll, events);

            next.first().register(poll.registry(), token, Interest.READABLE);
            watched.second().write(HELLO);
            expectNoEvents(poll, events);
            next.second().write(HELLO);
            expectEvents(poll, events, expected(token, Interest.READABLE));
            copy.clear();
        }
    }
}
