package dev.ekoolkit.mock.token;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ekoolkit.core.client.RedirectUri;
import dev.ekoolkit.core.credentials.ClientCredentials;
import dev.ekoolkit.core.scope.Scopes;
import dev.ekoolkit.mock.EkoolMockServer;
import dev.ekoolkit.mock.config.MockClient;
import dev.ekoolkit.mock.config.MockConfig;
import dev.ekoolkit.mock.support.Flows;
import dev.ekoolkit.mock.support.MockServerExtension;
import dev.ekoolkit.mock.support.TestHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;

import static dev.ekoolkit.mock.config.MockConfig.DEMO_CLIENT_ID;
import static dev.ekoolkit.mock.config.MockConfig.DEMO_CLIENT_SECRET;
import static dev.ekoolkit.mock.config.MockConfig.DEMO_REDIRECT_URI;
import static dev.ekoolkit.mock.support.OAuthAssertions.assertOAuthError;
import static dev.ekoolkit.mock.support.TestHttp.basic;
import static dev.ekoolkit.mock.support.TestHttp.form;
import static dev.ekoolkit.mock.support.TestHttp.postForm;
import static dev.ekoolkit.mock.support.TestHttp.postRaw;
import static org.assertj.core.api.Assertions.assertThat;

/** Every error path of {@code POST /oauth/token}: status, error code and the meaningful part of the description. */
class TokenEndpointErrorsTest {

    private static EkoolMockServer server;

    @RegisterExtension
    static final MockServerExtension MOCK = new MockServerExtension(b -> b.autoLogin("mari"), s -> server = s);

    private static HttpResponse<String> postWithBasic(String... form) {
        return postForm(server.tokenUrl(), form(form), "Authorization", basic(DEMO_CLIENT_ID, DEMO_CLIENT_SECRET));
    }

    private static MockClient otherClient() {
        return server.registerClient(MockClient.of(ClientCredentials.generate(new SecureRandom()), "Other app",
                List.of(RedirectUri.of(DEMO_REDIRECT_URI)), Scopes.of("users-basic")));
    }

    // --- request format ---

    @Test
    void refuses_a_json_body_and_names_the_content_type_it_needs() {
        HttpResponse<String> r = postRaw(server.tokenUrl(), "application/json", "{\"grant_type\":\"authorization_code\"}");
        assertOAuthError(r, 400, "invalid_request", "application/x-www-form-urlencoded");
    }

    @Test
    void refuses_a_missing_grant_type() {
        assertOAuthError(postWithBasic("code", "x"), 400, "invalid_request", "grant_type is required");
    }

    @Test
    void refuses_a_repeated_parameter() {
        HttpResponse<String> r = postRaw(server.tokenUrl(), "application/x-www-form-urlencoded",
                "grant_type=authorization_code&code=a&code=b", "Authorization", basic(DEMO_CLIENT_ID, DEMO_CLIENT_SECRET));
        assertOAuthError(r, 400, "invalid_request", "parameter 'code' must not be repeated");
    }

    @Test
    void refuses_broken_percent_encoding_and_says_where() {
        HttpResponse<String> r = postRaw(server.tokenUrl(), "application/x-www-form-urlencoded",
                "grant_type=authorization_code&code=%zz");
        assertOAuthError(r, 400, "invalid_request", "parameter 'code'");
    }

    @Test
    void answers_get_with_405_in_json() {
        HttpResponse<String> r = TestHttp.get(server.tokenUrl());
        assertThat(r.statusCode()).isEqualTo(405);
        assertThat(TestHttp.json(r).get("error").asText()).isEqualTo("invalid_request");
    }

    @Test
    void refuses_an_oversized_body_with_413_in_json() {
        HttpResponse<String> r = postRaw(server.tokenUrl(), "application/x-www-form-urlencoded",
                "grant_type=authorization_code&code=" + "a".repeat(70_000));
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(TestHttp.json(r).get("error").asText()).isEqualTo("invalid_request");
    }

    // --- grant types ---

    @Test
    void refuses_the_password_grant_as_unsupported() {
        HttpResponse<String> r = postWithBasic("grant_type", "password", "username", "mari", "password", "demo-student");
        assertOAuthError(r, 400, "unsupported_grant_type", "'password' is not supported");
    }

    @Test
    void refuses_client_credentials_unless_the_client_allows_it() {
        HttpResponse<String> r = postWithBasic("grant_type", "client_credentials");
        assertOAuthError(r, 400, "unsupported_grant_type", "not enabled for client " + DEMO_CLIENT_ID);
    }

    @Test
    void grants_client_credentials_to_a_client_that_allows_it_without_a_refresh_token() {
        MockClient cc = server.registerClient(MockClient.of(ClientCredentials.generate(new SecureRandom()), "Backend",
                List.of(RedirectUri.of(DEMO_REDIRECT_URI)), Scopes.of("users-basic"))
                .withAllowedGrants(MockClient.Grant.CLIENT_CREDENTIALS));

        HttpResponse<String> r = postForm(server.tokenUrl(), form("grant_type", "client_credentials"),
                "Authorization", basic(cc.id().value(), cc.secret().value()));

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(TestHttp.json(r).has("refresh_token")).isFalse();
    }

