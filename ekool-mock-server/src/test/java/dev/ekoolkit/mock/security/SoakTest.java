package dev.ekoolkit.mock.security;

import dev.ekoolkit.mock.EkoolMockServer;
import dev.ekoolkit.mock.config.MockConfig;
import dev.ekoolkit.mock.security.BadRequests.Req;
import dev.ekoolkit.mock.support.TestHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The long soak (issue 6, item 7), run only with {@code ./mvnw -pl ekool-mock-server -am verify -Psoak}: a
 * million mixed requests (whole flows, refreshes, profile reads, discovery, health, generated bad input, admin
 * reads) from several keep-alive clients while faults and delays are injected through the admin API. Afterwards
 * the heap is back near its post-warm-up level, threads and file descriptors have not grown, and every 5xx was
 * an injected fault. The stores are bounded low so that warm-up fills them and a leak would show.
 */
@EnabledIfSystemProperty(named = "ekool.soak", matches = "true")
class SoakTest {

    private static final long REQUESTS = Long.getLong("ekool.soak.requests", 1_000_000L);
    private static final int CLIENTS = Integer.getInteger("ekool.soak.clients", 4);
    private static final String FAULT_TEXT = "soak fault";

    private final LongAdder sent = new LongAdder();
    private final AtomicLong remaining = new AtomicLong();
    private final LongAdder faultsQueued = new LongAdder();
    private final LongAdder faultsSeen = new LongAdder();
    private final LongAdder flows = new LongAdder();
    private final LongAdder badInputs = new LongAdder();
    private final Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
    private final List<String> unexpected = java.util.Collections.synchronizedList(new ArrayList<>());

    @Test
    void a_million_mixed_requests_with_faults_leave_heap_threads_and_descriptors_where_warm_up_left_them() throws Exception {
        MockConfig config = MockConfig.defaults().withLimits(new MockConfig.Limits(2_000, 2_000, 2_000, 1_000));
        try (EkoolMockServer server = EkoolMockServer.builder().autoLogin("mari").config(config).build().start()) {
            long warmUp = Math.max(20_000, REQUESTS / 20);
            drive(server, warmUp, 1);
            long heapWarm = settledHeap();
            int threadsWarm = ManagementFactory.getThreadMXBean().getThreadCount();
            int fdsWarm = openFileDescriptors();
            long start = System.nanoTime();
            long before = sent.sum();

            drive(server, REQUESTS, 2);

            long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start));
            long heapAfter = settledHeap();
            int threadsAfter = ManagementFactory.getThreadMXBean().getThreadCount();
            int fdsAfter = openFileDescriptors();
            long journal5xx = server.requests().stream().filter(r -> r.status() >= 500).count();
            String summary = "[security] soak requests=" + (sent.sum() - before) + " warm-up=" + before + " clients=" + CLIENTS
                    + " seconds=" + seconds + " flows=" + flows.sum() + " bad-inputs=" + badInputs.sum()
                    + " faults-queued=" + faultsQueued.sum() + " faults-seen=" + faultsSeen.sum()
                    + " statuses=" + new java.util.TreeMap<>(statuses) + " heap-MiB warm=" + heapWarm / 1_048_576
                    + " after=" + heapAfter / 1_048_576 + " threads warm=" + threadsWarm + " after=" + threadsAfter
                    + " fds warm=" + fdsWarm + " after=" + fdsAfter + " unexpected=" + unexpected.size();
            System.out.println(summary);
            Fuzzing.note(summary);

