package dev.ekoolkit.core.client;

import dev.ekoolkit.core.error.EkoolOAuthException;
import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

class RedirectUriTest {

    private static final String RULE = "redirect_uri must be an absolute https URI without a fragment (http only on"
            + " localhost, 127.0.0.1 or [::1]; RFC 6749 section 3.1.2); got ";

    private static EkoolOAuthException rejection(String value) {
        try {
            RedirectUri.parse(value);
        } catch (EkoolOAuthException e) {
            return e;
        }
        throw new AssertionError("accepted " + value);
    }

    @Test
    void accepts_the_example_from_ekools_help_article() {
        assertThat(RedirectUri.parse("https://my.application.com/oauth2/callback").uri())
                .isEqualTo(URI.create("https://my.application.com/oauth2/callback"));
    }

    @Test
    void accepts_http_on_localhost() {
        assertThat(RedirectUri.of("http://localhost:8080/cb").value()).isEqualTo("http://localhost:8080/cb");
    }

    @Test
    void accepts_http_on_127_0_0_1() {
        assertThat(RedirectUri.of("http://127.0.0.1:41234/cb")).hasToString("http://127.0.0.1:41234/cb");
    }

    @Test
    void accepts_http_on_ipv6_loopback_in_its_long_spelling() {
        assertThat(RedirectUri.isLoopbackHost("[0:0:0:0:0:0:0:1]")).isTrue();
    }

    @Test
    void accepts_a_query() {
        assertThat(RedirectUri.of("https://app.example/cb?tenant=1").value()).endsWith("?tenant=1");
    }

    @Test
    void is_rejected_as_invalid_request() {
        assertThat(rejection("cb").error()).isEqualTo("invalid_request");
    }

    @Test
    void rejects_null_and_says_so() {
        assertThat(rejection(null).errorDescription()).isEqualTo(RULE + "no value");
    }

    @Test
    void rejects_empty_and_says_so() {
        assertThat(rejection("").errorDescription()).isEqualTo(RULE + "an empty value");
    }

    @Test
    void rejects_a_relative_uri() {
        assertThat(rejection("/oauth2/callback").errorDescription()).isEqualTo(RULE + "a relative URI");
    }

    @Test
    void rejects_a_fragment() {
        assertThat(rejection("https://app.example/cb#x").errorDescription()).isEqualTo(RULE + "a fragment ('#...')");
    }

    @Test
    void rejects_an_empty_fragment() {
        assertThat(rejection("https://app.example/cb#").errorDescription()).isEqualTo(RULE + "a fragment ('#...')");
    }

    @Test
    void rejects_http_on_a_public_host() {
        assertThat(rejection("http://app.example/cb").errorDescription())
                .isEqualTo(RULE + "http on the non-loopback host 'app.example'");
    }

    @Test
    void rejects_http_on_a_host_that_only_starts_with_localhost() {
        assertThat(rejection("http://localhost.evil.example/cb").errorDescription())
                .isEqualTo(RULE + "http on the non-loopback host 'localhost.evil.example'");
    }

    @Test
    void rejects_another_scheme() {
        assertThat(rejection("javascript://localhost/%0aalert(1)").errorDescription()).isEqualTo(RULE + "the scheme 'javascript'");
    }

    @Test
    void rejects_a_uri_without_a_host() {
        assertThat(rejection("https:///cb").errorDescription()).isEqualTo(RULE + "no host");
    }

    @Test
    void rejects_an_opaque_uri() {
        assertThat(rejection("mailto:someone@example.com").errorDescription()).isEqualTo(RULE + "no host");
    }

    @Test
    void rejects_an_underscore_in_the_host() {
        assertThat(rejection("https://my_app.example/cb").errorDescription())
                .isEqualTo(RULE + "an authority that is not a valid host name (RFC 3986 section 3.2.2; '_' is not allowed, for example)");
    }

    @Test
    void rejects_user_information_without_echoing_it() {
        assertThat(rejection("https://user:pw@app.example/cb").errorDescription())
                .isEqualTo(RULE + "user information before the host ('...@')");
    }

    @Test
    void rejects_a_space_and_names_its_position() {
        assertThat(rejection("https://app.example/ cb").errorDescription()).isEqualTo(RULE + "a space at position 21");
    }

    @Test
    void rejects_a_pasted_newline() {
        assertThat(rejection("https://app.example/cb\n").errorDescription()).isEqualTo(RULE + "a line feed (\\n) at position 23");
    }

    @Test
    void rejects_a_non_ascii_character() {
        assertThat(rejection("https://kool.example/õ").errorDescription()).isEqualTo(RULE + "'õ' (U+00F5) at position 22");
    }

    @Test
    void matches_the_exact_string() {
        assertThat(RedirectUri.of("https://app.example/cb").matches("https://app.example/cb")).isTrue();
    }

    @Test
    void does_not_match_a_trailing_slash() {
        assertThat(RedirectUri.of("https://app.example/cb").matches("https://app.example/cb/")).isFalse();
    }

    @Test
    void does_not_match_a_different_case() {
        assertThat(RedirectUri.of("https://app.example/cb").matches("https://APP.example/cb")).isFalse();
    }

    @Test
    void does_not_match_an_added_query() {
        assertThat(RedirectUri.of("https://app.example/cb").matches("https://app.example/cb?x=1")).isFalse();
    }

    @Test
    void does_not_match_null() {
        assertThat(RedirectUri.of("https://app.example/cb").matches(null)).isFalse();
    }

    @Test
    void knows_loopback_hosts() {
        assertThat(RedirectUri.isLoopbackHost("127.10.0.1")).isTrue();
        assertThat(RedirectUri.isLoopbackHost("LOCALHOST")).isTrue();
        assertThat(RedirectUri.isLoopbackHost("[::1]")).isTrue();
    }

    @Test
    void knows_non_loopback_hosts() {
        assertThat(RedirectUri.isLoopbackHost("127.999.0.1")).isFalse();
        assertThat(RedirectUri.isLoopbackHost("128.0.0.1")).isFalse();
        assertThat(RedirectUri.isLoopbackHost("[::2]")).isFalse();
        assertThat(RedirectUri.isLoopbackHost("example.com")).isFalse();
        assertThat(RedirectUri.isLoopbackHost(null)).isFalse();
    }

    @Test
    void counts_the_whole_127_range_up_to_its_last_address_as_loopback() {
        assertThat(RedirectUri.isLoopbackHost("127.255.255.255")).isTrue();
        assertThat(RedirectUri.isLoopbackHost("127.0.0.256")).isFalse();
    }

    @Test
    void does_not_count_a_malformed_ipv6_literal_as_loopback() {
        assertThat(RedirectUri.isLoopbackHost("[::1::1]")).isFalse();
    }

    @Test
    void rejects_a_delete_character_by_code_point() {
        assertThat(rejection("https://app.example/c\u007Fb").errorDescription())
                .isEqualTo(RULE + "the character U+007F at position 22");
    }

    @Test
    void accepts_a_tilde_the_last_printable_ascii_character() {
        assertThat(RedirectUri.parse("https://app.example/~cb").value()).isEqualTo("https://app.example/~cb");
    }

    @Test
    void rejects_a_control_character_below_the_space() {
        assertThat(rejection("https://app.example/c\u0001b").errorDescription())
                .isEqualTo(RULE + "the character U+0001 at position 22");
    }
}
