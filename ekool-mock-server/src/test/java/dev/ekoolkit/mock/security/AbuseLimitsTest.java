package dev.ekoolkit.mock.security;

import dev.ekoolkit.core.scope.Scopes;
import dev.ekoolkit.mock.EkoolMockServer;
import dev.ekoolkit.mock.ServerInternals;
import dev.ekoolkit.mock.config.MockConfig;
import dev.ekoolkit.mock.support.Flows;
import dev.ekoolkit.mock.support.LoginPageClient;
import dev.ekoolkit.mock.support.Prerequisites;
import dev.ekoolkit.mock.support.TestHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static dev.ekoolkit.mock.support.OAuthAssertions.assertOAuthError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Abuse limits: bodies over 64 KiB get 413 and headers over 8 KiB get 431, each in the endpoint's format;
 * silent connections are closed after the idle timeout; the admin API refuses a caller on a non-loopback
 * address; the stores a flood of requests fills (logins, codes, token families, journal) stay bounded, evict the
 * oldest entries, and normal flows keep working.
 */
class AbuseLimitsTest {

    private static final int BOUND = 50;
    private static EkoolMockServer server;
    private static RawHttp http;

    @BeforeAll
    static void start() {
        server = EkoolMockServer.builder().idleTimeout(Duration.ofMillis(400))
                .config(MockConfig.defaults().withLimits(new MockConfig.Limits(BOUND, BOUND, BOUND, 20))).build().start();
        http = new RawHttp("127.0.0.1", server.port(), 10_000);
    }

    @AfterAll
    static void stop() {
        http.close();
        server.close();
    }

    private static String post(String path, String contentType, int bodyBytes) {
        return "POST " + path + " HTTP/1.1\r\nHost: " + http.authority() + "\r\nContent-Type: " + contentType
                + "\r\nContent-Length: " + bodyBytes + "\r\n\r\n" + "a=" + "b".repeat(bodyBytes - 2);
    }

    @Test
    void a_token_request_over_64_kib_gets_413_as_a_json_error() {
        RawHttp.Response r = http.send(post("/oauth/token", "application/x-www-form-urlencoded", 65_537));

        assertThat(r.status()).isEqualTo(413);
        assertThat(r.header("Content-Type")).startsWith("application/json");
        assertThat(r.bodyText()).contains("\"error\":\"invalid_request\"").contains("65536 bytes");
    }

    @Test
    void a_login_form_over_64_kib_gets_413_as_an_html_page() {
        RawHttp.Response r = http.send(post("/oauth/login", "application/x-www-form-urlencoded", 100_000));

        assertThat(r.status()).isEqualTo(413);
        assertThat(r.header("Content-Type")).startsWith("text/html");
        assertThat(r.header("X-Frame-Options")).isEqualTo("DENY");
    }

    @Test
    void an_admin_body_over_64_kib_gets_413_as_a_json_error() {
        RawHttp.Response r = http.send(post("/__admin/users", "application/json", 70_000));

        assertThat(r.status()).isEqualTo(413);
        assertThat(r.bodyText()).contains("\"error\":\"invalid_request\"");
    }

    @Test
    void headers_over_8_kib_get_431_as_a_json_error_and_on_authorize_as_a_page() {
        String big = "X-Filler: " + "h".repeat(9_000) + "\r\n";
        RawHttp.Response api = http.send("GET /health HTTP/1.1\r\nHost: " + http.authority() + "\r\n" + big + "\r\n");
        RawHttp.Response page = http.send("GET /oauth/authorize?client_id=x HTTP/1.1\r\nHost: " + http.authority() + "\r\n" + big + "\r\n");

        assertThat(api.status()).isEqualTo(431);
        assertThat(api.header("Content-Type")).startsWith("application/json");
        assertThat(page.status()).isEqualTo(431);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");
    }

