package dev.ekoolkit.mock;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.ekoolkit.mock.config.MockConfig;
import dev.ekoolkit.mock.support.Flows;
import dev.ekoolkit.mock.support.MockServerExtension;
import dev.ekoolkit.mock.support.TestHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.util.Map;

import static dev.ekoolkit.mock.support.Flows.me;
import static dev.ekoolkit.mock.support.Flows.refresh;
import static org.assertj.core.api.Assertions.assertThat;

/** The whole flow over real HTTP: auto-login, code, token, profile, refresh, and a replayed refresh token. */
class FullFlowEndToEndTest {

    private static EkoolMockServer server;

    @RegisterExtension
    static final MockServerExtension MOCK = new MockServerExtension(b -> b.autoLogin("mari"), s -> server = s);

    @Test
    void auto_login_redirects_straight_back_with_a_code_and_the_state() {
        HttpResponse<String> r = Flows.authorize(server);

        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location").orElseThrow()).startsWith(MockConfig.DEMO_REDIRECT_URI + "?code=");
        Map<String, String> params = TestHttp.locationParams(r);
        assertThat(params.get("code")).hasSizeGreaterThanOrEqualTo(40);
        assertThat(params.get("state")).isEqualTo("st-123");
    }

    @Test
    void the_code_buys_a_passport_shaped_token_pair_that_is_not_cached() {
        HttpResponse<String> r = Flows.exchange(server, Flows.code(server));

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-store");
        JsonNode body = TestHttp.json(r);
        assertThat(body.fieldNames()).toIterable().containsExactly("token_type", "expires_in", "access_token", "refresh_token");
        assertThat(body.get("token_type").asText()).isEqualTo("Bearer");
        assertThat(body.get("expires_in").asLong()).isEqualTo(3600);
    }

    @Test
    void the_access_token_is_an_rs256_jwt_with_passports_claims_verifiable_by_the_jwks() throws Exception {
        String accessToken = Flows.tokens(server).get("access_token").asText();

        SignedJWT jwt = SignedJWT.parse(accessToken);
        JWKSet jwks = JWKSet.parse(TestHttp.get(server.jwksUrl()).body());
        RSAKey key = (RSAKey) jwks.getKeyByKeyId(jwt.getHeader().getKeyID());
        assertThat(jwt.getHeader().getAlgorithm().getName()).isEqualTo("RS256");
        assertThat(jwt.verify(new RSASSAVerifier(key))).isTrue();
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertThat(claims.getAudience()).containsExactly(MockConfig.DEMO_CLIENT_ID);
        assertThat(claims.getSubject()).isEqualTo("100001");
        assertThat(claims.getStringListClaim("scopes")).containsExactly("users-basic");
        assertThat(claims.getJWTID()).isNotBlank();
        assertThat(claims.getNotBeforeTime()).isEqualTo(claims.getIssueTime());
        assertThat(claims.getExpirationTime().getTime() - claims.getIssueTime().getTime()).isEqualTo(3_600_000L);
    }

    @Test
    void the_access_token_reads_the_users_basic_profile() {
        String accessToken = Flows.tokens(server).get("access_token").asText();

        HttpResponse<String> r = me(server, accessToken);

        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode data = TestHttp.json(r).get("data");
        assertThat(data.get("id").asText()).isEqualTo("100001");
        assertThat(data.get("firstName").asText()).isEqualTo("Mari");
        assertThat(data.get("lastName").asText()).isEqualTo("Maasikas");
        assertThat(data.get("email").asText()).isEqualTo("mari.maasikas@example.com");
        assertThat(data.get("personalCode").asText()).isEqualTo("61003150227");
        assertThat(data.get("roles").toString()).isEqualTo("[\"student\"]");
    }

    @Test
    void login_refresh_and_a_replayed_refresh_token_revoke_the_family() {
        JsonNode first = Flows.tokens(server);
        assertThat(me(server, first.get("access_token").asText()).statusCode()).isEqualTo(200);

        HttpResponse<String> refreshed = refresh(server, first.get("refresh_token").asText());
        assertThat(refreshed.statusCode()).isEqualTo(200);
        JsonNode second = TestHttp.json(refreshed);
        assertThat(second.get("refresh_token").asText()).isNotEqualTo(first.get("refresh_token").asText());
        assertThat(me(server, second.get("access_token").asText()).statusCode()).isEqualTo(200);
        assertThat(me(server, first.get("access_token").asText()).statusCode()).isEqualTo(401);

        HttpResponse<String> replay = refresh(server, first.get("refresh_token").asText());
        assertThat(replay.statusCode()).isEqualTo(400);
        assertThat(TestHttp.json(replay).get("error").asText()).isEqualTo("invalid_grant");
        assertThat(TestHttp.json(replay).get("error_description").asText()).contains("already been used");

        assertThat(refresh(server, second.get("refresh_token").asText()).statusCode()).isEqualTo(400);
        assertThat(me(server, second.get("access_token").asText()).statusCode()).isEqualTo(401);
    }

    @Test
    void issue_tokens_gives_a_working_pair_without_a_browser() {
        var tokens = server.issueTokens("tiina", null, dev.ekoolkit.core.scope.Scopes.of("users-basic"));

        HttpResponse<String> r = me(server, tokens.accessToken());

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(TestHttp.json(r).get("data").get("id").asText()).isEqualTo("100002");
        assertThat(refresh(server, tokens.refreshToken()).statusCode()).isEqualTo(200);
    }
}
