package io.mio.backend.posix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.net.BindException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import org.junit.jupiter.api.Test;

class ErrnoTest {
    @Test
    void namesAndDescribesErrnoValues() {
        assertEquals("EAGAIN", Errno.name(Errno.EAGAIN));
        assertEquals("ECONNREFUSED", Errno.name(Errno.ECONNREFUSED));
        assertEquals("EINPROGRESS", Errno.name(Errno.EINPROGRESS));
        assertEquals("errno 999", Errno.name(999));
        assertEquals("connect failed: Connection refused (ECONNREFUSED)", Errno.message("connect", Errno.ECONNREFUSED));
    }

    @Test
    void mapsToTheExceptionsJavaUsersCatch() {
        assertInstanceOf(ConnectException.class, Errno.socketException("connect", Errno.ECONNREFUSED));
        assertInstanceOf(ConnectException.class, Errno.socketException("connect", Errno.ETIMEDOUT));
        assertInstanceOf(NoRouteToHostException.class, Errno.socketException("connect", Errno.EHOSTUNREACH));
        assertInstanceOf(BindException.class, Errno.socketException("bind", Errno.EADDRINUSE));
        assertInstanceOf(BindException.class, Errno.socketException("bind", Errno.EADDRNOTAVAIL));
        assertEquals(SocketException.class, Errno.socketException("recv", Errno.ECONNRESET).getClass());
    }
}
