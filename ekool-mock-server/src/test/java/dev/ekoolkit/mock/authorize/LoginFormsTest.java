package dev.ekoolkit.mock.authorize;

import dev.ekoolkit.core.error.EkoolOAuthException;
import dev.ekoolkit.mock.internal.Params;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The login, confirmation and consent forms parsed without HTTP: each post becomes a typed form or the first rule
 * it breaks. The server-side checks (which login, CSRF match, step) are {@link LoginPagesTest}'s.
 */
class LoginFormsTest {

    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String ENVELOPE = "login=L1&csrf_token=C1&";
    private static final FormPost POST = new FormPost("L1", "C1", "B1");

    private static Params body(String text) {
        return Params.parse(text, "form body");
    }

    private static FormResult<LoginForm> login(String text) {
        return LoginForm.parse(FORM, "B1", body(ENVELOPE + text));
    }

    private static <T> FormResult<T> repeated(String name, int times) {
        return new FormResult.Refused<>("invalid_request", "parameter '" + name + "' must not be repeated"
                + " (RFC 6749 section 3.1); got it " + times + " times", 400);
    }

    @Nested
    class The_shared_part {

        @Test
        void reads_the_login_the_csrf_token_and_the_browser_cookie() {
            assertThat(FormPost.parse(FORM, "B1", body("login=L1&csrf_token=C1")))
                    .isEqualTo(new FormResult.Ok<>(new FormPost("L1", "C1", "B1")));
        }

        @Test
        void accepts_a_charset_parameter_on_the_content_type() {
            assertThat(FormPost.parse(FORM + "; charset=UTF-8", "B1", body("login=L1&csrf_token=C1")))
                    .isEqualTo(new FormResult.Ok<>(new FormPost("L1", "C1", "B1")));
        }

        @Test
        void takes_a_missing_csrf_token_and_cookie_as_empty_so_that_the_check_against_the_login_refuses_them() {
            assertThat(FormPost.parse(FORM, null, body("login=L1")))
                    .isEqualTo(new FormResult.Ok<>(new FormPost("L1", "", "")));
        }

        @Test
        void takes_an_empty_login_as_none() {
            assertThat(FormPost.parse(FORM, "B1", body("login=&csrf_token=C1")))
                    .isEqualTo(new FormResult.Ok<>(new FormPost(null, "C1", "B1")));
        }

        @Test
        void refuses_a_json_body_and_names_the_media_type_the_forms_post() {
            assertThat(FormPost.parse("application/json", "B1", Params.empty())).isEqualTo(new FormResult.Refused<>(
                    "invalid_request", "the login forms post application/x-www-form-urlencoded", 400));
        }

        @Test
        void refuses_a_post_without_a_content_type() {
            assertThat(FormPost.parse(null, "B1", Params.empty())).isEqualTo(new FormResult.Refused<>(
                    "invalid_request", "the login forms post application/x-www-form-urlencoded", 400));
        }

        @Test
        void refuses_a_repeated_login() {
            assertThat(FormPost.parse(FORM, "B1", body("login=L1&login=L2&csrf_token=C1")))
                    .isEqualTo(repeated("login", 2));
        }

        @Test
        void refuses_a_repeated_csrf_token() {
            assertThat(FormPost.parse(FORM, "B1", body("login=L1&csrf_token=C1&csrf_token=C1&csrf_token=C1")))
                    .isEqualTo(repeated("csrf_token", 3));
        }

        @Test
        void never_prints_the_csrf_token_or_the_cookie() {
            assertThat(new FormPost("L1", "secret-token", "secret-cookie").toString())
                    .isEqualTo("FormPost[loginId=L1, csrfToken=(12 characters), browser=(13 characters)]");
        }
    }

    @Nested
    class The_login_form {

        @Test
        void reads_a_picked_user() {
            assertThat(login("method=pick&user_id=100001"))
                    .isEqualTo(new FormResult.Ok<>(new LoginForm(POST, new LoginForm.PickUser("100001"))));
        }

