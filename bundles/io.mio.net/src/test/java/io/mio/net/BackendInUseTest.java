package io.mio.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import org.junit.jupiter.api.Test;

/**
 * The behaviour suite runs once per backend that can run on the machine (the build's surefire
 * executions set {@code io.mio.backend}); this fails the run whose backend was not the one used,
 * so that a green run of "poll" is never epoll's in disguise.
 */
class BackendInUseTest {
    @Test
    void theRequestedBackendIsTheOneEveryPollUses() {
        String requested = System.getProperty("io.mio.backend");
        assertNotNull(requested, "each test run names its backend with -Dio.mio.backend");
        assertEquals(requested, io.mio.internal.shared.Backends.current().name());
    }

    @Test
    void aPollIsBackedByTheRequestedMechanism() throws java.io.IOException {
        String requested = System.getProperty("io.mio.backend");
        try (io.mio.Poll poll = io.mio.Poll.open()) {
            String selector = poll.toString();
            org.junit.jupiter.api.Assertions.assertTrue(selector.startsWith("Poll[" + requested + " ") || selector.startsWith("Poll[" + requested + "("),
                    () -> "expected a " + requested + " selector, got " + selector);
        }
    }
}
