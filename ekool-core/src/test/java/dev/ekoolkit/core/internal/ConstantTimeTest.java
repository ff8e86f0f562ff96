package dev.ekoolkit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConstantTimeTest {

    @Test
    void equal_strings_are_equal() {
        assertThat(ConstantTime.equals("8yFFEvVq65uk", "8yFFEvVq65uk")).isTrue();
    }

    @Test
    void a_difference_in_the_last_character_is_seen() {
        assertThat(ConstantTime.equals("8yFFEvVq65uk", "8yFFEvVq65uK")).isFalse();
    }

    @Test
    void a_prefix_is_not_equal() {
        assertThat(ConstantTime.equals("8yFFEvVq65uk", "8yFFEvVq65u")).isFalse();
    }

    @Test
    void compares_beyond_ascii() {
        assertThat(ConstantTime.equals("\u00E4", "a\u0308")).isFalse();
        assertThat(ConstantTime.equals("\u00E4", "\u00E4")).isTrue();
    }

    @Test
    void null_is_never_equal() {
        assertThat(ConstantTime.equals(null, null)).isFalse();
        assertThat(ConstantTime.equals("a", null)).isFalse();
        assertThat(ConstantTime.equals(null, "a")).isFalse();
    }
}
