package dev.ekoolkit.core.flow;

import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import dev.ekoolkit.core.error.EkoolOAuthException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import static dev.ekoolkit.core.flow.Fixtures.form;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class TokenRequestTest {

    private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    private final PendingAuthorization pending = Fixtures.pending("s".repeat(43), VERIFIER);

    @Test
    void code_exchange_posts_to_the_token_endpoint_as_a_form() {
        HTTPRequest request = Fixtures.builder().build().codeExchangeRequest(pending, "abc");

        assertThat(request.getMethod()).isEqualTo(HTTPRequest.Method.POST);
        assertThat(request.getURI()).hasToString("https://login.ekool.eu/oauth/token");
        assertThat(request.getHeaderValue("Content-Type")).startsWith("application/x-www-form-urlencoded");
        assertThat(request.getHeaderValue("Accept")).isEqualTo("application/json");
    }

    @Test
    void code_exchange_with_form_authentication_sends_exactly_these_fields() {
        HTTPRequest request = Fixtures.builder().build().codeExchangeRequest(pending, "def50200abc");

        assertThat(form(request.getBody())).containsOnly(
                org.assertj.core.api.Assertions.entry("grant_type", "authorization_code"),
                org.assertj.core.api.Assertions.entry("code", "def50200abc"),
                org.assertj.core.api.Assertions.entry("redirect_uri", Fixtures.REDIRECT),
                org.assertj.core.api.Assertions.entry("code_verifier", VERIFIER),
                org.assertj.core.api.Assertions.entry("client_id", Fixtures.CLIENT_ID),
                org.assertj.core.api.Assertions.entry("client_secret", Fixtures.CLIENT_SECRET));
        assertThat(request.getAuthorization()).isNull();
    }

    @Test
    void code_exchange_percent_encodes_the_redirect_uri_and_code() {
        String body = Fixtures.builder().build().codeExchangeRequest(pending, "a/b+c=d&e").getBody();

        assertThat(body).contains("redirect_uri=https%3A%2F%2Fmy.application.com%2Foauth2%2Fcallback")
                .contains("code=a%2Fb%2Bc%3Dd%26e");
    }

    @Test
    void basic_authentication_sends_the_rfc_6749_2_3_1_header_and_no_credentials_in_the_body() {
        HTTPRequest request = Fixtures.builder().clientAuthentication(ClientAuthentication.CLIENT_SECRET_BASIC).build()
                .codeExchangeRequest(pending, "abc");

        String expected = "Basic " + Base64.getEncoder().encodeToString(
                (Fixtures.CLIENT_ID + ":" + Fixtures.CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
        assertThat(request.getAuthorization()).isEqualTo(expected);
        assertThat(form(request.getBody())).containsOnlyKeys("grant_type", "code", "redirect_uri", "code_verifier");
    }

    @Test
    void without_pkce_no_code_verifier_is_sent() {
        PendingAuthorization withoutPkce = Fixtures.pending("s".repeat(43), null);

        String body = Fixtures.builder().pkce(false).build().codeExchangeRequest(withoutPkce, "abc").getBody();

        assertThat(form(body)).doesNotContainKey("code_verifier");
    }

    @Test
    void code_exchange_does_not_send_a_scope() {
        assertThat(form(Fixtures.builder().build().codeExchangeRequest(pending, "abc").getBody())).doesNotContainKey("scope");
    }

    @Test
    void refresh_sends_grant_type_refresh_token_and_form_authentication() {
        HTTPRequest request = Fixtures.builder().build().refreshRequest("rt-123");

        assertThat(Fixtures.keys(form(request.getBody())))
                .containsExactlyInAnyOrderElementsOf(List.of("grant_type", "refresh_token", "client_id", "client_secret"));
        assertThat(form(request.getBody())).containsEntry("grant_type", "refresh_token").containsEntry("refresh_token", "rt-123");
    }

    @Test
    void refresh_with_basic_authentication_keeps_credentials_out_of_the_body() {
        HTTPRequest request = Fixtures.builder().clientAuthentication(ClientAuthentication.CLIENT_SECRET_BASIC).build()
                .refreshRequest("rt-123");

        assertThat(form(request.getBody())).containsOnlyKeys("grant_type", "refresh_token");
        assertThat(request.getAuthorization()).startsWith("Basic ");
    }

    @Test
    void rejects_an_empty_code_before_sending() {
        EkoolOAuthException e = catchThrowableOfType(EkoolOAuthException.class,
                () -> Fixtures.builder().build().codeExchangeRequest(pending, ""));

        assertThat(e.errorDescription()).isEqualTo("code must be a non-empty string; got an empty value");
    }

    @Test
    void refresh_of_a_token_set_without_refresh_token_is_refused() {
        TokenSet tokens = new TokenSet("at", null, "Bearer", null, dev.ekoolkit.core.scope.Scopes.empty(), Fixtures.NOW);

        EkoolOAuthException e = catchThrowableOfType(EkoolOAuthException.class, () -> Fixtures.builder().build().refresh(tokens));

        assertThat(e.errorDescription()).contains("refresh needs a refresh token");
    }

    @Test
    void builder_names_the_missing_required_setting() {
        IllegalStateException e = catchThrowableOfType(IllegalStateException.class,
                () -> EkoolOAuthClient.builder().credentials(Fixtures.CREDENTIALS).build());

        assertThat(e).hasMessage("EkoolOAuthClient needs environment: call builder().environment(...)");
    }
}
