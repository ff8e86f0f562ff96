package dev.ekoolkit.mock.cli;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import dev.ekoolkit.mock.config.MockConfig;
import dev.ekoolkit.mock.support.TestHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code serve} with the embedded configuration signs with the published demo key (no RSA key generation at
 * start-up); {@code --fresh-key} and a configuration file do not; and a token of one run is refused by the next
 * run although both signed with the same key.
 */
class ServeDemoKeyTest {

    /** The published key id (docs/mock-server.md), written out here rather than read from the code under test. */
    private static final String DEMO_KID = "n1hLWgRfyrFSFUbhjsqoTdx4gnnOzxSnIlPmPnqyLp8";

    @Test
    void the_embedded_configuration_signs_rs256_tokens_with_the_published_demo_key() throws Exception {
        try (RunningServe serve = RunningServe.start("--port", "0", "--auto-login")) {
            SignedJWT token = SignedJWT.parse(accessToken(serve));

            assertThat(token.getHeader().getAlgorithm().getName()).isEqualTo("RS256");
            assertThat(token.getHeader().getKeyID()).isEqualTo(DEMO_KID);
            assertThat(token.verify(new RSASSAVerifier(MockConfig.demoSigningKey().toRSAPublicKey()))).isTrue();
            assertThat(jwksKeyIds(serve)).containsExactly(DEMO_KID);
        }
    }

    @Test
    void fresh_key_signs_with_a_generated_key_instead() throws Exception {
        try (RunningServe serve = RunningServe.start("--port", "0", "--auto-login", "--fresh-key")) {
            SignedJWT token = SignedJWT.parse(accessToken(serve));

            assertThat(token.getHeader().getKeyID()).isNotEqualTo(DEMO_KID);
            assertThat(token.verify(new RSASSAVerifier(MockConfig.demoSigningKey().toRSAPublicKey()))).isFalse();
            assertThat(jwksKeyIds(serve)).containsExactly(token.getHeader().getKeyID());
        }
    }

    @Test
    void a_configuration_file_without_a_signing_key_does_not_sign_with_the_demo_key(@TempDir Path dir) throws Exception {
        Path config = Files.writeString(dir.resolve("mock.yaml"), ServeCommandTest.CONFIG);
        try (RunningServe serve = RunningServe.start("--port", "0", "--config", config.toString())) {
            assertThat(jwksKeyIds(serve)).hasSize(1).doesNotContain(DEMO_KID);
        }
    }

    @Test
    void a_token_of_an_earlier_run_is_refused_although_it_carries_the_same_demo_signature() throws Exception {
        String earlier;
        try (RunningServe first = RunningServe.start("--port", "0", "--auto-login")) {
            earlier = accessToken(first);
            assertThat(basicProfileStatus(first, earlier)).isEqualTo(200);
        }
        try (RunningServe second = RunningServe.start("--port", "0", "--auto-login")) {
            assertThat(SignedJWT.parse(earlier).verify(new RSASSAVerifier(MockConfig.demoSigningKey().toRSAPublicKey())))
                    .isTrue();
            assertThat(basicProfileStatus(second, earlier)).isEqualTo(401);
            assertThat(basicProfileStatus(second, accessToken(second))).isEqualTo(200);
        }
    }

    @Test
    void the_demo_key_is_a_2048_bit_rsa_private_key_whose_id_is_its_rfc_7638_thumbprint() throws Exception {
        RSAKey key = MockConfig.demoSigningKey();

        assertThat(key.isPrivate()).isTrue();
        assertThat(key.size()).isEqualTo(2048);
        assertThat(key.getKeyID()).isEqualTo(DEMO_KID).isEqualTo(key.computeThumbprint().toString());
    }

    /** Logs in through the printed authorize URL (auto-login) and answers the access token of the code grant. */
    private static String accessToken(RunningServe serve) throws Exception {
        HttpResponse<String> authorize = ServeCommandTest.get(URI.create(serve.awaitLine("authorize_url")));
        assertThat(authorize.statusCode()).as(authorize.body()).isEqualTo(302);
        String code = TestHttp.locationParams(authorize).get("code");
        HttpResponse<String> token = TestHttp.postForm(URI.create(serve.awaitLine("login_url") + "/oauth/token"),
                Map.of("grant_type", "authorization_code", "code", code,
                        "redirect_uri", serve.awaitLine("redirect_uri"),
                        "client_id", serve.awaitLine("client_id"), "client_secret", serve.awaitLine("client_secret")));
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        return TestHttp.json(token).get("access_token").asText();
    }

    private static List<String> jwksKeyIds(RunningServe serve) throws Exception {
        HttpResponse<String> jwks = ServeCommandTest.get(URI.create(serve.awaitLine("login_url") + "/oauth/jwks.json"));
        assertThat(jwks.statusCode()).isEqualTo(200);
        return TestHttp.json(jwks).findValuesAsText("kid");
    }

    private static int basicProfileStatus(RunningServe serve, String accessToken) throws Exception {
        return TestHttp.get(URI.create(serve.awaitLine("api_url") + "/user/me/basic"),
                "Authorization", "Bearer " + accessToken).statusCode();
    }
}
