package dev.ekoolkit.core.flow;

import dev.ekoolkit.core.client.RedirectUri;
import dev.ekoolkit.core.credentials.ClientCredentials;
import dev.ekoolkit.core.environment.EkoolEnvironment;
import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

/** The example of docs/client.md, run against the scripted stub so the document cannot rot. */
class DocsExampleTest {

    @Test
    void the_documented_flow_runs_from_authorize_uri_to_refreshed_tokens() throws Exception {
        try (StubServer stub = new StubServer()) {
            stub.json(200, "{\"token_type\":\"Bearer\",\"expires_in\":3600,\"access_token\":\"at-1\",\"refresh_token\":\"rt-1\"}")
                .json(200, "{\"data\":{\"id\":42,\"firstName\":\"Mari\",\"lastName\":\"Maasikas\",\"roles\":[\"student\"]}}")
                .json(200, "{\"token_type\":\"Bearer\",\"expires_in\":3600,\"access_token\":\"at-2\",\"refresh_token\":\"rt-2\"}");
            URI loginUrl = stub.base();
            URI apiUrl = stub.base();

            // --- docs/client.md: begin
            EkoolOAuthClient client = EkoolOAuthClient.builder()
                    .environment(EkoolEnvironment.custom(loginUrl, apiUrl))   // or EkoolEnvironment.PRODUCTION
                    .credentials(ClientCredentials.parse(Fixtures.CLIENT_ID, Fixtures.CLIENT_SECRET))
                    .redirectUri(RedirectUri.parse("http://localhost:8080/oauth2/callback"))
                    .build();

            // 1. Login link: keep `pending` in the user's session, send the browser to the URI.
            PendingAuthorization pending = client.startAuthorization();
            URI authorize = pending.authorizationUri();

            // 2. Callback: eKool redirects to http://localhost:8080/oauth2/callback?code=...&state=...
            URI callback = URI.create("http://localhost:8080/oauth2/callback?code=abc&state=" + pending.state());
            TokenSet tokens = client.completeAuthorization(pending, callback);

            // 3. Who logged in?
            EkoolUser user = client.fetchBasicProfile(tokens.accessToken());

            // 4. Later: refresh (eKool rotates refresh tokens; keep the new set).
            TokenSet newer = client.refresh(tokens);
            // --- docs/client.md: end

            assertThat(authorize.getPath()).isEqualTo("/oauth/authorize");
            assertThat(user.fullName()).isEqualTo("Mari Maasikas");
            assertThat(newer.accessToken()).isEqualTo("at-2");
            assertThat(newer.refreshToken()).isEqualTo("rt-2");
        }
    }
}
