package dev.ekoolkit.mock.config;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import dev.ekoolkit.core.scope.Scopes;
import dev.ekoolkit.mock.EkoolMockServer;
import dev.ekoolkit.mock.support.TestHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading the configuration from YAML and JSON files, and the errors that name file, field and rule. */
class MockConfigLoaderTest {

    private static final String CLIENT = """
            clients:
              - client_id: fileClientId00000000000000000001
                client_secret: fileClientSecret000000000000000000000001
                name: File app
                redirect_uris: [http://localhost:3000/callback]
                scopes: [users-basic]
            """;

    @TempDir
    Path dir;

    private Path write(String name, String text) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    private void assertConfigError(Path file, String field, String fragment) {
        assertThatThrownBy(() -> MockConfigLoader.load(file))
                .isInstanceOfSatisfying(MockConfigException.class, e -> {
                    assertThat(e.file()).isEqualTo(file.toString());
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.getMessage()).startsWith(file.toString()).contains(fragment);
                });
    }

    @Test
    void reads_clients_users_lifetimes_and_limits_from_yaml() throws Exception {
        MockConfig c = MockConfigLoader.load(write("mock.yaml", CLIENT + """
                users:
                  - id: 1
                    username: kati
                    password: pw
                    first_name: Kati
                    last_name: Karu
                    email: kati@example.com
                    personal_code: "50001010006"
                    roles: [student]
                lifetimes: {access_token: 10m, refresh_token: P7D, authorization_code: 60}
                limits: {recorded_requests: 5}
                """));

        assertThat(c.defaultClient().id().value()).isEqualTo("fileClientId00000000000000000001");
        assertThat(c.defaultClient().name()).isEqualTo("File app");
        assertThat(c.users()).extracting(MockUser::username).containsExactly("kati");
        assertThat(c.lifetimes().accessToken()).isEqualTo(Duration.ofMinutes(10));
        assertThat(c.lifetimes().refreshToken()).isEqualTo(Duration.ofDays(7));
        assertThat(c.lifetimes().authorizationCode()).isEqualTo(Duration.ofSeconds(60));
        assertThat(c.limits().recordedRequests()).isEqualTo(5);
    }

    @Test
    void reads_json_too() throws Exception {
        MockConfig c = MockConfigLoader.load(write("mock.json", """
                {"clients": [{"client_id": "fileClientId00000000000000000001",
                  "client_secret": "fileClientSecret000000000000000000000001",
                  "redirect_uris": ["https://app.example/cb"], "grants": ["authorization_code", "client_credentials"]}]}"""));
        assertThat(c.defaultClient().allows(MockClient.Grant.CLIENT_CREDENTIALS)).isTrue();
        assertThat(c.defaultClient().allows(MockClient.Grant.REFRESH_TOKEN)).isFalse();
    }

    @Test
    void omitted_sections_keep_the_embedded_defaults() throws Exception {
        MockConfig c = MockConfigLoader.load(write("mock.yaml", CLIENT));
        assertThat(c.users()).isEqualTo(MockConfig.defaultUsers());
        assertThat(c.scopes()).isEqualTo(MockConfig.knownScopes());
    }

    @Test
    void an_empty_file_is_the_embedded_default() throws Exception {
        assertThat(MockConfigLoader.load(write("mock.yaml", ""))).isEqualTo(MockConfig.defaults());
    }

    @Test
    void a_bad_secret_names_the_file_the_field_and_the_rule_without_echoing_it() throws Exception {
        Path f = write("mock.yaml", CLIENT.replace("fileClientSecret000000000000000000000001", "tooShortSecret"));
        assertConfigError(f, "clients[0].client_secret", "client_secret must be exactly 40 letters or digits");
        assertThatThrownBy(() -> MockConfigLoader.load(f)).message().doesNotContain("tooShortSecret");
    }

    @Test
    void an_unknown_field_is_named_with_the_known_ones() throws Exception {
        assertConfigError(write("mock.yaml", CLIENT.replace("redirect_uris:", "redirect_uri:")),
                "clients[0].redirect_uri", "is not a known field");
    }

    @Test
    void a_missing_required_field_is_named() throws Exception {
        assertConfigError(write("mock.yaml", CLIENT.replace("    redirect_uris: [http://localhost:3000/callback]\n", "")),
                "clients[0].redirect_uris", "is required");
    }

    @Test
    void an_http_redirect_uri_on_a_public_host_is_refused_with_core_rule() throws Exception {
        assertConfigError(write("mock.yaml", CLIENT.replace("http://localhost:3000/callback", "http://app.example/cb")),
                "clients[0].redirect_uris[0]", "http on the non-loopback host");
    }

    @Test
    void a_client_scope_the_server_does_not_define_is_refused() throws Exception {
        assertConfigError(write("mock.yaml", CLIENT.replace("[users-basic]", "[grades]")), "clients[0].scopes",
                "'grades' is not one of the server's scopes");
    }

    @Test
    void a_user_with_an_unknown_child_is_refused() throws Exception {
        assertConfigError(write("mock.yaml", """
                users:
                  - {id: "1", username: a, password: p, first_name: A, last_name: B, email: a@example.com, child_ids: ["9"]}
                """), "(root)", "lists the child id '9'");
    }

    @Test
    void an_unknown_role_is_named() throws Exception {
        assertConfigError(write("mock.yaml", """
                users:
                  - {id: "1", username: a, password: p, first_name: A, last_name: B, email: a@example.com, roles: [janitor]}
                """), "users[0].roles[0]", "must be one of student, parent, teacher");
    }

    @Test
    void a_bad_duration_is_explained() throws Exception {
        assertConfigError(write("mock.yaml", "lifetimes: {access_token: soon}\n"), "lifetimes.access_token",
                "must be a duration such as");
    }

    @Test
    void broken_yaml_names_the_line() throws Exception {
        Path f = write("mock.yaml", "clients:\n  - client_id: [unclosed\n");
        assertThatThrownBy(() -> MockConfigLoader.load(f)).isInstanceOf(MockConfigException.class)
                .hasMessageContaining("is not valid YAML (line");
    }

    @Test
    void a_missing_file_is_reported() {
        Path f = dir.resolve("nope.yaml");
        assertThatThrownBy(() -> MockConfigLoader.load(f)).isInstanceOf(MockConfigException.class)
                .hasMessage(f + ": the file does not exist");
    }

    @Test
    void the_builder_reads_the_file_and_stops_on_a_bad_one() throws Exception {
        Path bad = write("bad.yaml", "clients: 3\n");
        assertThatThrownBy(() -> EkoolMockServer.builder().configFile(bad).build())
                .isInstanceOf(MockConfigException.class).hasMessageContaining("clients: must be a list");
    }

    @Test
    void a_fixed_signing_key_makes_tokens_verifiable_with_a_known_key() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        KeyPair pair = g.generateKeyPair();
        String pem = "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes())
                .encodeToString(pair.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n";
        write("key.pem", pem);
        Path config = write("mock.yaml", "signing_key_file: key.pem\n");

        try (EkoolMockServer server = EkoolMockServer.builder().configFile(config).build().start()) {
            String token = server.issueTokens("mari", null, Scopes.of("users-basic")).accessToken();
            JWKSet jwks = JWKSet.parse(TestHttp.get(server.jwksUrl()).body());

            assertThat(jwks.getKeys().get(0).toRSAKey().toPublicKey()).isEqualTo(pair.getPublic());
            assertThat(SignedJWT.parse(token).verify(new com.nimbusds.jose.crypto.RSASSAVerifier(
                    (java.security.interfaces.RSAPublicKey) pair.getPublic()))).isTrue();
        }
    }

    @Test
    void a_pkcs1_key_gets_a_conversion_hint() throws Exception {
        assertConfigError(write("mock.yaml", "signing_key: \"-----BEGIN RSA PRIVATE KEY-----\\nabc\\n-----END RSA PRIVATE KEY-----\"\n"),
                "signing_key", "openssl pkcs8 -topk8");
    }
}
