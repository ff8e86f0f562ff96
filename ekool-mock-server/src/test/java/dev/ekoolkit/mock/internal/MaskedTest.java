package dev.ekoolkit.mock.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How an unregistered {@code client_id} is shown: its length and kinds of characters, never the characters. */
class MaskedTest {

    @Test
    void a_pasted_40_character_secret_shows_as_its_length_and_letters_and_digits() {
        assertThat(Masked.unregisteredClientId("8yFFEvVq65ukVTWtDVRMjttM5nyRg0ErCBJnRSlb"))
                .isEqualTo("<unregistered client_id: 40 characters, letters and digits>");
    }

    @Test
    void lists_every_kind_of_character_in_a_fixed_order() {
        assertThat(Masked.unregisteredClientId("é a-1\u0007"))
                .isEqualTo("<unregistered client_id: 6 characters, letters, digits, punctuation, spaces,"
                        + " control characters and non-ASCII characters>");
    }

    @Test
    void counts_code_points_not_utf16_units() {
        assertThat(Masked.unregisteredClientId("\uD83D\uDE00")).isEqualTo("<unregistered client_id: 1 character, non-ASCII characters>");
    }

    @Test
    void an_empty_value_has_no_kinds() {
        assertThat(Masked.unregisteredClientId("")).isEqualTo("<unregistered client_id: 0 characters>");
    }

    @Test
    void a_registered_id_is_shown_as_it_is_and_an_unregistered_one_masked() {
        assertThat(Masked.clientId("demoEkoolMockClientId00000000000", true)).isEqualTo("demoEkoolMockClientId00000000000");
        assertThat(Masked.clientId("demoEkoolMockClientId00000000000", false))
                .isEqualTo("<unregistered client_id: 32 characters, letters and digits>");
        assertThat(Masked.clientId(null, false)).isNull();
    }
}