    @Test
    void a_silent_connection_is_closed_after_the_idle_timeout() throws IOException {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(10_000);

            assertThat(readToEnd(s.getInputStream())).as("the server closes the connection").isTrue();
        }
    }

    @Test
    void a_request_that_stops_half_way_is_closed_after_the_idle_timeout() throws IOException {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(("POST /oauth/token HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\ngrant")
                    .getBytes(StandardCharsets.ISO_8859_1));

            assertThat(readToEnd(s.getInputStream())).as("the server closes the connection").isTrue();
        }
    }

    @Test
    void an_unknown_expectation_is_refused_and_its_unread_body_never_becomes_a_second_request() throws IOException {
        String smuggled = "GET /health HTTP/1.1\r\nHost: x\r\n\r\n";
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(("POST /oauth/token HTTP/1.1\r\nHost: x\r\nExpect: 100-continue-x\r\n"
                    + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + smuggled.length() + "\r\n\r\n"
                    + smuggled).getBytes(StandardCharsets.ISO_8859_1));
            String all = new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);

            assertThat(all).startsWith("HTTP/1.1 417").contains("Connection: close").doesNotContain("\"status\":\"UP\"");
        }
    }

    /** Reads until the server closes; {@code false} if the socket timeout passed first. */
    private static boolean readToEnd(InputStream in) throws IOException {
        try {
            while (in.read() >= 0) {
                // drain whatever the server says before closing
            }
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (SocketException reset) {
            return true;
        }
    }

    @Test
    void a_flood_of_authorizations_keeps_the_pending_logins_bounded_evicts_the_oldest_and_new_logins_work() {
        LoginPageClient first = new LoginPageClient(server.loginUrl());
        first.read(Flows.authorize(server));
        for (int i = 0; i < 20 * BOUND; i++) {
            assertThat(http.send("GET /oauth/authorize?response_type=code&client_id=" + MockConfig.DEMO_CLIENT_ID
                    + "&redirect_uri=http://localhost:8080/oauth2/callback&scope=users-basic&state=" + i + " HTTP/1.1\r\nHost: " + http.authority() + "\r\n\r\n").status()).isEqualTo(200);
        }
        LoginPageClient last = new LoginPageClient(server.loginUrl());
        last.read(Flows.authorize(server));

        assertThat(ServerInternals.state(server).logins().size()).isLessThanOrEqualTo(BOUND);
        HttpResponse<String> evicted = first.post("/oauth/login", "method", "pick", "user_id", "100001");
        assertThat(evicted.statusCode()).isEqualTo(400);
        assertThat(evicted.body()).contains("unknown, finished or expired");
        LoginPageClient.assertPage(last.post("/oauth/login", "method", "pick", "user_id", "100001"), "Allow");
        HttpResponse<String> approved = last.post("/oauth/consent", "decision", "approve");
        assertThat(approved.statusCode()).isEqualTo(303);
        assertThat(Flows.exchange(server, TestHttp.locationParams(approved).get("code")).statusCode()).isEqualTo(200);
    }

    @Test
    void a_flood_of_codes_keeps_them_bounded_and_the_oldest_is_forgotten() {
        server.autoLogin("mari");
        try {
            String oldest = Flows.code(server);
            String newest = null;
            for (int i = 0; i < 4 * BOUND; i++) {
                newest = Flows.code(server);
            }

            assertThat(ServerInternals.state(server).codes().size()).isLessThanOrEqualTo(BOUND);
            assertOAuthError(Flows.exchange(server, oldest), 400, "invalid_grant", "unknown");
            assertThat(Flows.exchange(server, newest).statusCode()).isEqualTo(200);
        } finally {
            server.autoLogin(null);
        }
    }

    @Test
    void a_flood_of_token_grants_keeps_the_families_and_the_journal_bounded() {
        String oldest = server.issueTokens("mari", null, Scopes.parse("users-basic")).accessToken();
        String newest = null;
        for (int i = 0; i < 4 * BOUND; i++) {
            newest = server.issueTokens("mari", null, Scopes.parse("users-basic")).accessToken();
            TestHttp.get(server.url("/health"));
        }

        assertThat(ServerInternals.state(server).tokens().size()).isLessThanOrEqualTo(BOUND);
        assertThat(server.requests()).hasSizeLessThanOrEqualTo(20);
        assertThat(Flows.me(server, oldest).statusCode()).isEqualTo(401);
        assertThat(Flows.me(server, newest).statusCode()).isEqualTo(200);
    }

    @Test
    void the_journal_keeps_long_parameter_values_cut_so_it_cannot_pin_megabytes() {
        String state = "s".repeat(60_000);
        TestHttp.postForm(server.tokenUrl(), TestHttp.form("grant_type", "refresh_token", "state", state));

        String recorded = server.requests().get(server.requests().size() - 1).param("state").orElseThrow();
        assertThat(recorded).hasSizeLessThan(4_200).endsWith("...(60000 characters)");
    }

    // ---- the admin API and a caller on a non-loopback address ----

    private static RawHttp.Response fromAddress(InetAddress local, int port, String request) {
        try (RawHttp h = new RawHttp(local, local.getHostAddress(), port, 10_000)) {
            return h.send(request.replace("{host}", local.getHostAddress() + ":" + port));
        }
    }

    @Test
    void on_all_interfaces_the_admin_api_refuses_a_non_loopback_caller_even_with_a_forged_forwarded_header() throws Exception {
        InetAddress local = Prerequisites.nonLoopbackIpv4("AbuseLimitsTest");
        try (EkoolMockServer wide = EkoolMockServer.builder().host("0.0.0.0").build().start()) {
            RawHttp.Response admin = fromAddress(local, wide.port(), "GET /__admin/clients HTTP/1.1\r\nHost: {host}\r\n"
                    + "X-Forwarded-For: 127.0.0.1\r\nForwarded: for=127.0.0.1\r\nX-Real-IP: 127.0.0.1\r\n\r\n");
            RawHttp.Response reset = fromAddress(local, wide.port(), "POST /__admin/reset HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Length: 0\r\n\r\n");
            RawHttp.Response health = fromAddress(local, wide.port(), "GET /health HTTP/1.1\r\nHost: {host}\r\n\r\n");
            RawHttp.Response loopback;
            try (RawHttp h = new RawHttp("127.0.0.1", wide.port(), 10_000)) {
                loopback = h.send("GET /__admin/clients HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
            }

            assertThat(admin.status()).as(admin.toString()).isEqualTo(403);
            assertThat(admin.bodyText()).contains("access_denied").contains("only loopback callers");
            assertThat(reset.status()).isEqualTo(403);
            assertThat(health.status()).isEqualTo(200);
            assertThat(loopback.status()).isEqualTo(200);
        }
    }

    @Test
    void with_an_admin_token_a_non_loopback_caller_needs_it() throws Exception {
        InetAddress local = Prerequisites.nonLoopbackIpv4("AbuseLimitsTest");
        String token = "admin-token-for-security-tests";
        try (EkoolMockServer wide = EkoolMockServer.builder().host("0.0.0.0").adminToken(token).build().start()) {
            RawHttp.Response without = fromAddress(local, wide.port(), "GET /__admin/clients HTTP/1.1\r\nHost: {host}\r\n\r\n");
            RawHttp.Response wrong = fromAddress(local, wide.port(), "GET /__admin/clients HTTP/1.1\r\nHost: {host}\r\n"
                    + "Authorization: Bearer " + token.substring(1) + "x\r\n\r\n");
            RawHttp.Response with = fromAddress(local, wide.port(), "GET /__admin/clients HTTP/1.1\r\nHost: {host}\r\n"
                    + "Authorization: Bearer " + token + "\r\n\r\n");

            assertThat(without.status()).isEqualTo(401);
            assertThat(wrong.status()).isEqualTo(401);
            assertThat(wrong.bodyText()).doesNotContain(token.substring(1));
            assertThat(with.status()).isEqualTo(200);
        }
    }

    @Test
    void the_client_socket_really_comes_from_the_non_loopback_address() throws Exception {
        InetAddress local = Prerequisites.nonLoopbackIpv4("AbuseLimitsTest");
        try (EkoolMockServer wide = EkoolMockServer.builder().host("0.0.0.0").build().start();
             Socket s = new Socket()) {
            s.bind(new InetSocketAddress(local, 0));
            s.connect(new InetSocketAddress(local, wide.port()), 5_000);

            assertThat(s.getLocalAddress().isLoopbackAddress()).isFalse();
        }
    }
}