        @Test
        void reads_a_pick_without_a_user_so_that_the_page_asks_for_one() {
            assertThat(login("method=pick"))
                    .isEqualTo(new FormResult.Ok<>(new LoginForm(POST, new LoginForm.PickUser(null))));
        }

        @Test
        void reads_a_username_and_password() {
            assertThat(login("method=password&username=mari&password=p%C3%A4ss"))
                    .isEqualTo(new FormResult.Ok<>(new LoginForm(POST, new LoginForm.Password("mari", "päss"))));
        }

        @Test
        void takes_a_missing_username_and_password_as_empty() {
            assertThat(login("method=password"))
                    .isEqualTo(new FormResult.Ok<>(new LoginForm(POST, new LoginForm.Password("", ""))));
        }

        @Test
        void never_prints_the_password() {
            assertThat(new LoginForm.Password("mari", "hunter2").toString())
                    .isEqualTo("Password[username=mari, password=(7 characters)]");
        }

        @Test
        void reads_a_smart_id_login_by_a_valid_personal_code() {
            assertThat(login("method=smart-id&personal_code=50001010006"))
                    .isEqualTo(new FormResult.Ok<>(new LoginForm(POST, new LoginForm.Eid("smart-id", "50001010006", null))));
        }

        @Test
        void reads_a_mobile_id_login_by_a_chosen_account() {
            assertThat(login("method=mobile-id&user_id=100002&phone=%2B372"))
                    .isEqualTo(new FormResult.Ok<>(new LoginForm(POST, new LoginForm.Eid("mobile-id", null, "100002"))));
        }

        @Test
        void prefers_the_personal_code_to_the_account_and_then_ignores_the_account() {
            assertThat(login("method=id-card&personal_code=50001010006&user_id=1&user_id=2"))
                    .isEqualTo(new FormResult.Ok<>(new LoginForm(POST, new LoginForm.Eid("id-card", "50001010006", null))));
        }

        @Test
        void only_smart_id_and_mobile_id_wait_for_a_confirmation_on_the_phone() {
            assertThat(new LoginForm.Eid("smart-id", null, "1").needsConfirmation()).isTrue();
            assertThat(new LoginForm.Eid("mobile-id", null, "1").needsConfirmation()).isTrue();
            assertThat(new LoginForm.Eid("id-card", null, "1").needsConfirmation()).isFalse();
        }

        @Test
        void takes_an_invalid_personal_code_as_a_mistake_the_page_explains() {
            assertThat(login("method=smart-id&personal_code=36805280108")).isEqualTo(new FormResult.Ok<>(new LoginForm(POST,
                    new LoginForm.Mistake("That is not a valid Estonian personal code (11 digits with a valid check"
                            + " digit)."))));
        }

        @Test
        void takes_a_missing_method_as_a_mistake_the_page_explains() {
            assertThat(login("user_id=100001"))
                    .isEqualTo(new FormResult.Ok<>(new LoginForm(POST, new LoginForm.Mistake("Choose a login method."))));
        }

        @Test
        void takes_an_unknown_method_as_a_mistake_the_page_explains() {
            assertThat(login("method=fingerprint"))
                    .isEqualTo(new FormResult.Ok<>(new LoginForm(POST, new LoginForm.Mistake("Choose a login method."))));
        }

        @Test
        void refuses_a_repeated_method() {
            assertThat(login("method=pick&method=password")).isEqualTo(repeated("method", 2));
        }

        @Test
        void refuses_a_repeated_user_id_when_picking() {
            assertThat(login("method=pick&user_id=1&user_id=2")).isEqualTo(repeated("user_id", 2));
        }

        @Test
        void refuses_a_repeated_username_before_a_repeated_password() {
            assertThat(login("method=password&password=a&password=b&username=m&username=n"))
                    .isEqualTo(repeated("username", 2));
        }

        @Test
        void refuses_a_repeated_password() {
            assertThat(login("method=password&username=m&password=a&password=b")).isEqualTo(repeated("password", 2));
        }

