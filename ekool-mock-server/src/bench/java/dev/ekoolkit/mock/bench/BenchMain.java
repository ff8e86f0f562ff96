package dev.ekoolkit.mock.bench;

import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The benchmark suite's orchestrator (issue 5; docs/performance.md). Runs, each in its own JVM: the signing
 * ceiling and the in-process figures (JMH), the HTTP ceiling server and the mock's runnable jar, both loaded by
 * the same {@link LoadGenerator}; then cold starts, the memory run, and the comparison with the peers (issue 11:
 * this mock started by the README's command, navikt's mock-oauth2-server and axa's oauth2-mock-server through the
 * same workloads, with the raw and the JDK {@code HttpClient} driver). Writes {@code results.md} (and, when asked,
 * replaces the {@code bench:begin}/{@code bench:end} block of a document with it).
 */
public final class BenchMain {

    private static final int[] CONCURRENCY = {1, 8, 64};
    private static final List<String> GENERATOR_FLAGS = List.of("-Xms256m", "-Xmx256m", "-XX:+UseParallelGC");
    private static final String SERVE = "serve --port 0 --auto-login";
    /** The README's start command, the default of {@code bench.readmeCommand}; the bench adds {@code --port 0 --auto-login}. */
    static final String DEFAULT_README_COMMAND = "ekool-mock-server/bin/ekool-mock";
    /** navikt's mock-oauth2-server: the version the bench profile fetches, and its standalone main class. */
    static final String NAVIKT_VERSION = "6.0.2";
    private static final String NAVIKT_MAIN = "no.nav.security.mock.oauth2.StandaloneMockOAuth2ServerKt";
    /** axa's oauth2-mock-server: the npm version range installed at bench time. */
    static final String AXA_VERSION = "~9.3.0";

    private final Path jar;
    private final Path out;
    private final Path raw;
    private final boolean quick;
    private final List<String> jvmArgs;
    private final Path doc;
    private final String mockMain;
    private final Path launcher;
    private final Path root;
    private final List<String> readmeCommand;
    private final Path peersDir;
    private final Path peersSources;
    private final String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    private final String classpath = System.getProperty("java.class.path");
    private final StringBuilder log = new StringBuilder();
    private final Map<String, Object> results = new LinkedHashMap<>();
    private int rawCounter;

