package dev.ekoolkit.mock.security;

import dev.ekoolkit.mock.EkoolMockServer;
import dev.ekoolkit.mock.config.MockConfig;
import dev.ekoolkit.mock.support.Flows;
import dev.ekoolkit.mock.support.TestHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.http.HttpResponse;
import java.util.List;

import static dev.ekoolkit.mock.support.OAuthAssertions.assertOAuthError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Redirect safety (RFC 6749 section 3.1.2.4 and 4.1.2.1, RFC 9700 section 4.1.3): a redirect URI that differs in
 * any way from the registered {@code http://localhost:8080/oauth2/callback} is refused with an HTML page and
 * no redirect, and at the token endpoint with {@code invalid_grant}, leaving the code usable with the right URI.
 */
class RedirectSafetyTest {

    private static EkoolMockServer server;

    @BeforeAll
    static void start() {
        server = EkoolMockServer.builder().build().start();
    }

    @AfterAll
    static void stop() {
        Fuzzing.note("[security] redirect-safety variants=" + variants().size() + " (authorize and token each)");
        server.close();
    }

    static List<String> variants() {
        String r = MockConfig.DEMO_REDIRECT_URI;
        return List.of(
                "HTTP://localhost:8080/oauth2/callback", "http://LOCALHOST:8080/oauth2/callback",
                "http://localhost:8080/OAuth2/callback", "http://localhost:8080/oauth2/Callback",
                r + "/", r + ".", r + "..", "http://localhost.:8080/oauth2/callback",
                r + "/evil", r + "/../evil", "http://localhost:8080/oauth2/callback2", "http://localhost:8080/oauth2",
                "http://localhost:8080/oauth2/./callback", "http://localhost:8080//oauth2/callback",
                r + "?", r + "?x=1", r + "?next=http://evil.example", r + "#", r + "#frag", r + ";x=1",
                "http://user@localhost:8080/oauth2/callback", "http://user:pw@localhost:8080/oauth2/callback",
                "http://localhost:8080@evil.example/oauth2/callback", "http://evil.example\\@localhost:8080/oauth2/callback",
                "http://localhost:8080/oauth2%2Fcallback", "http://localhost:8080/oauth2/callbac%6B",
                "http://localhost:8080/%6Fauth2/callback", "http://localhost:8080/oauth2/callback%00",
                "http://localhost:8080/oauth2/callback%20", "http://%6Cocalhost:8080/oauth2/callback",
                "http://localhost:8081/oauth2/callback", "http://localhost/oauth2/callback",
                "http://localhost:80/oauth2/callback", "http://localhost:08080/oauth2/callback",
                "https://localhost:8080/oauth2/callback", "//localhost:8080/oauth2/callback",
                " " + r, r + " ", r + "\t", r + "\r\nX: y", "http://[::1]:8080/oauth2/callback",
                "http://127.1:8080/oauth2/callback", "http://0x7f.0.0.1:8080/oauth2/callback",
                "http://localhost:8080/oauth2/callback\u200b", "http://lоcalhost:8080/oauth2/callback",
                "javascript://localhost:8080/oauth2/callback", "http://localhost:8080/oauth2/callback/..;/x");
    }

    @ParameterizedTest
    @MethodSource("variants")
    void authorize_refuses_a_redirect_uri_that_is_not_exactly_registered_without_redirecting(String variant) {
        HttpResponse<String> r = Flows.authorize(server, "redirect_uri", variant);

        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(r.headers().firstValue("Location")).isEmpty();
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(r.body()).contains("redirect_uri").contains("is not registered");
    }

    @ParameterizedTest
    @MethodSource("variants")
    void token_refuses_a_redirect_uri_that_differs_from_the_authorization_and_leaves_the_code_usable(String variant) {
        server.loginAs("mari");
        String code = Flows.code(server);

        HttpResponse<String> wrong = Flows.exchange(server, code, "redirect_uri", variant);
        HttpResponse<String> right = Flows.exchange(server, code);

        assertOAuthError(wrong, 400, "invalid_grant", "redirect_uri");
        assertThat(right.statusCode()).as(right.body()).isEqualTo(200);
        assertThat(TestHttp.json(right).path("access_token").asText()).isNotEmpty();
    }
}
