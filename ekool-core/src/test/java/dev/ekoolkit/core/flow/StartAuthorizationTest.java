package dev.ekoolkit.core.flow;

import dev.ekoolkit.core.scope.Scopes;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static dev.ekoolkit.core.flow.Fixtures.form;
import static org.assertj.core.api.Assertions.assertThat;

class StartAuthorizationTest {

    private final EkoolOAuthClient client = Fixtures.builder().build();

    @Test
    void authorize_uri_goes_to_the_login_url_authorize_endpoint() {
        var uri = client.startAuthorization().authorizationUri();

        assertThat(uri.getScheme() + "://" + uri.getHost() + uri.getPath()).isEqualTo("https://login.ekool.eu/oauth/authorize");
        assertThat(uri.getRawFragment()).isNull();
    }

    @Test
    void authorize_uri_carries_every_parameter_of_rfc_6749_4_1_1_and_rfc_7636_4_3() {
        PendingAuthorization pending = client.startAuthorization();

        Map<String, String> query = form(pending.authorizationUri().getRawQuery());

        assertThat(query).containsOnlyKeys("response_type", "client_id", "redirect_uri", "scope", "state",
                "code_challenge", "code_challenge_method");
        assertThat(query).containsEntry("response_type", "code")
                .containsEntry("client_id", Fixtures.CLIENT_ID)
                .containsEntry("redirect_uri", Fixtures.REDIRECT)
                .containsEntry("scope", "users-basic")
                .containsEntry("state", pending.state())
                .containsEntry("code_challenge_method", "S256");
    }

    @Test
    void redirect_uri_is_percent_encoded_in_the_query() {
        String raw = client.startAuthorization().authorizationUri().getRawQuery();

        assertThat(raw).contains("redirect_uri=https%3A%2F%2Fmy.application.com%2Foauth2%2Fcallback");
    }

    @Test
    void several_scopes_are_sent_space_separated_in_order() {
        PendingAuthorization pending = client.startAuthorization(Scopes.of("users-basic", "mkool-api"));

        assertThat(form(pending.authorizationUri().getRawQuery())).containsEntry("scope", "users-basic mkool-api");
        assertThat(pending.scopes()).isEqualTo(Scopes.of("users-basic", "mkool-api"));
    }

    @Test
    void empty_scopes_leave_out_the_scope_parameter() {
        PendingAuthorization pending = client.startAuthorization(Scopes.empty());

        assertThat(form(pending.authorizationUri().getRawQuery())).doesNotContainKey("scope");
    }

    @Test
    void s256_helper_reproduces_the_rfc_7636_appendix_b_vector() {
        assertThat(Fixtures.s256("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"))
                .isEqualTo("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
    }

    @Test
    void code_challenge_is_the_s256_hash_of_the_kept_code_verifier() {
        PendingAuthorization pending = client.startAuthorization();

        assertThat(form(pending.authorizationUri().getRawQuery()))
                .containsEntry("code_challenge", Fixtures.s256(pending.codeVerifier()));
    }

    @Test
    void code_verifier_has_43_to_128_unreserved_characters_per_rfc_7636_4_1() {
        String verifier = client.startAuthorization().codeVerifier();

        assertThat(verifier).hasSizeBetween(43, 128).matches("[A-Za-z0-9._~-]+");
    }

    @Test
    void every_authorization_gets_a_fresh_state_and_code_verifier() {
        Set<String> states = new HashSet<>();
        Set<String> verifiers = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            PendingAuthorization pending = client.startAuthorization();
            states.add(pending.state());
            verifiers.add(pending.codeVerifier());
        }

        assertThat(states).hasSize(200);
        assertThat(verifiers).hasSize(200);
    }

    @Test
    void state_is_long_enough_to_be_unguessable() {
        assertThat(client.startAuthorization().state()).hasSizeGreaterThanOrEqualTo(32);
    }

    @Test
    void without_pkce_there_is_no_challenge_and_no_verifier() {
        PendingAuthorization pending = Fixtures.builder().pkce(false).build().startAuthorization();

        assertThat(pending.codeVerifier()).isNull();
        assertThat(pending.usesPkce()).isFalse();
        assertThat(form(pending.authorizationUri().getRawQuery()))
                .doesNotContainKeys("code_challenge", "code_challenge_method");
    }

    @Test
    void pending_authorization_remembers_redirect_uri_scopes_and_creation_time() {
        PendingAuthorization pending = client.startAuthorization();

        assertThat(pending.redirectUri().value()).isEqualTo(Fixtures.REDIRECT);
        assertThat(pending.scopes()).isEqualTo(Scopes.of("users-basic"));
        assertThat(pending.createdAt()).isEqualTo(Fixtures.NOW);
    }

    @Test
    void pending_authorization_to_string_hides_the_code_verifier_and_the_full_state() {
        PendingAuthorization pending = client.startAuthorization();

        assertThat(pending.toString()).doesNotContain(pending.codeVerifier()).doesNotContain(pending.state())
                .contains("codeVerifier=****");
    }

    @Test
    void client_to_string_masks_the_secret() {
        assertThat(client.toString()).doesNotContain(Fixtures.CLIENT_SECRET).contains(Fixtures.CLIENT_ID);
    }
}
