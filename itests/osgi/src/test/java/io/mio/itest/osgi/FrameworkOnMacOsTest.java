package io.mio.itest.osgi;

import java.util.List;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/** A framework told it runs on macOS. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class FrameworkOnMacOsTest extends FrameworkToldItRunsOn {
    @Override
    protected String osName() {
        return "Mac OS X";
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
