package dev.ekoolkit.mock.security;

import dev.ekoolkit.core.scope.Scopes;
import dev.ekoolkit.mock.EkoolMockServer;
import dev.ekoolkit.mock.api.Endpoint;
import dev.ekoolkit.mock.config.MockConfig;
import dev.ekoolkit.mock.security.BadRequests.Req;
import dev.ekoolkit.mock.support.Flows;
import dev.ekoolkit.mock.support.TestHttp;
import dev.ekoolkit.mock.wiring.Routes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generated bad input on every OAuth endpoint of the mock (issue 6, item 1): thousands of seeded requests with
 * missing, empty, repeated, very long and injected parameters, broken percent-encoding, invalid UTF-8, wrong
 * content types, JSON bodies, oversized bodies and headers, wrong methods, near-miss paths and broken HTTP
 * framing. Every answer keeps {@link Answers}' rules and the server keeps answering normally afterwards.
 */
class GeneratedBadInputTest {

    private static final Pattern HIDDEN = Pattern.compile("name=\"(login|csrf_token)\" value=\"([^\"]*)\"");
    private static final List<String> AUTHORIZE_NAMES = List.of("response_type", "client_id", "redirect_uri", "scope",
            "state", "code_challenge", "code_challenge_method", "nonce", "prompt");
    private static final List<String> TOKEN_NAMES = List.of("grant_type", "code", "redirect_uri", "code_verifier",
            "refresh_token", "client_id", "client_secret", "scope");

    private static EkoolMockServer server;
    private static RawHttp http;
    private static BadRequests gen;
    private static String accessToken;

    @BeforeAll
    static void start() {
        server = EkoolMockServer.builder().build().start();
        http = new RawHttp("127.0.0.1", server.port(), 10_000);
        accessToken = server.issueTokens("mari", null, Scopes.parse("users-basic")).accessToken();
    }

    @AfterAll
    static void stop() {
        http.close();
        server.close();
    }

    /** A generator of this test's own, so its cases do not depend on which tests ran before or how far they got. */
    @BeforeEach
    void seed(TestInfo test) {
        gen = new BadRequests(Fuzzing.seedFor(test.getTestMethod().orElseThrow().getName()));
    }

    @AfterEach
    void the_server_still_answers_a_whole_flow_normally() {
        server.loginAs("mari");
        String code = Flows.code(server, "code_challenge", Flows.CHALLENGE, "code_challenge_method", "S256");
        HttpResponse<String> token = Flows.exchange(server, code, "code_verifier", Flows.VERIFIER);
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        HttpResponse<String> me = Flows.me(server, TestHttp.json(token).path("access_token").asText());
        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
        assertThat(TestHttp.get(server.url("/health")).statusCode()).isEqualTo(200);
    }

    @Test
    void authorize_answers_every_bad_request_with_a_redirect_error_or_an_html_page() {
        Fuzzing.run("authorize", http, Answers.Style.AUTHORIZE, Fuzzing.CASES, () -> {
            Req r = authorizeTemplate();
            gen.mutate(r, true, false, AUTHORIZE_NAMES);
            return r;
        });
    }

    @Test
    void token_answers_every_bad_request_with_a_json_error() {
        Fuzzing.run("token", http, Answers.Style.JSON, Fuzzing.CASES, () -> tokenCase(gen));
    }

    /** One generated token-endpoint case drawn from {@code gen}. */
    static Req tokenCase(BadRequests gen) {
        Req r = new Req("POST", Endpoint.TOKEN.path());
        r.contentType = "application/x-www-form-urlencoded";
        switch (gen.random().nextInt(3)) {
            case 0 -> {
                r.form.addAll(List.of(BadRequests.pair("grant_type", "authorization_code"),
                        BadRequests.pair("code", gen.randomText(43, false)),
                        BadRequests.pair("redirect_uri", MockConfig.DEMO_REDIRECT_URI),
                        BadRequests.pair("code_verifier", Flows.VERIFIER)));
                r.headers.add("Authorization: " + TestHttp.basic(MockConfig.DEMO_CLIENT_ID, MockConfig.DEMO_CLIENT_SECRET));
            }
            case 1 -> r.form.addAll(List.of(BadRequests.pair("grant_type", "refresh_token"),
                    BadRequests.pair("refresh_token", Base64.getUrlEncoder().withoutPadding().encodeToString(gen.bytes(36))),
                    BadRequests.pair("client_id", MockConfig.DEMO_CLIENT_ID),
                    BadRequests.pair("client_secret", MockConfig.DEMO_CLIENT_SECRET)));
            default -> {
                r.form.addAll(List.of(BadRequests.pair("grant_type", gen.pick(new String[] {"client_credentials",
                        "password", "implicit", "urn:ietf:params:oauth:grant-type:device_code", "authorization_code"}))));
                r.headers.add("Authorization: " + gen.pick(new String[] {"Basic", "Basic !!!", "Basic "
                        + Base64.getEncoder().encodeToString(gen.bytes(30)), "Basic " + Base64.getEncoder().encodeToString(
                        (MockConfig.DEMO_CLIENT_ID + "%ZZ:" + MockConfig.DEMO_CLIENT_SECRET).getBytes(StandardCharsets.UTF_8)),
                        "Bearer x", "basic " + Base64.getEncoder().encodeToString("a:b".getBytes(StandardCharsets.UTF_8)),
                        TestHttp.basic(MockConfig.DEMO_CLIENT_ID, "wrong-secret-of-forty-characters-000000")}));
            }
        }
        gen.mutate(r, true, true, TOKEN_NAMES);
        // Every template is already refused (a code or refresh token never issued, a grant type or client
        // authentication the mock does not take), and no mutation can make up a valid credential: whatever
        // the mutation, the answer must be a 4xx JSON error, never tokens.
        r.mustFail = true;
        return r;
    }

