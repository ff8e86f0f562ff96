package dev.ekoolkit.core.error;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EkoolOAuthExceptionWireTest {

    @Test
    void error_object_keeps_a_description_that_is_already_wire_safe() {
        var e = EkoolOAuthException.invalidGrant("code expired after 600 seconds");

        assertThat(e.toErrorObject().getDescription()).isEqualTo("code expired after 600 seconds");
        assertThat(e.toErrorObject().getCode()).isEqualTo("invalid_grant");
        assertThat(e.toErrorObject().getHTTPStatusCode()).isEqualTo(400);
    }

    @Test
    void error_object_replaces_quotes_backslashes_and_non_ascii_characters_rfc6749_5_2() {
        var e = EkoolOAuthException.invalidScope("got '\"' and '\\' in \"Õpilane\"\n");

        assertThat(e.toErrorObject().getDescription()).isEqualTo("got ''' and '/' in '?pilane'?");
    }

    @Test
    void invalid_client_defaults_to_401_and_insufficient_scope_to_403() {
        assertThat(EkoolOAuthException.invalidClient("x").httpStatus()).isEqualTo(401);
        assertThat(EkoolOAuthException.insufficientScope("x").httpStatus()).isEqualTo(403);
        assertThat(EkoolOAuthException.invalidRequest("x").httpStatus()).isEqualTo(400);
    }
}
