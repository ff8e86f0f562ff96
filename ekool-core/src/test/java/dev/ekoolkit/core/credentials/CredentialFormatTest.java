package dev.ekoolkit.core.credentials;

import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CredentialFormatTest {

    private static final String ID = ClientIdTest.VALID;
    private static final String SECRET = ClientSecretTest.VALID;

    @Test
    void finds_nothing_wrong_with_valid_credentials() {
        assertThat(CredentialFormat.check(ID, SECRET)).isEmpty();
    }

    @Test
    void returns_every_violation_of_both_fields_client_id_first() {
        List<Violation> violations = CredentialFormat.check(" " + ID.substring(0, 4) + "-" + ID.substring(6),
                SECRET.substring(0, 10) + "!" + SECRET.substring(11, 39) + "\n");
        assertThat(violations).containsExactly(
                new Violation("client_id", Violation.Rule.WHITESPACE,
                        "client_id must not start with whitespace; got a space at position 1"),
                new Violation("client_id", Violation.Rule.LENGTH,
                        "client_id must be exactly 32 letters or digits (A-Z, a-z, 0-9);"
                                + " got 31 characters without the whitespace (32 with it)"),
                new Violation("client_id", Violation.Rule.ALPHABET,
                        "client_id must contain only letters and digits (A-Z, a-z, 0-9); got '-' (U+002D) at position 6"),
                new Violation("client_secret", Violation.Rule.WHITESPACE,
                        "client_secret must not end with whitespace; got a line feed (\\n) at position 40 (a pasted line break?)"),
                new Violation("client_secret", Violation.Rule.LENGTH,
                        "client_secret must be exactly 40 letters or digits (A-Z, a-z, 0-9);"
                                + " got 39 characters without the whitespace (40 with it)"),
                new Violation("client_secret", Violation.Rule.ALPHABET,
                        "client_secret must contain only letters and digits (A-Z, a-z, 0-9);"
                                + " got a character outside that alphabet at position 11"));
    }

    @Test
    void reports_both_missing_values() {
        assertThat(CredentialFormat.check(null, "")).extracting(Violation::field, Violation::rule).containsExactly(
                org.assertj.core.groups.Tuple.tuple("client_id", Violation.Rule.MISSING),
                org.assertj.core.groups.Tuple.tuple("client_secret", Violation.Rule.MISSING));
    }

    @Test
    void reports_only_the_first_character_outside_the_alphabet() {
        assertThat(CredentialFormat.checkClientId("-" + ID.substring(1, 31) + "-")).singleElement()
                .extracting(Violation::message).asString().endsWith("at position 1");
    }

    @Test
    void returns_an_immutable_list() {
        assertThatThrownBy(() -> CredentialFormat.check("x", "y").clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void treats_a_no_break_space_as_whitespace() {
        assertThat(CredentialFormat.checkClientId("\u00a0" + ID)).singleElement()
                .isEqualTo(new Violation("client_id", Violation.Rule.WHITESPACE,
                        "client_id must not start with whitespace; got a no-break space (U+00A0) at position 1"));
    }

    @Test
    void calls_a_trailing_space_a_space_and_not_a_pasted_line_break() {
        assertThat(CredentialFormat.checkClientId(ID + " ")).first()
                .isEqualTo(new Violation("client_id", Violation.Rule.WHITESPACE,
                        "client_id must not end with whitespace; got a space at position 33"));
    }

    @Test
    void calls_a_trailing_tab_a_tab() {
        assertThat(CredentialFormat.checkClientSecret(SECRET + "\t")).first()
                .isEqualTo(new Violation("client_secret", Violation.Rule.WHITESPACE,
                        "client_secret must not end with whitespace; got a tab (\\t) at position 41"));
    }

    @Test
    void calls_a_trailing_no_break_space_by_its_name() {
        assertThat(CredentialFormat.checkClientId(ID + "\u00a0")).first()
                .isEqualTo(new Violation("client_id", Violation.Rule.WHITESPACE,
                        "client_id must not end with whitespace; got a no-break space (U+00A0) at position 33"));
    }

    @Test
    void suspects_a_pasted_line_break_when_a_carriage_return_line_feed_follows_a_space() {
        assertThat(CredentialFormat.checkClientId(ID + " \r\n")).first()
                .isEqualTo(new Violation("client_id", Violation.Rule.WHITESPACE,
                        "client_id must not end with whitespace; got a space at position 33 and 2 more"
                                + " (a pasted line break?)"));
    }

    @Test
    void suspects_a_pasted_line_break_for_a_lone_carriage_return() {
        assertThat(CredentialFormat.checkClientId(ID + "\r")).first()
                .isEqualTo(new Violation("client_id", Violation.Rule.WHITESPACE,
                        "client_id must not end with whitespace; got a carriage return (\\r) at position 33"
                                + " (a pasted line break?)"));
    }

    @Test
    void calls_a_no_break_space_inside_a_client_id_by_its_name() {
        assertThat(CredentialFormat.checkClientId(ID.substring(0, 5) + "\u00a0" + ID.substring(6))).singleElement()
                .isEqualTo(new Violation("client_id", Violation.Rule.ALPHABET,
                        "client_id must contain only letters and digits (A-Z, a-z, 0-9); got a no-break space (U+00A0)"
                                + " at position 6"));
    }

    @Test
    void counts_the_leading_whitespace_after_the_first() {
        assertThat(CredentialFormat.checkClientId("  \t" + ID)).first()
                .isEqualTo(new Violation("client_id", Violation.Rule.WHITESPACE,
                        "client_id must not start with whitespace; got a space at position 1 and 2 more"));
    }

    @Test
    void counts_a_character_outside_the_basic_plane_as_one_position() {
        assertThat(CredentialFormat.checkClientId("\uD83D\uDE00" + ID.substring(1))).singleElement()
                .extracting(Violation::message).asString().endsWith("(U+1F600) at position 1");
    }

    @Test
    void knows_the_alphabet() {
        assertThat(CredentialFormat.isAlphanumeric('z')).isTrue();
        assertThat(CredentialFormat.isAlphanumeric('õ')).isFalse();
    }

    @Test
    void parses_valid_credentials() {
        ClientCredentials creds = ClientCredentials.parse(ID, SECRET);
        assertThat(creds.clientId().value()).isEqualTo(ID);
        assertThat(creds.clientSecret().matches(SECRET)).isTrue();
    }

    @Test
    void parsing_credentials_throws_with_every_violation() {
        assertThatThrownBy(() -> ClientCredentials.parse(ID + "\n", SECRET.substring(1)))
                .isInstanceOfSatisfying(CredentialFormatException.class, e -> assertThat(e.violations())
                        .extracting(Violation::rule).containsExactly(Violation.Rule.WHITESPACE, Violation.Rule.LENGTH))
                .hasMessage("invalid_client: client_id must not end with whitespace; got a line feed (\\n) at position 33"
                        + " (a pasted line break?); client_secret must be exactly 40 letters or digits (A-Z, a-z, 0-9);"
                        + " got 39 characters");
    }

    @Test
    void prints_credentials_with_the_secret_masked() {
        assertThat(ClientCredentials.parse(ID, SECRET).toString())
                .isEqualTo("ClientCredentials[clientId=" + ID + ", clientSecret=****]");
    }

    @Test
    void generates_a_valid_pair() {
        ClientCredentials creds = ClientCredentials.generate(new SecureRandom());
        assertThat(CredentialFormat.check(creds.clientId().value(), creds.clientSecret().value())).isEmpty();
    }

    @Test
    void refuses_an_exception_without_violations() {
        assertThatThrownBy(() -> new CredentialFormatException(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
