package dev.ekoolkit.core.flow;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class BasicProfileTest {

    private static final String TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiI0MiJ9.sig-of-the-access-token";
    private static final String PROFILE = "{\"data\":{\"id\":42,\"firstName\":\"Mari\",\"lastName\":\"Maasikas\","
            + "\"email\":\"mari@example.ee\",\"personalCode\":\"49403136526\",\"roles\":[\"student\"]}}";

    private StubServer stub;
    private EkoolOAuthClient client;

    @BeforeEach
    void start() throws IOException {
        stub = new StubServer();
        client = Fixtures.builder(stub.base()).build();
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    @Test
    void sends_the_access_token_as_bearer_to_user_me_basic() throws Exception {
        stub.json(200, PROFILE);

        client.fetchBasicProfile(TOKEN);

        StubServer.Recorded sent = stub.take();
        assertThat(sent.method()).isEqualTo("GET");
        assertThat(sent.path()).isEqualTo("/user/me/basic");
        assertThat(sent.header("Authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(sent.header("Accept")).isEqualTo("application/json");
    }

    @Test
    void parses_the_data_envelope() {
        stub.json(200, PROFILE);

        EkoolUser user = client.fetchBasicProfile(TOKEN);

        assertThat(user.id()).isEqualTo("42");
        assertThat(user.fullName()).isEqualTo("Mari Maasikas");
        assertThat(user.email()).isEqualTo("mari@example.ee");
        assertThat(user.personalCode()).isEqualTo("49403136526");
        assertThat(user.roles()).containsExactly("student");
    }

    @Test
    void a_401_with_a_bearer_challenge_is_an_invalid_token_error() {
        stub.answer(401, Map.of("WWW-Authenticate", "Bearer realm=\"eKool\", error=\"invalid_token\", error_description=\"The token expired\"",
                "Content-Type", "application/json"), "{\"message\":\"Unauthenticated.\"}");

        ResourceAccessException e = catchThrowableOfType(ResourceAccessException.class, () -> client.fetchBasicProfile(TOKEN));

        assertThat(e.error()).isEqualTo("invalid_token");
        assertThat(e.errorDescription()).isEqualTo("The token expired");
        assertThat(e.httpStatus()).isEqualTo(401);
        assertThat(e.wwwAuthenticate()).isPresent();
        assertThat(e.getMessage()).endsWith("[HTTP 401 from GET " + stub.base() + "/user/me/basic]").doesNotContain(TOKEN);
    }

    @Test
    void a_laravel_401_without_challenge_is_still_invalid_token() {
        stub.json(401, "{\"message\":\"Unauthenticated.\"}");

        ResourceAccessException e = catchThrowableOfType(ResourceAccessException.class, () -> client.fetchBasicProfile(TOKEN));

        assertThat(e.error()).isEqualTo("invalid_token");
        assertThat(e.errorDescription()).isEqualTo("Unauthenticated.");
    }

    @Test
    void a_403_insufficient_scope_is_reported_with_its_code() {
        stub.answer(403, Map.of("WWW-Authenticate", "Bearer error=\"insufficient_scope\", scope=\"users-basic\""), "");

        ResourceAccessException e = catchThrowableOfType(ResourceAccessException.class, () -> client.fetchBasicProfile(TOKEN));

        assertThat(e.error()).isEqualTo("insufficient_scope");
        assertThat(e.httpStatus()).isEqualTo(403);
    }

    @Test
    void an_error_json_body_gives_the_error_when_there_is_no_challenge() {
        stub.json(403, "{\"error\":\"insufficient_scope\",\"error_description\":\"users-basic is required\"}");

        ResourceAccessException e = catchThrowableOfType(ResourceAccessException.class, () -> client.fetchBasicProfile(TOKEN));

        assertThat(e.error()).isEqualTo("insufficient_scope");
        assertThat(e.errorDescription()).isEqualTo("users-basic is required");
    }

    @Test
    void an_html_500_is_a_server_error_with_an_excerpt() {
        stub.answer(500, "text/html; charset=UTF-8", "<!DOCTYPE html><html><head><title>Server Error</title></head></html>");

        ResourceAccessException e = catchThrowableOfType(ResourceAccessException.class, () -> client.fetchBasicProfile(TOKEN));

        assertThat(e.error()).isEqualTo("server_error");
        assertThat(e.errorDescription()).isEqualTo("resource answered HTTP 500 without an OAuth error description:"
                + " text/html; charset=UTF-8, 68 characters: 'Server Error'");
    }

    @Test
    void a_200_without_a_usable_profile_names_what_is_missing() {
        stub.json(200, "{\"data\":{\"firstName\":\"Mari\"}}");

        ResourceAccessException e = catchThrowableOfType(ResourceAccessException.class, () -> client.fetchBasicProfile(TOKEN));

        assertThat(e.httpStatus()).isEqualTo(200);
        assertThat(e.errorDescription()).startsWith("user profile 'data.id' must be a number or a non-empty string; got nothing");
    }

    @Test
    void a_200_without_id_does_not_quote_the_personal_data_it_holds() {
        stub.json(200, "{\"data\":{\"email\":\"mari@example.ee\",\"personalCode\":\"49403136526\"}}");

        ResourceAccessException e = catchThrowableOfType(ResourceAccessException.class, () -> client.fetchBasicProfile(TOKEN));

        assertThat(e.getMessage()).doesNotContain("49403136526").doesNotContain("mari@")
                .contains("application/json; charset=UTF-8, 65 characters");
    }

    @Test
    void a_profile_echoing_the_token_in_an_error_never_repeats_it() {
        stub.answer(500, "text/plain", "bad token " + TOKEN);

        ResourceAccessException e = catchThrowableOfType(ResourceAccessException.class, () -> client.fetchBasicProfile(TOKEN));

        assertThat(e.getMessage()).contains("bad token ****").doesNotContain(TOKEN);
    }

    @Test
    void fetching_with_a_token_set_uses_its_access_token() throws Exception {
        stub.json(200, PROFILE);

        client.fetchBasicProfile(new TokenSet(TOKEN, null, "Bearer", null, dev.ekoolkit.core.scope.Scopes.empty(), Fixtures.NOW));

        assertThat(stub.take().header("Authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(stub.drain()).isEmpty();
    }

    @Test
    void roles_keep_their_order() {
        stub.json(200, "{\"data\":{\"id\":\"7\",\"roles\":[\"parent\",\"teacher\"]}}");

        assertThat(client.fetchBasicProfile(TOKEN).roles()).isEqualTo(List.of("parent", "teacher"));
    }
}
