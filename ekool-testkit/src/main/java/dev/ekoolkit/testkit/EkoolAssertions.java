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

    /**
     * Assertions on a request the mock recorded (secrets masked).
     *
     * @param actual the recorded request to check
     * @return a fluent assertion on {@code actual}
     */
    public static RecordedRequestAssert assertThat(RecordedRequest actual) {
        return new RecordedRequestAssert(actual);
    }

    /**
     * Assertions on a token pair the mock issued ({@link EkoolMock#issueTokens}).
     *
     * @param actual the token pair to check
     * @return a fluent assertion on {@code actual}
     */
    public static TokenResponseAssert assertThat(TokenResponse actual) {
        return new TokenResponseAssert(actual);
    }

    /**
     * Assertions on a token set an application received through ekool-core's {@code EkoolOAuthClient}.
     *
     * @param actual the token set to check
     * @return a fluent assertion on {@code actual}
     */
    public static TokenSetAssert assertThat(TokenSet actual) {
        return new TokenSetAssert(actual);
    }
}