    private BenchMain(Map<String, String> o) {
        Path root = Path.of(o.getOrDefault("root", ".")).toAbsolutePath().normalize();
        this.jar = Path.of(o.get("jar")).toAbsolutePath().normalize();
        this.out = Path.of(o.getOrDefault("out", "target/bench")).toAbsolutePath().normalize();
        this.raw = out.resolve("raw");
        this.quick = Boolean.parseBoolean(o.getOrDefault("quick", "false"));
        String flags = o.getOrDefault("jvm-args", "").trim();
        this.jvmArgs = flags.isEmpty() ? List.of() : List.of(flags.split("\\s+"));
        String d = o.getOrDefault("doc", "").trim();
        this.doc = d.isEmpty() ? null : root.resolve(d);
        this.launcher = root.resolve("ekool-mock-server/bin/ekool-mock");
        this.root = root;
        // the README's start command, whose cold start the peers comparison measures (words; "java" is this JVM's)
        String readme = o.getOrDefault("readme-command", "").trim();
        this.readmeCommand = List.of((readme.isEmpty() ? DEFAULT_README_COMMAND : readme).split("\\s+"));
        this.peersDir = Path.of(o.getOrDefault("peers-dir", out.resolveSibling("peers").toString())).toAbsolutePath();
        this.peersSources = root.resolve("ekool-mock-server/src/bench/peers");
        // for trying the harness only: run this main class from the class path instead of java -jar
        String m = o.getOrDefault("mock-main", "").trim();
        this.mockMain = m.isEmpty() ? null : m;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new LinkedHashMap<>();
        for (String a : args) {
            if (a.startsWith("--") && a.contains("=")) {
                o.put(a.substring(2, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
            }
        }
        BenchMain b = new BenchMain(o);
        String only = o.getOrDefault("only", "").trim();
        b.run(only.isEmpty() ? List.of() : List.of(only.split(",")), o.getOrDefault("doc", "").trim());
    }

    private void run(List<String> only, String docOption) throws Exception {
        Files.createDirectories(raw);
        String loadBefore = loadAverage();
        String started = ZonedDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx"));
        say("bench: load average before: " + loadBefore + (quick ? " (quick mode)" : ""));
        if (mockMain == null && !Files.isRegularFile(jar)) {
            throw new IllegalStateException("the runnable jar is missing: " + jar + " (run the package phase first)");
        }
        Function<String, Boolean> want = s -> only.isEmpty() || only.contains(s);

        Stats signing = want.apply("signing") ? signingCeiling() : null;
        Map<Integer, Window> ceiling = want.apply("ceiling") ? httpCeiling() : Map.of();
        Map<String, Map<Integer, Window>> mock = want.apply("throughput") ? mockThroughput() : Map.of();
        ColdStart cold = want.apply("cold") ? coldStart(false) : null;
        ColdStart cds = want.apply("cold") && mockMain == null ? coldStart(true) : null;
        InProcess inProcess = want.apply("inprocess") ? inProcess() : null;
        Memory memory = want.apply("memory") ? memory() : null;
        List<Report.Peer> peers = want.apply("peers") ? peers() : null;

        String loadAfter = loadAverage();
        String md = report(Report.command(quick, only, docOption), started, loadBefore, loadAfter, signing, ceiling,
                mock, cold, cds, inProcess, memory, peers);
        Files.writeString(out.resolve("results.md"), md, StandardCharsets.UTF_8);
        System.out.println();
        System.out.println(md);
        System.out.println("bench: results written to " + out.resolve("results.md"));
        if (doc != null) {
            updateDoc(md);
            System.out.println("bench: results block of " + doc + " replaced");
        }
    }

    // ---------------------------------------------------------------------------------------------- ceilings

    private Stats signingCeiling() throws RunnerException {
        say("bench: signing ceiling (JMH, RS256, 2048-bit key, " + Runtime.getRuntime().availableProcessors()
                + " threads)");
        Collection<RunResult> r = new Runner(jmh(SigningCeiling.class.getName() + ".signRs256", "signing")
                .forks(quick ? 1 : 2)
                .warmupIterations(quick ? 1 : 3).warmupTime(TimeValue.seconds(2))
                .measurementIterations(quick ? 3 : 5).measurementTime(TimeValue.seconds(2))
                .build()).run();
        Stats s = Stats.of(iterationScores(r, IterationResult::getPrimaryResult, x -> x.getScore()));
        say("bench:   signatures/s " + s.format("%.0f"));
        return s;
    }

    private ChainedOptionsBuilder jmh(String include, String name) {
        return new OptionsBuilder().include("^" + Pattern.quote(include) + "$")
                .jvmArgs(jvmArgs.toArray(String[]::new))
                .shouldFailOnError(true)
                .output(raw.resolve("jmh-" + name + ".txt").toString());
    }

    private static <R> List<Double> iterationScores(Collection<RunResult> runs,
                                                    Function<IterationResult, R> pick, Function<R, Double> value) {
        List<Double> v = new ArrayList<>();
        for (RunResult run : runs) {
            for (BenchmarkResult fork : run.getBenchmarkResults()) {
                for (IterationResult it : fork.getIterationResults()) {
                    v.add(value.apply(pick.apply(it)));
                }
            }
        }
        return v;
    }

    private Map<Integer, Window> httpCeiling() throws Exception {
        say("bench: HTTP ceiling (trivial Javalin handler in its own JVM)");
        List<String> cmd = new ArrayList<>(List.of(javaBin));
        cmd.addAll(jvmArgs);
        cmd.addAll(List.of("-cp", classpath, CeilingServer.class.getName()));
        try (Proc server = Proc.start(cmd, raw.resolve("ceiling-server.log"))) {
            int port = -1;
            for (Proc.Line l = server.next(60_000); l != null; l = server.next(60_000)) {
                if (l.text().startsWith("listening port=")) {
                    port = Integer.parseInt(l.text().substring("listening port=".length()).trim());
                    break;
                }
            }
            if (port < 0) {
                throw new IllegalStateException("the ceiling server did not start; see " + raw);
            }
            Map<Integer, Window> m = new LinkedHashMap<>();
            boolean first = true;
            for (int c : CONCURRENCY) {
                m.put(c, generate("ceiling", c, first, "url=127.0.0.1:" + port + CeilingServer.PATH));
                first = false;
            }
            return m;
        }
    }

    // ---------------------------------------------------------------------------------------------- the mock

    /** The mock's runnable jar as a user starts it, and what it printed. */
    private final class Mock implements AutoCloseable {
        final Proc proc;
        final Flows.Target target;
        final long listeningNanos;
        final long readyNanos;

        Mock(boolean viaLauncher, String name) throws InterruptedException {
            this(mockCommand(viaLauncher), viaLauncher ? launcherEnv() : Map.of(), name);
        }

        Mock(List<String> cmd, Map<String, String> env, String name) throws InterruptedException {
            proc = Proc.start(cmd, env, raw.resolve(name + ".log"));
            Map<String, String> printed = new LinkedHashMap<>();
            long listening = -1;
            for (Proc.Line l = proc.next(60_000); l != null; l = proc.next(60_000)) {
                int eq = l.text().indexOf('=');
                if (eq > 0) {
                    String key = l.text().substring(0, eq);
                    printed.putIfAbsent(key, l.text().substring(eq + 1).trim());
                    if (key.equals("login_url") && listening < 0) {
                        listening = l.nanos();
                    }
                }
                if (printed.keySet().containsAll(List.of("login_url", "client_id", "client_secret", "redirect_uri"))) {
                    readyNanos = l.nanos();
                    listeningNanos = listening;
                    target = Flows.Target.of(printed.get("login_url"), printed.get("api_url"),
                            printed.get("client_id"), printed.get("client_secret"), printed.get("redirect_uri"));
                    return;
                }
            }
            proc.close();
            throw new IllegalStateException("the mock did not print login_url, client_id, client_secret and "
                    + "redirect_uri within 60 s; see " + raw.resolve(name + ".log") + "(.err)");
        }

        @Override
        public void close() {
            proc.close();
        }
    }

    private List<String> mockCommand(boolean viaLauncher) {
        List<String> cmd = new ArrayList<>();
        if (viaLauncher) {
            cmd.addAll(List.of("bash", launcher.toString()));
        } else if (mockMain != null) {
            cmd.addAll(List.of(javaBin, "-cp", classpath, mockMain));
        } else {
            cmd.addAll(List.of(javaBin, "-jar", jar.toString())); // exactly what the README's command runs
        }
        cmd.addAll(List.of(SERVE.split(" ")));
        return cmd;
    }

    private Map<String, String> launcherEnv() {
        return Map.of("EKOOL_MOCK_JAR", jar.toString(), "JAVA_HOME", System.getProperty("java.home"));
    }

    private Map<String, Map<Integer, Window>> mockThroughput() throws Exception {
        say("bench: mock throughput (" + (mockMain == null ? "bin/ekool-mock " : mockMain + " ") + SERVE + ")");
        Map<String, Map<Integer, Window>> m = new LinkedHashMap<>();
        try (Mock mock = new Mock(mockMain == null, "mock-throughput")) {
            for (String scenario : List.of("basic", "refresh", "login")) {
                Map<Integer, Window> byC = new LinkedHashMap<>();
                boolean first = true;
                for (int c : CONCURRENCY) {
                    byC.put(c, generate(scenario, c, first, "target=" + mock.target.encoded()));
                    first = false;
                }
                m.put(scenario, byC);
            }
        }
        return m;
    }

    /** The medians over the measured windows of one generator run. */
    record Window(Stats opsPerSecond, Stats p50Micros, Stats p99Micros, long errors, String firstError) {
    }

    private static final Pattern WINDOW = Pattern.compile(
            "window \\d+ ops=(\\d+) seconds=([\\d.]+) p50us=([\\d.NaN]+) p99us=([\\d.NaN]+) errors=(\\d+)");

    private Window generate(String scenario, int concurrency, boolean firstOfServer, String where) throws Exception {
        return generate(scenario, concurrency, firstOfServer, where, Http.Driver.RAW, "");
    }

    private Window generate(String scenario, int concurrency, boolean firstOfServer, String where, Http.Driver driver,
                            String server) throws Exception {
        double warmup = quick ? (firstOfServer ? 3 : 1) : (firstOfServer ? 10 : 5);
        return generate(scenario, concurrency, warmup, quick ? 3 : 7, quick ? 1 : 2, where, driver, server);
    }

    private Window generate(String scenario, int concurrency, double warmup, int windows, double window, String where,
                            Http.Driver driver, String server) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(javaBin));
        cmd.addAll(GENERATOR_FLAGS);
        cmd.addAll(List.of("-cp", classpath, LoadGenerator.class.getName(), "scenario=" + scenario,
                "concurrency=" + concurrency, "warmup=" + warmup, "windows=" + windows, "window=" + window,
                "driver=" + driver.name().toLowerCase(Locale.ROOT), where));
        Path log = raw.resolve(String.format(Locale.ROOT, "gen-%02d-%s%s-c%d%s.txt", ++rawCounter,
                server.isEmpty() ? "" : server + "-", scenario, concurrency, driver == Http.Driver.RAW ? "" : "-jdk"));
        List<Double> ops = new ArrayList<>();
        List<Double> p50 = new ArrayList<>();
        List<Double> p99 = new ArrayList<>();
        long errors = 0;
        String firstError = null;
        try (Proc gen = Proc.start(cmd, log)) {
            for (String line : gen.drain(600_000)) {
                Matcher w = WINDOW.matcher(line);
                if (w.find()) {
                    ops.add(Long.parseLong(w.group(1)) / Double.parseDouble(w.group(2)));
                    p50.add(Double.parseDouble(w.group(3)));
                    p99.add(Double.parseDouble(w.group(4)));
                    errors += Long.parseLong(w.group(5));
                } else if (line.startsWith("done ")) {
                    int fe = line.indexOf("firstError=");
                    firstError = fe < 0 ? null : line.substring(fe + "firstError=".length());
                    Matcher we = Pattern.compile("warmupErrors=(\\d+)").matcher(line);
                    if (we.find()) {
                        errors += Long.parseLong(we.group(1));
                    }
                }
            }
        }
        Window r = new Window(Stats.of(ops), Stats.of(p50), Stats.of(p99), errors, firstError);
        say(String.format(Locale.ROOT, "bench:   %-8s c=%-3d %s%s ops/s, p50 %s µs, p99 %s µs%s", scenario, concurrency,
                driver == Http.Driver.RAW ? "" : "(JDK HttpClient) ",
                r.opsPerSecond().format("%.0f"), r.p50Micros().format("%.0f"), r.p99Micros().format("%.0f"),
                errors == 0 && firstError == null ? "" : ", ERRORS " + errors + ": " + firstError));
        return r;
    }

