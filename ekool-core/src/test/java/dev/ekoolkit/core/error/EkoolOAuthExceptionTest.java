package dev.ekoolkit.core.error;

import com.nimbusds.oauth2.sdk.ErrorObject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

class EkoolOAuthExceptionTest {

    @Test
    void carries_error_description_and_status() {
        EkoolOAuthException e = EkoolOAuthException.invalidGrant("code expired");
        assertThat(e.error()).isEqualTo("invalid_grant");
        assertThat(e.errorDescription()).isEqualTo("code expired");
        assertThat(e.httpStatus()).isEqualTo(400);
    }

    @Test
    void puts_the_error_code_before_the_description_in_its_message() {
        assertThat(EkoolOAuthException.invalidRequest("x missing")).hasMessage("invalid_request: x missing");
    }

    @Test
    void gives_invalid_client_status_401() {
        assertThat(EkoolOAuthException.invalidClient("bad").httpStatus()).isEqualTo(401);
    }

    @Test
    void gives_invalid_token_status_401() {
        assertThat(EkoolOAuthException.invalidToken("expired").httpStatus()).isEqualTo(401);
    }

    @Test
    void gives_insufficient_scope_status_403() {
        assertThat(EkoolOAuthException.insufficientScope("needs users-basic").httpStatus()).isEqualTo(403);
    }

    @Test
    void gives_server_error_status_500_and_temporarily_unavailable_503() {
        assertThat(EkoolOAuthException.defaultStatus("server_error")).isEqualTo(500);
        assertThat(EkoolOAuthException.defaultStatus("temporarily_unavailable")).isEqualTo(503);
    }

    @Test
    void gives_other_errors_status_400() {
        assertThat(EkoolOAuthException.accessDenied("no").httpStatus()).isEqualTo(400);
        assertThat(EkoolOAuthException.unsupportedGrantType("password").httpStatus()).isEqualTo(400);
        assertThat(EkoolOAuthException.invalidScope("x").httpStatus()).isEqualTo(400);
    }

    @Test
    void keeps_an_explicit_status_and_cause() {
        IllegalStateException cause = new IllegalStateException("io");
        EkoolOAuthException e = new EkoolOAuthException("server_error", "down", 502, cause);
        assertThat(e.httpStatus()).isEqualTo(502);
        assertThat(e).hasCause(cause);
    }

    @Test
    void converts_to_a_nimbus_error_object() {
        ErrorObject error = EkoolOAuthException.invalidClient("unknown client").toErrorObject();
        assertThat(error.getCode()).isEqualTo("invalid_client");
        assertThat(error.getDescription()).isEqualTo("unknown client");
        assertThat(error.getHTTPStatusCode()).isEqualTo(401);
    }

    @Test
    void refuses_a_null_error_code_naming_it() {
        assertThatNullPointerException().isThrownBy(() -> new EkoolOAuthException(null, "x")).withMessage("error");
    }
}
