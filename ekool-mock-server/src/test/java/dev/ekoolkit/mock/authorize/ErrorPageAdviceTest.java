package dev.ekoolkit.mock.authorize;

import dev.ekoolkit.mock.EkoolMockServer;
import dev.ekoolkit.mock.support.Flows;
import dev.ekoolkit.mock.support.LoginPageClient;
import dev.ekoolkit.mock.support.MockServerExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An HTML error page says what the user can do next: only an authorization request with an unverifiable client
 * or redirect URI explains that the error cannot go back to the application (RFC 6749 §4.1.2.1); a login form
 * that cannot go on says to start again from the application.
 */
class ErrorPageAdviceTest {

    private static final String UNVERIFIED = "could not be verified (RFC 6749 section 4.1.2.1)";
    private static final String START_AGAIN = "Go back to the application and start signing in again";

    private static EkoolMockServer server;

    @RegisterExtension
    static final MockServerExtension MOCK = new MockServerExtension(s -> server = s);
    private LoginPageClient browser;

    @BeforeEach
    void reset() {
        browser = new LoginPageClient(server.loginUrl());
        browser.read(Flows.authorize(server));
    }

    @Test
    void an_unknown_client_at_authorize_explains_why_the_error_is_not_sent_back() {
        HttpResponse<String> r = Flows.authorize(server, "client_id", "Z".repeat(32));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains(UNVERIFIED).doesNotContain(START_AGAIN);
    }

    @Test
    void an_unregistered_redirect_uri_at_authorize_explains_why_the_error_is_not_sent_back() {
        HttpResponse<String> r = Flows.authorize(server, "redirect_uri", "http://localhost:1/elsewhere");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains(UNVERIFIED);
    }

    @Test
    void a_failed_csrf_check_says_to_start_again_and_blames_no_client() {
        HttpResponse<String> r = browser.post("/oauth/login", "method", "pick", "user_id", "100001", "csrf_token", "forged");
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).contains(START_AGAIN).doesNotContain(UNVERIFIED).doesNotContain("redirect URI");
    }

    @Test
    void an_expired_login_says_to_start_again() {
        server.advanceClock(Duration.ofMinutes(11));
        HttpResponse<String> r = browser.post("/oauth/login", "method", "pick", "user_id", "100001");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains(START_AGAIN).doesNotContain(UNVERIFIED);
    }

    @Test
    void a_consent_form_sent_twice_says_to_start_again() {
        browser.post("/oauth/login", "method", "pick", "user_id", "100001");
        browser.post("/oauth/consent", "decision", "approve");
        HttpResponse<String> r = browser.post("/oauth/consent", "decision", "approve");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains(START_AGAIN).doesNotContain(UNVERIFIED);
    }
}
