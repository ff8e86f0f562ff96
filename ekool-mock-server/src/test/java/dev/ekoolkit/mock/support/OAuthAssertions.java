package dev.ekoolkit.mock.support;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** Assertions on the mock's JSON error answers. */
public final class OAuthAssertions {

    private OAuthAssertions() {
    }

    /** Asserts status, {@code error}, a fragment of {@code error_description}, and a Passport {@code message}. */
    public static JsonNode assertOAuthError(HttpResponse<String> r, int status, String error, String descriptionFragment) {
        assertThat(r.statusCode()).as("status; body %s", r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        JsonNode body = TestHttp.json(r);
        assertThat(body.path("error").asText()).as("error; body %s", r.body()).isEqualTo(error);
        assertThat(body.path("error_description").asText()).as("error_description").contains(descriptionFragment);
        assertThat(body.path("message").asText()).as("message").isNotBlank();
        return body;
    }
}
