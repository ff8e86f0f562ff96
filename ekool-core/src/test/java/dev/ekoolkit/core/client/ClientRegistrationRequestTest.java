package dev.ekoolkit.core.client;

import dev.ekoolkit.core.client.ClientRegistrationException.Problem;
import dev.ekoolkit.core.error.EkoolOAuthException;
import dev.ekoolkit.core.scope.Scopes;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClientRegistrationRequestTest {

    private static final String EMAIL_RULE = "email_address must look like name@example.com (one '@', no spaces,"
            + " a domain with a dot)";
    private static final String PHONE_RULE = "phone must be in international format: '+', then 7 to 15 digits,"
            + " spaces allowed (E.164), for example +372 5123 4567";

    private static ClientRegistrationRequest.Builder valid() {
        return ClientRegistrationRequest.builder()
                .organisation("Tartu Example School")
                .responsiblePerson("Mari", "Maasikas", "mari.maasikas@example.ee", "+372 5123 4567")
                .purpose("Sign-in with eKool for our school library app.")
                .redirectUri("https://library.example.ee/oauth2/callback");
    }

    private static List<Problem> problems(UnaryOperator<ClientRegistrationRequest.Builder> change) {
        try {
            change.apply(valid()).build();
        } catch (ClientRegistrationException e) {
            return e.problems();
        }
        throw new AssertionError("accepted");
    }

    private static String onlyMessage(UnaryOperator<ClientRegistrationRequest.Builder> change) {
        List<Problem> problems = problems(change);
        assertThat(problems).hasSize(1);
        return problems.get(0).message();
    }

    @Test
    void builds_a_valid_request_with_users_basic_by_default() {
        assertThat(valid().build().scopes()).isEqualTo(Scopes.parse("users-basic"));
    }

    @Test
    void strips_surrounding_whitespace_from_text_fields() {
        assertThat(valid().organisation("  Tartu Example School\n").build().organisation()).isEqualTo("Tartu Example School");
    }

    @Test
    void renders_the_email_to_ekool_help_exactly() {
        RegistrationEmail mail = valid().build().email();
        assertThat(mail.to()).isEqualTo("help@ekool.eu");
        assertThat(mail.subject()).isEqualTo("eKool API client request: Tartu Example School");
        assertThat(mail.body()).isEqualTo("""
                Hello,

                We would like to request OAuth 2.0 client access data (client_id, client_secret and available
                scopes) for the eKool API.

                Institution or company: Tartu Example School
                Responsible person: Mari Maasikas
                E-mail: mari.maasikas@example.ee
                Telephone: +372 5123 4567

                Purpose of authorization usage:
                Sign-in with eKool for our school library app.

                Redirect URI:
                - https://library.example.ee/oauth2/callback

                Requested scope:
                - users-basic

                Please send the client_id, client_secret and available scopes to mari.maasikas@example.ee.

                Kind regards,
                Mari Maasikas
                Tartu Example School
                """);
    }

    @Test
    void renders_several_redirect_uris_scopes_and_a_multi_line_purpose() {
        String body = valid()
                .purpose("Sign-in for the library app.\r\nNo other data is used.")
                .redirectUri(RedirectUri.of("http://localhost:8080/callback"))
                .scopes("users-basic mkool-api")
                .build().email().body();
        assertThat(body).contains("""
                Purpose of authorization usage:
                Sign-in for the library app.
                No other data is used.

                Redirect URIs:
                - https://library.example.ee/oauth2/callback
                - http://localhost:8080/callback

                Requested scopes:
                - users-basic
                - mkool-api
                """);
    }

    @Test
    void is_an_invalid_request_in_the_oauth_exception_family() {
        assertThatThrownBy(() -> valid().organisation(null).build())
                .isInstanceOf(EkoolOAuthException.class)
                .extracting(e -> ((EkoolOAuthException) e).error())
                .isEqualTo("invalid_request");
    }

    @Test
    void reports_every_problem_at_once_in_field_order() {
        assertThat(problems(b -> b.organisation("").firstName(null).surname(" ").emailAddress("mari")
                .phone("5123 4567").purpose(null).scopes(Scopes.empty())))
                .extracting(Problem::field)
                .containsExactly("organisation", "first_name", "surname", "email_address", "phone", "purpose", "scopes");
    }

    @Test
    void joins_every_problem_into_the_description() {
        assertThatThrownBy(() -> valid().organisation(null).phone(null).build())
                .hasMessage("invalid_request: organisation (the institution or company name) must not be blank; got no value;"
                        + " phone (the responsible person's phone number) must not be blank; got no value");
    }

    @Test
    void rejects_a_missing_organisation_and_says_so() {
        assertThat(onlyMessage(b -> b.organisation(null)))
                .isEqualTo("organisation (the institution or company name) must not be blank; got no value");
    }

    @Test
    void rejects_a_whitespace_only_first_name_and_says_so() {
        assertThat(onlyMessage(b -> b.firstName("  \t")))
                .isEqualTo("first_name (the responsible person's first name) must not be blank; got an empty or whitespace-only value");
    }

    @Test
    void rejects_a_surname_of_101_characters_and_says_so() {
        assertThat(onlyMessage(b -> b.surname("a".repeat(101))))
                .isEqualTo("surname must be at most 100 characters; got 101");
    }

    @Test
    void accepts_a_surname_of_100_characters() {
        assertThat(valid().surname("a".repeat(100)).build().surname()).hasSize(100);
    }

    @Test
    void rejects_a_line_break_inside_the_organisation_and_names_its_position() {
        assertThat(onlyMessage(b -> b.organisation("Tartu\nSchool")))
                .isEqualTo("organisation must be one line without control characters; got a line feed (\\n) at position 6");
    }

    @Test
    void rejects_a_purpose_of_2001_characters_and_says_so() {
        assertThat(onlyMessage(b -> b.purpose("x".repeat(2001))))
                .isEqualTo("purpose must be at most 2000 characters; got 2001");
    }

    @Test
    void rejects_a_tab_inside_the_purpose() {
        assertThat(onlyMessage(b -> b.purpose("a\tb")))
                .isEqualTo("purpose must not contain control characters other than line breaks; got a tab (\\t) at position 2");
    }

    @Test
    void rejects_an_email_without_an_at_sign() {
        assertThat(onlyMessage(b -> b.emailAddress("mari.example.ee"))).isEqualTo(EMAIL_RULE + "; got no '@'");
    }

    @Test
    void rejects_an_email_with_two_at_signs() {
        assertThat(onlyMessage(b -> b.emailAddress("mari@x@example.ee"))).isEqualTo(EMAIL_RULE + "; got 2 '@' characters");
    }

    @Test
    void rejects_an_email_with_a_space_and_names_its_position() {
        assertThat(onlyMessage(b -> b.emailAddress("mari @example.ee"))).isEqualTo(EMAIL_RULE + "; got a space at position 5");
    }

    @Test
    void rejects_an_email_with_nothing_before_the_at_sign() {
        assertThat(onlyMessage(b -> b.emailAddress("@example.ee"))).isEqualTo(EMAIL_RULE + "; got nothing before the '@'");
    }

    @Test
    void rejects_an_email_with_nothing_after_the_at_sign() {
        assertThat(onlyMessage(b -> b.emailAddress("mari@"))).isEqualTo(EMAIL_RULE + "; got nothing after the '@'");
    }

    @Test
    void rejects_an_email_whose_domain_has_no_dot() {
        assertThat(onlyMessage(b -> b.emailAddress("mari@localhost"))).isEqualTo(EMAIL_RULE + "; got a domain without a dot");
    }

    @Test
    void rejects_an_email_with_two_dots_in_a_row() {
        assertThat(onlyMessage(b -> b.emailAddress("mari@example..ee")))
                .isEqualTo(EMAIL_RULE + "; got an empty label in the domain (a dot at its start or end, or two in a row)");
    }

    @Test
    void rejects_an_email_with_a_one_letter_top_level_domain() {
        assertThat(onlyMessage(b -> b.emailAddress("mari@example.e")))
                .isEqualTo(EMAIL_RULE + "; got a top-level domain of one character");
    }

    @Test
    void rejects_an_email_of_255_characters() {
        assertThat(onlyMessage(b -> b.emailAddress("a".repeat(244) + "@example.ee")))
                .isEqualTo("email_address must be at most 254 characters (RFC 5321 section 4.5.3.1.3); got 255");
    }

    @Test
    void never_repeats_the_email_address_in_a_message() {
        assertThat(onlyMessage(b -> b.emailAddress("mari@localhost"))).doesNotContain("mari");
    }

    @Test
    void rejects_a_phone_without_a_plus_and_says_so() {
        assertThat(onlyMessage(b -> b.phone("5123 4567")))
                .isEqualTo(PHONE_RULE + "; got no leading '+' (start with the country code, such as +372)");
    }

    @Test
    void rejects_a_dash_in_the_phone_and_names_its_position() {
        assertThat(onlyMessage(b -> b.phone("+372-5123-4567")))
                .isEqualTo(PHONE_RULE + "; got '-' (U+002D) at position 5");
    }

    @Test
    void rejects_a_phone_of_6_digits() {
        assertThat(onlyMessage(b -> b.phone("+372 512"))).isEqualTo(PHONE_RULE + "; got 6 digits");
    }

    @Test
    void rejects_a_phone_of_16_digits() {
        assertThat(onlyMessage(b -> b.phone("+372 5123 4567 89012"))).isEqualTo(PHONE_RULE + "; got 16 digits");
    }

    @Test
    void accepts_a_phone_of_7_digits_without_spaces() {
        assertThat(valid().phone("+3725123").build().phone()).isEqualTo("+3725123");
    }

    @Test
    void rejects_a_country_code_starting_with_0() {
        assertThat(onlyMessage(b -> b.phone("+0372 5123 4567"))).isEqualTo(PHONE_RULE + "; got a country code starting with 0");
    }

    @Test
    void rejects_a_request_without_redirect_uris() {
        assertThat(onlyMessage(b -> ClientRegistrationRequest.builder().organisation("Tartu Example School")
                .responsiblePerson("Mari", "Maasikas", "mari.maasikas@example.ee", "+372 5123 4567")
                .purpose("Library")))
                .isEqualTo("redirect_uris must list at least one redirect URI, for example"
                        + " https://my.application.com/oauth2/callback (RFC 6749 section 3.1.2); got none");
    }

    @Test
    void rejects_a_plain_http_redirect_uri_with_the_redirect_rule() {
        assertThat(onlyMessage(b -> b.redirectUri("http://library.example.ee/cb")))
                .isEqualTo("redirect_uris entry 2: redirect_uri must be an absolute https URI without a fragment"
                        + " (http only on localhost, 127.0.0.1 or [::1]; RFC 6749 section 3.1.2);"
                        + " got http on the non-loopback host 'library.example.ee'");
    }

    @Test
    void rejects_a_repeated_redirect_uri() {
        assertThat(onlyMessage(b -> b.redirectUri("https://library.example.ee/oauth2/callback")))
                .isEqualTo("redirect_uris must not list a redirect URI twice; entry 2 repeats entry 1"
                        + " ('https://library.example.ee/oauth2/callback')");
    }

    @Test
    void rejects_a_null_redirect_uri() {
        assertThat(onlyMessage(b -> b.redirectUri((String) null)))
                .isEqualTo("redirect_uris entry 2 must be a redirect URI; got no value");
    }

    @Test
    void rejects_empty_scopes_and_says_so() {
        assertThat(onlyMessage(b -> b.scopes("")))
                .isEqualTo("scopes must request at least one scope, such as users-basic (RFC 6749 section 3.3); got none");
    }

    @Test
    void rejects_malformed_scopes_with_the_scope_rule() {
        assertThat(onlyMessage(b -> b.scopes("users-basic  mkool-api")))
                .isEqualTo("scope must be scope tokens separated by single spaces (RFC 6749 section 3.3); got an empty"
                        + " token at token 2 of 'users-basic  mkool-api' (a leading, trailing or double space?)");
    }

    @Test
    void the_constructor_checks_as_the_builder_does() {
        assertThatThrownBy(() -> new ClientRegistrationRequest("School", "Mari", "Maasikas", "mari@example.ee",
                "+372 5123 4567", "Library", List.of(), Scopes.parse("users-basic")))
                .isInstanceOf(ClientRegistrationException.class)
                .hasMessageEndingWith("got none");
    }

    @Test
    void keeps_its_redirect_uris_immutable() {
        assertThatThrownBy(() -> valid().build().redirectUris().add(RedirectUri.of("https://x.example/cb")))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void masks_the_email_address_and_phone_in_to_string() {
        assertThat(valid().build().toString()).doesNotContain("mari.maasikas@example.ee").doesNotContain("5123")
                .contains("emailAddress=***, phone=***");
    }
}
