package dev.ekoolkit.mock.bench;

import java.util.Collection;
import java.util.List;

/** The parts of the bench report that are logic rather than layout: the command line shown and the verdicts. */
final class Report {

    /** The command the README gives for the whole suite; a run's own options are added to it. */
    static final String BASE_COMMAND = "./mvnw -Pbench -pl ekool-mock-server -am verify -DskipTests";

    private Report() {
    }

    /**
     * The command that produced this run: the base command plus every option that changed what ran, so that a
     * {@code bench.only} subset or a quick run is never shown as the full suite.
     *
     * @param quick whether {@code -Dbench.quick=true} was given
     * @param only  the {@code bench.only} parts, empty for all
     * @param doc   the {@code bench.doc} file, empty or null for none
     */
    static String command(boolean quick, List<String> only, String doc) {
        StringBuilder b = new StringBuilder(BASE_COMMAND);
        if (quick) {
            b.append(" -Dbench.quick=true");
        }
        if (!only.isEmpty()) {
            b.append(" -Dbench.only=").append(String.join(",", only));
        }
        if (doc != null && !doc.isBlank()) {
            b.append(" -Dbench.doc=").append(doc);
        }
        return b.toString();
    }

    /**
     * The verdict of one target: "met" only if the goal is reached and not one request behind the figure failed;
     * a run with errors is never "met", whatever its numbers.
     *
     * @param goalReached whether the measured figure reaches the goal
     * @param errors      how many requests behind the figure failed
     */
    static String verdict(boolean goalReached, long errors) {
        if (errors > 0) {
            return "**missed** (" + errors + (errors == 1 ? " error" : " errors") + ")";
        }
        return goalReached ? "met" : "**missed**";
    }

    /** The errors of a set of measurement windows: their counts, and at least one for a window that saw a first error. */
    static long errors(Collection<BenchMain.Window> windows) {
        long n = 0;
        for (BenchMain.Window w : windows) {
            n += w.errors() == 0 && w.firstError() != null ? 1 : w.errors();
        }
        return n;
    }
}
