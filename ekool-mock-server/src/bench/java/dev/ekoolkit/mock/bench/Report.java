package dev.ekoolkit.mock.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The parts of the bench report that are logic rather than layout: the command line shown, the verdicts, and the
 * peers comparison (its ratios and the issue-11 targets).
 */
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

    // ------------------------------------------------------------------------------------------------ the peers

    /** The cold start table's note on the launcher's runs: whether {@code package} left them an archive. */
    static String coldStartArchive(boolean packageArchive) {
        return packageArchive ? "archive from `package`: every run maps it" : "records the archive";
    }

    /** One row of the cold start table, its {@link BenchMain.ColdStart#archive()} note after the run not counted. */
    static String coldStartRow(BenchMain.ColdStart c) {
        return "| `" + c.command() + "` | " + c.runs() + " | " + c.listeningMillis().format("%.0f") + " | "
                + c.firstTokenMillis().format("%.0f") + " | " + String.format(Locale.ROOT, "%.0f", c.firstRunMillis())
                + (c.archive().isEmpty() ? "" : " (" + c.archive() + ")") + " |\n";
    }

    /**
     * How this mock ran in the peers comparison: the README command {@code readme}, and, when it ran through the
     * launcher, whether {@code package} left it an archive.
     */
    static String oursHow(String readme, boolean viaLauncher, boolean packageArchive) {
        return "`" + readme + "`" + (!viaLauncher ? "" : packageArchive ? " (archive from `package`)"
                : " (no archive from `package`: its first run records one)");
    }

    /** The servers of the comparison, in the order of the table's columns. */
    static final String OURS = "this mock";
    static final String NAVIKT = "navikt mock-oauth2-server";
    static final String AXA = "axa oauth2-mock-server";

    /** The workloads of the comparison: scenario, concurrency, and the label the table prints. */
    enum Workload {
        LOGIN_1("login", 1, "login, 1 client"),
        LOGIN_8("login", 8, "login, 8 clients"),
        USERINFO_8("basic", 8, "user info, 8 clients");

        final String scenario;
        final int concurrency;
        final String label;

        Workload(String scenario, int concurrency, String label) {
            this.scenario = scenario;
            this.concurrency = concurrency;
            this.label = label;
        }
    }

    /** Goals of issue 11: login at 8 clients against each peer, its p99, and cold start against axa. */
    static final double LOGIN_VS_NAVIKT = 2.5;
    static final double LOGIN_VS_AXA = 1.5;
    static final double LOGIN_P99_MICROS = 30_000;

    /**
     * One server's figures in the comparison.
     *
     * @param server     {@link #OURS}, {@link #NAVIKT} or {@link #AXA}
     * @param how        how it was run (version, command, JVM flags)
     * @param leftOut    why it was not measured, or null when it was
     * @param windows    the load generator's windows per workload and driver ({@link #key})
     * @param listening  cold start: process start to listening, ms
     * @param firstToken cold start: process start to the first token response of a login, ms
     * @param coldErrors cold starts that failed
     */
    record Peer(String server, String how, String leftOut, Map<String, BenchMain.Window> windows, Stats listening,
                Stats firstToken, long coldErrors) {

        static Peer leftOut(String server, String how, String why) {
            return new Peer(server, how, why, Map.of(), Stats.of(), Stats.of(), 0);
        }

        BenchMain.Window window(Workload w, Http.Driver d) {
            return leftOut == null ? windows.get(key(w, d)) : null;
        }
    }

    /** The key of a workload measured with a driver in {@link Peer#windows()}. */
    static String key(Workload w, Http.Driver d) {
        return w.name() + "/" + d.name();
    }

    /** {@code a / b} as "2.51×", or "n/a" when either is missing. */
    static String ratio(double a, double b) {
        if (Double.isNaN(a) || Double.isNaN(b) || b == 0) {
            return "n/a";
        }
        return String.format(Locale.ROOT, "%.2f×", a / b);
    }

    private static Peer find(List<Peer> peers, String server) {
        return peers.stream().filter(p -> p.server().equals(server)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no " + server + " in the comparison"));
    }

    /**
     * The targets of issue 11 as table rows (target, measured, goal, verdict): login at 8 clients with each driver
     * (≥ 2.5× navikt, ≥ 1.5× axa, p99 ≤ 30 ms) and the cold start of the README command (≤ axa's). A target that
     * needs a peer that was left out is "not judged"; errors behind any figure of a target make it missed.
     *
     * @param peers the three servers, {@link #OURS} among them
     */
    static List<String[]> peerTargets(List<Peer> peers) {
        Peer ours = find(peers, OURS);
        Peer navikt = find(peers, NAVIKT);
        Peer axa = find(peers, AXA);
        List<String[]> rows = new ArrayList<>();
        for (Http.Driver d : Http.Driver.values()) {
            String what = "login, 8 clients, " + d.label + " driver";
            String goal = String.format(Locale.ROOT, "≥ %.1f× navikt, ≥ %.1f× axa, p99 ≤ %.0f ms", LOGIN_VS_NAVIKT,
                    LOGIN_VS_AXA, LOGIN_P99_MICROS / 1000);
            BenchMain.Window o = ours.window(Workload.LOGIN_8, d);
            BenchMain.Window n = navikt.window(Workload.LOGIN_8, d);
            BenchMain.Window a = axa.window(Workload.LOGIN_8, d);
            if (o == null) {
                rows.add(new String[] {what, "n/a", goal, "not judged (this mock not measured)"});
                continue;
            }
            String measured = String.format(Locale.ROOT, "%s navikt, %s axa, p99 %.1f ms (%.0f logins/s)",
                    n == null ? "n/a" : ratio(o.opsPerSecond().median(), n.opsPerSecond().median()),
                    a == null ? "n/a" : ratio(o.opsPerSecond().median(), a.opsPerSecond().median()),
                    o.p99Micros().median() / 1000, o.opsPerSecond().median());
            String missing = leftOutNote(navikt, axa);
            if (missing != null) {
                rows.add(new String[] {what, measured, goal, "not judged (" + missing + ")"});
                continue;
            }
            boolean met = o.opsPerSecond().median() >= LOGIN_VS_NAVIKT * n.opsPerSecond().median()
                    && o.opsPerSecond().median() >= LOGIN_VS_AXA * a.opsPerSecond().median()
                    && o.p99Micros().median() <= LOGIN_P99_MICROS;
            rows.add(new String[] {what, measured, goal, verdict(met, errors(List.of(o, n, a)))});
        }
        String what = "cold start of the README command to the first token (median)";
        String measured = String.format(Locale.ROOT, "%.0f ms, axa %s", ours.firstToken().median(),
                axa.leftOut() == null ? String.format(Locale.ROOT, "%.0f ms", axa.firstToken().median()) : "n/a");
        if (axa.leftOut() != null) {
            rows.add(new String[] {what, measured, "≤ axa", "not judged (axa left out)"});
        } else {
            boolean met = ours.firstToken().n() > 0 && axa.firstToken().n() > 0
                    && ours.firstToken().median() <= axa.firstToken().median();
            rows.add(new String[] {what, measured, "≤ axa", verdict(met, ours.coldErrors() + axa.coldErrors())});
        }
        return rows;
    }

    private static String leftOutNote(Peer navikt, Peer axa) {
        List<String> out = new ArrayList<>();
        for (Peer p : List.of(navikt, axa)) {
            if (p.leftOut() != null) {
                out.add(p.server() + " left out");
            }
        }
        return out.isEmpty() ? null : String.join(", ", out);
    }

    /**
     * The comparison as markdown: the targets, then one table with the three servers side by side (throughput,
     * p50 and p99 per workload and driver; cold start) and the ratios ours / navikt and ours / axa.
     *
     * @param peers the three servers, {@link #OURS} first
     */
    static String peers(List<Peer> peers) {
        Peer ours = find(peers, OURS);
        StringBuilder b = new StringBuilder();
        b.append("| target (issue 11) | measured | goal | verdict |\n|---|---|---|---|\n");
        for (String[] r : peerTargets(peers)) {
            b.append("| ").append(String.join(" | ", r)).append(" |\n");
        }
        b.append("\n| |");
        for (Peer p : peers) {
            b.append(' ').append(p.server()).append(" |");
        }
        b.append(" ours / navikt | ours / axa |\n|---|");
        b.append("---|".repeat(peers.size() + 2)).append('\n');
        b.append("| how it runs |");
        for (Peer p : peers) {
            b.append(' ').append(p.how()).append(p.leftOut() == null ? "" : " — **left out: " + p.leftOut() + "**")
                    .append(" |");
        }
        b.append(" | |\n");
        for (Http.Driver d : Http.Driver.values()) {
            for (Workload w : Workload.values()) {
                b.append("| ").append(w.label).append(", ").append(d.label).append(", per s (p50 / p99 ms) |");
                for (Peer p : peers) {
                    b.append(' ').append(cell(p.window(w, d)))
                            .append(w == Workload.USERINFO_8 && p.server().equals(AXA) && p.leftOut() == null
                                    ? " (checks no token)" : "")
                            .append(" |");
                }
                for (String peer : List.of(NAVIKT, AXA)) {
                    BenchMain.Window o = ours.window(w, d);
                    BenchMain.Window x = find(peers, peer).window(w, d);
                    b.append(' ').append(o == null || x == null ? "n/a"
                            : ratio(o.opsPerSecond().median(), x.opsPerSecond().median())).append(" |");
                }
                b.append('\n');
            }
        }
        for (boolean token : new boolean[] {false, true}) {
            b.append(token ? "| cold start to the first token, ms |" : "| cold start to listening, ms |");
            for (Peer p : peers) {
                Stats s = token ? p.firstToken() : p.listening();
                b.append(' ').append(p.leftOut() != null ? "n/a" : s.format("%.0f"))
                        .append(p.coldErrors() > 0 ? " (" + p.coldErrors() + " failed)" : "").append(" |");
            }
            for (String peer : List.of(NAVIKT, AXA)) {
                Peer x = find(peers, peer);
                Stats o = token ? ours.firstToken() : ours.listening();
                Stats s = token ? x.firstToken() : x.listening();
                b.append(' ').append(x.leftOut() != null ? "n/a" : ratio(o.median(), s.median())).append(" |");
            }
            b.append('\n');
        }
        return b.toString();
    }

    private static String cell(BenchMain.Window w) {
        if (w == null) {
            return "n/a";
        }
        long errors = errors(List.of(w));
        return String.format(Locale.ROOT, "%s (%.2f / %.2f)%s", w.opsPerSecond().format("%.0f"),
                w.p50Micros().median() / 1000, w.p99Micros().median() / 1000,
                errors == 0 ? "" : " **" + errors + (errors == 1 ? " error" : " errors") + "**");
    }
}
