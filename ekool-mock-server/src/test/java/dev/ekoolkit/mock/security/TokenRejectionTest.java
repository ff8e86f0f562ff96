package dev.ekoolkit.mock.security;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.ekoolkit.core.client.ClientRegistrationRequest;
import dev.ekoolkit.core.scope.Scopes;
import dev.ekoolkit.mock.EkoolMockServer;
import dev.ekoolkit.mock.api.TokenResponse;
import dev.ekoolkit.mock.config.MockClient;
import dev.ekoolkit.mock.support.Flows;
import dev.ekoolkit.mock.support.TestHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Date;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.ekoolkit.mock.support.OAuthAssertions.assertOAuthError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

/**
 * {@code /user/me/basic} accepts exactly the live access tokens this server issued (RFC 6750 section 3.1): expired,
 * revoked, foreign-key, {@code alg: none}, HMAC-with-the-public-key, altered and removed-client tokens all get
 * 401 {@code invalid_token}, and so does every single-character change of a valid token.
 */
class TokenRejectionTest {

    private static EkoolMockServer server;
    private static RawHttp http;

    @BeforeAll
    static void start() {
        server = EkoolMockServer.builder().build().start();
        http = new RawHttp("127.0.0.1", server.port(), 10_000);
    }

    @AfterAll
    static void stop() {
        http.close();
        server.close();
    }

    @BeforeEach
    void reset() {
        server.reset();
    }

    private static TokenResponse tokens() {
        return server.issueTokens("mari", null, Scopes.parse("users-basic"));
    }

    private static void assertRefused(HttpResponse<String> r, String fragment) {
        assertOAuthError(r, 401, "invalid_token", fragment);
        assertThat(r.headers().firstValue("WWW-Authenticate").orElse("")).startsWith("Bearer ").contains("invalid_token");
    }

    @Test
    void a_live_token_is_accepted_so_the_refusals_below_mean_something() {
        assertThat(Flows.me(server, tokens().accessToken()).statusCode()).isEqualTo(200);
    }

    @Test
    void refuses_an_expired_token() {
        String token = tokens().accessToken();
        server.advanceClock(Duration.ofHours(2));

        assertRefused(Flows.me(server, token), "expired");
    }

    @Test
    void refuses_a_token_revoked_by_refreshing_its_family() {
        TokenResponse t = tokens();
        assertThat(Flows.refresh(server, t.refreshToken()).statusCode()).isEqualTo(200);

        assertRefused(Flows.me(server, t.accessToken()), "unknown or revoked");
    }

    @Test
    void refuses_a_token_revoked_because_its_code_was_replayed() {
        server.loginAs("mari");
        String code = Flows.code(server);
        String token = TestHttp.json(Flows.exchange(server, code)).path("access_token").asText();
        assertThat(Flows.exchange(server, code).statusCode()).isEqualTo(400);

        assertRefused(Flows.me(server, token), "unknown or revoked");
    }

    @Test
    void refuses_a_token_signed_by_another_key_with_the_same_kid() throws Exception {
        SignedJWT issued = SignedJWT.parse(tokens().accessToken());
        RSAKey other = new RSAKeyGenerator(2048).keyID(issued.getHeader().getKeyID()).generate();
        SignedJWT forged = new SignedJWT(issued.getHeader(), issued.getJWTClaimsSet());
        forged.sign(new RSASSASigner(other));

        assertRefused(Flows.me(server, forged.serialize()), "not the one this server issued");
    }

    @Test
    void refuses_alg_none() throws Exception {
        SignedJWT issued = SignedJWT.parse(tokens().accessToken());
        String none = new PlainJWT(issued.getJWTClaimsSet()).serialize();

        assertRefused(Flows.me(server, none), "not a signed JWT");
    }

    @Test
    void refuses_an_hmac_token_keyed_with_the_public_key() throws Exception {
        SignedJWT issued = SignedJWT.parse(tokens().accessToken());
        byte[] secret = TestHttp.get(server.jwksUrl()).body().getBytes(StandardCharsets.UTF_8);
        SignedJWT hs = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(issued.getHeader().getKeyID())
                .type(JOSEObjectType.JWT).build(), issued.getJWTClaimsSet());
        hs.sign(new MACSigner(secret));

        assertRefused(Flows.me(server, hs.serialize()), "not the one this server issued");
    }

    @Test
    void refuses_a_token_whose_payload_was_changed_under_the_original_signature() throws Exception {
        String[] parts = tokens().accessToken().split("\\.");
        SignedJWT issued = SignedJWT.parse(String.join(".", parts));
        JWTClaimsSet longer = new JWTClaimsSet.Builder(issued.getJWTClaimsSet())
                .expirationTime(new Date(System.currentTimeMillis() + 86_400_000L)).subject("100003").build();
        String payload = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(longer.toString().getBytes(StandardCharsets.UTF_8));

        assertRefused(Flows.me(server, parts[0] + "." + payload + "." + parts[2]), "not the one this server issued");
    }

    @Test
    void refuses_a_token_of_a_removed_client() {
        MockClient client = server.registerClient(ClientRegistrationRequest.builder().organisation("Removed school")
                .firstName("Mari").surname("Maasikas").emailAddress("it@example.com").phone("+3725555555")
                .purpose("testing removal").redirectUri("https://app.example/callback").scopes("users-basic").build());
        String token = server.issueTokens("mari", client.id(), Scopes.parse("users-basic")).accessToken();
        assertThat(Flows.me(server, token).statusCode()).isEqualTo(200);

        server.removeClient(client.id());

        assertRefused(Flows.me(server, token), "unknown or revoked");
    }

    @Test
    void refuses_a_token_issued_by_another_mock_server_in_the_same_jvm() {
        try (EkoolMockServer other = EkoolMockServer.builder().build().start()) {
            String foreign = other.issueTokens("mari", null, Scopes.parse("users-basic")).accessToken();

            assertRefused(Flows.me(server, foreign), "unknown or revoked");
        }
    }

    @Test
    void refuses_every_single_character_change_of_a_valid_token() {
        String token = tokens().accessToken();
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.=+/ ";
        AtomicInteger cases = new AtomicInteger();
        qt().withFixedSeed(Fuzzing.SEED).withExamples(600).forAll(integers().between(0, token.length() - 1),
                integers().between(0, alphabet.length() - 1)).assuming((pos, c) -> token.charAt(pos) != alphabet.charAt(c))
                .check((pos, c) -> {
                    cases.incrementAndGet();
                    String changed = token.substring(0, pos) + alphabet.charAt(c) + token.substring(pos + 1);
                    RawHttp.Response r = http.send("GET /user/me/basic HTTP/1.1\r\nHost: " + http.authority()
                            + "\r\nAuthorization: Bearer " + changed + "\r\n\r\n");
                    return (r.status() == 401 || r.status() == 400) && r.bodyText().contains("\"error\"");
                });
        Fuzzing.record("user/me/basic (token mutations)", cases.get(), java.util.Map.of("single-char-change", cases.get()));
        assertThat(Flows.me(server, token).statusCode()).isEqualTo(200);
    }
}
