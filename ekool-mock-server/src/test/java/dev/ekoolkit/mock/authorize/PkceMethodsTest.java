package dev.ekoolkit.mock.authorize;

import dev.ekoolkit.mock.EkoolMockServer;
import dev.ekoolkit.mock.support.Flows;
import dev.ekoolkit.mock.support.MockServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The PKCE methods the mock accepts, as docs/mock-server.md states them: S256, and also {@code plain}, which is
 * the method when {@code code_challenge_method} is omitted (RFC 7636 §4.3), although RFC 9700 §2.1.1
 * recommends S256; and no PKCE at all.
 */
class PkceMethodsTest {

    private static EkoolMockServer server;

    @RegisterExtension
    static final MockServerExtension MOCK = new MockServerExtension(b -> b.autoLogin("mari"), s -> server = s);

    @Test
    void a_challenge_without_a_method_is_plain_so_the_verifier_equals_it() {
        String code = Flows.code(server, "code_challenge", Flows.VERIFIER);
        assertThat(Flows.exchange(server, code, "code_verifier", Flows.VERIFIER).statusCode()).isEqualTo(200);
    }

    @Test
    void a_challenge_without_a_method_is_not_treated_as_s256() {
        String code = Flows.code(server, "code_challenge", Flows.CHALLENGE);
        assertThat(Flows.exchange(server, code, "code_verifier", Flows.VERIFIER).statusCode()).isEqualTo(400);
    }

    @Test
    void an_explicit_plain_challenge_is_accepted() {
        String code = Flows.code(server, "code_challenge", Flows.VERIFIER, "code_challenge_method", "plain");
        assertThat(Flows.exchange(server, code, "code_verifier", Flows.VERIFIER).statusCode()).isEqualTo(200);
    }

    @Test
    void an_s256_challenge_is_accepted() {
        String code = Flows.code(server, "code_challenge", Flows.CHALLENGE, "code_challenge_method", "S256");
        assertThat(Flows.exchange(server, code, "code_verifier", Flows.VERIFIER).statusCode()).isEqualTo(200);
    }

    @Test
    void pkce_is_optional() {
        assertThat(Flows.exchange(server, Flows.code(server)).statusCode()).isEqualTo(200);
    }
}
