package io.mio;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * How to open a {@link Poll}: for now, whether it watches for the edge-triggered pitfall.
 *
 * <p>The <em>undrained-readiness detector</em> catches, at run time, the mistake that loses
 * connections in event loops: accepting once per listener event, or reading once per readable
 * event, then polling again. After each poll it remembers which sources got readiness; when the
 * program polls again before driving such a source to would-block, it reports the source once per
 * registration. It is off by default, and costs nothing then (one null check per poll and per
 * would-block); when on, it allocates and locks a little on every poll, so it is for development
 * and tests. A program that stops reading on purpose (back-pressure) and remembers the readiness
 * itself is reported too.
 *
 * {@snippet :
 * // In a test: fail on the first report instead of logging it.
 * List<UndrainedReadiness> reports = new CopyOnWriteArrayList<>();
 * try (Poll poll = Poll.open(PollOptions.defaults().detectUndrainedReadiness(reports::add))) {
 *     runTheServer(poll);
 * }
 * assertEquals(List.of(), reports);
 * }
 *
 * <p>The system property {@value #DETECT_PROPERTY}{@code =true} switches the detector on, with
 * reports logged as warnings to the {@link System.Logger} named {@code io.mio.Poll}, for every
 * Poll opened with the defaults, {@link Poll#open()} included.
 */
public final class PollOptions {
    /** The system property that switches the detector on by default. */
    public static final String DETECT_PROPERTY = "io.mio.detectUndrained";

    private static final System.Logger LOGGER = System.getLogger("io.mio.Poll");
    private static final Consumer<UndrainedReadiness> LOG = report -> LOGGER.log(System.Logger.Level.WARNING, report.toString());
    private static final PollOptions OFF = new PollOptions(null);
    private static final PollOptions LOGGING = new PollOptions(LOG);

    private final Consumer<? super UndrainedReadiness> reporter;

    private PollOptions(Consumer<? super UndrainedReadiness> reporter) {
        this.reporter = reporter;
    }

    /**
     * The options {@link Poll#open()} uses: the detector off, unless the system property
     * {@value #DETECT_PROPERTY} is {@code true}.
     *
     * @return the default options
     */
    public static PollOptions defaults() {
        return Boolean.getBoolean(DETECT_PROPERTY) ? LOGGING : OFF;
    }

    /**
     * Switches the detector on, logging each report as a warning to the {@link System.Logger}
     * named {@code io.mio.Poll}, or off.
     *
     * @param on whether to detect
     * @return the options with that setting
     */
    public PollOptions detectUndrainedReadiness(boolean on) {
        return on ? LOGGING : OFF;
    }

    /**
     * Switches the detector on, handing each report to {@code reporter}, which runs on the
     * polling thread at the start of a poll and must not call back into the Poll.
     *
     * @param reporter what to do with a report
     * @return the options with that setting
     */
    public PollOptions detectUndrainedReadiness(Consumer<? super UndrainedReadiness> reporter) {
        return new PollOptions(Objects.requireNonNull(reporter, "reporter"));
    }

    /**
     * Whether the detector is on.
     *
     * @return {@code true} when a Poll opened with these options detects undrained readiness
     */
    public boolean detectsUndrainedReadiness() {
        return reporter != null;
    }

    /** The detector for a new Poll, or {@code null}. */
    UndrainedDetector newDetector() {
        return reporter == null ? null : new UndrainedDetector(reporter);
    }

    @Override
    public String toString() {
        return "PollOptions[detectUndrainedReadiness=" + detectsUndrainedReadiness() + "]";
    }
}