    @Test
    void refuses_a_grant_the_client_is_not_allowed_as_unauthorized_client() {
        MockClient c = server.registerClient(MockClient.of(ClientCredentials.generate(new SecureRandom()), "CC only",
                List.of(RedirectUri.of(DEMO_REDIRECT_URI)), Scopes.of("users-basic")).withAllowedGrants(MockClient.Grant.CLIENT_CREDENTIALS));

        HttpResponse<String> r = postForm(server.tokenUrl(), form("grant_type", "authorization_code", "code", "x"),
                "Authorization", basic(c.id().value(), c.secret().value()));

        assertOAuthError(r, 400, "unauthorized_client", "may not use grant_type 'authorization_code'");
    }

    // --- client authentication ---

    @Test
    void refuses_basic_and_form_secret_together() {
        HttpResponse<String> r = postWithBasic("grant_type", "authorization_code", "code", "x",
                "client_id", DEMO_CLIENT_ID, "client_secret", DEMO_CLIENT_SECRET);
        assertOAuthError(r, 400, "invalid_request", "use exactly one method");
    }

    @Test
    void checks_the_client_id_format_first_with_ekool_cores_message() {
        HttpResponse<String> r = postForm(server.tokenUrl(), form("grant_type", "authorization_code", "code", "x",
                "client_id", DEMO_CLIENT_ID.substring(1), "client_secret", DEMO_CLIENT_SECRET));
        assertOAuthError(r, 401, "invalid_client",
                "client_id must be exactly 32 letters or digits (A-Z, a-z, 0-9); got 31 characters");
        assertThat(r.headers().firstValue("WWW-Authenticate")).isEmpty();
    }

    @Test
    void reports_a_malformed_secret_by_length_and_position_without_echoing_it() {
        String badSecret = DEMO_CLIENT_SECRET.substring(0, 39) + "!";
        HttpResponse<String> r = postForm(server.tokenUrl(), form("grant_type", "authorization_code", "code", "x"),
                "Authorization", basic(DEMO_CLIENT_ID, badSecret));
        JsonNode body = assertOAuthError(r, 401, "invalid_client", "client_secret must contain only letters and digits");
        assertThat(body.get("error_description").asText()).contains("position 40").doesNotContain(badSecret).doesNotContain("!");
        assertThat(r.headers().firstValue("WWW-Authenticate").orElse("")).startsWith("Basic");
    }

    @Test
    void a_request_without_any_client_authentication_is_told_the_client_id_is_missing() {
        HttpResponse<String> r = postForm(server.tokenUrl(), form("grant_type", "authorization_code", "code", "x"));
        assertOAuthError(r, 401, "invalid_client", "client_id must be exactly 32 letters or digits (A-Z, a-z, 0-9); got no value");
    }

    @Test
    void refuses_an_unknown_client_like_passport() {
        HttpResponse<String> r = postForm(server.tokenUrl(), form("grant_type", "authorization_code", "code", "x",
                "client_id", "A".repeat(32), "client_secret", DEMO_CLIENT_SECRET));
        assertOAuthError(r, 401, "invalid_client", "Client authentication failed");
    }

    @Test
    void refuses_a_wrong_secret_with_a_basic_challenge_when_basic_was_used() {
        HttpResponse<String> r = postForm(server.tokenUrl(), form("grant_type", "authorization_code", "code", "x"),
                "Authorization", basic(DEMO_CLIENT_ID, "B".repeat(40)));
        assertOAuthError(r, 401, "invalid_client", "Client authentication failed");
        assertThat(r.headers().firstValue("WWW-Authenticate").orElse("")).startsWith("Basic realm=");
    }

    @Test
    void refuses_a_basic_header_that_is_not_base64() {
        HttpResponse<String> r = postForm(server.tokenUrl(), form("grant_type", "authorization_code", "code", "x"),
                "Authorization", "Basic ***");
        assertOAuthError(r, 401, "invalid_client", "not base64");
    }

    // --- authorization_code ---

    @Test
    void requires_the_code() {
        assertOAuthError(postWithBasic("grant_type", "authorization_code", "redirect_uri", DEMO_REDIRECT_URI),
                400, "invalid_request", "code is required");
    }

    @Test
    void refuses_an_unknown_code() {
        assertOAuthError(Flows.exchange(server, "not-a-code"), 400, "invalid_grant", "authorization code is unknown");
    }

    @Test
    void a_reused_code_is_refused_and_revokes_the_tokens_it_issued() {
        String code = Flows.code(server);
        JsonNode first = TestHttp.json(Flows.exchange(server, code));

        assertOAuthError(Flows.exchange(server, code), 400, "invalid_grant", "already been used");
        assertThat(Flows.me(server, first.get("access_token").asText()).statusCode()).isEqualTo(401);
        assertThat(Flows.refresh(server, first.get("refresh_token").asText()).statusCode()).isEqualTo(400);
    }

