package dev.ekoolkit.core.credentials;

import dev.ekoolkit.core.error.EkoolOAuthException;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClientIdTest {

    static final String VALID = "oaD43fvd3aCdf45dDsc428hMuY6T6trG";
    private static final String RULE = "client_id must be exactly 32 letters or digits (A-Z, a-z, 0-9)";

    private static CredentialFormatException rejection(String value) {
        try {
            ClientId.parse(value);
        } catch (CredentialFormatException e) {
            return e;
        }
        throw new AssertionError("accepted " + value);
    }

    @Test
    void accepts_the_example_from_ekools_help_article() {
        assertThat(ClientId.parse(VALID).value()).isEqualTo(VALID);
    }

    @Test
    void prints_as_its_value_because_it_is_not_secret() {
        assertThat(ClientId.of(VALID)).hasToString(VALID);
    }

    @Test
    void rejects_31_characters_and_says_so() {
        assertThat(rejection(VALID.substring(1)).errorDescription()).isEqualTo(RULE + "; got 31 characters");
    }

    @Test
    void rejects_33_characters_and_says_so() {
        assertThat(rejection(VALID + "a").errorDescription()).isEqualTo(RULE + "; got 33 characters");
    }

    @Test
    void rejects_a_dash_at_position_5_and_shows_it() {
        assertThat(rejection("oaD4-fvd3aCdf45dDsc428hMuY6T6trG").errorDescription())
                .isEqualTo("client_id must contain only letters and digits (A-Z, a-z, 0-9); got '-' (U+002D) at position 5");
    }

    @Test
    void rejects_a_non_ascii_letter_and_shows_it_with_its_code_point() {
        assertThat(rejection("oaD4õfvd3aCdf45dDsc428hMuY6T6trG").errorDescription())
                .isEqualTo("client_id must contain only letters and digits (A-Z, a-z, 0-9); got 'õ' (U+00F5) at position 5");
    }

    @Test
    void rejects_a_control_character_by_code_point_only() {
        assertThat(rejection("oaD4\u0007fvd3aCdf45dDsc428hMuY6T6trG").errorDescription())
                .isEqualTo("client_id must contain only letters and digits (A-Z, a-z, 0-9); got the character U+0007 at position 5");
    }

    @Test
    void rejects_a_pasted_trailing_newline_as_whitespace_not_as_length() {
        assertThat(rejection(VALID + "\n").violations())
                .extracting(Violation::rule).containsExactly(Violation.Rule.WHITESPACE);
    }

    @Test
    void says_where_the_pasted_newline_is() {
        assertThat(rejection(VALID + "\n").errorDescription())
                .isEqualTo("client_id must not end with whitespace; got a line feed (\\n) at position 33 (a pasted line break?)");
    }

    @Test
    void counts_trailing_whitespace_beyond_the_first() {
        assertThat(rejection(VALID + "\r\n").errorDescription())
                .isEqualTo("client_id must not end with whitespace; got a carriage return (\\r) at position 33 and 1 more (a pasted line break?)");
    }

    @Test
    void rejects_a_leading_space_and_says_so() {
        assertThat(rejection(" " + VALID).errorDescription())
                .isEqualTo("client_id must not start with whitespace; got a space at position 1");
    }

    @Test
    void reports_the_length_without_and_with_surrounding_whitespace() {
        assertThat(rejection(" " + VALID.substring(1)).errorDescription())
                .isEqualTo("client_id must not start with whitespace; got a space at position 1; "
                        + RULE + "; got 31 characters without the whitespace (32 with it)");
    }

    @Test
    void rejects_only_whitespace_and_says_so() {
        assertThat(rejection(" \t ").errorDescription()).isEqualTo(RULE + "; got only whitespace (3 characters)");
    }

    @Test
    void rejects_null_as_missing() {
        assertThat(rejection(null).errorDescription()).isEqualTo(RULE + "; got no value");
    }

    @Test
    void rejects_empty_as_missing() {
        assertThat(rejection("").violations()).singleElement()
                .isEqualTo(new Violation("client_id", Violation.Rule.MISSING, RULE + "; got an empty value"));
    }

    @Test
    void is_rejected_as_invalid_client_with_status_401() {
        CredentialFormatException e = rejection("x");
        assertThat(e).isInstanceOf(EkoolOAuthException.class);
        assertThat(e.error()).isEqualTo("invalid_client");
        assertThat(e.httpStatus()).isEqualTo(401);
    }

    @Test
    void of_rejects_exactly_as_parse_does() {
        assertThatThrownBy(() -> ClientId.of("x")).hasMessage(rejection("x").getMessage());
    }

    @Test
    void generates_a_valid_id() {
        assertThat(ClientId.generate(new SecureRandom()).value()).hasSize(32).matches("[A-Za-z0-9]{32}");
    }
}
