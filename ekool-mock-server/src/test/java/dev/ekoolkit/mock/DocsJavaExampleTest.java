package dev.ekoolkit.mock;

import dev.ekoolkit.core.credentials.ClientCredentials;
import dev.ekoolkit.core.environment.EkoolEnvironment;
import dev.ekoolkit.mock.api.Endpoint;
import dev.ekoolkit.mock.api.RecordedRequest;
import dev.ekoolkit.mock.support.Flows;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs the in-process example of docs/mock-server.md ("Starting it") and checks the page still shows it. */
class DocsJavaExampleTest {

    private static final Path PAGE = Path.of("..", "docs", "mock-server.md");

    @Test
    void the_in_process_example_runs_and_takes_the_token_request() {
        RecordedRequest authorizeTaken;
        RecordedRequest tokenTaken;
        ClientCredentials seen;
        try (EkoolMockServer server = EkoolMockServer.builder().autoLogin("mari").build().start()) {
            EkoolEnvironment env = server.environment();          // login_url = api_url = http://127.0.0.1:<port>
            ClientCredentials creds = server.defaultClient().credentials();
            Flows.exchange(server, Flows.code(server));           // the application logs in
            // ... point the application at env and creds, let it log in, then, in the order they came:
            RecordedRequest authorizeRequest = server.pollRequest(Duration.ofSeconds(5)).orElseThrow();
            RecordedRequest tokenRequest = server.pollRequest(Duration.ofSeconds(5)).orElseThrow();
            assertThat(env.loginUrl()).isEqualTo(server.loginUrl());
            authorizeTaken = authorizeRequest;
            tokenTaken = tokenRequest;
            seen = creds;
        }
        // The page's names say what each poll returns: the journal holds the requests in the order they came.
        assertThat(authorizeTaken.endpoint()).isEqualTo(Endpoint.AUTHORIZE);
        assertThat(tokenTaken.endpoint()).isEqualTo(Endpoint.TOKEN);
        assertThat(tokenTaken.clientId()).isEqualTo(seen.clientId().value());
    }

    @Test
    void the_page_shows_the_example_as_this_test_runs_it() throws IOException {
        assertThat(Files.readString(PAGE)).contains("""
                try (EkoolMockServer server = EkoolMockServer.builder().autoLogin("mari").build().start()) {
                    EkoolEnvironment env = server.environment();          // login_url = api_url = http://127.0.0.1:<port>
                    ClientCredentials creds = server.defaultClient().credentials();
                    // ... point the application at env and creds, let it log in, then, in the order they came:
                    RecordedRequest authorizeRequest = server.pollRequest(Duration.ofSeconds(5)).orElseThrow();
                    RecordedRequest tokenRequest = server.pollRequest(Duration.ofSeconds(5)).orElseThrow();
                }""");
    }
}
