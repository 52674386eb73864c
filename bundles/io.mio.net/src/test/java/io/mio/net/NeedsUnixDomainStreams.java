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
 * A test of Unix-domain stream sockets bound to a path, which Windows 10 has too, skipped in the
 * Wine test host: Wine 8 has no {@code AF_UNIX} ({@code WSAEAFNOSUPPORT}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ExtendWith(NeedsUnixDomainStreams.Condition.class)
@interface NeedsUnixDomainStreams {
    /** Disables the test in the Wine host. */
    final class Condition implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            return WineDivergence.thisRunIsUnderWine()
                    ? ConditionEvaluationResult.disabled("Wine 8 has no AF_UNIX (WSAEAFNOSUPPORT); Windows 10 has it")
                    : ConditionEvaluationResult.enabled("Unix-domain streams are there");
        }
    }
}
