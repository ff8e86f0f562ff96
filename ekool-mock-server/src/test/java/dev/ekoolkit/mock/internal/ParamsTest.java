package dev.ekoolkit.mock.internal;

import dev.ekoolkit.core.error.EkoolOAuthException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Strict {@code application/x-www-form-urlencoded} parsing: names and values are percent- and plus-decoded as UTF-8,
 * plain ASCII comes out unchanged, and broken text is an error.
 */
class ParamsTest {

    @Test
    void takes_plain_ascii_names_and_values_as_they_are_including_equals_signs_and_unreserved_marks() {
        Params p = Params.parse("grant_type=authorization_code&code=aZ09-._~&redirect_uri=http://localhost:8080/cb"
                + "&x=a=b&flag&empty=", "form body");

        assertThat(p.asMap()).containsExactly(
                Map.entry("grant_type", List.of("authorization_code")),
                Map.entry("code", List.of("aZ09-._~")),
                Map.entry("redirect_uri", List.of("http://localhost:8080/cb")),
                Map.entry("x", List.of("a=b")),
                Map.entry("flag", List.of("")),
                Map.entry("empty", List.of("")));
    }

    @Test
    void decodes_plus_signs_and_percent_escapes_in_names_and_values() {
        Params p = Params.parse("redirect_uri=http%3A%2F%2Flocalhost%2Fcb&scope=users-basic+profile&na%6De=v", "query");

        assertThat(p.get("redirect_uri")).isEqualTo("http://localhost/cb");
        assertThat(p.get("scope")).isEqualTo("users-basic profile");
        assertThat(p.get("name")).isEqualTo("v");
    }

    @Test
    void decodes_percent_encoded_utf8_and_raw_non_ascii_in_a_query_as_utf8() {
        Params p = Params.parse("a=%C3%B5un&b=\u00f5un", "query");

        assertThat(p.get("a")).isEqualTo("\u00f5un");
        assertThat(p.get("b")).isEqualTo("\u00f5un");
    }

    @Test
    void reads_raw_bytes_of_a_form_body_as_utf8() {
        Params p = Params.parse("user=j\u00f5e&x=1".getBytes(StandardCharsets.UTF_8), "form body");

        assertThat(p.get("user")).isEqualTo("j\u00f5e");
        assertThat(p.get("x")).isEqualTo("1");
    }

    @Test
    void refuses_a_percent_sign_without_two_hex_digits_naming_the_parameter_and_position() {
        assertThatThrownBy(() -> Params.parse("code=ab%zz", "form body"))
                .isInstanceOf(EkoolOAuthException.class)
                .hasMessageContaining("the value of parameter 'code' in the form body has a '%' not followed by two hex"
                        + " digits at position 3");
    }

    @Test
    void decodes_an_escape_that_ends_the_text() {
        assertThat(Params.parse("a=%41", "query").get("a")).isEqualTo("A");
    }

    @Test
    void refuses_a_percent_escape_cut_off_by_the_end_of_the_text() {
        assertThatThrownBy(() -> Params.parse("code=ab%4", "form body"))
                .isInstanceOf(EkoolOAuthException.class)
                .hasMessageContaining("the value of parameter 'code' in the form body has a '%' not followed by two hex"
                        + " digits at position 3");
        assertThatThrownBy(() -> Params.parse("code=ab%", "form body"))
                .isInstanceOf(EkoolOAuthException.class)
                .hasMessageContaining("has a '%' not followed by two hex digits at position 3");
    }

    @Test
    void refuses_a_broken_escape_in_a_parameter_name_and_says_it_is_in_a_name() {
        assertThatThrownBy(() -> Params.parse("na%zz=1", "query"))
                .isInstanceOf(EkoolOAuthException.class)
                .hasMessageContaining("a parameter name in the query has a '%' not followed by two hex digits at position 3");
    }

    @Test
    void takes_100_parameters_and_refuses_101_saying_how_many_are_allowed() {
        String hundred = IntStream.rangeClosed(1, 100).mapToObj(i -> "p" + i + "=v").collect(Collectors.joining("&"));

        assertThat(Params.parse(hundred, "form body").asMap()).hasSize(100);
        assertThatThrownBy(() -> Params.parse(hundred + "&p101=v", "form body"))
                .isInstanceOf(EkoolOAuthException.class)
                .hasMessageContaining("the form body has more than 100 parameters");
    }

    @Test
    void refuses_percent_escapes_that_are_not_utf8() {
        assertThatThrownBy(() -> Params.parse("state=%FF", "query"))
                .isInstanceOf(EkoolOAuthException.class)
                .hasMessageContaining("the value of parameter 'state' in the query has bytes that are not valid UTF-8");
    }
}