    // ---------------------------------------------------------------------------------------------- cold start

    /** Cold starts: times from process start to "listening" and to the first token response. */
    record ColdStart(String label, String command, Stats listeningMillis, Stats firstTokenMillis, int runs,
                     double firstRunMillis, String archive) {
    }

    /**
     * Fresh JVMs, one at a time; the first run is not counted: it warms the page cache and this JVM's client
     * code. Through the launcher, every run maps the class-data archive (or AOT cache) that {@code package}
     * recorded for this JVM, the README command's own build step; without one (a build with
     * {@code -Dekool.mock.train.skip=true}), the run not counted records it, and the report says which.
     */
    private ColdStart coldStart(boolean viaLauncher) throws Exception {
        int runs = quick ? 3 : 7;
        String label = viaLauncher ? "launcher" : "plain";
        String command = viaLauncher ? "ekool-mock-server/bin/ekool-mock " + SERVE
                : "java -jar ekool-mock-server/target/ekool-mock.jar " + SERVE;
        String archive = viaLauncher ? Report.coldStartArchive(launcherMapsAnArchive(launcher, launcherEnv())) : "";
        say("bench: cold start, " + command + " (" + runs + " fresh JVMs after one not counted)");
        List<Double> listening = new ArrayList<>();
        List<Double> token = new ArrayList<>();
        double firstRun = Double.NaN;
        for (int i = -1; i < runs; i++) {
            long[] t = oneColdStart(viaLauncher, "cold-" + label + "-" + (i + 1), i < 0);
            if (i >= 0) {
                listening.add(t[0] / 1e6);
                token.add(t[1] / 1e6);
            } else {
                firstRun = t[1] / 1e6;
            }
            Thread.sleep(300);
        }
        ColdStart c = new ColdStart(label, command, Stats.of(listening), Stats.of(token), runs, firstRun, archive);
        say("bench:   listening " + c.listeningMillis().format("%.0f") + " ms, first token "
                + c.firstTokenMillis().format("%.0f") + " ms (run not counted: " + Math.round(firstRun) + " ms)");
        return c;
    }

