package dev.ekoolkit.mock.resource;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.ekoolkit.core.scope.Scopes;
import dev.ekoolkit.mock.EkoolMockServer;
import dev.ekoolkit.mock.api.TokenResponse;
import dev.ekoolkit.mock.config.MockUser;
import dev.ekoolkit.mock.support.Flows;
import dev.ekoolkit.mock.support.MockServerExtension;
import dev.ekoolkit.mock.support.TestHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import static dev.ekoolkit.mock.support.OAuthAssertions.assertOAuthError;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /user/me/basic}: the profile, and every way a bearer token is refused. */
class UserBasicEndpointTest {

    private static EkoolMockServer server;

    @RegisterExtension
    static final MockServerExtension MOCK = new MockServerExtension(s -> server = s);

    private static TokenResponse tokens() {
        return server.issueTokens("mari", null, Scopes.of("users-basic"));
    }

    private static void assertInvalidToken(HttpResponse<String> r, String fragment) {
        assertOAuthError(r, 401, "invalid_token", fragment);
        assertThat(r.headers().firstValue("WWW-Authenticate").orElse("")).startsWith("Bearer ").contains("error=\"invalid_token\"");
    }

    @Test
    void without_a_token_answers_401_with_a_bearer_challenge_without_error_code() {
        HttpResponse<String> r = TestHttp.get(server.userBasicUrl());
        assertOAuthError(r, 401, "invalid_token", "has no access token");
        assertThat(r.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"eKool mock\"");
    }

    @Test
    void refuses_a_token_that_is_not_a_jwt() {
        assertInvalidToken(Flows.me(server, "abc"), "not a signed JWT");
    }

    @Test
    void refuses_an_expired_token() {
        TokenResponse t = tokens();
        server.advanceClock(Duration.ofHours(1));
        assertInvalidToken(Flows.me(server, t.accessToken()), "expired at");
    }

    @Test
    void refuses_a_token_revoked_by_rotation() {
        TokenResponse t = tokens();
        Flows.refresh(server, t.refreshToken());
        assertInvalidToken(Flows.me(server, t.accessToken()), "unknown or revoked");
    }

    @Test
    void refuses_a_token_issued_before_a_reset() {
        TokenResponse t = tokens();
        server.reset();
        assertInvalidToken(Flows.me(server, t.accessToken()), "unknown or revoked");
    }

    @Test
    void refuses_a_token_with_a_changed_payload() throws Exception {
        TokenResponse t = tokens();
        String[] parts = t.accessToken().split("\\.");
        JWTClaimsSet claims = SignedJWT.parse(t.accessToken()).getJWTClaimsSet();
        String forgedPayload = Base64.getUrlEncoder().withoutPadding().encodeToString(new JWTClaimsSet.Builder(claims)
                .subject("100003").build().toString().getBytes(StandardCharsets.UTF_8));

        assertInvalidToken(Flows.me(server, parts[0] + "." + forgedPayload + "." + parts[2]), "changed");
    }

    @Test
    void refuses_a_token_signed_by_another_key() throws Exception {
        JWTClaimsSet claims = SignedJWT.parse(tokens().accessToken()).getJWTClaimsSet();
        RSAKey other = new RSAKeyGenerator(2048).generate();
        SignedJWT forged = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
        forged.sign(new RSASSASigner(other));

        assertInvalidToken(Flows.me(server, forged.serialize()), "changed");
    }

    @Test
    void refuses_an_unsigned_alg_none_token() throws Exception {
        JWTClaimsSet claims = SignedJWT.parse(tokens().accessToken()).getJWTClaimsSet();
        assertInvalidToken(Flows.me(server, new PlainJWT(claims).serialize()), "not a signed JWT");
    }

    @Test
    void refuses_a_token_of_a_removed_client() {
        TokenResponse t = tokens();
        server.removeClient(server.defaultClient().id());
        assertInvalidToken(Flows.me(server, t.accessToken()), "unknown or revoked");
    }

    @Test
    void answers_403_insufficient_scope_for_a_token_without_users_basic() {
        TokenResponse t = server.issueTokens("mari", null, Scopes.empty());
        HttpResponse<String> r = Flows.me(server, t.accessToken());
        assertOAuthError(r, 403, "insufficient_scope", "lacks the scope users-basic");
        assertThat(r.headers().firstValue("WWW-Authenticate").orElse("")).contains("error=\"insufficient_scope\"")
                .contains("scope=\"users-basic\"");
    }

    @Test
    void a_user_without_a_personal_code_gets_null() {
        server.addUser(MockUser.of("200001", "alex", "pw", "Alex", "Smith", "alex@example.com", null, MockUser.Role.STUDENT));
        TokenResponse t = server.issueTokens("alex", null, Scopes.of("users-basic"));

        HttpResponse<String> r = Flows.me(server, t.accessToken());

        assertThat(TestHttp.json(r).get("data").get("personalCode").isNull()).isTrue();
    }

    @Test
    void refuses_a_token_sent_twice() {
        HttpResponse<String> r = TestHttp.get(TestHttp.withQuery(server.userBasicUrl(), "access_token", "x"),
                "Authorization", "Bearer " + tokens().accessToken());
        assertOAuthError(r, 400, "invalid_request", "sent twice");
    }
}
