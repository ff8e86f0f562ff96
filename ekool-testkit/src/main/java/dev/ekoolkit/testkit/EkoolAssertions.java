package dev.ekoolkit.testkit;

import dev.ekoolkit.core.flow.TokenSet;
import dev.ekoolkit.mock.api.RecordedRequest;
import dev.ekoolkit.mock.api.TokenResponse;

/**
 * AssertJ entry points for what the eKool mock recorded and issued. Import statically next to AssertJ's own
 * {@code assertThat}; the overloads do not clash.
 *
 * <pre>{@code
 * assertThat(ekool.takeRequest(Endpoint.TOKEN))
 *         .hasGrantType("authorization_code")
 *         .usedClientSecretPost()
 *         .hasClientId(ekool.client().clientId())
 *         .hasRedirectUri(app.callbackUri())
 *         .usedPkce();
 * assertThat(ekool.issueTokens("mari")).isBearer().hasScope("users-basic").isForUser("100001");
 * }</pre>
 */
public final class EkoolAssertions {

    private EkoolAssertions() {
    }

    /** Assertions on a request the mock recorded (secrets masked). */
    public static RecordedRequestAssert assertThat(RecordedRequest actual) {
        return new RecordedRequestAssert(actual);
    }

    /** Assertions on a token pair the mock issued ({@link EkoolMock#issueTokens}). */
    public static TokenResponseAssert assertThat(TokenResponse actual) {
        return new TokenResponseAssert(actual);
    }

    /** Assertions on a token set an application received through ekool-core's {@code EkoolOAuthClient}. */
    public static TokenSetAssert assertThat(TokenSet actual) {
        return new TokenSetAssert(actual);
    }
}
