package dev.ekoolkit.mock.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The load generator: a closed-loop generator run in its own JVM, one platform thread and one keep-alive
 * HTTP/1.1 connection per virtual user, through either driver ({@link Http.Driver}: the raw socket client
 * {@link HttpConnection}, or the JDK's {@code HttpClient}, one client per virtual user). After a warm-up it measures back-to-back windows; an operation
 * counts in the window in which it completes. It prints one {@code window …} line per window and a
 * {@code done …} line, which {@link BenchMain} reads.
 *
 * <p>Scenarios: {@code ceiling} (GET a path), {@code basic} (GET /user/me/basic with the user's own access
 * token), {@code refresh} (rotating refresh grant: each user keeps its own token family and always uses the
 * newest refresh token), {@code login} (authorize with auto-login, then the code grant: one operation is
 * both requests), {@code mixed} (cycles of authorize, code grant, 6 × basic, refresh grant, basic, until a
 * total number of requests is reached; counts requests).
 *
 * <p>Arguments, as {@code key=value}: scenario, concurrency, warmup (seconds), windows, window (seconds),
 * requests (mixed only), driver ({@code raw}, the default, or {@code jdk}; not for ceiling and mixed), and
 * either target (see {@link Flows.Target#encoded()}) or url (host:port/path for ceiling). Optional {@code cpu}
 * (the server's process id; Linux): for every window one {@code cpu …} line more, with the CPU time the server
 * process and this generator's own process used in it (user + system, all threads, from {@code /proc/<pid>/stat})
 * and the whole machine's busy time (from {@code /proc/stat}), each in ms. {@link BenchMain} does not pass it.
 */
public final class LoadGenerator {

    private LoadGenerator() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            a.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        String scenario = a.get("scenario");
        int concurrency = Integer.parseInt(a.getOrDefault("concurrency", "1"));
        if (scenario.equals("mixed")) {
            runMixed(Flows.Target.decode(a.get("target")), concurrency, Long.parseLong(a.get("requests")));
        } else {
            runWindows(a, scenario, concurrency);
        }
        System.out.flush();
        System.exit(0);
    }

    /** One virtual user's operation. */
    private interface Op {
        void run() throws IOException;
    }

    private static Op newUser(Map<String, String> a, String scenario) throws IOException {
        if (scenario.equals("ceiling")) {
            String url = a.get("url");
            int slash = url.indexOf('/');
            String hostPort = url.substring(0, slash);
            String path = url.substring(slash);
            int colon = hostPort.lastIndexOf(':');
            HttpConnection c = new HttpConnection(hostPort.substring(0, colon),
                    Integer.parseInt(hostPort.substring(colon + 1)));
            return () -> {
                Http.Response r = c.get(path, null);
                if (r.status() != 200 || r.body().isEmpty()) {
                    throw new Flows.Unexpected("ceiling", r);
                }
            };
        }
        Flows f = new Flows(Flows.Target.decode(a.get("target")));
        Http c = f.connect(Http.Driver.valueOf(a.getOrDefault("driver", "raw").toUpperCase(java.util.Locale.ROOT)));
        switch (scenario) {
            case "login":
                return () -> f.login(c);
            case "basic": {
                Flows.Tokens t = f.login(c);
                return () -> f.basic(c, t.access());
            }
            case "refresh": {
                Flows.Tokens[] t = {f.login(c)};
                return () -> {
                    try {
                        t[0] = f.refresh(c, t[0].refresh());
                    } catch (IOException e) {
                        t[0] = f.login(c); // keep going with a new family; the error still counts
                        throw e;
                    }
                };
            }
            default:
                throw new IllegalArgumentException("unknown scenario " + scenario);
        }
    }

    private static void runWindows(Map<String, String> a, String scenario, int concurrency) throws Exception {
        double warmup = Double.parseDouble(a.getOrDefault("warmup", "5"));
        int windows = Integer.parseInt(a.getOrDefault("windows", "5"));
        double window = Double.parseDouble(a.getOrDefault("window", "2"));

        long[][][] lat = new long[concurrency][][];
        int[][] counts = new int[concurrency][windows];
        long[][] errors = new long[concurrency][windows + 1];
        AtomicReference<String> firstError = new AtomicReference<>();
        VolatileInt phase = new VolatileInt(-1);
        CountDownLatch ready = new CountDownLatch(concurrency);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            int vu = i;
            lat[vu] = new long[windows][1024];
            Thread th = new Thread(() -> {
                Op op;
                try {
                    op = newUser(a, scenario);
                } catch (IOException | RuntimeException e) {
                    firstError.compareAndSet(null, "setup: " + e);
                    ready.countDown();
                    return;
                }
                ready.countDown();
                for (;;) {
                    int w0 = phase.get();
                    if (w0 >= windows) {
                        return;
                    }
                    long t0 = System.nanoTime();
                    boolean ok = true;
                    try {
                        op.run();
                    } catch (IOException | RuntimeException e) {
                        ok = false;
                        firstError.compareAndSet(null, e.toString());
                    }
                    long t1 = System.nanoTime();
                    int w = phase.get();
                    if (w < 0 || w >= windows) {
                        if (!ok && w < 0) {
                            errors[vu][windows]++;
                        }
                        continue;
                    }
                    if (!ok) {
                        errors[vu][w]++;
                        continue;
                    }
                    long[] l = lat[vu][w];
                    int n = counts[vu][w];
                    if (n == l.length) {
                        l = lat[vu][w] = Arrays.copyOf(l, n * 2);
                    }
                    l[n] = t1 - t0;
                    counts[vu][w] = n + 1;
                }
            }, "vu-" + vu);
            th.setDaemon(true);
            threads.add(th);
            th.start();
        }
        ready.await();
        if (firstError.get() != null && firstError.get().startsWith("setup")) {
            System.out.println("done ops=0 errors=" + concurrency + " firstError=" + oneLine(firstError.get()));
            return;
        }
        phase.set(-1);
        sleep(warmup);
        long[] marks = new long[windows + 1];
        String cpuPid = a.get("cpu");
        long[][] cpu = new long[windows + 1][];
        cpu[0] = cpuPid == null ? null : CpuTime.read(cpuPid);
        marks[0] = System.nanoTime();
        phase.set(0);
        for (int w = 0; w < windows; w++) {
            sleep(window);
            marks[w + 1] = System.nanoTime();
            phase.set(w + 1);
            cpu[w + 1] = cpuPid == null ? null : CpuTime.read(cpuPid);
        }
        for (Thread th : threads) {
            th.join(120_000);
        }
        long total = 0;
        long totalErrors = 0;
        for (int w = 0; w < windows; w++) {
            int n = 0;
            long err = 0;
            for (int vu = 0; vu < concurrency; vu++) {
                n += counts[vu][w];
                err += errors[vu][w];
            }
            long[] all = new long[n];
            int off = 0;
            for (int vu = 0; vu < concurrency; vu++) {
                System.arraycopy(lat[vu][w], 0, all, off, counts[vu][w]);
                off += counts[vu][w];
            }
            Arrays.sort(all);
            double seconds = (marks[w + 1] - marks[w]) / 1e9;
            System.out.printf(java.util.Locale.ROOT, "window %d ops=%d seconds=%.4f p50us=%.1f p99us=%.1f errors=%d%n",
                    w, n, seconds, pct(all, 0.50) / 1e3, pct(all, 0.99) / 1e3, err);
            if (cpuPid != null) {
                System.out.printf(java.util.Locale.ROOT, "cpu %d server_ms=%d driver_ms=%d machine_busy_ms=%d%n", w,
                        cpu[w + 1][0] - cpu[w][0], cpu[w + 1][1] - cpu[w][1], cpu[w + 1][2] - cpu[w][2]);
            }
            total += n;
            totalErrors += err;
        }
        long warmErrors = 0;
        for (int vu = 0; vu < concurrency; vu++) {
            warmErrors += errors[vu][windows];
        }
        System.out.println("done ops=" + total + " errors=" + totalErrors + " warmupErrors=" + warmErrors
                + (firstError.get() == null ? "" : " firstError=" + oneLine(firstError.get())));
    }

    private static void runMixed(Flows.Target target, int concurrency, long requests) throws Exception {
        AtomicLong done = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicReference<String> firstError = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int i = 0; i < concurrency; i++) {
            Thread th = new Thread(() -> {
                Flows f = new Flows(target);
                HttpConnection c = f.connect();
                while (done.get() < requests) {
                    int n = 0;
                    try {
                        Flows.Tokens t = f.login(c);
                        n += 2;
                        for (int k = 0; k < 6; k++) {
                            f.basic(c, t.access());
                            n++;
                        }
                        t = f.refresh(c, t.refresh());
                        n++;
                        f.basic(c, t.access());
                        n++;
                    } catch (IOException | RuntimeException e) {
                        errors.incrementAndGet();
                        firstError.compareAndSet(null, e.toString());
                        n++;
                    }
                    done.addAndGet(n);
                }
                c.close();
            }, "mixed-" + i);
            threads.add(th);
            th.start();
        }
        for (Thread th : threads) {
            th.join();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf(java.util.Locale.ROOT, "done ops=%d errors=%d seconds=%.2f%s%n", done.get(), errors.get(),
                seconds, firstError.get() == null ? "" : " firstError=" + oneLine(firstError.get()));
    }

    private static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s+", " ");
    }

    private static void sleep(double seconds) throws InterruptedException {
        Thread.sleep((long) (seconds * 1000));
    }

    /** A volatile int holder (the phase every virtual user reads once per operation). */
    private static final class VolatileInt {
        private volatile int v;

        VolatileInt(int v) {
            this.v = v;
        }

        int get() {
            return v;
        }

        void set(int v) {
            this.v = v;
        }
    }
}
