package dev.ekoolkit.mock.admin;

import dev.ekoolkit.mock.EkoolMockServer;
import dev.ekoolkit.mock.api.AuthMethod;
import dev.ekoolkit.mock.api.Endpoint;
import dev.ekoolkit.mock.api.Fault;
import dev.ekoolkit.mock.api.RecordedRequest;
import dev.ekoolkit.mock.config.MockConfig;
import dev.ekoolkit.mock.support.Flows;
import dev.ekoolkit.mock.support.MockServerExtension;
import dev.ekoolkit.mock.support.TestHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import static dev.ekoolkit.mock.support.OAuthAssertions.assertOAuthError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Faults, delays and the request journal through the Java API. */
class FaultsAndJournalTest {

    private static EkoolMockServer server;

    @RegisterExtension
    static final MockServerExtension MOCK = new MockServerExtension(b -> b.autoLogin("mari"), s -> server = s);

    @Test
    void an_oauth_error_fault_answers_the_next_n_requests_then_stops() {
        server.failNext(Endpoint.TOKEN, Fault.oauthError("temporarily_unavailable", "down for maintenance").times(2));
        String code = Flows.code(server);

        assertOAuthError(Flows.exchange(server, code), 503, "temporarily_unavailable", "down for maintenance");
        assertOAuthError(Flows.exchange(server, code), 503, "temporarily_unavailable", "down for maintenance");
        assertThat(Flows.exchange(server, code).statusCode()).isEqualTo(200);
    }

    @Test
    void the_same_fault_queued_twice_answers_twice() {
        Fault down = Fault.httpStatus(503);
        server.failNext(Endpoint.HEALTH, down);
        server.failNext(Endpoint.HEALTH, down);

        assertThat(TestHttp.get(server.url("/health")).statusCode()).isEqualTo(503);
        assertThat(TestHttp.get(server.url("/health")).statusCode()).isEqualTo(503);
        assertThat(TestHttp.get(server.url("/health")).statusCode()).isEqualTo(200);
    }

    @Test
    void a_status_fault_answers_with_a_bare_status_and_plain_text() {
        server.failNext(Endpoint.USER_BASIC, Fault.httpStatus(502));
        String access = server.issueTokens("mari", null, dev.ekoolkit.core.scope.Scopes.of("users-basic")).accessToken();

        HttpResponse<String> r = Flows.me(server, access);

        assertThat(r.statusCode()).isEqualTo(502);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        assertThat(Flows.me(server, access).statusCode()).isEqualTo(200);
    }

    @Test
    void an_authorize_fault_is_redirected_to_the_client_with_the_state() {
        server.failNext(Endpoint.AUTHORIZE, Fault.oauthError("access_denied", "the user refused"));

        Map<String, String> p = TestHttp.locationParams(Flows.authorize(server));

        assertThat(p).containsEntry("error", "access_denied").containsEntry("error_description", "the user refused")
                .containsEntry("state", "st-123").doesNotContainKey("code");
    }

    @Test
    void an_invalid_client_fault_can_carry_an_explicit_status() {
        server.failNext(Endpoint.TOKEN, Fault.oauthError("invalid_client", "revoked by eKool", 401));
        assertOAuthError(Flows.exchange(server, "x"), 401, "invalid_client", "revoked by eKool");
    }

    @Test
    void a_delayed_request_is_answered_normally_and_no_sooner_than_the_delay() {
        server.delayNext(Endpoint.HEALTH, Duration.ofMillis(300));

        long start = System.nanoTime();
        int status = TestHttp.get(server.url("/health")).statusCode();
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;

        assertThat(status).isEqualTo(200);
        // A lower bound only: a loaded machine may take longer, never shorter.
        assertThat(elapsedMillis).as("milliseconds until the delayed answer").isGreaterThanOrEqualTo(300);
    }

    @Test
    void reset_drops_queued_faults() {
        server.failNext(Endpoint.HEALTH, Fault.httpStatus(500));
        server.reset();
        assertThat(TestHttp.get(server.url("/health")).statusCode()).isEqualTo(200);
    }

    @Test
    void faults_validate_their_inputs() {
        assertThatThrownBy(() -> Fault.httpStatus(42)).hasMessageContaining("status must be an HTTP status");
        assertThatThrownBy(() -> Fault.httpStatus(500).times(0)).hasMessageContaining("times must be at least 1");
        assertThatThrownBy(() -> server.delayNext(Endpoint.TOKEN, Duration.ofMinutes(6))).hasMessageContaining("0 to 5 minutes");
    }

    @Test
    void take_request_returns_requests_in_arrival_order() {
        TestHttp.get(server.url("/health"));
        Flows.authorize(server);

        assertThat(server.pollRequest(Duration.ofSeconds(1)).orElseThrow().endpoint()).isEqualTo(Endpoint.HEALTH);
        assertThat(server.pollRequest(Duration.ofSeconds(1)).orElseThrow().endpoint()).isEqualTo(Endpoint.AUTHORIZE);
    }

    @Test
    void take_request_gives_up_after_the_timeout() {
        assertThat(server.pollRequest(Duration.ofMillis(20))).isEmpty();
    }

    @Test
    void the_journal_masks_the_basic_header_and_records_the_auth_method() {
        Flows.exchange(server, Flows.code(server));

        RecordedRequest token = server.requests().get(1);

        assertThat(token.endpoint()).isEqualTo(Endpoint.TOKEN);
        assertThat(token.authMethod()).isEqualTo(AuthMethod.BASIC);
        assertThat(token.clientId()).isEqualTo(MockConfig.DEMO_CLIENT_ID);
        assertThat(token.header("Authorization")).hasValue("Basic ****");
        assertThat(token.grantType()).isEqualTo("authorization_code");
    }

    @Test
    void the_journal_records_the_status_of_a_refused_request() {
        Flows.exchange(server, "nope");
        assertThat(server.requests().get(0).status()).isEqualTo(400);
    }

    @Test
    void the_authorize_request_is_recorded_with_its_redirect_uri_and_pkce() {
        Flows.authorize(server, "code_challenge", Flows.CHALLENGE, "code_challenge_method", "S256");

        RecordedRequest r = server.requests().get(0);

        assertThat(r.endpoint()).isEqualTo(Endpoint.AUTHORIZE);
        assertThat(r.param("redirect_uri")).hasValue(MockConfig.DEMO_REDIRECT_URI);
        assertThat(r.usedPkce()).isTrue();
        assertThat(r.status()).isEqualTo(302);
    }

    @Test
    void the_snapshot_is_immutable() {
        TestHttp.get(server.url("/health"));
        assertThatThrownBy(() -> server.requests().clear()).isInstanceOf(UnsupportedOperationException.class);
    }
}
