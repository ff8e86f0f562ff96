package dev.ekoolkit.mock.grant;

import dev.ekoolkit.core.error.EkoolOAuthException;
import dev.ekoolkit.core.scope.Scope;
import dev.ekoolkit.core.scope.Scopes;
import dev.ekoolkit.mock.api.TokenResponse;
import dev.ekoolkit.mock.config.MockClient;
import dev.ekoolkit.mock.config.MockConfig;
import dev.ekoolkit.mock.config.MockUser;
import dev.ekoolkit.mock.state.AuthorizationCodes.CodeGrant;
import dev.ekoolkit.mock.state.AuthorizationContext;
import dev.ekoolkit.mock.state.MockState;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The grants decided without any HTTP: a state, an issuer, a fixed clock and typed token requests. */
class GrantsTest {

    private static final Instant NOW = Instant.parse("2026-01-15T10:00:00Z");
    private static final String VERIFIER = "a".repeat(20) + "-._~" + "B".repeat(19);

    private final MockConfig config = MockConfig.defaults();
    private final MockState state = new MockState(config);
    private final Grants grants = new Grants(() -> state, new TokenIssuer(new SigningKeys(config.signingKey())),
            Clock.fixed(NOW, ZoneOffset.UTC), config);
    private final MockClient client = config.defaultClient();
    private final MockUser mari = state.users().find("mari").orElseThrow();

    private String code(String challenge, String method) {
        AuthorizationContext request = new AuthorizationContext(client.id().value(),
                client.redirectUris().get(0).value(), true, Scopes.of(Scope.USERS_BASIC), "xyz", challenge, method);
        String code = "code-" + System.nanoTime();
        state.codes().put(code, new CodeGrant(request, mari.id(), NOW.plusSeconds(60)), NOW);
        return code;
    }

    private TokenResponse exchange(String code, String verifier) {
        return grants.grant(client, new TokenRequest.CodeExchange(code, client.redirectUris().get(0).value(), verifier));
    }

    private static String s256(String verifier) throws NoSuchAlgorithmException {
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
    }

    @Test
    void exchanges_a_code_for_tokens_of_its_user_client_and_scopes() {
        TokenResponse tokens = exchange(code(null, null), null);

        assertThat(tokens.userId()).isEqualTo(mari.id());
        assertThat(tokens.clientId()).isEqualTo(client.id());
        assertThat(tokens.scopes()).isEqualTo(Scopes.of(Scope.USERS_BASIC));
        assertThat(tokens.expiresIn()).isEqualTo(config.lifetimes().accessToken().toSeconds());
        assertThat(tokens.refreshToken()).isNotBlank();
    }

    @Test
    void a_replayed_code_is_refused_and_revokes_the_tokens_issued_for_it() {
        String code = code(null, null);
        TokenResponse first = exchange(code, null);

        EkoolOAuthException replay = catchThrowableOfType(EkoolOAuthException.class, () -> exchange(code, null));

        assertThat(replay.error()).isEqualTo("invalid_grant");
        assertThat(replay.errorDescription()).contains("already been used");
        assertThat(state.tokens().findIssued(first.accessToken())).isNull();
    }

    @Test
    void checks_the_s256_verifier_against_the_challenge() throws NoSuchAlgorithmException {
        String challenge = s256(VERIFIER);

        assertThat(exchange(code(challenge, "S256"), VERIFIER).accessToken()).isNotBlank();
        EkoolOAuthException wrong = catchThrowableOfType(EkoolOAuthException.class,
                () -> exchange(code(challenge, "S256"), VERIFIER.replace('a', 'c')));
        assertThat(wrong.error()).isEqualTo("invalid_grant");
        assertThat(wrong.errorDescription()).contains("does not match the code_challenge").contains("S256");
    }

    @Test
    void a_code_with_a_challenge_requires_the_verifier() {
        EkoolOAuthException missing = catchThrowableOfType(EkoolOAuthException.class,
                () -> exchange(code(VERIFIER, "plain"), null));

        assertThat(missing.error()).isEqualTo("invalid_request");
        assertThat(missing.errorDescription()).contains("code_verifier is required");
    }

    @Test
    void refresh_rotates_and_a_replayed_refresh_token_revokes_the_family() {
        TokenResponse first = exchange(code(null, null), null);
        TokenResponse second = grants.grant(client, new TokenRequest.Refresh(first.refreshToken(), null));

        EkoolOAuthException replay = catchThrowableOfType(EkoolOAuthException.class,
                () -> grants.grant(client, new TokenRequest.Refresh(first.refreshToken(), null)));

        assertThat(second.refreshToken()).isNotEqualTo(first.refreshToken());
        assertThat(replay.error()).isEqualTo("invalid_grant");
        assertThat(replay.errorDescription()).contains("already been used").contains("revoked");
        assertThat(state.tokens().findIssued(second.accessToken())).isNull();
    }

    @Test
    void refresh_may_narrow_but_not_widen_the_scopes() {
        TokenResponse first = exchange(code(null, null), null);

        EkoolOAuthException wider = catchThrowableOfType(EkoolOAuthException.class, () -> grants.grant(client,
                new TokenRequest.Refresh(first.refreshToken(), Scopes.parse("users-basic other-scope"))));

        assertThat(wider.error()).isEqualTo("invalid_scope");
        assertThat(wider.errorDescription()).contains("may only narrow").contains("'users-basic'");
    }

    @Test
    void client_credentials_issue_a_token_for_no_user_without_a_refresh_token() {
        TokenResponse tokens = grants.grant(client, new TokenRequest.ClientCredentials(null));

        assertThat(tokens.userId()).isNull();
        assertThat(tokens.refreshToken()).isNull();
        assertThat(tokens.scopes()).isEqualTo(client.allowedScopes());
    }

    @Test
    void direct_tokens_refuse_a_scope_the_client_may_not_request_and_name_it() {
        IllegalArgumentException e = catchThrowableOfType(IllegalArgumentException.class,
                () -> grants.direct(client, mari, Scopes.parse("users-basic other-scope")));

        assertThat(e).hasMessageContaining("may not request the scope 'other-scope'");
    }

    @Test
    void an_expired_code_says_when_it_expired() {
        AuthorizationContext request = new AuthorizationContext(client.id().value(),
                client.redirectUris().get(0).value(), false, Scopes.of(Scope.USERS_BASIC), null, null, null);
        state.codes().put("old", new CodeGrant(request, mari.id(), NOW.minus(Duration.ofSeconds(1))), NOW.minusSeconds(60));

        EkoolOAuthException expired = catchThrowableOfType(EkoolOAuthException.class, () -> exchange("old", null));

        assertThat(expired.error()).isEqualTo("invalid_grant");
        assertThat(expired.errorDescription()).contains("expired at 2026-01-15T09:59:59Z");
    }
}
