package dev.ekoolkit.core.flow;

import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import dev.ekoolkit.core.client.RedirectUri;
import dev.ekoolkit.core.credentials.ClientCredentials;
import dev.ekoolkit.core.environment.EkoolEnvironment;
import dev.ekoolkit.core.error.EkoolOAuthException;
import dev.ekoolkit.core.scope.Scope;
import dev.ekoolkit.core.scope.Scopes;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

// Over 400 lines through the javadoc of the public API: about 200 lines are code, 60 of them the nested
// Builder. Sending requests, reading answers and reading the callback live in Transport, ResponseReader
// and CallbackReader.
/**
 * An OAuth 2.0 authorization-code client for eKool (RFC 6749 §4.1) with {@code state} (§10.12) and PKCE
 * S256 (RFC 7636), built on the Nimbus OAuth 2.0 SDK and {@link java.net.http.HttpClient}. It works against
 * real eKool (Laravel Passport) and the toolkit's mock server alike. Instances are immutable and thread-safe.
 *
 * <pre>{@code
 * EkoolOAuthClient client = EkoolOAuthClient.builder()
 *         .environment(EkoolEnvironment.PRODUCTION)
 *         .credentials(ClientCredentials.parse(id, secret))
 *         .redirectUri(RedirectUri.parse("https://my.application.com/oauth2/callback"))
 *         .build();
 * PendingAuthorization pending = client.startAuthorization();   // keep in the session, redirect the browser
 * TokenSet tokens = client.completeAuthorization(pending, callbackUri);
 * EkoolUser user = client.fetchBasicProfile(tokens.accessToken());
 * }</pre>
 *
 * <p>No secret (client secret, code verifier, code, access or refresh token) ever appears in an exception
 * message; server-supplied text is cleaned of them before it is quoted.
 */
public final class EkoolOAuthClient {

    /** Connect timeout of the default {@link HttpClient}. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** Per-request timeout unless {@link Builder#timeout(Duration)} sets another. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);


    private final EkoolEnvironment environment;
    private final ClientCredentials credentials;
    private final RedirectUri redirectUri;
    private final Scopes scopes;
    private final ClientAuthentication clientAuthentication;
    private final boolean pkce;
    private final Clock clock;
    private final Transport transport;

    private EkoolOAuthClient(Builder b) {
        this.environment = require(b.environment, "environment");
        this.credentials = require(b.credentials, "credentials");
        this.redirectUri = require(b.redirectUri, "redirectUri");
        this.scopes = b.scopes;
        this.clientAuthentication = b.clientAuthentication;
        this.pkce = b.pkce;
        this.clock = b.clock;
        this.transport = new Transport(credentials, clientAuthentication, b.httpClient, b.timeout);
    }

    /**
     * A builder; environment, credentials and redirect URI are required.
     *
     * @return a builder; environment, credentials and redirect URI are required
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The eKool deployment this client talks to.
     *
     * @return the eKool deployment this client talks to
     */
    public EkoolEnvironment environment() {
        return environment;
    }

    /**
     * The redirect URI sent in every authorization and code-exchange request (RFC 6749 §3.1.2).
     *
     * @return the redirect URI sent in every authorization and code-exchange request (RFC 6749 §3.1.2)
     */
    public RedirectUri redirectUri() {
        return redirectUri;
    }

    /**
     * The scopes requested by {@link #startAuthorization()} (RFC 6749 §3.3).
     *
     * @return the scopes requested by {@link #startAuthorization()} (RFC 6749 §3.3)
     */
    public Scopes scopes() {
        return scopes;
    }

    /**
     * How the client authenticates at the token endpoint (RFC 6749 §2.3.1).
     *
     * @return how the client authenticates at the token endpoint (RFC 6749 §2.3.1)
     */
    public ClientAuthentication clientAuthentication() {
        return clientAuthentication;
    }

    /**
     * {@code true} when authorization requests carry a PKCE S256 challenge (RFC 7636 §4.3).
     *
     * @return {@code true} when authorization requests carry a PKCE S256 challenge (RFC 7636 §4.3)
     */
    public boolean usesPkce() {
        return pkce;
    }

