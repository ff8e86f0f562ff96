package dev.ekoolkit.mock.config;

import dev.ekoolkit.mock.config.MockConfig.PkcePolicy;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The configuration's {@code pkce} key: {@code optional}, {@code required} or {@code s256}, in YAML and JSON. */
class PkceConfigTest {

    private static MockConfig yaml(String text) {
        return MockConfigLoader.parse(text, "mock.yaml", false, null);
    }

    @Test
    void reads_each_policy_from_yaml() {
        assertThat(yaml("pkce: optional\n").pkce()).isEqualTo(PkcePolicy.OPTIONAL);
        assertThat(yaml("pkce: required\n").pkce()).isEqualTo(PkcePolicy.REQUIRED);
        assertThat(yaml("pkce: s256\n").pkce()).isEqualTo(PkcePolicy.S256);
    }

    @Test
    void reads_the_policy_from_json() {
        assertThat(MockConfigLoader.parse("{\"pkce\": \"s256\"}", "mock.json", true, null).pkce()).isEqualTo(PkcePolicy.S256);
    }

    @Test
    void an_omitted_policy_is_optional() {
        assertThat(yaml("limits:\n  recorded_requests: 5\n").pkce())
                .isEqualTo(PkcePolicy.OPTIONAL);
    }

    @Test
    void an_unknown_policy_names_the_field_the_accepted_values_and_what_was_received() {
        assertThatThrownBy(() -> yaml("pkce: S256-only\n")).isInstanceOfSatisfying(MockConfigException.class, e -> {
            assertThat(e.field()).isEqualTo("pkce");
            assertThat(e.getMessage()).contains("pkce must be one of optional, required, s256; got 'S256-only'");
        });
    }

    @Test
    void the_policy_names_are_lower_case_and_exact() {
        assertThatThrownBy(() -> PkcePolicy.parse("Required")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("pkce must be one of optional, required, s256; got 'Required'");
    }
}