            assertThat(unexpected).as("answers that were neither right nor an injected fault").isEmpty();
            assertThat(faultsSeen.sum()).isPositive().isLessThanOrEqualTo(faultsQueued.sum());
            assertThat(journal5xx).as("5xx in the journal, each an injected fault").isLessThanOrEqualTo(faultsQueued.sum());
            assertThat(heapAfter).as("heap after vs after warm-up").isLessThan(heapWarm + Math.max(heapWarm / 2, 32L << 20));
            assertThat(threadsAfter).as("threads").isLessThanOrEqualTo(threadsWarm + 4);
            if (fdsWarm >= 0) {
                assertThat(fdsAfter).as("open file descriptors").isLessThanOrEqualTo(fdsWarm + 8);
            }
            assertThat(TestHttp.get(server.url("/health")).statusCode()).isEqualTo(200);
        }
    }

    private void drive(EkoolMockServer server, long total, long seedOffset) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        remaining.set(total);
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            long seed = Fuzzing.SEED * 31 + c * 7 + seedOffset;
            running.add(pool.submit(() -> client(server, seed)));
        }
        try {
            for (Future<?> f : running) {
                f.get(4, TimeUnit.HOURS);
            }
        } finally {
            remaining.set(0); // one client failing stops the others
            pool.shutdown();
        }
    }

    private Object client(EkoolMockServer server, long seed) {
        BadRequests gen = new BadRequests(seed);
        Random rnd = gen.random();
        try (RawHttp h = new RawHttp("127.0.0.1", server.port(), 30_000)) {
            // stops when the shared budget of requests is spent
            String host = h.authority();
            long i = 0;
            while (remaining.get() > 0) {
                i++;
                int pick = rnd.nextInt(100);
                if (i % 500 == 0) {
                    queueFault(h, host, rnd);
                } else if (pick < 40) {
                    flow(h, host);
                } else if (pick < 60) {
                    Req r = rnd.nextBoolean() ? badAuthorize(gen) : badToken(gen);
                    badInputs.increment();
                    check(h.send(r.bytes(host)), false, "bad input " + r.kinds);
                    if (r.close) {
                        h.close();
                    }
                } else if (pick < 75) {
                    check(h.send("GET /health HTTP/1.1\r\nHost: " + host + "\r\n\r\n"), true, "health");
                } else if (pick < 85) {
                    check(h.send("GET " + (rnd.nextBoolean() ? "/oauth/jwks.json" : "/.well-known/oauth-authorization-server")
                            + " HTTP/1.1\r\nHost: " + host + "\r\n\r\n"), true, "discovery");
                } else if (pick < 95) {
                    check(h.send("GET /user/me/basic HTTP/1.1\r\nHost: " + host + "\r\nAuthorization: Bearer x.y.z\r\n\r\n"),
                            false, "bad bearer");
                } else {
                    // The journal (up to 1,000 requests) is a large answer; read it now and then, the clients often.
                    check(h.send("GET /__admin/" + (i % 50 == 0 ? "requests" : "clients") + " HTTP/1.1\r\nHost: " + host
                            + "\r\n\r\n"), true, "admin read");
                }
            }
        }
        return null;
    }

    private void flow(RawHttp h, String host) {
        flows.increment();
        String redirect = BadRequests.enc(MockConfig.DEMO_REDIRECT_URI);
        RawHttp.Response auth = h.send("GET /oauth/authorize?response_type=code&client_id=" + MockConfig.DEMO_CLIENT_ID
                + "&redirect_uri=" + redirect + "&scope=users-basic&state=soak HTTP/1.1\r\nHost: " + host + "\r\n\r\n");
        if (!check(auth, true, "authorize")) {
            return;
        }
        String location = auth.header("Location");
        int at = location.indexOf("code=");
        if (at < 0) {
            unexpected.add("authorize without a code: " + auth);
            return;
        }
        String code = location.substring(at + 5, location.indexOf('&', at));
        RawHttp.Response token = h.send(post(host, "grant_type=authorization_code&code=" + code + "&redirect_uri=" + redirect));
        if (!check(token, true, "token")) {
            return;
        }
        String body = token.bodyText();
        String access = field(body, "access_token");
        String refresh = field(body, "refresh_token");
        if (!check(h.send("GET /user/me/basic HTTP/1.1\r\nHost: " + host + "\r\nAuthorization: Bearer " + access + "\r\n\r\n"),
                true, "profile")) {
            return;
        }
        RawHttp.Response rotated = h.send(post(host, "grant_type=refresh_token&refresh_token=" + BadRequests.enc(refresh)));
        if (!check(rotated, true, "refresh")) {
            return;
        }
        check(h.send(post(host, "grant_type=refresh_token&refresh_token=" + BadRequests.enc(refresh))), false, "replayed refresh");
    }

    private void queueFault(RawHttp h, String host, Random rnd) {
        String endpoint = new String[] {"token", "user_basic", "health"}[rnd.nextInt(3)];
        String json = switch (rnd.nextInt(3)) {
            case 0 -> "{\"endpoint\":\"" + endpoint + "\",\"status\":" + (rnd.nextBoolean() ? 503 : 500) + "}";
            case 1 -> "{\"endpoint\":\"" + endpoint + "\",\"error\":\"temporarily_unavailable\",\"error_description\":\""
                    + FAULT_TEXT + "\",\"status\":503}";
            default -> "{\"endpoint\":\"" + endpoint + "\",\"delay_ms\":" + rnd.nextInt(5) + "}";
        };
        RawHttp.Response r = h.send("POST /__admin/faults HTTP/1.1\r\nHost: " + host + "\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + json.length() + "\r\n\r\n" + json);
        sent.increment();
        remaining.decrementAndGet();
        count(r.status());
        if (r.status() != 204) {
            unexpected.add("queueing a fault: " + r);
        } else if (!json.contains("delay_ms")) {
            faultsQueued.increment();
        }
    }

    /** Counts an answer; {@code true} when it succeeded, {@code false} for an expected refusal or an injected fault. */
    private boolean check(RawHttp.Response r, boolean mustSucceed, String what) {
        sent.increment();
        remaining.decrementAndGet();
        count(r.status());
        String body = r.bodyText();
        boolean injected = body.contains("fault injected by the eKool mock") || body.contains(FAULT_TEXT);
        if (injected) {
            faultsSeen.increment();
            return false;
        }
        if (r.status() >= 500) {
            unexpected.add(what + ": " + r);
            return false;
        }
        if (mustSucceed && r.status() >= 400) {
            unexpected.add(what + " failed: " + r);
            return false;
        }
        if (!mustSucceed && r.status() < 300 && !what.startsWith("bad input")) {
            unexpected.add(what + " succeeded: " + r);
        }
        return r.status() < 400;
    }

    private void count(int status) {
        statuses.computeIfAbsent(status, s -> new LongAdder()).increment();
    }

    private static String post(String host, String form) {
        return "POST /oauth/token HTTP/1.1\r\nHost: " + host + "\r\nAuthorization: "
                + TestHttp.basic(MockConfig.DEMO_CLIENT_ID, MockConfig.DEMO_CLIENT_SECRET)
                + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " + form.length() + "\r\n\r\n" + form;
    }

    private static Req badAuthorize(BadRequests gen) {
        Req r = new Req("GET", "/oauth/authorize");
        r.query.addAll(List.of(BadRequests.pair("response_type", "code"), BadRequests.pair("client_id", MockConfig.DEMO_CLIENT_ID),
                BadRequests.pair("redirect_uri", MockConfig.DEMO_REDIRECT_URI), BadRequests.pair("scope", "users-basic")));
        gen.mutate(r, true, false, List.of("response_type", "client_id", "redirect_uri", "scope", "state"));
        return r;
    }

    private static Req badToken(BadRequests gen) {
        Req r = new Req("POST", "/oauth/token");
        r.contentType = "application/x-www-form-urlencoded";
        r.headers.add("Authorization: " + TestHttp.basic(MockConfig.DEMO_CLIENT_ID, MockConfig.DEMO_CLIENT_SECRET));
        r.form.addAll(List.of(BadRequests.pair("grant_type", "authorization_code"), BadRequests.pair("code", "x")));
        gen.mutate(r, true, true, List.of("grant_type", "code", "redirect_uri", "code_verifier"));
        return r;
    }

    private static String field(String json, String name) {
        int at = json.indexOf("\"" + name + "\":\"");
        if (at < 0) {
            throw new AssertionError("no " + name + " in " + json);
        }
        int from = at + name.length() + 4;
        return json.substring(from, json.indexOf('"', from));
    }

    private static long settledHeap() throws InterruptedException {
        Runtime rt = Runtime.getRuntime();
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(200);
            best = Math.min(best, rt.totalMemory() - rt.freeMemory());
        }
        return best;
    }

    private static int openFileDescriptors() {
        String[] fds = new File("/proc/self/fd").list();
        return fds == null ? -1 : fds.length;
    }
}
