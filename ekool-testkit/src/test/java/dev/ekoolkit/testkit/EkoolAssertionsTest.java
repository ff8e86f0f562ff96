package dev.ekoolkit.testkit;

import dev.ekoolkit.mock.api.AuthMethod;
import dev.ekoolkit.mock.api.Endpoint;
import dev.ekoolkit.mock.api.RecordedRequest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.ekoolkit.testkit.EkoolAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Failure messages of the custom assertions, on hand-made recorded requests. */
class EkoolAssertionsTest {

    private static RecordedRequest token(AuthMethod auth, Map<String, List<String>> params) {
        return new RecordedRequest(Instant.EPOCH, Endpoint.TOKEN, "POST", "/oauth/token",
                params.containsKey("grant_type") ? params.get("grant_type").get(0) : null, "demoEkoolMockClientId00000000000",
                auth, params, Map.of(), 200);
    }

    private static Map<String, List<String>> params(String... pairs) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            out.put(pairs[i], List.of(pairs[i + 1]));
        }
        return out;
    }

    @Test
    void a_wrong_grant_type_says_what_was_sent() {
        RecordedRequest r = token(AuthMethod.POST, params("grant_type", "refresh_token"));

        assertThatThrownBy(() -> assertThat(r).hasGrantType("authorization_code"))
                .hasMessageContaining("Expected grant_type <authorization_code> but the request sent <refresh_token>");
    }

    @Test
    void a_wrong_client_authentication_names_both_methods() {
        RecordedRequest r = token(AuthMethod.POST, params("grant_type", "authorization_code"));

        assertThatThrownBy(() -> assertThat(r).usedClientSecretBasic())
                .hasMessageContaining("Expected the client to authenticate with client_secret_basic (HTTP Basic) but it "
                        + "used client_secret_post (form fields)");
    }

    @Test
    void a_token_request_without_a_verifier_fails_used_pkce_citing_rfc_7636() {
        RecordedRequest r = token(AuthMethod.POST, params("grant_type", "authorization_code", "code", "****"));

        assertThatThrownBy(() -> assertThat(r).usedPkce())
                .hasMessageContaining("PKCE code_verifier (RFC 7636 section 4.5)");
    }

    @Test
    void an_authorization_request_with_plain_pkce_fails_used_pkce() {
        RecordedRequest r = new RecordedRequest(Instant.EPOCH, Endpoint.AUTHORIZE, "GET", "/oauth/authorize", null,
                "x", AuthMethod.NONE, params("code_challenge", "abc", "code_challenge_method", "plain"), Map.of(), 302);

        assertThatThrownBy(() -> assertThat(r).usedPkce()).hasMessageContaining("Expected code_challenge_method <S256>");
    }

    @Test
    void scopes_are_compared_token_by_token() {
        RecordedRequest r = token(AuthMethod.POST, params("scope", "users-basic mkool-api"));

        assertThat(r).hasScope("mkool-api");
        assertThatThrownBy(() -> assertThat(r).hasScope("users")).hasMessageContaining("asked for <users-basic mkool-api>");
    }

    @Test
    void a_wrong_redirect_uri_quotes_both() {
        RecordedRequest r = token(AuthMethod.POST, params("redirect_uri", "http://127.0.0.1:1/cb"));

        assertThatThrownBy(() -> assertThat(r).hasRedirectUri("http://127.0.0.1:1/cb/"))
                .hasMessageContaining("Expected redirect_uri <http://127.0.0.1:1/cb/> but the request sent <http://127.0.0.1:1/cb>");
    }

    @Test
    void the_endpoint_is_checked() {
        RecordedRequest r = token(AuthMethod.NONE, params());

        assertThatThrownBy(() -> assertThat(r).isAuthorizationRequest())
                .hasMessageContaining("Expected a request to AUTHORIZE (/oauth/authorize) but it was to TOKEN (/oauth/token)");
    }
}
