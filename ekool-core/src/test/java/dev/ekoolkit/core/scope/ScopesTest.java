package dev.ekoolkit.core.scope;

import dev.ekoolkit.core.error.EkoolOAuthException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScopesTest {

    private static final String SEPARATOR_RULE = "scope must be scope tokens separated by single spaces (RFC 6749 section 3.3);"
            + " got an empty token at token ";

    private static EkoolOAuthException rejection(String wire) {
        try {
            Scopes.parse(wire);
        } catch (EkoolOAuthException e) {
            return e;
        }
        throw new AssertionError("accepted " + wire);
    }

    @Test
    void parses_tokens_in_order() {
        assertThat(Scopes.parse("users-basic mkool-api").asStrings()).containsExactly("users-basic", "mkool-api");
    }

    @Test
    void formats_to_the_wire_form() {
        assertThat(Scopes.of("mkool-api", "users-basic").format()).isEqualTo("mkool-api users-basic");
    }

    @Test
    void parses_null_as_empty() {
        assertThat(Scopes.parse(null)).isEqualTo(Scopes.empty());
    }

    @Test
    void parses_empty_as_empty_and_formats_back_to_empty() {
        assertThat(Scopes.parse("").format()).isEmpty();
    }

    @Test
    void rejects_a_double_space_and_says_where() {
        assertThat(rejection("users-basic  mkool-api").errorDescription())
                .isEqualTo(SEPARATOR_RULE + "2 of 'users-basic  mkool-api' (a leading, trailing or double space?)");
    }

    @Test
    void rejects_a_leading_space() {
        assertThat(rejection(" users-basic").errorDescription())
                .isEqualTo(SEPARATOR_RULE + "1 of ' users-basic' (a leading, trailing or double space?)");
    }

    @Test
    void rejects_a_trailing_space() {
        assertThat(rejection("users-basic ").errorDescription())
                .isEqualTo(SEPARATOR_RULE + "2 of 'users-basic ' (a leading, trailing or double space?)");
    }

    @Test
    void rejects_a_repeated_scope_and_says_where() {
        assertThat(rejection("users-basic mkool-api users-basic").errorDescription())
                .isEqualTo("scope must list each scope token once (RFC 6749 section 3.3); got 'users-basic' at tokens 1 and 3");
    }

    @Test
    void rejects_a_repeated_scope_given_as_a_list() {
        assertThatThrownBy(() -> Scopes.of(List.of(Scope.USERS_BASIC, Scope.USERS_BASIC)))
                .hasMessage("invalid_scope: scope must list each scope token once (RFC 6749 section 3.3);"
                        + " got 'users-basic' at tokens 1 and 2");
    }

    @Test
    void rejects_a_tab_separator_with_the_token_rule() {
        assertThat(rejection("users-basic\tmkool-api").errorDescription())
                .startsWith("scope token must contain only printable ASCII").contains("got a tab (\\t) at position 12");
    }

    @Test
    void is_immutable() {
        assertThatThrownBy(() -> Scopes.parse("users-basic").values().add(Scope.of("x")))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void contains_a_listed_scope() {
        assertThat(Scopes.parse("users-basic mkool-api").contains(Scope.USERS_BASIC)).isTrue();
    }

    @Test
    void contains_all_of_a_subset() {
        assertThat(Scopes.parse("users-basic mkool-api").containsAll(Scopes.parse("mkool-api"))).isTrue();
    }

    @Test
    void does_not_contain_all_of_a_superset() {
        assertThat(Scopes.parse("users-basic").containsAll(Scopes.parse("users-basic mkool-api"))).isFalse();
    }

    @Test
    void counts_its_scopes() {
        assertThat(Scopes.parse("users-basic mkool-api").size()).isEqualTo(2);
    }

    @Test
    void keeps_order_in_equality() {
        assertThat(Scopes.parse("a b")).isNotEqualTo(Scopes.parse("b a"));
    }

    @Test
    void iterates_in_order() {
        assertThat(Scopes.parse("b a")).containsExactly(Scope.of("b"), Scope.of("a"));
    }

    @Test
    void prints_as_its_wire_form() {
        assertThat(Scopes.parse("users-basic mkool-api")).hasToString("users-basic mkool-api");
    }

    @Test
    void does_not_contain_a_scope_it_does_not_list() {
        assertThat(Scopes.of("users-basic").contains(Scope.of("mkool-api"))).isFalse();
        assertThat(Scopes.empty().contains(Scope.USERS_BASIC)).isFalse();
    }

    @Test
    void is_empty_only_without_scopes() {
        assertThat(Scopes.empty().isEmpty()).isTrue();
        assertThat(Scopes.of("users-basic").isEmpty()).isFalse();
    }

    @Test
    void is_built_from_typed_scopes_in_order() {
        assertThat(Scopes.of(Scope.of("b"), Scope.USERS_BASIC).asStrings()).containsExactly("b", "users-basic");
    }
}
