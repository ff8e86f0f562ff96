package dev.ekoolkit.mock.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.SignedJWT;
import dev.ekoolkit.core.scope.Scopes;
import dev.ekoolkit.mock.EkoolMockServer;
import dev.ekoolkit.mock.config.MockConfig;
import dev.ekoolkit.mock.support.Flows;
import dev.ekoolkit.mock.support.TestHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Races (RFC 6749 section 4.1.2 and 10.5, RFC 9700 section 4.14.2): many threads redeeming one code or one
 * refresh token at the same instant get exactly one success; no two tokens ever share a {@code jti}; admin
 * changes made during traffic are all kept. Each thread has its own keep-alive connection, and a latch lets all
 * of them send at once.
 */
class RaceTest {

    private static final int THREADS = 12;
    private static final int ROUNDS = 25;
    private static EkoolMockServer server;
    private static ExecutorService pool;

    @BeforeAll
    static void start() {
        server = EkoolMockServer.builder().autoLogin("mari").build().start();
        pool = Executors.newFixedThreadPool(THREADS);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        pool.shutdownNow();
        boolean ended = pool.awaitTermination(30, TimeUnit.SECONDS);
        server.close();
        assertThat(ended).as("the race threads ended within 30 s of being interrupted").isTrue();
    }

    private static String basic() {
        return "Authorization: " + TestHttp.basic(MockConfig.DEMO_CLIENT_ID, MockConfig.DEMO_CLIENT_SECRET) + "\r\n";
    }

    private static String tokenRequest(String authority, String form) {
        return "POST /oauth/token HTTP/1.1\r\nHost: " + authority + "\r\n" + basic()
                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + form.length() + "\r\n\r\n" + form;
    }

