package dev.ekoolkit.core.flow;

import dev.ekoolkit.core.error.EkoolOAuthException;
import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class HandleCallbackTest {

    private static final String STATE = "af0ifjsldkjQ3xyz-st4te-value-of-43-characters";
    private final EkoolOAuthClient client = Fixtures.builder().build();
    private final PendingAuthorization pending = Fixtures.pending(STATE, "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");

    private static URI callback(String query) {
        return URI.create(Fixtures.REDIRECT + "?" + query);
    }

    @Test
    void returns_the_code_when_state_matches() {
        assertThat(client.handleCallback(pending, callback("code=SplxlOBeZQQYbYS6WxSbIA&state=" + STATE)))
                .isEqualTo("SplxlOBeZQQYbYS6WxSbIA");
    }

    @Test
    void decodes_a_percent_encoded_code() {
        assertThat(client.handleCallback(pending, callback("code=def50200%2Fab%2Bcd%3D&state=" + STATE)))
                .isEqualTo("def50200/ab+cd=");
    }

    @Test
    void ignores_unknown_extra_parameters() {
        assertThat(client.handleCallback(pending, callback("foo=bar&code=abc123&utm_source=x&state=" + STATE)))
                .isEqualTo("abc123");
    }

    @Test
    void accepts_a_relative_callback_uri_with_only_path_and_query() {
        assertThat(client.handleCallback(pending, URI.create("/oauth2/callback?code=abc123&state=" + STATE)))
                .isEqualTo("abc123");
    }

    @Test
    void rejects_a_different_state_without_printing_the_expected_one() {
        StateMismatchException e = catchThrowableOfType(StateMismatchException.class,
                () -> client.handleCallback(pending, callback("code=abc123&state=forged")));

        assertThat(e.error()).isEqualTo("invalid_request");
        assertThat(e.getMessage()).contains("'state' does not match").contains("RFC 6749 section 10.12")
                .contains("got 6 characters").doesNotContain(STATE).doesNotContain(STATE.substring(0, 12));
    }

    @Test
    void rejects_a_missing_state() {
        StateMismatchException e = catchThrowableOfType(StateMismatchException.class,
                () -> client.handleCallback(pending, callback("code=abc123")));

        assertThat(e.errorDescription()).startsWith("callback has no 'state' parameter");
    }

    @Test
    void rejects_a_state_that_differs_only_in_case() {
        assertThat(catchThrowableOfType(StateMismatchException.class,
                () -> client.handleCallback(pending, callback("code=abc123&state=" + STATE.toUpperCase()))))
                .isNotNull();
    }

    @Test
    void rejects_a_missing_code_and_says_so() {
        EkoolOAuthException e = catchThrowableOfType(EkoolOAuthException.class,
                () -> client.handleCallback(pending, callback("state=" + STATE)));

        assertThat(e.error()).isEqualTo("invalid_request");
        assertThat(e.errorDescription()).isEqualTo("callback must carry 'code' or 'error' (RFC 6749 section 4.1.2); got neither");
    }

    @Test
    void rejects_a_callback_without_query() {
        EkoolOAuthException e = catchThrowableOfType(EkoolOAuthException.class,
                () -> client.handleCallback(pending, URI.create(Fixtures.REDIRECT)));

        assertThat(e.errorDescription()).endsWith("got no query");
    }

    @Test
    void rejects_a_repeated_code() {
        EkoolOAuthException e = catchThrowableOfType(EkoolOAuthException.class,
                () -> client.handleCallback(pending, callback("code=a1&code=b2&state=" + STATE)));

        assertThat(e.errorDescription()).isEqualTo("callback parameter 'code' must not be repeated (RFC 6749 section 3.1); got it 2 times");
    }

    @Test
    void access_denied_becomes_an_authorization_error_with_its_description_and_state() {
        AuthorizationErrorException e = catchThrowableOfType(AuthorizationErrorException.class,
                () -> client.handleCallback(pending, callback("error=access_denied"
                        + "&error_description=The+resource+owner+or+authorization+server+denied+the+request.&state=" + STATE)));

        assertThat(e.error()).isEqualTo("access_denied");
        assertThat(e.isAccessDenied()).isTrue();
        assertThat(e.errorDescription()).isEqualTo("The resource owner or authorization server denied the request.");
        assertThat(e.state()).contains(STATE);
        assertThat(e.getMessage()).doesNotContain(STATE);
    }

    @Test
    void other_errors_keep_their_code_and_error_uri() {
        AuthorizationErrorException e = catchThrowableOfType(AuthorizationErrorException.class,
                () -> client.handleCallback(pending, callback("error=invalid_scope&error_description=Scope+%27x%27+unknown"
                        + "&error_uri=https%3A%2F%2Fhelp.ekool.eu%2Fscopes&state=" + STATE)));

        assertThat(e.error()).isEqualTo("invalid_scope");
        assertThat(e.isAccessDenied()).isFalse();
        assertThat(e.errorDescription()).isEqualTo("Scope 'x' unknown");
        assertThat(e.errorUri()).contains("https://help.ekool.eu/scopes");
    }

    @Test
    void a_non_ascii_description_keeps_its_letters() {
        AuthorizationErrorException e = catchThrowableOfType(AuthorizationErrorException.class,
                () -> client.handleCallback(pending, callback("error=access_denied"
                        + "&error_description=Kasutaja+keeldus+n%C3%B5usolekust&state=" + STATE)));

        assertThat(e.errorDescription()).isEqualTo("Kasutaja keeldus nõusolekust");
    }

    @Test
    void a_description_with_control_characters_is_flattened() {
        AuthorizationErrorException e = catchThrowableOfType(AuthorizationErrorException.class,
                () -> client.handleCallback(pending, callback("error=access_denied&error_description=line1%0D%0Aline2&state=" + STATE)));

        assertThat(e.errorDescription()).isEqualTo("line1 line2");
    }

    @Test
    void server_error_without_description_gets_a_clear_one() {
        AuthorizationErrorException e = catchThrowableOfType(AuthorizationErrorException.class,
                () -> client.handleCallback(pending, callback("error=server_error&state=" + STATE)));

        assertThat(e.errorDescription()).isEqualTo("the authorization server redirected back with error 'server_error'"
                + " and no error_description (RFC 6749 section 4.1.2.1)");
        assertThat(e.httpStatus()).isEqualTo(500);
    }

    @Test
    void an_error_without_state_is_still_reported_as_the_error() {
        AuthorizationErrorException e = catchThrowableOfType(AuthorizationErrorException.class,
                () -> client.handleCallback(pending, callback("error=access_denied")));

        assertThat(e.error()).isEqualTo("access_denied");
        assertThat(e.state()).isEmpty();
    }

    @Test
    void an_error_with_a_foreign_state_is_a_state_mismatch() {
        assertThat(catchThrowableOfType(StateMismatchException.class,
                () -> client.handleCallback(pending, callback("error=access_denied&state=other")))).isNotNull();
    }

    @Test
    void complete_authorization_checks_the_state_before_any_request() {
        EkoolOAuthClient unreachable = Fixtures.builder(URI.create("http://127.0.0.1:9")).build();

        assertThat(catchThrowableOfType(StateMismatchException.class,
                () -> unreachable.completeAuthorization(pending, callback("code=abc&state=x")))).isNotNull();
    }
}