        @Test
        void refuses_a_repeated_personal_code() {
            assertThat(login("method=smart-id&personal_code=1&personal_code=2")).isEqualTo(repeated("personal_code", 2));
        }

        @Test
        void ignores_a_repeated_field_its_method_does_not_read() {
            assertThat(login("method=pick&user_id=100001&username=a&username=b"))
                    .isEqualTo(new FormResult.Ok<>(new LoginForm(POST, new LoginForm.PickUser("100001"))));
        }

        @Test
        void refuses_a_wrong_content_type_before_looking_at_the_fields() {
            assertThat(LoginForm.parse("text/plain", "B1", body("method=pick&method=pick"))).isEqualTo(
                    new FormResult.Refused<>("invalid_request", "the login forms post application/x-www-form-urlencoded", 400));
        }
    }

    @Nested
    class The_confirmation_form {

        @Test
        void reads_a_confirmation() {
            assertThat(ConfirmForm.parse(FORM, "B1", body(ENVELOPE + "decision=confirm")))
                    .isEqualTo(new FormResult.Ok<>(new ConfirmForm(POST, false)));
        }

        @Test
        void reads_a_cancellation() {
            assertThat(ConfirmForm.parse(FORM, "B1", body(ENVELOPE + "decision=cancel")))
                    .isEqualTo(new FormResult.Ok<>(new ConfirmForm(POST, true)));
        }

        @Test
        void takes_any_other_decision_as_a_confirmation_as_the_page_always_did() {
            assertThat(ConfirmForm.parse(FORM, "B1", body(ENVELOPE)))
                    .isEqualTo(new FormResult.Ok<>(new ConfirmForm(POST, false)));
        }

        @Test
        void refuses_a_repeated_decision() {
            assertThat(ConfirmForm.parse(FORM, "B1", body(ENVELOPE + "decision=cancel&decision=confirm")))
                    .isEqualTo(repeated("decision", 2));
        }
    }

    @Nested
    class The_consent_form {

        @Test
        void reads_an_approval() {
            assertThat(ConsentForm.parse(FORM, "B1", body(ENVELOPE + "decision=approve")))
                    .isEqualTo(new FormResult.Ok<>(new ConsentForm(POST, true)));
        }

        @Test
        void reads_a_denial() {
            assertThat(ConsentForm.parse(FORM, "B1", body(ENVELOPE + "decision=deny")))
                    .isEqualTo(new FormResult.Ok<>(new ConsentForm(POST, false)));
        }

        @Test
        void refuses_any_other_decision_and_says_which_two_it_takes() {
            assertThat(ConsentForm.parse(FORM, "B1", body(ENVELOPE + "decision=Approve"))).isEqualTo(
                    new FormResult.Refused<>("invalid_request", "decision must be 'approve' or 'deny'", 400));
        }

        @Test
        void refuses_a_missing_decision() {
            assertThat(ConsentForm.parse(FORM, "B1", body(ENVELOPE))).isEqualTo(
                    new FormResult.Refused<>("invalid_request", "decision must be 'approve' or 'deny'", 400));
        }

        @Test
        void refuses_a_repeated_decision() {
            assertThat(ConsentForm.parse(FORM, "B1", body(ENVELOPE + "decision=deny&decision=approve")))
                    .isEqualTo(repeated("decision", 2));
        }
    }

    @Nested
    class A_refusal {

        @Test
        void is_thrown_as_the_oauth_error_with_its_status() {
            assertThatThrownBy(() -> ConsentForm.parse(FORM, "B1", body(ENVELOPE)).orThrow())
                    .isInstanceOfSatisfying(EkoolOAuthException.class, e -> {
                        assertThat(e.error()).isEqualTo("invalid_request");
                        assertThat(e.errorDescription()).isEqualTo("decision must be 'approve' or 'deny'");
                        assertThat(e.httpStatus()).isEqualTo(400);
                    });
        }
    }
}
