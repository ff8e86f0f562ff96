package dev.ekoolkit.testkit;

import dev.ekoolkit.core.client.ClientRegistrationRequest;
import dev.ekoolkit.core.flow.EkoolOAuthClient;
import dev.ekoolkit.core.flow.PendingAuthorization;
import dev.ekoolkit.core.scope.Scopes;
import dev.ekoolkit.mock.api.Endpoint;
import dev.ekoolkit.mock.api.TokenResponse;
import dev.ekoolkit.mock.config.MockClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;

import static dev.ekoolkit.testkit.EkoolAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The handle's conveniences beyond the server's own operations. */
@EkoolMockTest
class EkoolMockHandleTest {

    @BeforeEach
    void reset(EkoolMock ekool) {
        ekool.reset();
    }

    @Test
    void tokens_for_a_user_need_no_browser(EkoolMock ekool) {
        TokenResponse tokens = ekool.issueTokens("mari");

        assertThat(tokens).isBearer().hasScope("users-basic").isForUser("100001")
                .isForClient(ekool.client().clientId()).hasRefreshToken().hasJwtAccessToken();
    }

    @Test
    void tokens_for_a_user_can_read_the_profile(EkoolMock ekool) {
        EkoolOAuthClient client = EkoolOAuthClient.builder().environment(ekool.environment())
                .credentials(ekool.client()).redirectUri(ekool.redirectUri()).build();

        assertThat(client.fetchBasicProfile(ekool.issueTokens("jaan", Scopes.parse("users-basic")).accessToken()).lastName())
                .isEqualTo("Tamm");
    }

    @Test
    void following_a_login_without_a_chosen_user_says_how_to_choose_one(EkoolMock ekool) {
        PendingAuthorization login = client(ekool).startAuthorization();

        assertThatThrownBy(() -> ekool.followLogin(login.authorizationUri()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("answered 200")
                .hasMessageContaining("call loginAs(\"mari\") first or configure autoLogin");
    }

    @Test
    void following_a_login_returns_the_callback_with_code_and_state(EkoolMock ekool) {
        PendingAuthorization login = client(ekool).startAuthorization();
        ekool.loginAs("tiina");

        URI callback = ekool.followLogin(login.authorizationUri());

        assertThat(callback.toString()).startsWith(ekool.redirectUri().value() + "?").contains("code=")
                .contains("state=" + login.state());
    }

    @Test
    void take_request_fails_with_what_was_recorded_when_nothing_comes(EkoolMock ekool) {
        ekool.issueTokens("mari");

        assertThatThrownBy(() -> ekool.takeRequest(Endpoint.TOKEN, Duration.ofMillis(50)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("no request to TOKEN (/oauth/token) reached the eKool mock within PT0.05S");
    }

    @Test
    void allowing_a_redirect_uri_keeps_the_credentials(EkoolMock ekool) {
        MockClient updated = ekool.allowRedirectUri("http://127.0.0.1:9999/callback");

        assertThat(updated.credentials()).isEqualTo(ekool.client());
        assertThat(ekool.defaultClient().redirectUris()).extracting(Object::toString).contains("http://127.0.0.1:9999/callback");
    }

    @Test
    void a_registered_client_gets_fresh_ekool_format_credentials(EkoolMock ekool) {
        MockClient client = ekool.registerClient(ClientRegistrationRequest.builder()
                .organisation("Tartu Example School")
                .responsiblePerson("Mari", "Maasikas", "mari.maasikas@example.ee", "+372 5123 4567")
                .purpose("Library sign-in")
                .redirectUri("https://library.example.ee/oauth2/callback")
                .build());

        assertThat(client.id().value()).hasSize(32);
        assertThat(ekool.clients()).contains(client);
    }

    @Test
    void properties_name_the_mock_and_the_default_client(EkoolMock ekool) {
        assertThat(ekool.properties()).containsOnlyKeys("ekool.login-url", "ekool.api-url", "ekool.client-id",
                "ekool.client-secret", "ekool.redirect-uri");
    }

    @Test
    void a_user_is_found_by_username_or_id(EkoolMock ekool) {
        assertThat(ekool.user("mari")).isEqualTo(ekool.user("100001"));
        assertThatThrownBy(() -> ekool.user("nobody")).hasMessageContaining("no user has the id or username 'nobody'");
    }

    private static EkoolOAuthClient client(EkoolMock ekool) {
        return EkoolOAuthClient.builder().environment(ekool.environment()).credentials(ekool.client())
                .redirectUri(ekool.redirectUri()).build();
    }
}