    /**
     * Whether a start of {@code launcherScript} with {@code env} added to this JVM's environment maps an archive:
     * the launcher's own answer ({@code EKOOL_MOCK_CDS=which} exits 0 when the archive for the {@code java} it
     * would run is fresh, 1 when a start would record one first), so the bench never repeats its naming rule.
     */
    private static boolean launcherMapsAnArchive(Path launcherScript, Map<String, String> env)
            throws IOException, InterruptedException {
        Path output = Files.createTempFile("ekool-mock-which", ".txt");
        ProcessBuilder builder = new ProcessBuilder("bash", launcherScript.toString()).redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().putAll(env);
        builder.environment().put("EKOOL_MOCK_CDS", "which");
        Process p = builder.start();
        try {
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                throw new IOException(launcherScript + " with EKOOL_MOCK_CDS=which did not end within 30 s");
            }
            String out = Files.readString(output).trim();
            if (p.exitValue() > 1 || out.isEmpty()) {
                throw new IOException(launcherScript + " with EKOOL_MOCK_CDS=which ended with status " + p.exitValue()
                        + ": " + out);
            }
            return p.exitValue() == 0;
        } finally {
            p.destroyForcibly();
            Files.deleteIfExists(output);
        }
    }

    private long[] oneColdStart(boolean viaLauncher, String name, boolean warmClient) throws Exception {
        try (Mock mock = new Mock(viaLauncher, name)) {
            Flows f = new Flows(mock.target);
            try (HttpConnection c = f.connect()) {
                f.login(c);
                long tokenAt = System.nanoTime();
                if (warmClient) {
                    for (int k = 0; k < 300; k++) {
                        f.login(c);
                    }
                }
                return new long[] {mock.listeningNanos - mock.proc.startNanos, tokenAt - mock.proc.startNanos};
            }
        }
    }

    // ---------------------------------------------------------------------------------------------- the peers

    /** A server of the comparison, started, and where to send its requests. */
    private record Running(Proc proc, Flows.Target target, long listeningNanos) implements AutoCloseable {
        @Override
        public void close() {
            proc.close();
        }
    }

    /** Starts one server of the comparison; {@code name} names its log files. */
    private interface Starter {
        Running start(String name) throws Exception;
    }

    /**
     * Issue 11: this mock (started by the README's command), navikt's mock-oauth2-server (own JVM) and axa's
     * oauth2-mock-server (Node), each through the same workloads with both drivers, then their cold starts.
     */
    private List<Report.Peer> peers() throws Exception {
        say("bench: the peers, side by side (" + Report.OURS + ", " + Report.NAVIKT + ", " + Report.AXA + ")");
        List<Report.Peer> list = new ArrayList<>();
        String readme = String.join(" ", readmeCommand) + " --port 0 --auto-login";
        boolean viaLauncher = readmeCommand.get(0).endsWith("bin/ekool-mock");
        String how = Report.oursHow(readme, viaLauncher,
                viaLauncher && launcherMapsAnArchive(root.resolve(readmeCommand.get(0)), Map.of()));
        list.add(measurePeer(Report.OURS, "ours", how, name -> {
            Mock m = new Mock(readmeCommandLine(), Map.of(), name);
            return new Running(m.proc, m.target, m.listeningNanos);
        }));

        Path lib = peersDir.resolve("navikt").resolve("lib");
        String naviktHow = NAVIKT_VERSION + ", `java " + String.join(" ", naviktFlags())
                + (naviktFlags().isEmpty() ? "" : " ") + "-cp 'lib/*' " + NAVIKT_MAIN + "` (Netty server, "
                + "`interactiveLogin` off)";
        if (!Files.isRegularFile(lib.resolve("mock-oauth2-server-" + NAVIKT_VERSION + ".jar"))) {
            say("bench:   navikt left out: " + lib + " holds no mock-oauth2-server-" + NAVIKT_VERSION + ".jar");
            list.add(Report.Peer.leftOut(Report.NAVIKT, naviktHow, "not fetched (" + lib + " holds no jar; the "
                    + "bench profile's peers-navikt-fetch execution puts it there)"));
        } else {
            list.add(measurePeer(Report.NAVIKT, "navikt", naviktHow, name -> navikt(lib, name)));
        }

        Path axaDir = peersDir.resolve("axa");
        String[] axa = installAxa(axaDir);
        String axaHow = axa[0] + ", `node start.mjs` (" + axa[1] + ")";
        if (axa[2] != null) {
            say("bench:   axa left out: " + axa[2]);
            list.add(Report.Peer.leftOut(Report.AXA, axaHow, axa[2]));
        } else {
            list.add(measurePeer(Report.AXA, "axa", axaHow, name -> axa(axaDir, name)));
        }
        return list;
    }

    /** Seconds of logins at 8 clients that every server of the comparison gets before its first workload. */
    static final int PEER_WARMUP_SECONDS = 60;

    private Report.Peer measurePeer(String server, String slug, String how, Starter starter) throws Exception {
        say("bench: " + server + ": " + how);
        Map<String, Window> windows = new LinkedHashMap<>();
        try (Running r = starter.start(slug + "-throughput")) {
            // The same warm-up for every server, not measured: logins at 8 clients for PEER_WARMUP_SECONDS. A JVM
            // server's JIT reaches its steady state only after tens of thousands of logins (the mock, with the
            // launcher's C2 thresholds, about 50 000; docs/performance.md, Findings): after a 10 s warm-up the
            // workloads measured it still compiling.
            String target = "target=" + r.target().encoded();
            Window warm = generate(Report.Workload.LOGIN_8.scenario, Report.Workload.LOGIN_8.concurrency,
                    quick ? 3 : PEER_WARMUP_SECONDS, 1, 1, target, Http.Driver.RAW, slug + "-warmup");
            if (warm.errors() > 0 || warm.firstError() != null) {
                say("bench:   warm-up of " + server + " had errors: " + warm.errors() + " (" + warm.firstError() + ")");
            }
            for (Report.Workload w : Report.Workload.values()) {
                for (Http.Driver d : Http.Driver.values()) { // each workload with both drivers, one after the other
                    windows.put(Report.key(w, d), generate(w.scenario, w.concurrency, false, target, d, slug));
                }
            }
        }
        int runs = quick ? 3 : 5;
        List<Double> listening = new ArrayList<>();
        List<Double> token = new ArrayList<>();
        long failed = 0;
        for (int i = -1; i < runs; i++) {
            try (Running r = starter.start(slug + "-cold-" + (i + 1))) {
                Flows f = new Flows(r.target());
                try (HttpConnection c = f.connect()) {
                    f.login(c);
                    long tokenAt = System.nanoTime();
                    if (i >= 0) {
                        listening.add((r.listeningNanos() - r.proc().startNanos) / 1e6);
                        token.add((tokenAt - r.proc().startNanos) / 1e6);
                    } else {
                        for (int k = 0; k < 50; k++) {
                            f.login(c); // warms this JVM's client code; the run is not counted
                        }
                    }
                }
            } catch (IOException | RuntimeException e) {
                failed++;
                say("bench:   cold start " + (i + 1) + " failed: " + e);
            }
            Thread.sleep(300);
        }
        Report.Peer p = new Report.Peer(server, how, null, windows, Stats.of(listening), Stats.of(token), failed);
        say("bench:   cold start: listening " + p.listening().format("%.0f") + " ms, first token "
                + p.firstToken().format("%.0f") + " ms" + (failed == 0 ? "" : ", " + failed + " failed"));
        return p;
    }

    /** The README's command as a process: "java" is this JVM's, existing relative paths are the checkout's. */
    private List<String> readmeCommandLine() {
        List<String> cmd = new ArrayList<>();
        for (String w : readmeCommand) {
            if (cmd.isEmpty() && w.equals("java")) {
                cmd.add(javaBin);
            } else if (!w.startsWith("-") && w.contains("/") && Files.exists(root.resolve(w))) {
                cmd.add(root.resolve(w).toString());
            } else {
                cmd.add(w);
            }
        }
        if (!cmd.get(0).equals(javaBin) && !Files.isExecutable(Path.of(cmd.get(0)))) {
            cmd.add(0, "bash"); // a launcher script checked out without its executable bit
        }
        cmd.addAll(List.of("--port", "0", "--auto-login"));
        return cmd;
    }

    /**
     * navikt's JVM flags, by the same policy as this mock's: those the README command gives {@code java} when it
     * runs {@code java} itself (none for a plain {@code java -jar}); the launcher's flags ({@code bench.jvmArgs},
     * which the report checks against the launcher) when the README command is a script.
     */
    private List<String> naviktFlags() {
        if (!readmeCommand.get(0).equals("java")) {
            return jvmArgs;
        }
        List<String> flags = new ArrayList<>();
        for (String w : readmeCommand.subList(1, readmeCommand.size())) {
            if (w.equals("-jar") || w.equals("-cp") || !w.startsWith("-")) {
                break;
            }
            flags.add(w);
        }
        return flags;
    }

    private Running navikt(Path lib, String name) throws Exception {
        int port;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1,
                java.net.InetAddress.getByName("127.0.0.1"))) {
            port = probe.getLocalPort();
        }
        List<String> cmd = new ArrayList<>(List.of(javaBin));
        cmd.addAll(naviktFlags());
        cmd.addAll(List.of("-cp", lib.resolve("*").toString(), NAVIKT_MAIN));
        Proc proc = Proc.start(cmd, Map.of("JSON_CONFIG", "{\"interactiveLogin\":false,\"httpServer\":\"NettyWrapper\"}",
                "SERVER_HOSTNAME", "127.0.0.1", "SERVER_PORT", Integer.toString(port)), raw.resolve(name + ".log"));
        // it prints nothing (no logging back end on its class path): listening is the first accepted connection
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < deadline && proc.process.isAlive()) {
            try (java.net.Socket s = new java.net.Socket()) {
                s.connect(new java.net.InetSocketAddress("127.0.0.1", port), 1_000);
                return new Running(proc, Flows.Target.peer(Flows.Dialect.NAVIKT, port, "/default"), System.nanoTime());
            } catch (IOException notYet) {
                Thread.sleep(2);
            }
        }
        proc.close();
        throw new IllegalStateException("navikt's mock-oauth2-server did not listen on port " + port + " within 120 s; see "
                + raw.resolve(name + ".log") + "(.err)");
    }

    private Running axa(Path dir, String name) throws Exception {
        Proc proc = Proc.start(List.of("node", dir.resolve("start.mjs").toString()), raw.resolve(name + ".log"));
        for (Proc.Line l = proc.next(60_000); l != null; l = proc.next(60_000)) {
            if (l.text().startsWith("issuer_url=")) {
                int port = java.net.URI.create(l.text().substring("issuer_url=".length()).trim()).getPort();
                return new Running(proc, Flows.Target.peer(Flows.Dialect.AXA, port, ""), l.nanos());
            }
        }
        proc.close();
        throw new IllegalStateException("axa's oauth2-mock-server printed no issuer_url= within 60 s; see "
                + raw.resolve(name + ".log") + "(.err)");
    }

    /**
     * Installs axa's oauth2-mock-server from the npm registry into {@code dir} ({@code npm install --prefix}) with
     * the start script beside it. Answers the installed version, the Node version, and why it is left out (or null).
     */
    private String[] installAxa(Path dir) throws Exception {
        String node = "Node " + firstLine(List.of("node", "--version"), "?");
        Files.createDirectories(dir);
        Files.copy(peersSources.resolve("axa-start.mjs"), dir.resolve("start.mjs"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        List<String> cmd = List.of("npm", "install", "--prefix", dir.toString(), "--no-audit", "--no-fund",
                "--loglevel=error", "oauth2-mock-server@" + AXA_VERSION);
        say("bench: " + String.join(" ", cmd));
        Path log = raw.resolve("npm-install.log");
        int rc;
        try (Proc p = Proc.start(cmd, log)) {
            p.drain(600_000);
            rc = p.process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS) ? p.process.exitValue() : -1;
        } catch (UncheckedIOException e) {
            return new String[] {AXA_VERSION, node, "npm is not available (" + e.getCause().getMessage() + ")"};
        }
        Path pkg = dir.resolve("node_modules/oauth2-mock-server/package.json");
        if (rc != 0 || !Files.isRegularFile(pkg)) {
            return new String[] {AXA_VERSION, node, "`npm install` failed (exit " + rc + "; see " + log + ".err)"};
        }
        Matcher v = Pattern.compile("\"version\"\\s*:\\s*\"([^\"]+)\"").matcher(Files.readString(pkg));
        return new String[] {v.find() ? v.group(1) : AXA_VERSION, node, null};
    }

    private static String firstLine(List<String> cmd, String otherwise) {
        try (Proc p = Proc.start(cmd, null)) {
            List<String> lines = p.drain(30_000);
            return lines.isEmpty() ? otherwise : lines.get(0).trim();
        } catch (UncheckedIOException | InterruptedException e) {
            return otherwise;
        }
    }

    // ---------------------------------------------------------------------------------------------- in-process

    /** In-process start and reset, per-iteration medians of the sampled times, in milliseconds. */
    record InProcess(Stats startMillis, Stats resetMillis, String note) {
    }

    private InProcess inProcess() {
        String start = "dev.ekoolkit.mock.bench.InProcessBenchmarks.start";
        String reset = "dev.ekoolkit.mock.bench.InProcessBenchmarks.reset";
        try {
            Class.forName("dev.ekoolkit.mock.bench.InProcessBenchmarks");
        } catch (ClassNotFoundException e) {
            return new InProcess(Stats.of(), Stats.of(), "InProcessBenchmarks not compiled");
        }
        say("bench: in-process start and reset (JMH, sample time)");
        try {
            Stats s = sampledMedian(start, "start");
            Stats r = sampledMedian(reset, "reset");
            say("bench:   start " + s.format("%.2f") + " ms, reset " + r.format("%.3f") + " ms");
            return new InProcess(s, r, null);
        } catch (RunnerException e) {
            return new InProcess(Stats.of(), Stats.of(), "JMH failed: " + e.getMessage());
        }
    }

    private Stats sampledMedian(String include, String name) throws RunnerException {
        Collection<RunResult> r = new Runner(jmh(include, name)
                .forks(quick ? 1 : 2)
                .warmupIterations(quick ? 2 : 5).warmupTime(TimeValue.seconds(1))
                .measurementIterations(quick ? 3 : 5).measurementTime(TimeValue.seconds(1))
                .build()).run();
        // SampleTime in ms: per iteration, the median of that iteration's samples
        return Stats.of(iterationScores(r, IterationResult::getPrimaryResult,
                x -> x.getStatistics().getPercentile(50)));
    }

    // ---------------------------------------------------------------------------------------------- memory

    /** RSS (now and peak) and heap after a full GC, in MB, at one moment of the memory run. */
    record MemSample(String when, double rssMb, double hwmMb, double heapAfterGcMb, double rssAfterGcMb) {
    }

    /** The memory run. */
    record Memory(List<MemSample> samples, long requests, double seconds, long errors, String firstError) {
    }

    private Memory memory() throws Exception {
        long warm = quick ? 20_000 : 200_000;
        long big = quick ? 100_000 : 1_000_000;
        say("bench: memory (fresh mock JVM; idle, after " + warm + " mixed requests, after " + big + " more)");
        try (Mock mock = new Mock(mockMain == null, "mock-memory")) {
            List<MemSample> samples = new ArrayList<>();
            Thread.sleep(2_000);
            long pid = javaPid(mock.proc.pid());
            samples.add(memSample("idle after start", pid));
            String[] warmRun = mixed(mock, warm);
            samples.add(memSample("after warm-up (" + warm + " requests)", pid));
            String[] bigRun = mixed(mock, big);
            samples.add(memSample("after " + big + " more requests", pid));
            long errors = Long.parseLong(warmRun[1]) + Long.parseLong(bigRun[1]);
            for (MemSample s : samples) {
                say(String.format(Locale.ROOT, "bench:   %-36s RSS %.0f MB (peak %.0f), heap after GC %.1f MB",
                        s.when(), s.rssMb(), s.hwmMb(), s.heapAfterGcMb()));
            }
            return new Memory(samples, Long.parseLong(bigRun[0]), Double.parseDouble(bigRun[2]), errors,
                    bigRun[3] != null ? bigRun[3] : warmRun[3]);
        }
    }

    private String[] mixed(Mock mock, long requests) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(javaBin));
        cmd.addAll(GENERATOR_FLAGS);
        cmd.addAll(List.of("-cp", classpath, LoadGenerator.class.getName(), "scenario=mixed", "concurrency=8",
                "requests=" + requests, "target=" + mock.target.encoded()));
        try (Proc gen = Proc.start(cmd, raw.resolve("gen-mixed-" + requests + ".txt"))) {
            for (String line : gen.drain(3_600_000)) {
                Matcher m = Pattern.compile("done ops=(\\d+) errors=(\\d+) seconds=([\\d.]+)(?: firstError=(.*))?")
                        .matcher(line);
                if (m.find()) {
                    return new String[] {m.group(1), m.group(2), m.group(3), m.group(4)};
                }
            }
        }
        throw new IllegalStateException("the mixed load run printed no result; see " + raw);
    }

    /** The JVM's pid: the launcher execs java, except on the run that records its archive, where java is its child. */
    private static long javaPid(long pid) throws IOException {
        String comm = Files.readString(Path.of("/proc", Long.toString(pid), "comm")).trim();
        if (comm.equals("java")) {
            return pid;
        }
        String children = Files.readString(Path.of("/proc", Long.toString(pid), "task", Long.toString(pid), "children"))
                .trim();
        return children.isEmpty() ? pid : Long.parseLong(children.split("\\s+")[0]);
    }

    private MemSample memSample(String when, long pid) throws Exception {
        Map<String, Double> before = procStatus(pid);
        jcmd(pid, "GC.run");
        double heap = heapUsedMb(jcmd(pid, "GC.heap_info"));
        Map<String, Double> after = procStatus(pid);
        return new MemSample(when, before.get("VmRSS"), after.get("VmHWM"), heap, after.get("VmRSS"));
    }

    private static Map<String, Double> procStatus(long pid) throws IOException {
        Map<String, Double> m = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            Matcher x = Pattern.compile("^(Vm\\w+):\\s+(\\d+) kB").matcher(line);
            if (x.find()) {
                m.put(x.group(1), Long.parseLong(x.group(2)) / 1024.0);
            }
        }
        return m;
    }

    private String jcmd(long pid, String command) throws Exception {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        try (Proc p = Proc.start(List.of(jcmd.toString(), Long.toString(pid), command), null)) {
            String text = String.join("\n", p.drain(120_000));
            Files.writeString(raw.resolve("jcmd-" + (++rawCounter) + "-" + command + ".txt"), text);
            return text;
        }
    }

    /** The heap's used size from GC.heap_info: G1's one heap line, or the sum of the generations. */
    static double heapUsedMb(String heapInfo) {
        double kb = 0;
        boolean found = false;
        for (String line : heapInfo.split("\n")) {
            if (line.contains("Metaspace") || line.contains("class space")) {
                continue;
            }
            Matcher m = Pattern.compile("^\\s*(garbage-first heap|\\S.*?(generation|Gen))\\s+total \\d+K, used (\\d+)K")
                    .matcher(line);
            if (m.find()) {
                kb += Long.parseLong(m.group(3));
                found = true;
                if (m.group(1).startsWith("garbage-first")) {
                    break;
                }
            }
        }
        return found ? kb / 1024 : Double.NaN;
    }

    // ---------------------------------------------------------------------------------------------- report

    private String report(String command, String started, String loadBefore, String loadAfter, Stats signing,
                          Map<Integer, Window> ceiling, Map<String, Map<Integer, Window>> mock, ColdStart cold,
                          ColdStart cds, InProcess inProcess, Memory memory, List<Report.Peer> peers)
            throws IOException {
        StringBuilder b = new StringBuilder();
        String jvmFlags = jvmArgs.isEmpty() ? "none (plain `java -jar`)" : "`" + String.join(" ", jvmArgs) + "`";
        b.append("Run of ").append(started).append(quick ? " — **quick mode** (short windows, not for the record)" : "")
                .append("\n\n");
        b.append("| | |\n|---|---|\n");
        b.append("| command | `").append(command).append("` |\n");
        b.append("| CPU | ").append(cpuModel()).append(", ").append(Runtime.getRuntime().availableProcessors())
                .append(" cores |\n");
        b.append("| RAM | ").append(memTotal()).append(" |\n");
        b.append("| OS | ").append(osName()).append(" |\n");
        b.append("| JVM | ").append(System.getProperty("java.vm.name")).append(' ')
                .append(System.getProperty("java.runtime.version")).append(" |\n");
        b.append("| JVM flags | mock: those of `bin/ekool-mock`; HTTP ceiling and JMH forks: ").append(jvmFlags)
                .append(launcherFlagsNote()).append(" |\n");
        b.append("| load generator | `LoadGenerator`, own JVM (`").append(String.join(" ", GENERATOR_FLAGS))
                .append("`), one thread + one keep-alive HTTP/1.1 connection per virtual user; shares the cores "
                        + "with the server; raw socket driver, and for the peers also the JDK HttpClient (one client "
                        + "per virtual user) |\n");
        b.append("| load average (1/5/15 min) | before ").append(loadBefore).append(", after ").append(loadAfter)
                .append(" |\n");
        b.append("| jar | `").append(jar.getFileName()).append("` (").append(Files.isRegularFile(jar) ? Files.size(jar) / 1024 : 0).append(" KiB)")
                .append(mockMain == null ? "" : ", **not used: mock run from the class path (" + mockMain + ")**")
                .append(" |\n\n");

        double httpPeak = peak(ceiling);
        b.append("### Targets\n\n| target | measured | goal | verdict |\n|---|---|---|---|\n");
        if (mock.containsKey("basic") && !ceiling.isEmpty()) {
            double basic = peak(mock.get("basic"));
            target(b, "`/user/me/basic` vs HTTP ceiling", pct(basic, httpPeak),
                    String.format(Locale.ROOT, "%.0f of %.0f req/s", basic, httpPeak), "≥ 60 %", basic / httpPeak >= 0.6,
                    Report.errors(mock.get("basic").values()) + Report.errors(ceiling.values()));
        }
        if (mock.containsKey("refresh") && signing != null) {
            double refresh = peak(mock.get("refresh"));
            target(b, "refresh grant vs signing ceiling", pct(refresh, signing.median()),
                    String.format(Locale.ROOT, "%.0f of %.0f /s", refresh, signing.median()), "≥ 70 %",
                    refresh / signing.median() >= 0.7, Report.errors(mock.get("refresh").values()));
        }
        if (mock.containsKey("login") && signing != null && !ceiling.isEmpty()) {
            double login = peak(mock.get("login"));
            double ref = Math.min(httpPeak / 2, signing.median());
            target(b, "full login vs min(HTTP ceiling / 2, signing ceiling)", pct(login, ref),
                    String.format(Locale.ROOT, "%.0f of %.0f logins/s", login, ref), "≥ 50 %", login / ref >= 0.5,
                    Report.errors(mock.get("login").values()) + Report.errors(ceiling.values()));
        }
        if (cold != null) {
            target(b, "cold start, `java -jar` to the first token (median)",
                    String.format(Locale.ROOT, "%.0f ms", cold.firstTokenMillis().median()), "", "≤ 300 ms",
                    cold.firstTokenMillis().median() <= 300);
        }
        if (cds != null) {
            target(b, "cold start, `bin/ekool-mock` launcher (AppCDS) to the first token (median)",
                    String.format(Locale.ROOT, "%.0f ms", cds.firstTokenMillis().median()), "", "≤ 300 ms",
                    cds.firstTokenMillis().median() <= 300);
        }
        if (inProcess != null && inProcess.startMillis().n() > 0) {
            target(b, "in-process start (median)", String.format(Locale.ROOT, "%.2f ms",
                    inProcess.startMillis().median()), "", "≤ 20 ms", inProcess.startMillis().median() <= 20);
            target(b, "shared-server `reset()` (median)", String.format(Locale.ROOT, "%.3f ms",
                    inProcess.resetMillis().median()), "", "≤ 1 ms", inProcess.resetMillis().median() <= 1);
        }
        if (memory != null && memory.samples().size() == 3) {
            MemSample warm = memory.samples().get(1);
            MemSample end = memory.samples().get(2);
            double growth = (end.heapAfterGcMb() - warm.heapAfterGcMb()) / warm.heapAfterGcMb();
            target(b, "heap after GC, after the long run vs after warm-up",
                    String.format(Locale.ROOT, "%+.1f %%", growth * 100),
                    String.format(Locale.ROOT, "%.1f → %.1f MB", warm.heapAfterGcMb(), end.heapAfterGcMb()),
                    "grows ≤ 10 %", growth <= 0.10, memory.errors() + (memory.errors() == 0 && memory.firstError() != null ? 1 : 0));
            double peakRss = memory.samples().stream().mapToDouble(MemSample::hwmMb).max().orElse(Double.NaN);
            target(b, "peak RSS (VmHWM) over the memory run", String.format(Locale.ROOT, "%.0f MB", peakRss), "",
                    "≤ 256 MB", peakRss <= 256, memory.errors() + (memory.errors() == 0 && memory.firstError() != null ? 1 : 0));
        }

        b.append("\n### Ceilings\n\n| ceiling | figure |\n|---|---|\n");
        if (signing != null) {
            b.append("| RS256 signatures/s (Nimbus JOSE, 2048-bit, ")
                    .append(Runtime.getRuntime().availableProcessors()).append(" threads, JMH) | ")
                    .append(signing.format("%.0f")).append(" |\n");
        }
        for (Map.Entry<Integer, Window> e : ceiling.entrySet()) {
            b.append("| HTTP: trivial Javalin handler, c=").append(e.getKey()).append(" | ")
                    .append(e.getValue().opsPerSecond().format("%.0f")).append(" req/s, p50 ")
                    .append(e.getValue().p50Micros().format("%.0f")).append(" µs, p99 ")
                    .append(e.getValue().p99Micros().format("%.0f")).append(" µs |\n");
        }

        if (!mock.isEmpty()) {
            b.append("\n### Throughput and latency (median of the windows, min–max)\n\n")
                    .append("| scenario | c | ops/s | vs ceiling | p50 µs | p99 µs | errors |\n")
                    .append("|---|---|---|---|---|---|---|\n");
            Map<String, String> names = Map.of("basic", "`GET /user/me/basic`", "refresh",
                    "refresh grant (rotating)", "login", "full login (authorize → code → token)");
            for (Map.Entry<String, Map<Integer, Window>> s : mock.entrySet()) {
                for (Map.Entry<Integer, Window> e : s.getValue().entrySet()) {
                    Window w = e.getValue();
                    String vs = "";
                    if (s.getKey().equals("basic") && ceiling.containsKey(e.getKey())) {
                        vs = pct(w.opsPerSecond().median(), ceiling.get(e.getKey()).opsPerSecond().median())
                                + " of HTTP";
                    } else if (s.getKey().equals("refresh") && signing != null) {
                        vs = pct(w.opsPerSecond().median(), signing.median()) + " of signing";
                    } else if (s.getKey().equals("login") && signing != null && !ceiling.isEmpty()) {
                        vs = pct(w.opsPerSecond().median(), Math.min(httpPeak / 2, signing.median())) + " of ref.";
                    }
                    b.append("| ").append(names.get(s.getKey())).append(" | ").append(e.getKey()).append(" | ")
                            .append(w.opsPerSecond().format("%.0f")).append(" | ").append(vs).append(" | ")
                            .append(w.p50Micros().format("%.0f")).append(" | ").append(w.p99Micros().format("%.0f"))
                            .append(" | ").append(w.errors() == 0 && w.firstError() == null ? "0"
                                    : w.errors() + " (" + w.firstError() + ")").append(" |\n");
                }
            }
        }

        if (cold != null || cds != null) {
            b.append("\n### Cold start (fresh JVMs, median (min–max) in ms)\n\n")
                    .append("| command | runs | to `login_url=` printed (listening) | to the first token response "
                            + "| run not counted |\n")
                    .append("|---|---|---|---|---|\n");
            for (ColdStart c : new ColdStart[] {cold, cds}) {
                if (c != null) {
                    b.append(Report.coldStartRow(c));
                }
            }
        }

        if (inProcess != null) {
            b.append("\n### In-process (JMH sample time; median of per-iteration medians, min–max)\n\n");
            if (inProcess.note() != null) {
                b.append("Not measured: ").append(inProcess.note()).append("\n");
            } else {
                b.append("| operation | ms |\n|---|---|\n")
                        .append("| `EkoolMockServer.builder().port(0)…build().start()` in a warm JVM | ")
                        .append(inProcess.startMillis().format("%.2f")).append(" |\n")
                        .append("| `reset()` of a started server holding two token pairs, a queued fault and a login choice | ")
                        .append(inProcess.resetMillis().format("%.3f")).append(" |\n");
            }
        }

        if (memory != null) {
            b.append("\n### Memory (fresh mock JVM; mixed load at c=8: authorize, code grant, 6 × basic, refresh, basic)")
                    .append("\n\n| when | RSS MB | peak RSS (VmHWM) MB | heap used after full GC MB | RSS after GC MB |\n")
                    .append("|---|---|---|---|---|\n");
            for (MemSample s : memory.samples()) {
                b.append(String.format(Locale.ROOT, "| %s | %.0f | %.0f | %.1f | %.0f |%n", s.when(), s.rssMb(),
                        s.hwmMb(), s.heapAfterGcMb(), s.rssAfterGcMb()));
            }
            b.append(String.format(Locale.ROOT, "%nLong run: %d requests in %.0f s (%.0f req/s), %d errors%s.%n",
                    memory.requests(), memory.seconds(), memory.requests() / memory.seconds(), memory.errors(),
                    memory.firstError() == null ? "" : " (first: " + memory.firstError() + ")"));
        }
        if (peers != null) {
            b.append("\n### The peers, side by side (one run; median of the windows, min–max)\n\n")
                    .append(Report.peers(peers));
        }
        return b.toString();
    }

    /** Checks that the ceiling's flags are the launcher's, so that mock and ceiling run alike. */
    private String launcherFlagsNote() {
        try {
            String script = Files.readString(launcher);
            List<String> missing = jvmArgs.stream().filter(f -> !script.contains(f)).toList();
            return missing.isEmpty() ? " (the launcher's GC and heap flags)"
                    : " — **not in the launcher: " + String.join(" ", missing) + "**";
        } catch (IOException e) {
            return " (launcher not found)";
        }
    }

    private static double peak(Map<Integer, Window> m) {
        return m.values().stream().mapToDouble(w -> w.opsPerSecond().median()).max().orElse(Double.NaN);
    }

    private static String pct(double a, double b) {
        return String.format(Locale.ROOT, "%.0f %%", 100 * a / b);
    }

    private static void target(StringBuilder b, String what, String measured, String detail, String goal, boolean met) {
        target(b, what, measured, detail, goal, met, 0);
    }

    /** A target row; a figure behind which any request failed is never "met" ({@link Report#verdict}). */
    private static void target(StringBuilder b, String what, String measured, String detail, String goal, boolean met,
                               long errors) {
        b.append("| ").append(what).append(" | ").append(measured).append(detail.isEmpty() ? "" : " (" + detail + ")")
                .append(" | ").append(goal).append(" | ").append(Report.verdict(met, errors)).append(" |\n");
    }

    private void updateDoc(String md) throws IOException {
        String text = Files.readString(doc);
        String begin = "<!-- bench:begin -->";
        String end = "<!-- bench:end -->";
        // the markers on lines of their own (the page also names them in its text)
        int i = text.indexOf("\n" + begin + "\n") + 1;
        int j = text.indexOf("\n" + end, i) + 1;
        if (i <= 0 || j <= i) {
            throw new IllegalStateException(doc + " has no " + begin + " … " + end + " block");
        }
        Files.writeString(doc, text.substring(0, i + begin.length()) + "\n" + md + text.substring(j));
    }

    // ---------------------------------------------------------------------------------------------- machine

    private static String cpuModel() {
        return procLine("/proc/cpuinfo", "model name").orElse(System.getProperty("os.arch"));
    }

    private static String memTotal() {
        return procLine("/proc/meminfo", "MemTotal").map(v -> {
            long kb = Long.parseLong(v.replaceAll("\\D", ""));
            return String.format(Locale.ROOT, "%.1f GiB", kb / 1024.0 / 1024.0);
        }).orElse("?");
    }

    private static String osName() {
        String pretty = procLine("/etc/os-release", "PRETTY_NAME").map(s -> s.replace("\"", "")).orElse("Linux");
        try {
            return pretty + ", kernel " + Files.readString(Path.of("/proc/sys/kernel/osrelease")).trim();
        } catch (IOException e) {
            return pretty;
        }
    }

    private static Optional<String> procLine(String file, String key) {
        try {
            for (String line : Files.readAllLines(Path.of(file))) {
                if (line.startsWith(key)) {
                    int sep = line.indexOf(line.contains(":") ? ':' : '=');
                    return Optional.of(line.substring(sep + 1).trim());
                }
            }
        } catch (IOException e) {
            // not Linux
        }
        return Optional.empty();
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return String.join(" / ", Arrays.copyOf(f, 3));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void say(String s) {
        System.out.println(s);
        System.out.flush();
        log.append(s).append('\n');
    }
}
