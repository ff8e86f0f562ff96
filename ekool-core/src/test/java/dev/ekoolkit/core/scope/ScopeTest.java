package dev.ekoolkit.core.scope;

import dev.ekoolkit.core.error.EkoolOAuthException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScopeTest {

    private static final String TOKEN_RULE = "scope token must contain only printable ASCII other than space, '\"' and '\\'"
            + " (RFC 6749 section 3.3); got ";

    private static EkoolOAuthException rejection(String value) {
        try {
            Scope.parse(value);
        } catch (EkoolOAuthException e) {
            return e;
        }
        throw new AssertionError("accepted " + value);
    }

    @Test
    void accepts_users_basic() {
        assertThat(Scope.parse("users-basic")).isEqualTo(Scope.USERS_BASIC);
    }

    @Test
    void accepts_an_unknown_but_well_formed_scope() {
        assertThat(Scope.of("grades:read").value()).isEqualTo("grades:read");
    }

    @Test
    void is_rejected_as_invalid_scope() {
        assertThat(rejection("").error()).isEqualTo("invalid_scope");
    }

    @Test
    void rejects_null_and_says_so() {
        assertThat(rejection(null).errorDescription())
                .isEqualTo("scope must be a non-empty token (RFC 6749 section 3.3); got no value");
    }

    @Test
    void rejects_empty_and_says_so() {
        assertThat(rejection("").errorDescription())
                .isEqualTo("scope must be a non-empty token (RFC 6749 section 3.3); got an empty value");
    }

    @Test
    void rejects_a_space_and_names_its_position() {
        assertThat(rejection("users basic").errorDescription()).isEqualTo(TOKEN_RULE + "a space at position 6 of 'users basic'");
    }

    @Test
    void rejects_a_double_quote() {
        assertThat(rejection("a\"b").errorDescription()).isEqualTo(TOKEN_RULE + "'\"' (U+0022) at position 2 of 'a\"b'");
    }

    @Test
    void rejects_a_backslash() {
        assertThat(rejection("a\\b").errorDescription()).isEqualTo(TOKEN_RULE + "'\\' (U+005C) at position 2 of 'a\\b'");
    }

    @Test
    void rejects_a_pasted_newline_and_escapes_it_in_the_message() {
        assertThat(rejection("users-basic\n").errorDescription())
                .isEqualTo(TOKEN_RULE + "a line feed (\\n) at position 12 of 'users-basic\\u000A'");
    }

    @Test
    void rejects_a_non_ascii_letter() {
        assertThat(rejection("õpilane").errorDescription()).isEqualTo(TOKEN_RULE + "'õ' (U+00F5) at position 1 of '\\u00F5pilane'");
    }

    @Test
    void caps_a_long_value_in_the_message() {
        assertThat(rejection("a".repeat(100) + " ").errorDescription()).endsWith("got a space at position 101 of '" + "a".repeat(64) + "...(101 characters)'");
    }

    @Test
    void prints_as_its_wire_form() {
        assertThat(Scope.of("users-basic")).hasToString("users-basic");
    }

    @Test
    void describes_a_known_scope_from_the_catalogue() {
        assertThat(KnownScope.describe(Scope.USERS_BASIC))
                .isEqualTo("Your basic profile: eKool user id, first and last name, e-mail, personal code and roles");
    }

    @Test
    void describes_an_unknown_scope_by_name() {
        assertThat(KnownScope.describe(Scope.of("grades"))).isEqualTo("Access named 'grades'");
    }

    @Test
    void finds_mkool_api_in_the_catalogue() {
        assertThat(KnownScope.find(Scope.of("mkool-api"))).contains(KnownScope.MKOOL_API);
    }

    @Test
    void does_not_find_an_unknown_scope_in_the_catalogue() {
        assertThat(KnownScope.find(Scope.of("grades"))).isEmpty();
    }

    @Test
    void the_catalogue_entry_carries_the_same_scope_as_the_constant() {
        assertThat(KnownScope.USERS_BASIC.scope()).isEqualTo(Scope.USERS_BASIC);
    }

    @Test
    void of_rejects_exactly_as_parse_does() {
        assertThatThrownBy(() -> Scope.of("a b")).hasMessage(rejection("a b").getMessage());
    }
}
