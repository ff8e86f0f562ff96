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

    @Test
    void names_the_four_everyday_whitespace_characters_in_words() {
        assertThat(Text.describe(' ')).isEqualTo("a space");
        assertThat(Text.describe('\t')).isEqualTo("a tab (\\t)");
        assertThat(Text.describe('\n')).isEqualTo("a line feed (\\n)");
        assertThat(Text.describe('\r')).isEqualTo("a carriage return (\\r)");
    }

    @Test
    void names_other_whitespace_by_its_unicode_name_and_code_point() {
        assertThat(Text.describe(0x00A0)).isEqualTo("a no-break space (U+00A0)");
        assertThat(Text.describe(0x2003)).isEqualTo("an em space (U+2003)");
        assertThat(Text.describe(0x3000)).isEqualTo("an ideographic space (U+3000)");
        assertThat(Text.describe(0x000C)).isEqualTo("a form feed (U+000C)");
        assertThat(Text.describe(0x2028)).isEqualTo("a line separator (U+2028)");
    }

    @Test
    void quotes_visible_characters_with_their_code_point() {
        assertThat(Text.describe('!')).isEqualTo("'!' (U+0021)");
        assertThat(Text.describe('~')).isEqualTo("'~' (U+007E)");
        assertThat(Text.describe(0x00F5)).isEqualTo("'\u00F5' (U+00F5)");
        assertThat(Text.describe(0x212A)).isEqualTo("'\u212A' (U+212A)");
        assertThat(Text.describe(0xFF11)).isEqualTo("'\uFF11' (U+FF11)");
        assertThat(Text.describe(0x1F600)).isEqualTo("'\uD83D\uDE00' (U+1F600)");
    }

    @Test
    void gives_invisible_characters_by_code_point_and_formats_and_marks_by_name_too() {
        assertThat(Text.describe(0x0007)).isEqualTo("the character U+0007");
        assertThat(Text.describe(0x007F)).isEqualTo("the character U+007F");
        assertThat(Text.describe(0xE000)).isEqualTo("the character U+E000");
        assertThat(Text.describe(0xD800)).isEqualTo("the character U+D800");
        assertThat(Text.describe(0x0378)).isEqualTo("the character U+0378");
        assertThat(Text.describe(0x200B)).isEqualTo("the character U+200B (zero width space)");
        assertThat(Text.describe(0x0301)).isEqualTo("the character U+0301 (combining acute accent)");
        assertThat(Text.describe(0x20DD)).isEqualTo("the character U+20DD (combining enclosing circle)");
        assertThat(Text.describe(0x0903)).isEqualTo("the character U+0903 (devanagari sign visarga)");
    }

    @Test
    void counts_unicode_space_separators_as_whitespace_as_well_as_java_whitespace() {
        assertThat(Text.isWhitespace(0x00A0)).as("no-break space, a space separator").isTrue();
        assertThat(Text.isWhitespace(0x202F)).as("narrow no-break space").isTrue();
        assertThat(Text.isWhitespace('\u001C')).as("information separator four, Java whitespace").isTrue();
        assertThat(Text.isWhitespace(0x200B)).as("zero width space is a format character").isFalse();
        assertThat(Text.isWhitespace('a')).isFalse();
    }
}
