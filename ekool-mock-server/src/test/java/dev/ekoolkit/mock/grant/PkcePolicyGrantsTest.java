package dev.ekoolkit.mock.grant;

import dev.ekoolkit.core.error.EkoolOAuthException;
import dev.ekoolkit.core.scope.Scope;
import dev.ekoolkit.core.scope.Scopes;
import dev.ekoolkit.mock.config.MockClient;
import dev.ekoolkit.mock.config.MockConfig;
import dev.ekoolkit.mock.config.MockConfig.PkcePolicy;
import dev.ekoolkit.mock.state.AuthorizationCodes.CodeGrant;
import dev.ekoolkit.mock.state.AuthorizationContext;
import dev.ekoolkit.mock.state.MockState;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The token step under a PKCE policy: a code bound without a challenge (or with {@code plain} under
 * {@code s256}) is refused as {@code invalid_grant} (RFC 7636 section 4.6), whatever the authorize step let
 * through. Codes are put into the state directly, as no authorize request under these policies can make them.
 */
class PkcePolicyGrantsTest {

    private static final Instant NOW = Instant.parse("2026-01-15T10:00:00Z");
    private static final String VERIFIER = "dBjftJeZ4CVP-mJ92K27uhbUJU1p1r_wW1gFWFOEjXk";
    /** BASE64URL(SHA-256(VERIFIER)), computed outside the mock (Python hashlib). */
    private static final String S256_CHALLENGE = "ngF5GsXcbwljx6u133FFr3Xht9xooA_DuaX_3QwODtc";

    private static EkoolOAuthException refusal(PkcePolicy policy, String challenge, String method, String verifier) {
        MockConfig config = MockConfig.defaults().withPkce(policy);
        MockState state = new MockState(config);
        Grants grants = new Grants(() -> state, new TokenIssuer(new SigningKeys(config.signingKey())),
                Clock.fixed(NOW, ZoneOffset.UTC), config);
        MockClient client = config.defaultClient();
        String redirect = client.redirectUris().get(0).value();
        state.codes().put("the-code", new CodeGrant(new AuthorizationContext(client.id().value(), redirect, true,
                Scopes.of(Scope.USERS_BASIC), "xyz", challenge, method), "100001", NOW.plusSeconds(60)), NOW);
        return catchThrowableOfType(EkoolOAuthException.class,
                () -> grants.grant(client, new TokenRequest.CodeExchange("the-code", redirect, verifier)));
    }

    @Test
    void under_required_a_code_without_a_challenge_is_an_invalid_grant_naming_the_policy() {
        EkoolOAuthException e = refusal(PkcePolicy.REQUIRED, null, null, null);

        assertThat(e.error()).isEqualTo("invalid_grant");
        assertThat(e.errorDescription()).isEqualTo("the authorization code was issued without a code_challenge, and"
                + " this server's PKCE policy is 'required' (RFC 7636 section 4.4.1)");
    }

    @Test
    void under_s256_a_plain_code_is_an_invalid_grant_even_with_the_right_verifier() {
        EkoolOAuthException e = refusal(PkcePolicy.S256, VERIFIER, "plain", VERIFIER);

        assertThat(e.error()).isEqualTo("invalid_grant");
        assertThat(e.errorDescription()).isEqualTo("the authorization code was issued with code_challenge_method"
                + " 'plain', and this server's PKCE policy is 's256' (RFC 7636 section 4.4.1)");
    }

    @Test
    void under_s256_an_s256_code_with_the_right_verifier_is_exchanged() {
        assertThat(refusal(PkcePolicy.S256, S256_CHALLENGE, "S256", VERIFIER)).isNull();
    }

    @Test
    void under_optional_a_code_without_a_challenge_is_exchanged() {
        assertThat(refusal(PkcePolicy.OPTIONAL, null, null, null)).isNull();
    }
}