    /**
     * Starts an authorization (RFC 6749 §4.1.1) with a fresh random {@code state} and, unless PKCE is off, a
     * fresh code verifier whose S256 challenge goes into the authorize URI (RFC 7636 §4.1-4.3).
     *
     * @return the pending authorization: keep it in the browser session and redirect the browser to its {@code authorizationUri}
     */
    public PendingAuthorization startAuthorization() {
        return startAuthorization(scopes);
    }

    /**
     * Starts an authorization for other scopes than the configured ones (RFC 6749 §3.3).
     *
     * @param requested the scopes to request
     * @return the pending authorization: keep it in the browser session and redirect the browser to its {@code authorizationUri}
     */
    public PendingAuthorization startAuthorization(Scopes requested) {
        Objects.requireNonNull(requested, "requested");
        State state = new State();
        CodeVerifier verifier = pkce ? new CodeVerifier() : null;
        AuthorizationRequest.Builder request = new AuthorizationRequest.Builder(ResponseType.CODE, clientId())
                .endpointURI(environment.authorizeUri())
                .redirectionURI(redirectUri.uri())
                .state(state);
        if (!requested.isEmpty()) {
            request.scope(com.nimbusds.oauth2.sdk.Scope.parse(requested.format()));
        }
        if (verifier != null) {
            request.codeChallenge(verifier, CodeChallengeMethod.S256);
        }
        URI uri = request.build().toURI();
        return new PendingAuthorization(state.getValue(), verifier == null ? null : verifier.getValue(),
                redirectUri, requested, uri, clock.instant());
    }

    /**
     * Reads the authorization response from the callback URI (RFC 6749 §4.1.2): checks that {@code state}
     * matches the pending one (§10.12) and returns the {@code code}.
     *
     * @return the authorization code
     * @param pending     what {@link #startAuthorization()} returned for this browser session
     * @param callbackUri the URI the browser came back to, with its query; may be relative
     * @throws StateMismatchException       when {@code state} is missing or differs
     * @throws AuthorizationErrorException  when the server sent {@code error}, such as {@code access_denied}
     * @throws EkoolOAuthException          {@code invalid_request} when the code is missing or a parameter repeats
     */
    public String handleCallback(PendingAuthorization pending, URI callbackUri) {
        Objects.requireNonNull(pending, "pending");
        Objects.requireNonNull(callbackUri, "callbackUri");
        return CallbackReader.code(pending, callbackUri, secrets(pending.state(), pending.codeVerifier()));
    }

    /**
     * Exchanges an authorization code for tokens (RFC 6749 §4.1.3): {@code grant_type=authorization_code},
     * {@code code}, {@code redirect_uri}, the PKCE {@code code_verifier} (RFC 7636 §4.5) and client authentication.
     *
     * @param pending what {@link #startAuthorization()} returned for this browser session
     * @param code the authorization code from the callback
     * @return the tokens the server issued
     * @throws TokenEndpointException  when the server refuses or answers something that is not a token response
     * @throws EkoolTransportException when the token endpoint cannot be reached
     */
    public TokenSet exchangeCode(PendingAuthorization pending, String code) {
        Objects.requireNonNull(pending, "pending");
        HTTPRequest request = codeExchangeRequest(pending, code);
        return sendTokenRequest(request, pending.scopes(), null,
                secrets(code, pending.codeVerifier()));
    }

    /**
     * {@link #handleCallback} then {@link #exchangeCode}: the whole second half of the flow (RFC 6749 §4.1.2-4.1.4).
     *
     * @param pending what {@link #startAuthorization()} returned for this browser session
     * @param callbackUri the URI the browser came back to, with its query; may be relative
     * @return the tokens the server issued
     */
    public TokenSet completeAuthorization(PendingAuthorization pending, URI callbackUri) {
        return exchangeCode(pending, handleCallback(pending, callbackUri));
    }