    @Test
    void user_basic_answers_every_bad_request_with_a_bearer_error() {
        Fuzzing.run("user/me/basic", http, Answers.Style.RESOURCE, Fuzzing.CASES, () -> {
            Req r = new Req("GET", Endpoint.USER_BASIC.path());
            r.headers.add("Authorization: " + badBearer());
            if (gen.random().nextInt(3) == 0) {
                gen.mutate(r, false, false, List.of("access_token", "fields", "scope"));
            } else {
                r.kinds.add("bad-token");
            }
            // Every case carries a token that is not a live one as issued, mutated or not: none may succeed.
            r.mustFail = true;
            return r;
        });
    }

    @Test
    void login_form_answers_every_bad_post_with_a_page() {
        runForm("login", "/oauth/login", 0, List.of("login", "csrf_token", "method", "user_id", "username", "password",
                "personal_code", "phone"));
    }

    @Test
    void confirm_form_answers_every_bad_post_with_a_page() {
        runForm("login/confirm", "/oauth/login/confirm", 1, List.of("login", "csrf_token", "decision"));
    }

    @Test
    void consent_form_answers_every_bad_post_with_a_page() {
        runForm("consent", "/oauth/consent", 2, List.of("login", "csrf_token", "decision"));
    }

    @Test
    void metadata_jwks_and_health_answer_every_bad_request_with_json() {
        for (Endpoint e : List.of(Endpoint.METADATA, Endpoint.JWKS, Endpoint.HEALTH)) {
            Fuzzing.run(e.wire(), http, Answers.Style.JSON, Fuzzing.CASES, () -> {
                Req r = new Req("GET", e.path());
                r.query.add(BadRequests.pair("x", "1"));
                gen.mutate(r, false, false, List.of("x", "format", "callback", "kid"));
                return r;
            });
        }
    }

    @Test
    void broken_http_framing_is_refused_on_every_path_and_the_connection_recovers() {
        List<String> paths = List.of(Endpoint.AUTHORIZE.path(), Endpoint.TOKEN.path(), Endpoint.USER_BASIC.path(),
                "/oauth/login", "/oauth/consent", Endpoint.HEALTH.path(), "/__admin/clients");
        Fuzzing.run("http-framing", http, Answers.Style.JSON, Fuzzing.CASES / 3, () -> {
            Req r = gen.malformed(gen.pick(paths));
            r.style = r.path.startsWith("/oauth/token") || r.path.startsWith("/user") || r.path.startsWith("/health")
                    || r.path.startsWith("/__admin") ? Answers.Style.JSON : Answers.Style.FORM;
            return r;
        });
    }

    // ---- templates ----

    private static Req authorizeTemplate() {
        Req r = new Req("GET", Endpoint.AUTHORIZE.path());
        r.query.addAll(List.of(BadRequests.pair("response_type", "code"), BadRequests.pair("client_id", MockConfig.DEMO_CLIENT_ID),
                BadRequests.pair("redirect_uri", MockConfig.DEMO_REDIRECT_URI), BadRequests.pair("scope", "users-basic"),
                BadRequests.pair("state", "s" + gen.random().nextInt(1000)),
                BadRequests.pair("code_challenge", Flows.CHALLENGE), BadRequests.pair("code_challenge_method", "S256")));
        return r;
    }