    @Test
    void refuses_an_expired_code() {
        String code = Flows.code(server);
        server.advanceClock(Duration.ofMinutes(10).plusSeconds(1));
        assertOAuthError(Flows.exchange(server, code), 400, "invalid_grant", "expired");
    }

    @Test
    void refuses_a_code_issued_to_another_client() {
        MockClient other = otherClient();
        String code = Flows.code(server);

        HttpResponse<String> r = postForm(server.tokenUrl(), form("grant_type", "authorization_code", "code", code,
                "redirect_uri", DEMO_REDIRECT_URI), "Authorization", basic(other.id().value(), other.secret().value()));

        assertOAuthError(r, 400, "invalid_grant", "issued to another client");
    }

    @Test
    void a_foreign_clients_attempt_does_not_burn_the_code() {
        MockClient other = otherClient();
        String code = Flows.code(server);
        postForm(server.tokenUrl(), form("grant_type", "authorization_code", "code", code, "redirect_uri", DEMO_REDIRECT_URI),
                "Authorization", basic(other.id().value(), other.secret().value()));

        assertThat(Flows.exchange(server, code).statusCode()).isEqualTo(200);
    }

    @Test
    void requires_the_redirect_uri_when_the_authorize_request_had_one() {
        assertOAuthError(Flows.exchange(server, Flows.code(server), "redirect_uri", null), 400, "invalid_request",
                "redirect_uri is required");
    }

    @Test
    void refuses_a_redirect_uri_different_from_the_authorize_one() {
        assertOAuthError(Flows.exchange(server, Flows.code(server), "redirect_uri", MockConfig.DEMO_REDIRECT_URI_IPV4),
                400, "invalid_grant", "must be identical");
    }

    @Test
    void requires_the_code_verifier_when_a_challenge_was_sent() {
        String code = Flows.code(server, "code_challenge", Flows.CHALLENGE, "code_challenge_method", "S256");
        assertOAuthError(Flows.exchange(server, code), 400, "invalid_request", "code_verifier is required");
    }

    @Test
    void refuses_a_wrong_code_verifier() {
        String code = Flows.code(server, "code_challenge", Flows.CHALLENGE, "code_challenge_method", "S256");
        assertOAuthError(Flows.exchange(server, code, "code_verifier", "x".repeat(43)), 400, "invalid_grant",
                "does not match the code_challenge");
    }

    @Test
    void accepts_the_right_code_verifier() {
        String code = Flows.code(server, "code_challenge", Flows.CHALLENGE, "code_challenge_method", "S256");
        HttpResponse<String> r = Flows.exchange(server, code, "code_verifier", Flows.VERIFIER);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    @Test
    void refuses_a_code_verifier_when_no_challenge_was_sent() {
        assertOAuthError(Flows.exchange(server, Flows.code(server), "code_verifier", Flows.VERIFIER), 400, "invalid_grant",
                "had no code_challenge");
    }

    @Test
    void refuses_a_malformed_code_verifier() {
        assertOAuthError(Flows.exchange(server, Flows.code(server), "code_verifier", "short"), 400, "invalid_request",
                "43 to 128 characters");
    }

    // --- refresh_token ---

    @Test
    void requires_the_refresh_token() {
        assertOAuthError(postWithBasic("grant_type", "refresh_token"), 400, "invalid_request", "refresh_token is required");
    }

    @Test
    void refuses_an_unknown_refresh_token() {
        assertOAuthError(Flows.refresh(server, "bm90LWEtdG9rZW4"), 400, "invalid_grant", "refresh token is unknown");
    }

    @Test
    void refuses_a_refresh_token_of_another_client() {
        MockClient other = otherClient();
        String refresh = Flows.tokens(server).get("refresh_token").asText();

        HttpResponse<String> r = postForm(server.tokenUrl(), form("grant_type", "refresh_token", "refresh_token", refresh),
                "Authorization", basic(other.id().value(), other.secret().value()));

        assertOAuthError(r, 400, "invalid_grant", "issued to another client");
    }

    @Test
    void refuses_to_widen_scopes_on_refresh() {
        String refresh = Flows.tokens(server).get("refresh_token").asText();
        HttpResponse<String> r = postWithBasic("grant_type", "refresh_token", "refresh_token", refresh, "scope", "users-basic mkool-api");
        assertOAuthError(r, 400, "invalid_scope", "may only narrow");
    }

    @Test
    void refuses_an_expired_refresh_token() {
        String refresh = Flows.tokens(server).get("refresh_token").asText();
        server.advanceClock(Duration.ofDays(30).plusSeconds(1));
        assertOAuthError(Flows.refresh(server, refresh), 400, "invalid_grant", "expired");
    }
}
