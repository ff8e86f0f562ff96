package dev.ekoolkit.mock.token;

import dev.ekoolkit.core.scope.Scopes;
import dev.ekoolkit.mock.EkoolMockServer;
import dev.ekoolkit.mock.config.MockConfig;
import dev.ekoolkit.mock.config.MockUser;
import dev.ekoolkit.mock.runtime.MockRuntime;
import dev.ekoolkit.mock.state.TokenFamilies;
import dev.ekoolkit.mock.support.Flows;
import dev.ekoolkit.mock.support.TestHttp;
import dev.ekoolkit.mock.wiring.Routes;
import io.javalin.Javalin;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;

import static dev.ekoolkit.mock.support.OAuthAssertions.assertOAuthError;
import static dev.ekoolkit.mock.support.TestHttp.basic;
import static dev.ekoolkit.mock.support.TestHttp.form;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A refresh token stops working when what it was issued for is gone. The mock cannot remove users (only reset
 * back to the configuration, which drops every token), so the user check is exercised on a family whose user
 * the directory does not hold; client removal and reset are covered over the public API.
 */
class RefreshAfterRemovalTest {

    @Test
    void refuses_to_refresh_for_a_user_who_no_longer_exists() {
        MockRuntime rt = new MockRuntime(MockConfig.defaults(), Clock.systemUTC(), null, null);
        Javalin app = Routes.create(rt, "127.0.0.1", 0, Duration.ofSeconds(5)).start();
        try {
            rt.baseUrl("http://127.0.0.1:" + app.port());
            TokenFamilies.Issue issue = rt.state().tokens().create(MockConfig.DEMO_CLIENT_ID, "no-such-user",
                    Scopes.parse("users-basic"), true, rt.now());
            String refresh = rt.issuer().complete(rt.state().tokens(), issue).refreshToken();

            HttpResponse<String> r = TestHttp.postForm(URI.create("http://127.0.0.1:" + app.port() + "/oauth/token"),
                    form("grant_type", "refresh_token", "refresh_token", refresh),
                    "Authorization", basic(MockConfig.DEMO_CLIENT_ID, MockConfig.DEMO_CLIENT_SECRET));

            assertOAuthError(r, 400, "invalid_grant", "the user the refresh token was issued for no longer exists");
        } finally {
            app.stop();
        }
    }

    @Test
    void refuses_to_refresh_after_the_client_was_removed_and_registered_again() {
        try (EkoolMockServer server = EkoolMockServer.builder().autoLogin("mari").build().start()) {
            String refresh = Flows.tokens(server).get("refresh_token").asText();
            var client = server.defaultClient();

            server.removeClient(client.id());
            server.registerClient(client);

            assertOAuthError(Flows.refresh(server, refresh), 400, "invalid_grant", "unknown or revoked");
        }
    }

    @Test
    void refuses_to_refresh_for_a_removed_client() {
        try (EkoolMockServer server = EkoolMockServer.builder().autoLogin("mari").build().start()) {
            String refresh = Flows.tokens(server).get("refresh_token").asText();

            server.removeClient(server.defaultClient().id());

            assertOAuthError(Flows.refresh(server, refresh), 401, "invalid_client", "Client authentication failed");
        }
    }

    @Test
    void refuses_to_refresh_a_token_issued_before_a_reset_for_a_user_added_at_run_time() {
        try (EkoolMockServer server = EkoolMockServer.builder().build().start()) {
            server.addUser(MockUser.of("900001", "added", "pw", "Added", "User", "added@example.com", null, MockUser.Role.STUDENT));
            server.loginAs("added");
            String refresh = Flows.tokens(server).get("refresh_token").asText();

            server.reset();

            assertThat(server.users()).noneMatch(u -> u.id().equals("900001"));
            assertOAuthError(Flows.refresh(server, refresh), 400, "invalid_grant", "unknown or revoked");
        }
    }
}
