package io.mio.itest.osgi;

import java.util.List;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/** A framework told it runs on FreeBSD. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class FrameworkOnFreeBsdTest extends FrameworkToldItRunsOn {
    @Override
    protected String osName() {
        return "FreeBSD";
    }

    @Override
    protected List<String> backends() {
        return List.of("io.mio.backend.unix");
    }

    @Test
    public void theBackendForThatOsAndNoOtherIsAttachedToTheCore() {
        checkThatTheBackendForThatOsAndNoOtherIsAttached();
    }
}
