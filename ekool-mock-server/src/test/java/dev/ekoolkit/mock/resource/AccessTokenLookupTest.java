package dev.ekoolkit.mock.resource;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ekoolkit.core.client.RedirectUri;
import dev.ekoolkit.core.credentials.ClientCredentials;
import dev.ekoolkit.core.scope.Scopes;
import dev.ekoolkit.mock.EkoolMockServer;
import dev.ekoolkit.mock.config.MockClient;
import dev.ekoolkit.mock.config.MockConfig;
import dev.ekoolkit.mock.runtime.MockRuntime;
import dev.ekoolkit.mock.state.TokenFamilies;
import dev.ekoolkit.mock.support.Flows;
import dev.ekoolkit.mock.support.MockServerExtension;
import dev.ekoolkit.mock.support.TestHttp;
import dev.ekoolkit.mock.wiring.Routes;
import io.javalin.Javalin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Function;

import static dev.ekoolkit.mock.support.OAuthAssertions.assertOAuthError;
import static dev.ekoolkit.mock.support.TestHttp.basic;
import static dev.ekoolkit.mock.support.TestHttp.form;
import static dev.ekoolkit.mock.support.TestHttp.postForm;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /user/me/basic}'s token lookup and what it answers for a token it accepts: the profile, the
 * expiry to the second, and tokens whose user or client is gone. Every refusal is checked by its exact
 * {@code error_description}.
 */
class AccessTokenLookupTest {

    private static EkoolMockServer server;

    @RegisterExtension
    static final MockServerExtension MOCK = new MockServerExtension(
            b -> b.clock(Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC)), s -> server = s);

    private static String accessToken() {
        return server.issueTokens("mari", null, Scopes.of("users-basic")).accessToken();
    }

    private static void assertRefused(HttpResponse<String> r, int status, String error, String description) {
        JsonNode body = assertOAuthError(r, status, error, description);
        assertThat(body.get("error_description").asText()).isEqualTo(description);
    }

    /** A token this server's state holds for a user or client its directory does not, asked for at /user/me/basic. */
    private static HttpResponse<String> meWithTokenFor(Function<MockRuntime, TokenFamilies.Issue> create) {
        MockRuntime rt = new MockRuntime(MockConfig.defaults(), Clock.systemUTC(), null, null);
        Javalin app = Routes.create(rt, "127.0.0.1", 0, Duration.ofSeconds(5)).start();
        try {
            rt.baseUrl("http://127.0.0.1:" + app.port());
            TokenFamilies.Issue issue = create.apply(rt);
            String access = rt.issuer().complete(rt.state().tokens(), issue).accessToken();
            return TestHttp.get(URI.create("http://127.0.0.1:" + app.port() + "/user/me/basic"),
                    "Authorization", "Bearer " + access);
        } finally {
            app.stop();
        }
    }

    @Test
    void answers_maris_profile_with_exactly_these_fields_in_wire_order() {
        HttpResponse<String> r = Flows.me(server, accessToken());

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("{\"data\":{\"id\":\"100001\",\"firstName\":\"Mari\",\"lastName\":\"Maasikas\","
                + "\"email\":\"mari.maasikas@example.com\",\"personalCode\":\"61003150227\",\"roles\":[\"student\"]}}");
    }

    @Test
    void takes_the_bearer_scheme_in_any_case() {
        HttpResponse<String> r = TestHttp.get(server.userBasicUrl(), "Authorization", "bEARER " + accessToken());

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    @Test
    void another_scheme_is_told_the_request_has_no_access_token() {
        HttpResponse<String> r = TestHttp.get(server.userBasicUrl(), "Authorization", "Basic " + accessToken());

        assertRefused(r, 401, "invalid_token",
                "the request has no access token; send 'Authorization: Bearer <access_token>' (RFC 6750 section 2.1)");
    }

    @Test
    void accepts_a_token_one_second_before_it_expires() {
        String token = accessToken();
        server.advanceClock(Duration.ofMinutes(59).plusSeconds(59));

        assertThat(Flows.me(server, token).statusCode()).isEqualTo(200);
    }

    @Test
    void refuses_a_token_at_exactly_its_expiry_and_says_when() {
        String token = accessToken();
        server.advanceClock(Duration.ofHours(1));

        assertRefused(Flows.me(server, token), 401, "invalid_token", "the access token expired at 2026-03-02T10:00:00Z");
    }

    @Test
    void refuses_an_unknown_token_naming_the_likely_causes() {
        String token = accessToken();
        server.reset();

        assertRefused(Flows.me(server, token), 401, "invalid_token", "the access token is unknown or revoked (refreshed,"
                + " revoked with its family, issued before a reset, or issued by another server)");
    }

    @Test
    void refuses_text_that_is_not_a_jwt() {
        assertRefused(Flows.me(server, "abc"), 401, "invalid_token",
                "the access token is not a signed JWT issued by this server");
    }

    @Test
    void refuses_a_client_only_token_as_standing_for_no_user() {
        MockClient backend = server.registerClient(MockClient.of(ClientCredentials.generate(new SecureRandom()), "Backend",
                List.of(RedirectUri.of(MockConfig.DEMO_REDIRECT_URI)), Scopes.of("users-basic"))
                .withAllowedGrants(MockClient.Grant.CLIENT_CREDENTIALS));
        HttpResponse<String> tokens = postForm(server.tokenUrl(), form("grant_type", "client_credentials"),
                "Authorization", basic(backend.id().value(), backend.secret().value()));
        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);

        HttpResponse<String> r = Flows.me(server, TestHttp.json(tokens).get("access_token").asText());

        assertRefused(r, 403, "insufficient_scope", "the access token was issued to a client alone"
                + " (client_credentials) and stands for no user (RFC 6750 section 3.1)");
    }

    @Test
    void refuses_a_token_without_users_basic_and_names_the_scopes_it_has() {
        String token = server.issueTokens("mari", null, Scopes.empty()).accessToken();

        assertRefused(Flows.me(server, token), 403, "insufficient_scope",
                "the access token lacks the scope users-basic; it has '' (RFC 6750 section 3.1)");
    }

    @Test
    void refuses_a_token_whose_user_no_longer_exists() {
        HttpResponse<String> r = meWithTokenFor(rt -> rt.state().tokens().create(MockConfig.DEMO_CLIENT_ID,
                "no-such-user", Scopes.parse("users-basic"), true, rt.now()));

        assertRefused(r, 401, "invalid_token", "the access token's user no longer exists");
    }

    @Test
    void refuses_a_live_token_whose_client_is_not_registered() {
        HttpResponse<String> r = meWithTokenFor(rt -> rt.state().tokens().create("A".repeat(32),
                "100001", Scopes.parse("users-basic"), true, rt.now()));

        assertRefused(r, 401, "invalid_token", "the client the access token was issued to has been removed");
    }
}
