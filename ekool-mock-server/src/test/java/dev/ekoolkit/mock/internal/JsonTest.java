package dev.ekoolkit.mock.internal;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The mock's JSON writer: the text every JSON answer is made of. */
class JsonTest {

    @Test
    void writes_an_object_in_insertion_order_with_every_kind_of_value() {
        Map<String, Object> m = Json.object("token_type", "Bearer", "expires_in", 3600L, "active", true,
                "refresh_token", null, "scopes", List.of("users-basic", "profile"), "ratio", 0.5,
                "data", Json.object("id", "u1", "roles", List.of()));

        assertThat(Json.write(m)).isEqualTo("{\"token_type\":\"Bearer\",\"expires_in\":3600,\"active\":true,"
                + "\"refresh_token\":null,\"scopes\":[\"users-basic\",\"profile\"],\"ratio\":0.5,"
                + "\"data\":{\"id\":\"u1\",\"roles\":[]}}");
    }

    @Test
    void leaves_slashes_and_html_characters_as_they_are_and_escapes_quotes_backslashes_and_controls() {
        assertThat(Json.write(Json.object("uri", "https://app.example/cb?a=1&b=<2>", "text", "say \"hi\"\\\n\t\u0001")))
                .isEqualTo("{\"uri\":\"https://app.example/cb?a=1&b=<2>\",\"text\":\"say \\\"hi\\\"\\\\\\n\\t\\u0001\"}");
    }

    @Test
    void keeps_non_ascii_text_as_it_is() {
        assertThat(Json.write(Map.of("name", "Mari Õun-Šmidt"))).isEqualTo("{\"name\":\"Mari Õun-Šmidt\"}");
    }

    @Test
    void escapes_the_two_javascript_line_separators() {
        assertThat(Json.write(Map.of("t", "a\u2028b\u2029c"))).isEqualTo("{\"t\":\"a\\u2028b\\u2029c\"}");
    }

    @Test
    void writes_a_set_at_the_top_as_a_list() {
        assertThat(Json.write(Set.of("only"))).isEqualTo("[\"only\"]");
    }

    @Test
    void refuses_numbers_that_are_not_finite_and_names_where_they_are() {
        assertThatThrownBy(() -> Json.write(Json.object("ratio", Double.NaN))).isInstanceOf(Json.NotJsonException.class)
                .hasMessage("JSON numbers are finite; $.ratio is NaN");
        assertThatThrownBy(() -> Json.write(List.of(1, Float.NEGATIVE_INFINITY)))
                .hasMessage("JSON numbers are finite; $[1] is -Infinity");
    }

    @Test
    void a_value_it_cannot_write_is_the_mocks_fault_not_bad_input() {
        assertThatThrownBy(() -> Json.write(Map.of("when", java.time.Instant.EPOCH)))
                .isNotInstanceOf(IllegalArgumentException.class).isNotInstanceOf(IllegalStateException.class);
    }

    @Test
    void writes_a_list_of_objects_at_the_top() {
        assertThat(Json.write(List.of(Map.of("id", "a"), Map.of("id", "b")))).isEqualTo("[{\"id\":\"a\"},{\"id\":\"b\"}]");
        assertThat(Json.write(List.of())).isEqualTo("[]");
    }

    @Test
    void writes_null_inside_a_list() {
        assertThat(Json.write(Arrays.asList("a", null))).isEqualTo("[\"a\",null]");
    }

    @Test
    void refuses_a_value_of_another_type_and_names_where_it_is() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("data", Json.object("when", java.time.Instant.EPOCH));

        assertThatThrownBy(() -> Json.write(m)).isInstanceOf(Json.NotJsonException.class)
                .hasMessage("JSON values are maps, collections, text, numbers, booleans or null; $.data.when is a "
                        + "java.time.Instant");
        assertThatThrownBy(() -> Json.write(List.of("a", Set.of(new Object()))))
                .hasMessageContaining("$[1][0] is a java.lang.Object");
    }

    @Test
    void refuses_a_key_that_is_not_text_and_a_top_level_value_that_is_not_an_object_or_a_list() {
        assertThatThrownBy(() -> Json.write(Map.of(1, "a"))).isInstanceOf(Json.NotJsonException.class)
                .hasMessage("JSON object keys are text; $ has a key of type java.lang.Integer");
        assertThatThrownBy(() -> Json.write("text")).isInstanceOf(Json.NotJsonException.class)
                .hasMessage("JSON text is written from a map or a collection; got java.lang.String");
        assertThatThrownBy(() -> Json.write(null)).hasMessage("JSON text is written from a map or a collection; got null");
    }
}
