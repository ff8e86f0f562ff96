package dev.ekoolkit.core.flow;

import dev.ekoolkit.core.error.EkoolOAuthException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class EkoolUserTest {

    @Test
    void numeric_id_becomes_text() {
        assertThat(EkoolUser.parse("{\"data\":{\"id\":123456789012}}").id()).isEqualTo("123456789012");
    }

    @Test
    void string_id_is_kept_as_is() {
        assertThat(EkoolUser.parse("{\"data\":{\"id\":\"9f1c-42\"}}").id()).isEqualTo("9f1c-42");
    }

    @Test
    void an_integral_float_id_has_no_decimal_point() {
        assertThat(EkoolUser.parse("{\"data\":{\"id\":42.0}}").id()).isEqualTo("42");
    }

    @Test
    void null_personal_code_and_missing_names_are_null() {
        EkoolUser user = EkoolUser.parse("{\"data\":{\"id\":1,\"personalCode\":null}}");

        assertThat(user.personalCode()).isNull();
        assertThat(user.firstName()).isNull();
        assertThat(user.roles()).isEmpty();
        assertThat(user.fullName()).isEmpty();
    }

    @Test
    void snake_case_names_are_accepted() {
        EkoolUser user = EkoolUser.parse("{\"data\":{\"id\":1,\"first_name\":\"Jaan\",\"last_name\":\"Tamm\",\"personal_code\":\"38001085718\"}}");

        assertThat(user.fullName()).isEqualTo("Jaan Tamm");
        assertThat(user.personalCode()).isEqualTo("38001085718");
    }

    @Test
    void unknown_fields_are_kept_in_raw_in_order() {
        EkoolUser user = EkoolUser.parse("{\"data\":{\"id\":1,\"school\":{\"name\":\"Tartu\"},\"zeta\":true,\"alpha\":null}}");

        assertThat(user.raw()).containsKeys("id", "school", "zeta", "alpha");
        assertThat(user.raw().get("school")).isEqualTo(Map.of("name", "Tartu"));
        assertThat(List.copyOf(user.raw().keySet())).containsExactly("id", "school", "zeta", "alpha");
        Map<?, ?> nested = (Map<?, ?>) EkoolUser.parse("{\"data\":{\"id\":1,\"s\":{\"z\":1,\"a\":2}}}").raw().get("s");
        assertThat(nested.keySet().stream().map(Object::toString).toList()).containsExactly("z", "a");
    }

    @Test
    void raw_is_unmodifiable_all_the_way_down() {
        EkoolUser user = EkoolUser.parse("{\"data\":{\"id\":1,\"school\":{\"name\":\"Tartu\"}}}");

        @SuppressWarnings("unchecked")
        Map<String, Object> school = (Map<String, Object>) user.raw().get("school");
        assertThat(catchThrowableOfType(UnsupportedOperationException.class, () -> school.put("x", 1))).isNotNull();
    }

    @Test
    void a_bare_profile_without_envelope_is_accepted() {
        assertThat(EkoolUser.parse("{\"id\":5,\"firstName\":\"Mari\"}").firstName()).isEqualTo("Mari");
    }

    @Test
    void role_objects_with_a_name_are_read() {
        assertThat(EkoolUser.parse("{\"data\":{\"id\":1,\"roles\":[{\"name\":\"teacher\"},\"parent\"]}}").roles())
                .containsExactly("teacher", "parent");
    }

    @Test
    void has_role_ignores_case() {
        assertThat(EkoolUser.parse("{\"data\":{\"id\":1,\"roles\":[\"Teacher\"]}}").hasRole("teacher")).isTrue();
    }

    @Test
    void a_body_that_is_not_json_is_rejected_and_says_so() {
        EkoolOAuthException e = catchThrowableOfType(EkoolOAuthException.class, () -> EkoolUser.parse("<html>"));

        assertThat(e.errorDescription()).isEqualTo("user profile must be a JSON object with a 'data' object; got a body that is not a JSON object");
    }

    @Test
    void data_that_is_not_an_object_is_rejected_and_says_so() {
        EkoolOAuthException e = catchThrowableOfType(EkoolOAuthException.class, () -> EkoolUser.parse("{\"data\":[1]}"));

        assertThat(e.errorDescription()).isEqualTo("user profile must have a 'data' object; got 'data' that is an array");
    }

    @Test
    void a_boolean_id_is_rejected_and_says_so() {
        EkoolOAuthException e = catchThrowableOfType(EkoolOAuthException.class, () -> EkoolUser.parse("{\"data\":{\"id\":true}}"));

        assertThat(e.errorDescription()).isEqualTo("user profile 'data.id' must be a number or a non-empty string; got a boolean");
    }

    @Test
    void to_string_masks_e_mail_and_personal_code() {
        EkoolUser user = EkoolUser.parse("{\"data\":{\"id\":1,\"email\":\"mari@example.ee\",\"personalCode\":\"49403136526\"}}");

        assertThat(user.toString()).doesNotContain("mari@").doesNotContain("49403136526")
                .contains("email=m***@example.ee").contains("personalCode=**** (11 characters)");
    }
}