    private String badBearer() {
        String[] parts = accessToken.split("\\.");
        return switch (gen.random().nextInt(12)) {
            case 0 -> "Bearer " + flip(accessToken);
            case 1 -> "Bearer " + parts[0] + "." + parts[1] + ".";
            case 2 -> "Bearer " + b64("{\"alg\":\"none\"}") + "." + parts[1] + ".";
            case 3 -> "Bearer " + parts[0] + "." + b64(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                    .replace("users-basic", "users-admin")) + "." + parts[2];
            // Raw in a header line: without its LFs, an injected CR LF CR LF would end this request's head early and
            // turn the rest into a second request of the client's own making (a bare CR stays: RFC 9112 section 2.2).
            case 4 -> "Bearer " + gen.value().replace("\n", "");
            case 5 -> "Bearer";
            case 6 -> "Bearer  " + accessToken.substring(0, accessToken.length() / 2);
            case 7 -> "Basic " + accessToken;
            case 8 -> "Bearer " + accessToken + "." + parts[2];
            case 9 -> "Bearer " + gen.randomText(40, false) + "." + gen.randomText(40, false) + "." + gen.randomText(40, false);
            case 10 -> "Bearer " + accessToken.replace('.', '\t');
            default -> "Bearer " + b64(gen.pick(BadRequests.INJECTIONS).replace("\r", "").replace("\n", "")) + ".e30.";
        };
    }

    private String flip(String token) {
        char[] c = token.toCharArray();
        int i = gen.random().nextInt(c.length);
        c[i] = c[i] == 'A' ? 'B' : 'A';
        return new String(c);
    }

    private static String b64(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    /** Runs the form cases with a live login at {@code stage} (0 login, 1 verify, 2 consent), renewed every 20 cases. */
    private void runForm(String name, String path, int stage, List<String> names) {
        String[] live = new String[3];
        int[] n = {0};
        Fuzzing.run(name, http, Answers.Style.FORM, Fuzzing.CASES, stage == 0 ? null : GeneratedBadInputTest::noCodeIssued, () -> {
            if (n[0]++ % 20 == 0) {
                String[] fresh = login(stage);
                System.arraycopy(fresh, 0, live, 0, 3);
            }
            Req r = new Req("POST", path);
            r.contentType = "application/x-www-form-urlencoded";
            r.headers.add("Cookie: " + live[0]);
            r.form.addAll(List.of(BadRequests.pair("login", live[1]), BadRequests.pair("csrf_token", live[2])));
            switch (stage) {
                case 0 -> r.form.addAll(List.of(BadRequests.pair("method", gen.pick(new String[] {"password", "smart-id",
                        "mobile-id", "id-card", "pick"})), BadRequests.pair("username", "mari"), BadRequests.pair("password", "wrong"),
                        BadRequests.pair("personal_code", "49403136515")));
                case 1 -> r.form.add(BadRequests.pair("decision", "cancel"));
                default -> r.form.add(BadRequests.pair("decision", "deny"));
            }
            gen.mutate(r, false, true, names);
            return r;
        });
    }

    /**
     * The confirmation is cancelled and the consent denied in every template, and no mutation can turn either into
     * an approval: a redirect from these forms may carry an error, never a code.
     */
    private static String noCodeIssued(RawHttp.Response r) {
        return r.header("Location").contains("code=") ? "a code issued for a cancelled or denied login" : null;
    }

    /** Starts a login through real requests and walks it to {@code stage}; returns cookie, login id, CSRF token. */
    private static String[] login(int stage) {
        Req a = authorizeTemplate();
        RawHttp.Response page = http.send(a.bytes(http.authority()));
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        String setCookie = page.header("Set-Cookie");
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));
        String[] ids = hidden(page.bodyText());
        if (stage > 0) {
            Req post = new Req("POST", "/oauth/login");
            post.contentType = "application/x-www-form-urlencoded";
            post.headers.add("Cookie: " + cookie);
            post.form.addAll(List.of(BadRequests.pair("login", ids[0]), BadRequests.pair("csrf_token", ids[1]),
                    BadRequests.pair("method", stage == 1 ? "smart-id" : "pick"), BadRequests.pair("user_id", "100001")));
            RawHttp.Response next = http.send(post.bytes(http.authority()));
            assertThat(next.status()).as(next.toString()).isEqualTo(200);
        }
        return new String[] {cookie, ids[0], ids[1]};
    }

    private static String[] hidden(String html) {
        String[] out = new String[2];
        Matcher m = HIDDEN.matcher(html);
        while (m.find()) {
            out[m.group(1).equals("login") ? 0 : 1] = m.group(2);
        }
        return out;
    }

    static {
        // Keep the size limits the generator targets in step with the server's.
        assertThat(Routes.MAX_BODY_BYTES).isEqualTo(65_536);
        assertThat(Routes.MAX_HEADER_BYTES).isEqualTo(8_192);
    }
}