    /**
     * Refreshes tokens (RFC 6749 §6) with {@code grant_type=refresh_token}. eKool rotates refresh tokens: use
     * the returned one next time. Scopes are empty unless the server names them; prefer {@link #refresh(TokenSet)}.
     *
     * @param refreshToken the refresh token of the last token response
     * @return the new tokens; use their refresh token next time
     * @throws TokenEndpointException  when the server refuses, for example {@code invalid_grant} for a used token
     * @throws EkoolTransportException when the token endpoint cannot be reached
     */
    public TokenSet refresh(String refreshToken) {
        return sendTokenRequest(refreshRequest(refreshToken), Scopes.empty(), null, secrets(refreshToken, null));
    }

    /**
     * Refreshes tokens (RFC 6749 §6), keeping the old refresh token and scopes when the server does not send new
     * ones (§5.1, §6).
     *
     * @param tokens the token set to use
     * @return the new tokens; use their refresh token next time
     * @throws EkoolOAuthException {@code invalid_request} when {@code tokens} has no refresh token
     */
    public TokenSet refresh(TokenSet tokens) {
        Objects.requireNonNull(tokens, "tokens");
        if (tokens.refreshToken() == null) {
            throw EkoolOAuthException.invalidRequest("refresh needs a refresh token (RFC 6749 section 6);"
                    + " the token set has none");
        }
        return sendTokenRequest(refreshRequest(tokens.refreshToken()), tokens.scopes(), tokens.refreshToken(),
                secrets(tokens.refreshToken(), null));
    }

    /**
     * Fetches the user's basic profile: {@code GET <api_url>/user/me/basic} with the access token as a Bearer
     * token (RFC 6750 §2.1); needs the {@code users-basic} scope.
     *
     * @param accessToken the access token, sent as a Bearer token
     * @return the signed-in user's basic profile
     * @throws ResourceAccessException {@code invalid_token} (401), {@code insufficient_scope} (403), or
     *                                 {@code server_error} for any other failure, with the HTTP status
     * @throws EkoolTransportException when the API cannot be reached
     */
    public EkoolUser fetchBasicProfile(String accessToken) {
        requireText(accessToken, "accessToken");
        URI uri = environment.userBasicUri();
        return ResponseReader.basicProfile(transport.send(transport.bearerGet(uri, accessToken)), uri,
                secrets(accessToken, null));
    }

    /**
     * {@link #fetchBasicProfile(String)} with the access token of {@code tokens}.
     *
     * @param tokens the token set to use
     * @return the signed-in user's basic profile
     */
    public EkoolUser fetchBasicProfile(TokenSet tokens) {
        return fetchBasicProfile(Objects.requireNonNull(tokens, "tokens").accessToken());
    }

    /** The masked configuration: environment, client id, redirect URI, scopes, authentication and PKCE. */
    @Override
    public String toString() {
        return "EkoolOAuthClient[environment=" + environment.name() + ", clientId=" + credentials.clientId()
                + ", clientSecret=****, redirectUri=" + redirectUri + ", scopes=" + scopes
                + ", clientAuthentication=" + clientAuthentication + ", pkce=" + pkce + "]";
    }

    // ---- request building (package-private for tests) -------------------------------------------------

    HTTPRequest codeExchangeRequest(PendingAuthorization pending, String code) {
        requireText(code, "code");
        CodeVerifier verifier = pending.codeVerifier() == null ? null : new CodeVerifier(pending.codeVerifier());
        AuthorizationGrant grant = new AuthorizationCodeGrant(new AuthorizationCode(code),
                pending.redirectUri().uri(), verifier);
        return tokenRequest(grant);
    }

    HTTPRequest refreshRequest(String refreshToken) {
        requireText(refreshToken, "refreshToken");
        return tokenRequest(new RefreshTokenGrant(new RefreshToken(refreshToken)));
    }

    private HTTPRequest tokenRequest(AuthorizationGrant grant) {
        return transport.tokenRequest(environment.tokenUri(), grant);
    }

    private TokenSet sendTokenRequest(HTTPRequest request, Scopes requested, String previousRefreshToken,
                                      List<String> secrets) {
        Instant sentAt = clock.instant();
        return ResponseReader.tokenSet(transport.send(request), request.getURI(), requested, previousRefreshToken,
                sentAt, secrets);
    }

    // ---- small helpers --------------------------------------------------------------------------------

