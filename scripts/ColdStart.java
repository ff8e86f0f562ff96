import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cold starts of the mock, A/B: runs each command in turn, round after round, and measures for each fresh process
 * the wall time to its {@code authorize_url=} line (listening) and to the first token response of a login
 * (authorize with auto-login, then the code grant), and the CPU time of the whole JVM (all its threads:
 * utime + stime of {@code /proc/<pid>/stat}) read right when that response has arrived. The first round is not
 * counted; the summary gives the median (min-max) of the others. CPU time is the figure that stays meaningful
 * while other work shares the cores (docs/performance.md, "Findings").
 *
 * <pre>java scripts/ColdStart.java [--rounds N] [--threads] LABEL=COMMAND ...</pre>
 *
 * {@code --threads} also prints, per run, the CPU time of the JVM's threads at that moment, by thread name
 * (numbers in names dropped, so the compiler threads and Jetty's pool add up).
 *
 * Each COMMAND runs under {@code bash -c} in the checkout's root with {@code --port 0 --auto-login} appended, in
 * a process group of its own that is killed after the measurement, for example:
 *
 * <pre>java scripts/ColdStart.java --rounds 6 \
 *     'java17=ekool-mock-server/bin/ekool-mock' \
 *     'java25=JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 ekool-mock-server/bin/ekool-mock'</pre>
 */
public class ColdStart {

    private static final long TICKS_PER_SECOND = 100; // USER_HZ on Linux
    private static final Pattern CODE = Pattern.compile("[?&]code=([^&]+)");
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

    record Run(double listeningMillis, double tokenMillis, double cpuMillis) {
    }

    public static void main(String[] args) throws Exception {
        int rounds = 6;
        boolean threads = false;
        Map<String, String> commands = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--threads")) {
                threads = true;
            } else if (args[i].equals("--rounds")) {
                rounds = Integer.parseInt(args[++i]);
            } else {
                int eq = args[i].indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("expected LABEL=COMMAND, got " + args[i]);
                }
                commands.put(args[i].substring(0, eq), args[i].substring(eq + 1));
            }
        }
        if (commands.isEmpty()) {
            System.err.println("usage: java scripts/ColdStart.java [--rounds N] LABEL=COMMAND ...");
            System.exit(2);
        }
        System.out.println("load average before: " + Files.readString(Path.of("/proc/loadavg")).trim());
        Map<String, List<Run>> runs = new LinkedHashMap<>();
        for (int round = 0; round < rounds; round++) {
            for (Map.Entry<String, String> c : commands.entrySet()) {
                Run r = once(c.getValue(), threads);
                System.out.printf("round %d %-12s listening %6.0f ms  first token %6.0f ms  CPU %6.0f ms%s%n", round,
                        c.getKey(), r.listeningMillis(), r.tokenMillis(), r.cpuMillis(), round == 0 ? " (not counted)" : "");
                if (round > 0) {
                    runs.computeIfAbsent(c.getKey(), k -> new ArrayList<>()).add(r);
                }
                Thread.sleep(300);
            }
        }
        System.out.println("load average after: " + Files.readString(Path.of("/proc/loadavg")).trim());
        for (Map.Entry<String, List<Run>> e : runs.entrySet()) {
            List<Run> list = e.getValue();
            System.out.printf("%-12s %d runs: CPU to first token %s ms, wall to first token %s ms, to listening %s ms%n",
                    e.getKey(), list.size(), summary(list.stream().mapToDouble(Run::cpuMillis).toArray()),
                    summary(list.stream().mapToDouble(Run::tokenMillis).toArray()),
                    summary(list.stream().mapToDouble(Run::listeningMillis).toArray()));
        }
    }

    private static Run once(String command, boolean threads) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("setsid", "bash", "-c", command + " --port 0 --auto-login")
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        long start = System.nanoTime();
        Process p = builder.start();
        try {
            Map<String, String> lines = new HashMap<>();
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = out.readLine()) != null) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    lines.put(line.substring(0, eq), line.substring(eq + 1));
                }
                if (line.startsWith("authorize_url=")) {
                    break;
                }
            }
            if (line == null) {
                throw new IllegalStateException("the command ended without printing authorize_url=: " + command);
            }
            long listening = System.nanoTime();
            String token = login(lines);
            long tokenAt = System.nanoTime();
            ProcessHandle jvm = jvm(p.toHandle());
            double cpu = cpuMillis(Path.of("/proc", Long.toString(jvm.pid()), "stat"));
            if (threads) {
                printThreads(jvm);
            }
            if (token.isEmpty()) {
                throw new IllegalStateException("no access token");
            }
            return new Run((listening - start) / 1e6, (tokenAt - start) / 1e6, cpu);
        } finally {
            p.toHandle().descendants().forEach(ProcessHandle::destroyForcibly); // a JVM in a group of its own too
            new ProcessBuilder("kill", "-KILL", "--", "-" + p.pid()).start().waitFor();
            p.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** Authorize (auto-login answers 302 with a code), then the code grant; answers the access token. */
    private static String login(Map<String, String> lines) throws IOException {
        HttpURLConnection authorize = (HttpURLConnection) URI.create(lines.get("authorize_url")).toURL().openConnection();
        authorize.setInstanceFollowRedirects(false);
        if (authorize.getResponseCode() != 302) {
            throw new IllegalStateException("authorize answered " + authorize.getResponseCode());
        }
        Matcher code = CODE.matcher(authorize.getHeaderField("Location"));
        if (!code.find()) {
            throw new IllegalStateException("no code in " + authorize.getHeaderField("Location"));
        }
        String form = "grant_type=authorization_code&code=" + code.group(1)
                + "&redirect_uri=" + URLEncoder.encode(lines.get("redirect_uri"), StandardCharsets.UTF_8)
                + "&client_id=" + lines.get("client_id") + "&client_secret=" + lines.get("client_secret");
        HttpURLConnection token = (HttpURLConnection) URI.create(lines.get("login_url") + "/oauth/token").toURL()
                .openConnection();
        token.setDoOutput(true);
        token.setRequestProperty("Content-Type", "application/x-www-form-urlencoded");
        try (OutputStream body = token.getOutputStream()) {
            body.write(form.getBytes(StandardCharsets.UTF_8));
        }
        if (token.getResponseCode() != 200) {
            throw new IllegalStateException("token endpoint answered " + token.getResponseCode());
        }
        try (InputStream in = token.getInputStream()) {
            Matcher m = ACCESS_TOKEN.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            return m.find() ? m.group(1) : "";
        }
    }

    /** The JVM among the process and its descendants (the launcher execs it, or runs it as a child). */
    private static ProcessHandle jvm(ProcessHandle root) {
        List<ProcessHandle> all = new ArrayList<>();
        all.add(root);
        root.descendants().forEach(all::add);
        for (ProcessHandle h : all) {
            if (h.info().command().map(c -> c.endsWith("/java")).orElse(false)) {
                return h;
            }
        }
        throw new IllegalStateException("no java process under " + root.pid());
    }

    private static void printThreads(ProcessHandle jvm) throws IOException {
        Map<String, Double> byName = new java.util.TreeMap<>();
        try (var tasks = Files.list(Path.of("/proc", Long.toString(jvm.pid()), "task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    String name = Files.readString(task.resolve("comm")).trim().replaceAll("[0-9]+$", "#");
                    byName.merge(name, cpuMillis(task.resolve("stat")), Double::sum);
                } catch (IOException ended) {
                    // the thread ended between the listing and the read (no such file, or no such process while
                    // reading): its CPU is in the process's total only
                }
            }
        }
        StringBuilder line = new StringBuilder("    threads:");
        byName.entrySet().stream().filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> line.append(String.format(" %s %.0f,", e.getKey(), e.getValue())));
        System.out.println(line);
    }

    private static double cpuMillis(Path statFile) throws IOException {
        String stat = Files.readString(statFile);
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime (fields 14 and 15)
        return ticks * 1000.0 / TICKS_PER_SECOND;
    }

    private static String summary(double[] values) {
        double[] v = values.clone();
        java.util.Arrays.sort(v);
        double median = v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
        return String.format("%.0f (%.0f-%.0f)", median, v[0], v[v.length - 1]);
    }
}
