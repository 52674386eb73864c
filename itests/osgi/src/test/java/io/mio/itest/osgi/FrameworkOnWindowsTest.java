package io.mio.itest.osgi;

import java.util.List;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/** A framework told it runs on Windows. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class FrameworkOnWindowsTest extends FrameworkToldItRunsOn {
    @Override
    protected String osName() {
        return "Windows 11";
    }

    @Override
    protected List<String> backends() {
        return List.of("io.mio.backend.windows");
    }

    @Override
    protected boolean aBackendRunsHere() {
        return false; // the Windows backend, attached, cannot run on this Linux JVM
    }

    @Test
    public void theBackendForThatOsAndNoOtherIsAttachedToTheCore() {
        checkThatTheBackendForThatOsAndNoOtherIsAttached();
    }
}
