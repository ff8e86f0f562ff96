package dev.ekoolkit.mock.config;

import dev.ekoolkit.core.client.RedirectUri;
import dev.ekoolkit.core.credentials.ClientCredentials;
import dev.ekoolkit.core.credentials.ClientId;
import dev.ekoolkit.core.credentials.ClientSecret;
import dev.ekoolkit.core.scope.Scopes;
import dev.ekoolkit.mock.config.MockClient.Grant;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A registered client: its redirect-URI matching (RFC 9700 section 4.1.3, exact string), its rules and its copies. */
class MockClientTest {

    private static final String ID = "AbCdEfGhIjKlMnOpQrStUvWxYz012345";
    private static final String SECRET = "0123456789abcdefghijABCDEFGHIJ0123456789";
    private static final String LOCALHOST = "http://localhost:8080/oauth2/callback";
    private static final String IPV4 = "http://127.0.0.1:8080/oauth2/callback";

    private final MockClient client = new MockClient(ClientId.of(ID), ClientSecret.of(SECRET), "Homework app",
            List.of(RedirectUri.of(LOCALHOST), RedirectUri.of(IPV4)), Scopes.parse("users-basic"),
            Set.of(Grant.AUTHORIZATION_CODE));

    // --- redirect URIs ---

    @Test
    void accepts_each_registered_redirect_uri_exactly() {
        assertThat(client.hasRedirectUri("http://localhost:8080/oauth2/callback")).isTrue();
        assertThat(client.hasRedirectUri("http://127.0.0.1:8080/oauth2/callback")).isTrue();
    }

    @Test
    void refuses_a_redirect_uri_that_differs_in_case_port_path_or_a_trailing_slash() {
        assertThat(client.hasRedirectUri("http://LOCALHOST:8080/oauth2/callback")).isFalse();
        assertThat(client.hasRedirectUri("http://localhost:8081/oauth2/callback")).isFalse();
        assertThat(client.hasRedirectUri("http://localhost:8080/oauth2/callback/")).isFalse();
        assertThat(client.hasRedirectUri("http://localhost:8080/oauth2/callback?x=1")).isFalse();
    }

    @Test
    void refuses_no_redirect_uri() {
        assertThat(client.hasRedirectUri(null)).isFalse();
        assertThat(client.hasRedirectUri("")).isFalse();
    }

    // --- rules ---

    @Test
    void refuses_a_blank_name_and_names_the_client() {
        assertThatThrownBy(() -> client.withName("  "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("name must not be blank (client " + ID + ")");
    }

    @Test
    void refuses_an_empty_redirect_uri_list() {
        assertThatThrownBy(() -> client.withRedirectUris(List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("redirectUris must list at least one redirect URI (client " + ID + ")");
    }

    @Test
    void refuses_a_repeated_redirect_uri() {
        assertThatThrownBy(() -> client.withRedirectUris(List.of(RedirectUri.of(IPV4), RedirectUri.of(IPV4))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("redirectUris must not repeat a URI (client " + ID + ")");
    }

    @Test
    void refuses_no_scopes() {
        assertThatThrownBy(() -> client.withAllowedScopes(Scopes.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("allowedScopes must list at least one scope (client " + ID + ")");
    }

    @Test
    void refuses_no_grants() {
        assertThatThrownBy(() -> client.withAllowedGrants(Set.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("allowedGrants must list at least one grant (client " + ID + ")");
    }

    // --- grants ---

    @Test
    void allows_only_the_grants_it_lists() {
        assertThat(client.allows(Grant.AUTHORIZATION_CODE)).isTrue();
        assertThat(client.allows(Grant.REFRESH_TOKEN)).isFalse();
        assertThat(client.allows(Grant.CLIENT_CREDENTIALS)).isFalse();
    }

    @Test
    void a_client_made_from_credentials_gets_the_code_and_refresh_grants() {
        MockClient made = MockClient.of(ClientCredentials.of(ClientId.of(ID), ClientSecret.of(SECRET)), "Homework app",
                List.of(RedirectUri.of(LOCALHOST)), Scopes.parse("users-basic"));

        assertThat(made.id().value()).isEqualTo(ID);
        assertThat(made.secret().value()).isEqualTo(SECRET);
        assertThat(made.allowedGrants()).containsExactly(Grant.AUTHORIZATION_CODE, Grant.REFRESH_TOKEN);
        assertThat(made.credentials().clientId().value()).isEqualTo(ID);
        assertThat(made.credentials().clientSecret().value()).isEqualTo(SECRET);
    }

    // --- copies ---

    @Test
    void each_copy_changes_one_part_and_leaves_the_original_alone() {
        String newSecret = "9876543210zyxwvutsrqZYXWVUTSRQ9876543210";

        assertThat(client.withSecret(ClientSecret.of(newSecret)).secret().value()).isEqualTo(newSecret);
        assertThat(client.withName("Timetable").name()).isEqualTo("Timetable");
        assertThat(client.withRedirectUris(List.of(RedirectUri.of(IPV4))).hasRedirectUri(LOCALHOST)).isFalse();
        assertThat(client.withAllowedScopes(Scopes.parse("users-basic mkool-api")).allowedScopes().format())
                .isEqualTo("users-basic mkool-api");
        assertThat(client.withAllowedGrants(Grant.CLIENT_CREDENTIALS).allowedGrants())
                .containsExactly(Grant.CLIENT_CREDENTIALS);
        assertThat(client.secret().value()).isEqualTo(SECRET);
        assertThat(client.name()).isEqualTo("Homework app");
        assertThat(client.hasRedirectUri(LOCALHOST)).isTrue();
    }

    @Test
    void prints_everything_but_the_secret() {
        MockClient both = client.withAllowedGrants(Grant.REFRESH_TOKEN, Grant.AUTHORIZATION_CODE);

        assertThat(both.toString()).isEqualTo("MockClient[id=" + ID + ", secret=****, name=Homework app, redirectUris=["
                + LOCALHOST + ", " + IPV4 + "], allowedScopes=users-basic, allowedGrants=[authorization_code, refresh_token]]");
    }
}
