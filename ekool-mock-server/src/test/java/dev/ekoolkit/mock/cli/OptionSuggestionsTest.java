package dev.ekoolkit.mock.cli;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OptionSuggestionsTest {

    static final List<String> SERVE = List.of("--port", "--host", "--config", "--auto-login", "--admin-token-env",
            "--redirect-uri", "--env-file", "-h", "--help", "-V", "--version");

    @Test
    void suggests_port_for_two_swapped_letters() {
        assertThat(OptionSuggestions.similar("--prot", SERVE)).containsExactly("--port");
    }

    @Test
    void suggests_auto_login_for_a_dropped_letter() {
        assertThat(OptionSuggestions.similar("--auto-logn", SERVE)).containsExactly("--auto-login");
    }

    @Test
    void suggests_a_long_name_two_edits_away() {
        assertThat(OptionSuggestions.similar("--redirct-ur", SERVE)).containsExactly("--redirect-uri");
    }

    @Test
    void suggests_nothing_for_a_name_unlike_any_option() {
        assertThat(OptionSuggestions.similar("--frobnicate", SERVE)).isEmpty();
    }

    @Test
    void never_suggests_a_one_letter_option_for_another_letter() {
        assertThat(OptionSuggestions.similar("-x", SERVE)).isEmpty();
    }

    @Test
    void names_the_option_without_its_value() {
        assertThat(OptionSuggestions.optionName("--client-secret=abc123")).isEqualTo("--client-secret");
    }

    @Test
    void does_not_take_a_value_or_a_secret_for_an_option() {
        assertThat(OptionSuggestions.optionName("0")).isNull();
        assertThat(OptionSuggestions.optionName("8yFFEvVq65ukVTWtDVRMjttM5nyRg0ErCBJnRSlb")).isNull();
        assertThat(OptionSuggestions.optionName("-8yFFEvVq65ukVTWtDVRMjttM5nyRg0ErCBJnRSlb")).isNull();
    }

    @Test
    void counts_a_swap_of_neighbours_as_one_edit() {
        assertThat(OptionSuggestions.distance("prot", "port")).isEqualTo(1);
        assertThat(OptionSuggestions.distance("port", "host")).isEqualTo(2);
        assertThat(OptionSuggestions.distance("", "abc")).isEqualTo(3);
    }
}
