package dev.ekoolkit.mock.discovery;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyType;
import dev.ekoolkit.mock.EkoolMockServer;
import dev.ekoolkit.mock.support.MockServerExtension;
import dev.ekoolkit.mock.support.TestHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** The discovery documents are written by the mock's one JSON writer: no escaped slashes, as every other answer. */
class DiscoveryTest {

    private static EkoolMockServer server;

    @RegisterExtension
    static final MockServerExtension MOCK = new MockServerExtension(s -> server = s);

    @Test
    void the_metadata_names_the_issuer_without_escaping_its_slashes() {
        HttpResponse<String> r = TestHttp.get(server.metadataUrl());

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("\"issuer\":\"" + server.loginUrl() + "\"").doesNotContain("\\/");
    }

    @Test
    void the_jwk_set_holds_the_public_rsa_key_only() throws Exception {
        HttpResponse<String> r = TestHttp.get(server.jwksUrl());
        JWKSet set = JWKSet.parse(r.body());

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(set.getKeys()).hasSize(1);
        assertThat(set.getKeys().get(0).getKeyType()).isEqualTo(KeyType.RSA);
        assertThat(set.getKeys().get(0).isPrivate()).isFalse();
        assertThat(r.body()).doesNotContain("\\/");
    }
}
