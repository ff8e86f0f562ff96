package dev.ekoolkit.core.credentials;

import org.junit.jupiter.api.Test;

import java.security.SecureRandom;

import static org.assertj.core.api.Assertions.assertThat;

class ClientSecretTest {

    static final String VALID = "8yFFEvVq65ukVTWtDVRMjttM5nyRg0ErCBJnRSlb";
    private static final String RULE = "client_secret must be exactly 40 letters or digits (A-Z, a-z, 0-9)";

    private static CredentialFormatException rejection(String value) {
        try {
            ClientSecret.parse(value);
        } catch (CredentialFormatException e) {
            return e;
        }
        throw new AssertionError("accepted");
    }

    @Test
    void accepts_the_example_from_ekools_help_article() {
        assertThat(ClientSecret.parse(VALID).value()).isEqualTo(VALID);
    }

    @Test
    void masks_its_value_in_to_string() {
        assertThat(ClientSecret.of(VALID)).hasToString("ClientSecret[****]");
    }

    @Test
    void rejects_39_characters_and_says_so() {
        assertThat(rejection(VALID.substring(1)).errorDescription()).isEqualTo(RULE + "; got 39 characters");
    }

    @Test
    void rejects_41_characters_and_says_so() {
        assertThat(rejection(VALID + "a").errorDescription()).isEqualTo(RULE + "; got 41 characters");
    }

    @Test
    void names_the_position_but_not_the_character_outside_the_alphabet() {
        assertThat(rejection("8yFF-vVq65ukVTWtDVRMjttM5nyRg0ErCBJnRSlb").errorDescription())
                .isEqualTo("client_secret must contain only letters and digits (A-Z, a-z, 0-9);"
                        + " got a character outside that alphabet at position 5");
    }

    @Test
    void does_not_show_a_non_ascii_letter_either() {
        assertThat(rejection("8yFFõvVq65ukVTWtDVRMjttM5nyRg0ErCBJnRSlb").errorDescription())
                .doesNotContain("õ").doesNotContain("00F5").endsWith("at position 5");
    }

    @Test
    void says_where_a_pasted_newline_is() {
        assertThat(rejection(VALID + "\n").errorDescription())
                .isEqualTo("client_secret must not end with whitespace; got a line feed (\\n) at position 41 (a pasted line break?)");
    }

    @Test
    void rejects_a_leading_space_and_says_so() {
        assertThat(rejection(" " + VALID).errorDescription())
                .isEqualTo("client_secret must not start with whitespace; got a space at position 1");
    }

    @Test
    void rejects_only_whitespace_and_says_so() {
        assertThat(rejection("\n").errorDescription()).isEqualTo(RULE + "; got only whitespace (1 character)");
    }

    @Test
    void rejects_null_as_missing() {
        assertThat(rejection(null).errorDescription()).isEqualTo(RULE + "; got no value");
    }

    @Test
    void rejects_empty_as_missing() {
        assertThat(rejection("").errorDescription()).isEqualTo(RULE + "; got an empty value");
    }

    @Test
    void never_echoes_any_part_of_a_rejected_secret() {
        String almost = VALID.substring(0, 20) + "-" + VALID.substring(21) + " ";
        CredentialFormatException e = rejection(almost);
        assertThat(e.getMessage()).doesNotContain(VALID.substring(0, 8)).doesNotContain(VALID.substring(25, 33));
    }

    @Test
    void matches_the_same_secret() {
        assertThat(ClientSecret.of(VALID).matches(new StringBuilder(VALID))).isTrue();
    }

    @Test
    void does_not_match_a_secret_differing_in_the_last_character() {
        assertThat(ClientSecret.of(VALID).matches(VALID.substring(0, 39) + "c")).isFalse();
    }

    @Test
    void does_not_match_a_prefix() {
        assertThat(ClientSecret.of(VALID).matches(VALID.substring(0, 39))).isFalse();
    }

    @Test
    void does_not_match_with_different_case() {
        assertThat(ClientSecret.of(VALID).matches(VALID.toLowerCase())).isFalse();
    }

    @Test
    void does_not_match_null() {
        assertThat(ClientSecret.of(VALID).matches(null)).isFalse();
    }

    @Test
    void does_not_match_with_a_trailing_newline() {
        assertThat(ClientSecret.of(VALID).matches(VALID + "\n")).isFalse();
    }

    @Test
    void equals_an_equal_secret_and_shares_its_hash_code() {
        assertThat(ClientSecret.of(VALID)).isEqualTo(ClientSecret.parse(VALID)).hasSameHashCodeAs(ClientSecret.parse(VALID));
    }

    @Test
    void differs_from_another_secret() {
        assertThat(ClientSecret.of(VALID)).isNotEqualTo(ClientSecret.generate(new SecureRandom()));
    }

    @Test
    void generates_a_valid_secret() {
        assertThat(ClientSecret.generate(new SecureRandom()).value()).matches("[A-Za-z0-9]{40}");
    }

    @Test
    void gives_every_secret_the_same_hash_code_so_a_hash_table_reveals_nothing() {
        assertThat(ClientSecret.of(VALID)).hasSameHashCodeAs(ClientSecret.of("0123456789012345678901234567890123456789"));
    }
}
