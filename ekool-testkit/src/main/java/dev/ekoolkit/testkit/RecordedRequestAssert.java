package dev.ekoolkit.testkit;

import dev.ekoolkit.core.client.RedirectUri;
import dev.ekoolkit.core.credentials.ClientId;
import dev.ekoolkit.core.scope.Scopes;
import dev.ekoolkit.mock.api.AuthMethod;
import dev.ekoolkit.mock.api.Endpoint;
import dev.ekoolkit.mock.api.RecordedRequest;
import org.assertj.core.api.AbstractAssert;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * AssertJ assertions on a {@link RecordedRequest}: which endpoint, grant type, client, client authentication
 * (RFC 6749 §2.3.1), redirect URI, scopes and PKCE (RFC 7636) the application used. Failure messages quote the
 * recorded request, whose secrets the mock has already masked. Get one from {@link EkoolAssertions#assertThat(RecordedRequest)}.
 */
public final class RecordedRequestAssert extends AbstractAssert<RecordedRequestAssert, RecordedRequest> {

    RecordedRequestAssert(RecordedRequest actual) {
        super(actual, RecordedRequestAssert.class);
    }

    /**
     * The request was for {@code endpoint}.
     *
     * @param endpoint the endpoint the request must have been for
     * @return this assertion, for chaining
     */
    public RecordedRequestAssert isFor(Endpoint endpoint) {
        isNotNull();
        if (actual.endpoint() != endpoint) {
            failWithMessage("Expected a request to %s (%s) but it was to %s (%s)", endpoint, endpoint.path(),
                    actual.endpoint(), actual.path());
        }
        return this;
    }

    /**
     * The request was to the token endpoint ({@code POST /oauth/token}, RFC 6749 §3.2).
     *
     * @return this assertion, for chaining
     */
    public RecordedRequestAssert isTokenRequest() {
        return isFor(Endpoint.TOKEN);
    }

    /**
     * The request was to the authorization endpoint ({@code GET /oauth/authorize}, RFC 6749 §3.1).
     *
     * @return this assertion, for chaining
     */
    public RecordedRequestAssert isAuthorizationRequest() {
        return isFor(Endpoint.AUTHORIZE);
    }

    /**
     * The mock answered with this HTTP status.
     *
     * @param status the expected HTTP status code, such as 200
     * @return this assertion, for chaining
     */
    public RecordedRequestAssert hasStatus(int status) {
        isNotNull();
        if (actual.status() != status) {
            failWithMessage("Expected the mock to have answered %s but it answered %s to %s %s", status,
                    actual.status(), actual.method(), actual.path());
        }
        return this;
    }

    /**
     * The token request's {@code grant_type} was {@code grantType}, such as {@code authorization_code} (RFC 6749 §4.1.3).
     *
     * @param grantType the expected {@code grant_type}, such as {@code authorization_code} or {@code refresh_token}
     * @return this assertion, for chaining
     */
    public RecordedRequestAssert hasGrantType(String grantType) {
        isNotNull();
        if (!Objects.equals(actual.grantType(), grantType)) {
            failWithMessage("Expected grant_type <%s> but the request %s", grantType,
                    actual.grantType() == null ? "sent none" : "sent <" + actual.grantType() + ">");
        }
        return this;
    }

    /**
     * The request named this client (query, form field or HTTP Basic).
     *
     * @param clientId the expected client id
     * @return this assertion, for chaining
     */
    public RecordedRequestAssert hasClientId(String clientId) {
        isNotNull();
        if (!Objects.equals(actual.clientId(), clientId)) {
            failWithMessage("Expected client_id <%s> but the request %s", clientId,
                    actual.clientId() == null ? "named none" : "named <" + actual.clientId() + ">");
        }
        return this;
    }

    /**
     * The request named this client.
     *
     * @param clientId the expected client id
     * @return this assertion, for chaining
     */
    public RecordedRequestAssert hasClientId(ClientId clientId) {
        return hasClientId(clientId.value());
    }

    /**
     * The client authenticated with HTTP Basic ({@code client_secret_basic}, RFC 6749 §2.3.1).
     *
     * @return this assertion, for chaining
     */
    public RecordedRequestAssert usedClientSecretBasic() {
        return usedAuthMethod(AuthMethod.BASIC, "client_secret_basic (HTTP Basic)");
    }

    /**
     * The client authenticated with form fields ({@code client_secret_post}, RFC 6749 §2.3.1).
     *
     * @return this assertion, for chaining
     */
    public RecordedRequestAssert usedClientSecretPost() {
        return usedAuthMethod(AuthMethod.POST, "client_secret_post (form fields)");
    }

    /**
     * The request carried no client authentication.
     *
     * @return this assertion, for chaining
     */
    public RecordedRequestAssert usedNoClientAuthentication() {
        return usedAuthMethod(AuthMethod.NONE, "no client authentication");
    }

    /**
     * The request's {@code redirect_uri} was exactly {@code redirectUri} (RFC 6749 §4.1.3, exact match per RFC 9700 §4.1.3).
     *
     * @param redirectUri the expected redirect URI, compared as a string, exactly
     * @return this assertion, for chaining
     */
    public RecordedRequestAssert hasRedirectUri(String redirectUri) {
        return hasParam("redirect_uri", redirectUri);
    }

    /**
     * The request's {@code redirect_uri} was exactly {@code redirectUri}.
     *
     * @param redirectUri the expected redirect URI, compared exactly
     * @return this assertion, for chaining
     */
    public RecordedRequestAssert hasRedirectUri(URI redirectUri) {
        return hasRedirectUri(redirectUri.toString());
    }

    /**
     * The request's {@code redirect_uri} was exactly {@code redirectUri}.
     *
     * @param redirectUri the expected redirect URI, compared exactly
     * @return this assertion, for chaining
     */
    public RecordedRequestAssert hasRedirectUri(RedirectUri redirectUri) {
        return hasRedirectUri(redirectUri.value());
    }

    /**
     * The request used PKCE (RFC 7636): an authorization request with {@code code_challenge} and
     * {@code code_challenge_method=S256} (§4.3, the method RFC 9700 §2.1.1 requires), or a token request with a
     * {@code code_verifier} (§4.5).
     *
     * @return this assertion, for chaining
     */
    public RecordedRequestAssert usedPkce() {
        isNotNull();
        if (actual.endpoint() == Endpoint.AUTHORIZE) {
            if (!actual.hasParam("code_challenge")) {
                failWithMessage("Expected the authorization request to send a PKCE code_challenge (RFC 7636 section 4.3) "
                        + "but it sent none; parameters: %s", actual.params().keySet());
            }
            Optional<String> method = actual.param("code_challenge_method");
            if (!method.equals(Optional.of("S256"))) {
                failWithMessage("Expected code_challenge_method <S256> (RFC 7636 section 4.3, RFC 9700 section 2.1.1) "
                        + "but the request sent %s", method.map(m -> "<" + m + ">").orElse("none (meaning plain)"));
            }
        } else if (!actual.hasParam("code_verifier")) {
            failWithMessage("Expected the %s request to send a PKCE code_verifier (RFC 7636 section 4.5) but it sent "
                    + "none; parameters: %s", actual.endpoint(), actual.params().keySet());
        }
        return this;
    }

    /**
     * The request sent neither {@code code_challenge} nor {@code code_verifier}.
     *
     * @return this assertion, for chaining
     */
    public RecordedRequestAssert didNotUsePkce() {
        isNotNull();
        if (actual.usedPkce()) {
            failWithMessage("Expected no PKCE parameters but the request sent %s", actual.params().keySet().stream()
                    .filter(k -> k.startsWith("code_challenge") || k.equals("code_verifier")).toList());
        }
        return this;
    }

    /**
     * The request's {@code scope} parameter contained this scope token (RFC 6749 §3.3).
     *
     * @param scope one scope token, such as {@code users-basic}
     * @return this assertion, for chaining
     */
    public RecordedRequestAssert hasScope(String scope) {
        isNotNull();
        Optional<String> sent = actual.param("scope");
        if (sent.isEmpty()) {
            failWithMessage("Expected scope <%s> but the request sent no scope parameter", scope);
        } else if (!List.of(sent.get().split(" ")).contains(scope)) {
            failWithMessage("Expected scope <%s> but the request asked for <%s>", scope, sent.get());
        }
        return this;
    }

    /**
     * The request's {@code scope} parameter was exactly these scopes, in this order.
     *
     * @param scopes the expected scopes, in order
     * @return this assertion, for chaining
     */
    public RecordedRequestAssert hasScopes(Scopes scopes) {
        return hasParam("scope", scopes.format());
    }

    /**
     * The request sent a {@code state} parameter (RFC 6749 §10.12).
     *
     * @return this assertion, for chaining
     */
    public RecordedRequestAssert hasState() {
        return hasParam("state");
    }

    /**
     * The request sent this parameter (query or form), whatever its value.
     *
     * @param name the parameter's name, such as {@code code_verifier}
     * @return this assertion, for chaining
     */
    public RecordedRequestAssert hasParam(String name) {
        isNotNull();
        if (!actual.hasParam(name)) {
            failWithMessage("Expected parameter <%s> but the request sent only %s", name, actual.params().keySet());
        }
        return this;
    }

    /**
     * The request sent this parameter with this (first) value; secret parameters are recorded as {@code ****}.
     *
     * @param name the parameter's name, such as {@code code_verifier}
     * @param value the expected first value ({@code ****} for a masked secret)
     * @return this assertion, for chaining
     */
    public RecordedRequestAssert hasParam(String name, String value) {
        hasParam(name);
        Optional<String> sent = actual.param(name);
        if (!sent.equals(Optional.ofNullable(value))) {
            failWithMessage("Expected %s <%s> but the request sent <%s>", name, value, sent.orElse(null));
        }
        return this;
    }

    /**
     * The request did not send this parameter.
     *
     * @param name the parameter's name, such as {@code code_verifier}
     * @return this assertion, for chaining
     */
    public RecordedRequestAssert doesNotHaveParam(String name) {
        isNotNull();
        if (actual.hasParam(name)) {
            failWithMessage("Expected no parameter <%s> but the request sent it", name);
        }
        return this;
    }

    /**
     * The request sent this header (case-insensitive name) with this value; credentials are recorded masked.
     *
     * @param name the header's name, case-insensitive
     * @param value the expected value, as recorded (credentials masked)
     * @return this assertion, for chaining
     */
    public RecordedRequestAssert hasHeader(String name, String value) {
        isNotNull();
        Optional<String> sent = actual.header(name);
        if (!sent.equals(Optional.ofNullable(value))) {
            failWithMessage("Expected header %s <%s> but the request sent %s", name, value,
                    sent.map(v -> "<" + v + ">").orElse("none"));
        }
        return this;
    }

    /**
     * The request carried {@code Authorization: Bearer ...} (RFC 6750 §2.1), as calls to {@code /user/me/basic} must.
     *
     * @return this assertion, for chaining
     */
    public RecordedRequestAssert usedBearerToken() {
        isNotNull();
        Optional<String> auth = actual.header("Authorization");
        if (auth.isEmpty() || !auth.get().regionMatches(true, 0, "Bearer ", 0, 7)) {
            failWithMessage("Expected an Authorization: Bearer header (RFC 6750 section 2.1) but the request sent %s",
                    auth.map(a -> "<" + a + ">").orElse("none"));
        }
        return this;
    }

    private RecordedRequestAssert usedAuthMethod(AuthMethod expected, String description) {
        isNotNull();
        if (actual.authMethod() != expected) {
            failWithMessage("Expected the client to authenticate with %s but it used %s", description,
                    switch (actual.authMethod()) {
                        case BASIC -> "client_secret_basic (HTTP Basic)";
                        case POST -> "client_secret_post (form fields)";
                        case NONE -> "no client authentication";
                    });
        }
        return this;
    }
}
