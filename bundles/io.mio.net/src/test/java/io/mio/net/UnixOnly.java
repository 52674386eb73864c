package io.mio.net;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A test of what only Unix has — pipes, socket pairs, descriptor passing, Unix datagrams,
 * descriptors made by the test through libc — skipped, with that reason, on a backend without
 * Unix calls (Windows), where the API refuses them with {@link UnsupportedOperationException}
 * ({@code CloseTest}, {@code BadArgumentsTest} check that).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ExtendWith(UnixOnly.Condition.class)
@interface UnixOnly {
    /** Disables the test where the backend has no Unix calls. */
    final class Condition implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            var backend = io.mio.internal.shared.Backends.current();
            return backend.unix() != null ? ConditionEvaluationResult.enabled("a Unix backend")
                    : ConditionEvaluationResult.disabled("Unix only: pipes, socket pairs, descriptor passing and Unix"
                            + " datagrams are not on " + backend.name());
        }
    }
}