    /** Runs {@code task} on every thread at once (one connection each) and returns the statuses and bodies. */
    private static List<RawHttp.Response> together(Function<RawHttp, RawHttp.Response> task) throws Exception {
        CountDownLatch ready = new CountDownLatch(THREADS);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<RawHttp.Response>> futures = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            futures.add(pool.submit(() -> {
                try (RawHttp h = new RawHttp("127.0.0.1", server.port(), 10_000)) {
                    h.send("GET /health HTTP/1.1\r\nHost: " + h.authority() + "\r\n\r\n"); // connect first
                    ready.countDown();
                    go.await();
                    return task.apply(h);
                }
            }));
        }
        boolean connected = ready.await(60, TimeUnit.SECONDS);
        go.countDown(); // releases whoever is waiting, even on failure, so no thread hangs
        assertThat(connected).as("all %d threads connected before the race started", THREADS).isTrue();
        List<RawHttp.Response> out = new ArrayList<>();
        for (Future<RawHttp.Response> f : futures) {
            // Only a hang detector: every read of RawHttp already times out after 10 s, and a thread may send
            // hundreds of requests, so on a loaded machine a task legitimately takes minutes (20 s was too tight).
            out.add(f.get(10, TimeUnit.MINUTES));
        }
        return out;
    }

    @Test
    void exactly_one_of_many_simultaneous_exchanges_of_one_code_succeeds_in_every_round() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            String code = Flows.code(server);
            String form = "grant_type=authorization_code&code=" + code + "&redirect_uri="
                    + BadRequests.enc(MockConfig.DEMO_REDIRECT_URI);
            List<RawHttp.Response> answers = together(h -> h.send(tokenRequest(h.authority(), form)));

            assertThat(answers).filteredOn(r -> r.status() == 200).as("round %d", round).hasSize(1);
            assertThat(answers).filteredOn(r -> r.status() != 200)
                    .allSatisfy(r -> assertThat(r.bodyText()).contains("invalid_grant"));
        }
        Fuzzing.note("[security] race code-exchange rounds=" + ROUNDS + " threads=" + THREADS);
    }

    @Test
    void exactly_one_of_many_simultaneous_refreshes_of_one_token_succeeds_in_every_round() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            JsonNode t = Flows.tokens(server);
            String form = "grant_type=refresh_token&refresh_token=" + BadRequests.enc(t.path("refresh_token").asText());
            List<RawHttp.Response> answers = together(h -> h.send(tokenRequest(h.authority(), form)));

            assertThat(answers).filteredOn(r -> r.status() == 200).as("round %d", round).hasSize(1);
            assertThat(answers).filteredOn(r -> r.status() != 200)
                    .allSatisfy(r -> assertThat(r.bodyText()).contains("invalid_grant"));
        }
        Fuzzing.note("[security] race refresh rounds=" + ROUNDS + " threads=" + THREADS);
    }

    @Test
    void no_two_tokens_issued_concurrently_share_a_jti() throws Exception {
        Set<String> jtis = ConcurrentHashMap.newKeySet();
        AtomicInteger issued = new AtomicInteger();
        together(h -> {
            RawHttp.Response last = null;
            for (int i = 0; i < 40; i++) {
                String code = locationCode(h.send("GET /oauth/authorize?response_type=code&client_id=" + MockConfig.DEMO_CLIENT_ID
                        + "&redirect_uri=" + BadRequests.enc(MockConfig.DEMO_REDIRECT_URI) + "&scope=users-basic HTTP/1.1\r\nHost: "
                        + h.authority() + "\r\n\r\n"));
                last = h.send(tokenRequest(h.authority(), "grant_type=authorization_code&code=" + code + "&redirect_uri="
                        + BadRequests.enc(MockConfig.DEMO_REDIRECT_URI)));
                String access = json(last).path("access_token").asText();
                String refresh = json(last).path("refresh_token").asText();
                add(jtis, issued, access);
                RawHttp.Response rotated = h.send(tokenRequest(h.authority(), "grant_type=refresh_token&refresh_token="
                        + BadRequests.enc(refresh)));
                add(jtis, issued, json(rotated).path("access_token").asText());
                add(jtis, issued, server.issueTokens("tiina", null, Scopes.parse("users-basic")).accessToken());
            }
            return last;
        });

        assertThat(issued.get()).isEqualTo(THREADS * 40 * 3);
        assertThat(jtis).hasSize(issued.get());
        Fuzzing.note("[security] race jti-uniqueness tokens=" + issued.get() + " threads=" + THREADS);
    }

    @Test
    void admin_changes_made_during_traffic_are_all_kept() throws Exception {
        AtomicInteger n = new AtomicInteger();
        List<RawHttp.Response> answers = together(h -> {
            RawHttp.Response worst = null;
            for (int i = 0; i < 30; i++) {
                int k = n.incrementAndGet();
                String body = switch (k % 3) {
                    case 0 -> "{\"organisation\":\"School " + k + "\",\"first_name\":\"Mari\",\"surname\":\"Maasikas\","
                            + "\"email_address\":\"it" + k + "@example.com\",\"phone\":\"+3725555" + String.format("%03d", k % 1000)
                            + "\",\"purpose\":\"race\",\"redirect_uri\":\"https://app" + k + ".example/callback\",\"scopes\":\"users-basic\"}";
                    case 1 -> "{\"id\":\"race-" + k + "\",\"username\":\"race" + k + "\",\"first_name\":\"Race\",\"last_name\":\"User"
                            + k + "\",\"email\":\"race" + k + "@example.com\",\"password\":\"pw\",\"roles\":[\"student\"]}";
                    default -> null;
                };
                RawHttp.Response r = body == null
                        ? h.send(tokenRequest(h.authority(), "grant_type=authorization_code&code=" + locationCode(h.send(
                        "GET /oauth/authorize?response_type=code&client_id=" + MockConfig.DEMO_CLIENT_ID + "&redirect_uri="
                                + BadRequests.enc(MockConfig.DEMO_REDIRECT_URI) + "&scope=users-basic HTTP/1.1\r\nHost: "
                                + h.authority() + "\r\n\r\n")) + "&redirect_uri=" + BadRequests.enc(MockConfig.DEMO_REDIRECT_URI)))
                        : h.send("POST /__admin/" + (k % 3 == 0 ? "clients" : "users") + " HTTP/1.1\r\nHost: " + h.authority()
                        + "\r\nContent-Type: application/json\r\nContent-Length: " + body.getBytes().length + "\r\n\r\n" + body);
                if (worst == null || r.status() > worst.status()) {
                    worst = r;
                }
            }
            return worst;
        });

        assertThat(answers).allSatisfy(r -> assertThat(r.status()).as(r.toString()).isLessThan(300));
        int made = n.get();
        long clients = server.clients().stream().filter(c -> c.name().startsWith("School ")).count();
        long users = server.users().stream().filter(u -> u.id().startsWith("race-")).count();
        assertThat(clients).isEqualTo(made / 3);
        assertThat(users).isEqualTo((made + 2) / 3);
        Fuzzing.note("[security] race admin-during-traffic changes=" + (clients + users) + " flows=" + (made - clients - users));
    }

    private static void add(Set<String> jtis, AtomicInteger issued, String jwt) {
        try {
            jtis.add(SignedJWT.parse(jwt).getJWTClaimsSet().getJWTID());
            issued.incrementAndGet();
        } catch (java.text.ParseException e) {
            throw new AssertionError("not a JWT: " + jwt, e);
        }
    }

    private static String locationCode(RawHttp.Response r) {
        String location = r.header("Location");
        int at = location.indexOf("code=");
        assertThat(at).as(r.toString()).isPositive();
        int end = location.indexOf('&', at);
        return location.substring(at + 5, end < 0 ? location.length() : end);
    }

    private static JsonNode json(RawHttp.Response r) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body());
        } catch (java.io.IOException e) {
            throw new AssertionError(r.toString(), e);
        }
    }
}
