package dev.ekoolkit.mock.resource;

import dev.ekoolkit.mock.EkoolMockServer;
import dev.ekoolkit.mock.support.Flows;
import dev.ekoolkit.mock.support.MockServerExtension;
import dev.ekoolkit.mock.support.TestHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The report that {@code /user/me/basic} once answered 200 to a token whose {@code jti} had been changed
 * ({@code JVOKwWZVHRnqs7WdZx5OsQ} to {@code JVOKwW@VHRnqs7WdZx5OsQ}), reproduced deterministically: that change,
 * the one-character change of the serialised token that makes it (an {@code a} in the payload turned into
 * {@code A}), and the changes a lenient base64url decoder would not see (other unused bits in a segment's last
 * character, padding). The endpoint looks a token up by its exact serialised text, so each is refused.
 *
 * <p>The report was real: Jetty's per-connection header cache matched a new {@code Authorization} value against
 * the previous one <em>ignoring case</em> and handed the endpoint the cached (live) token, so on a kept-alive
 * connection a token differing only in the case of one letter was accepted. {@code Routes} now makes that cache
 * case-sensitive; {@link #a_token_differing_only_in_letter_case_on_the_same_connection_is_refused} fails without it.
 */
class AlteredTokenTest {

    private static EkoolMockServer server;

    @RegisterExtension
    static final MockServerExtension MOCK = new MockServerExtension(b -> b.autoLogin("mari"), s -> server = s);

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private static String liveToken() {
        String token = Flows.tokens(server).get("access_token").asText();
        assertThat(Flows.me(server, token).statusCode()).as("the unaltered token is accepted").isEqualTo(200);
        return token;
    }

    private static void assertRefused(String altered, String original) {
        assertThat(altered).isNotEqualTo(original);
        HttpResponse<String> r = Flows.me(server, altered);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(401);
        assertThat(TestHttp.json(r).get("error").asText()).isEqualTo("invalid_token");
    }

    @Test
    void a_token_whose_jti_has_one_character_changed_to_at_is_refused() {
        String token = liveToken();
        String[] parts = token.split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        int jti = claims.indexOf("\"jti\":\"") + 7;
        String changed = claims.substring(0, jti + 6) + "@" + claims.substring(jti + 7);

        assertRefused(parts[0] + "." + B64.encodeToString(changed.getBytes(StandardCharsets.UTF_8)) + "." + parts[2], token);
    }

    @Test
    void a_token_differing_only_in_letter_case_on_the_same_connection_is_refused() {
        String token = liveToken(); // sent once already on the client's kept-alive connection
        int i = token.length() - 1;
        while (!Character.isLetter(token.charAt(i))) {
            i--;
        }
        char c = token.charAt(i);
        char swapped = Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c);

        assertRefused(token.substring(0, i) + swapped + token.substring(i + 1), token);
    }

    @Test
    void every_lowercase_a_of_the_payload_turned_into_A_is_refused() {
        // 'a' is 26 (011010) in base64url, 'A' is 0: where the six bits are a byte's low six, 'Z' becomes '@'
        String token = liveToken();
        int start = token.indexOf('.') + 1;
        int end = token.lastIndexOf('.');
        int tried = 0;
        for (int i = start; i < end; i++) {
            if (token.charAt(i) == 'a') {
                assertRefused(token.substring(0, i) + "A" + token.substring(i + 1), token);
                tried++;
            }
        }
        assertThat(tried).as("positions tried (a payload of ~300 base64url characters has some 'a')").isPositive();
    }

    @Test
    void a_signature_whose_last_character_differs_only_in_unused_bits_is_refused() {
        // An RS256 signature is 256 bytes, 342 base64url characters: the last one carries 2 bits and 4 unused
        // ones, so flipping its lowest bit decodes to the same bytes with a lenient decoder.
        String token = liveToken();
        char last = token.charAt(token.length() - 1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        char twin = alphabet.charAt(alphabet.indexOf(last) ^ 1);
        String altered = token.substring(0, token.length() - 1) + twin;
        assertThat(Base64.getUrlDecoder().decode(altered.substring(altered.lastIndexOf('.') + 1)))
                .as("the same signature bytes").isEqualTo(Base64.getUrlDecoder().decode(token.substring(token.lastIndexOf('.') + 1)));

        assertRefused(altered, token);
    }

    @Test
    void a_token_with_base64_padding_added_is_refused() {
        String token = liveToken();
        assertRefused(token + "==", token);
    }
}