    private ClientID clientId() {
        return new ClientID(credentials.clientId().value());
    }

    private List<String> secrets(String a, String b) {
        List<String> list = new ArrayList<>(4);
        list.add(credentials.clientSecret().value());
        if (a != null) {
            list.add(a);
        }
        if (b != null) {
            list.add(b);
        }
        return list;
    }

    private static <T> T require(T value, String name) {
        if (value == null) {
            throw new IllegalStateException("EkoolOAuthClient needs " + name + ": call builder()." + name + "(...)");
        }
        return value;
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw EkoolOAuthException.invalidRequest(name + " must be a non-empty string; got "
                    + (value == null ? "no value" : "an empty value"));
        }
    }

    /** Configures an {@link EkoolOAuthClient}; environment, credentials and redirect URI are required. */
    public static final class Builder {
        private EkoolEnvironment environment;
        private ClientCredentials credentials;
        private RedirectUri redirectUri;
        private Scopes scopes = Scopes.of(Scope.USERS_BASIC);
        private ClientAuthentication clientAuthentication = ClientAuthentication.CLIENT_SECRET_POST;
        private boolean pkce = true;
        private HttpClient httpClient;
        private Duration timeout = DEFAULT_TIMEOUT;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /**
         * The eKool deployment (required): {@link EkoolEnvironment#PRODUCTION}, staging, or the mock.
         *
         * @param environment the environment
         * @return this builder
         */
        public Builder environment(EkoolEnvironment environment) {
            this.environment = Objects.requireNonNull(environment, "environment");
            return this;
        }

        /**
         * The client id and secret eKool issued (required).
         *
         * @param credentials the credentials
         * @return this builder
         */
        public Builder credentials(ClientCredentials credentials) {
            this.credentials = Objects.requireNonNull(credentials, "credentials");
            return this;
        }

        /**
         * The redirect URI registered with eKool (required; RFC 6749 §3.1.2).
         *
         * @param redirectUri the redirect URI
         * @return this builder
         */
        public Builder redirectUri(RedirectUri redirectUri) {
            this.redirectUri = Objects.requireNonNull(redirectUri, "redirectUri");
            return this;
        }

        /**
         * The scopes to request (RFC 6749 §3.3); default {@code users-basic}.
         *
         * @param scopes the scopes
         * @return this builder
         */
        public Builder scopes(Scopes scopes) {
            this.scopes = Objects.requireNonNull(scopes, "scopes");
            return this;
        }

        /**
         * Client authentication at the token endpoint (RFC 6749 §2.3.1); default form fields.
         *
         * @param clientAuthentication the client authentication
         * @return this builder
         */
        public Builder clientAuthentication(ClientAuthentication clientAuthentication) {
            this.clientAuthentication = Objects.requireNonNull(clientAuthentication, "clientAuthentication");
            return this;
        }

        /**
         * Whether to use PKCE with S256 (RFC 7636); default {@code true}, as RFC 9700 §2.1.1 recommends.
         *
         * @param pkce the pkce
         * @return this builder
         */
        public Builder pkce(boolean pkce) {
            this.pkce = pkce;
            return this;
        }

        /**
         * The HTTP client to use; default an HTTP/1.1 one with a 10 s connect timeout that does not follow redirects.
         *
         * @param httpClient the http client
         * @return this builder
         */
        public Builder httpClient(HttpClient httpClient) {
            this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
            return this;
        }

        /**
         * The timeout of each request, from sending to the end of the response; default 30 s.
         *
         * @param timeout the timeout
         * @return this builder
         */
        public Builder timeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isZero() || timeout.isNegative()) {
                throw new IllegalArgumentException("timeout must be positive; got " + timeout);
            }
            this.timeout = timeout;
            return this;
        }

        /**
         * The clock for {@link PendingAuthorization#createdAt()} and {@link TokenSet#receivedAt()}; default UTC system clock.
         *
         * @param clock the clock to read the current time from
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Builds the client.
         *
         * @return the configured client
         * @throws IllegalStateException naming the first required setting that is missing
         */
        public EkoolOAuthClient build() {
            return new EkoolOAuthClient(this);
        }
    }
}
