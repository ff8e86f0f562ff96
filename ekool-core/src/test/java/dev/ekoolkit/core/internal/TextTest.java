package dev.ekoolkit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextTest {

    @Test
    void keeps_printable_ascii_as_it_is() {
        assertThat(Text.printable("users-basic ~!", 64)).isEqualTo("users-basic ~!");
    }

    @Test
    void escapes_control_and_non_ascii_characters() {
        assertThat(Text.printable("a\nb\u00A0c\u200Bd", 64)).isEqualTo("a\\u000Ab\\u00A0c\\u200Bd");
    }

    @Test
    void escapes_both_halves_of_a_surrogate_pair() {
        assertThat(Text.printable("x\uD83D\uDE00", 64)).isEqualTo("x\\uD83D\\uDE00");
    }

    @Test
    void cuts_long_values_and_says_how_long_they_were() {
        assertThat(Text.printable("abcdefghij", 4)).isEqualTo("abcd...(10 characters)");
    }

    @Test
    void does_not_cut_a_value_of_exactly_the_limit() {
        assertThat(Text.printable("abcd", 4)).isEqualTo("abcd");
    }

    @Test
    void gives_the_empty_string_for_null() {
        assertThat(Text.printable(null, 10)).isEmpty();
    }

    @Test
    void names_code_points_in_unicode_notation() {
        assertThat(Text.codePoint('A')).isEqualTo("U+0041");
        assertThat(Text.codePoint(0x1F600)).isEqualTo("U+1F600");
    }
}
