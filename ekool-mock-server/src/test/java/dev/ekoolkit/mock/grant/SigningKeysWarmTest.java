package dev.ekoolkit.mock.grant;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A server whose key was warmed at start-up signs its first token with the warmed signer. */
class SigningKeysWarmTest {

    private static RSAKey warmedKey;
    private static RSAKey otherKey;

    @BeforeAll
    static void generate() throws Exception {
        warmedKey = new RSAKeyGenerator(2048).keyID("warmed").generate();
        otherKey = new RSAKeyGenerator(2048).keyID("other").generate();
    }

    @Test
    void servers_with_the_warmed_key_share_the_warmed_signer_and_a_server_with_another_key_gets_its_own() {
        SigningKeys.warm(warmedKey);

        SigningKeys first = new SigningKeys(warmedKey);
        SigningKeys second = new SigningKeys(warmedKey);
        SigningKeys other = new SigningKeys(otherKey);

        assertThat(first.signer()).isSameAs(second.signer());
        assertThat(other.signer()).isNotSameAs(first.signer());
        assertThat(other.keyId()).isEqualTo("other");
    }

    @Test
    void the_warmed_signer_signs_tokens_that_the_published_key_set_verifies() throws Exception {
        SigningKeys.warm(warmedKey);
        SigningKeys keys = new SigningKeys(warmedKey);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(keys.keyId()).build(),
                new JWTClaimsSet.Builder().subject("mari").build());

        jwt.sign(keys.signer());

        RSAKey published = (RSAKey) JWKSet.parse(keys.publicJwkSet()).getKeyByKeyId("warmed");
        assertThat(published.isPrivate()).isFalse();
        assertThat(jwt.verify(new RSASSAVerifier(published))).isTrue();
        assertThat(keys.key().getModulus()).isEqualTo(warmedKey.getModulus());
    }
}
