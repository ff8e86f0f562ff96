package dev.ekoolkit.mock.support;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ekoolkit.mock.EkoolMockServer;
import dev.ekoolkit.mock.config.MockConfig;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.ekoolkit.mock.support.TestHttp.basic;
import static dev.ekoolkit.mock.support.TestHttp.form;
import static dev.ekoolkit.mock.support.TestHttp.postForm;
import static org.assertj.core.api.Assertions.assertThat;

/** Steps of the OAuth flow against the demo client, for tests about a later step. */
public final class Flows {

    /** A fixed PKCE verifier (43 characters) and its S256 challenge, BASE64URL(SHA256(verifier)) (RFC 7636 section 4.2). */
    public static final String VERIFIER = "dBjftJeZ4CVP-mJ92K27uhbUJU1p1r_wW1gFWFOEjXk";
    public static final String CHALLENGE = "ngF5GsXcbwljx6u133FFr3Xht9xooA_DuaX_3QwODtc";

    private Flows() {
    }

    /** The authorize request of the demo client, plus extra parameters. */
    public static HttpResponse<String> authorize(EkoolMockServer server, String... extra) {
        List<String> params = new ArrayList<>(List.of("response_type", "code", "client_id", MockConfig.DEMO_CLIENT_ID,
                "redirect_uri", MockConfig.DEMO_REDIRECT_URI, "scope", "users-basic", "state", "st-123"));
        for (int i = 0; i < extra.length; i += 2) {
            int at = params.indexOf(extra[i]);
            if (at >= 0 && at % 2 == 0) {
                if (extra[i + 1] == null) {
                    params.remove(at);
                    params.remove(at);
                } else {
                    params.set(at + 1, extra[i + 1]);
                }
            } else if (extra[i + 1] != null) {
                params.add(extra[i]);
                params.add(extra[i + 1]);
            }
        }
        return TestHttp.get(TestHttp.withQuery(server.authorizeUrl(), params.toArray(String[]::new)));
    }

    /** A code for the demo client (the server must auto-login or have a login chosen). */
    public static String code(EkoolMockServer server, String... extra) {
        HttpResponse<String> r = authorize(server, extra);
        assertThat(r.statusCode()).as("authorize status, body %s", r.body()).isEqualTo(302);
        return TestHttp.locationParams(r).get("code");
    }

    /** Exchanges a code with HTTP Basic; returns the raw response. */
    public static HttpResponse<String> exchange(EkoolMockServer server, String code, String... extra) {
        Map<String, String> f = form("grant_type", "authorization_code", "code", code,
                "redirect_uri", MockConfig.DEMO_REDIRECT_URI);
        for (int i = 0; i < extra.length; i += 2) {
            if (extra[i + 1] == null) {
                f.remove(extra[i]);
            } else {
                f.put(extra[i], extra[i + 1]);
            }
        }
        return postForm(server.tokenUrl(), f, "Authorization", basic(MockConfig.DEMO_CLIENT_ID, MockConfig.DEMO_CLIENT_SECRET));
    }

    /** Tokens for the demo client through auto-login and the code grant. */
    public static JsonNode tokens(EkoolMockServer server) {
        HttpResponse<String> r = exchange(server, code(server));
        assertThat(r.statusCode()).as("token status, body %s", r.body()).isEqualTo(200);
        return TestHttp.json(r);
    }

    /** A refresh request with HTTP Basic for the demo client. */
    public static HttpResponse<String> refresh(EkoolMockServer server, String refreshToken) {
        return postForm(server.tokenUrl(), form("grant_type", "refresh_token", "refresh_token", refreshToken),
                "Authorization", basic(MockConfig.DEMO_CLIENT_ID, MockConfig.DEMO_CLIENT_SECRET));
    }

    /** {@code GET /user/me/basic} with a bearer token. */
    public static HttpResponse<String> me(EkoolMockServer server, String accessToken) {
        return TestHttp.get(server.userBasicUrl(), "Authorization", "Bearer " + accessToken);
    }
}
