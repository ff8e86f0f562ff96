package dev.ekoolkit.core.flow;

import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.oauth2.sdk.token.BearerTokenError;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.oauth2.sdk.util.JSONObjectUtils;
import com.nimbusds.oauth2.sdk.util.URLUtils;
import dev.ekoolkit.core.client.RedirectUri;
import dev.ekoolkit.core.credentials.ClientCredentials;
import dev.ekoolkit.core.environment.EkoolEnvironment;
import dev.ekoolkit.core.error.EkoolOAuthException;
import dev.ekoolkit.core.scope.Scope;
import dev.ekoolkit.core.scope.Scopes;
import net.minidev.json.JSONObject;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

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

    private static final String USER_AGENT = "ekool-toolkit";
    private static final String JSON = "application/json";

    private final EkoolEnvironment environment;
    private final ClientCredentials credentials;
    private final RedirectUri redirectUri;
    private final Scopes scopes;
    private final ClientAuthentication clientAuthentication;
    private final boolean pkce;
    private final HttpClient httpClient;
    private final Duration timeout;
    private final Clock clock;

    private EkoolOAuthClient(Builder b) {
        this.environment = require(b.environment, "environment");
        this.credentials = require(b.credentials, "credentials");
        this.redirectUri = require(b.redirectUri, "redirectUri");
        this.scopes = b.scopes;
        this.clientAuthentication = b.clientAuthentication;
        this.pkce = b.pkce;
        this.timeout = b.timeout;
        this.clock = b.clock;
        this.httpClient = b.httpClient != null ? b.httpClient : HttpClient.newBuilder()
                .connectTimeout(DEFAULT_CONNECT_TIMEOUT)
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** A builder; environment, credentials and redirect URI are required. */
    public static Builder builder() {
        return new Builder();
    }

    /** The eKool deployment this client talks to. */
    public EkoolEnvironment environment() {
        return environment;
    }

    /** The redirect URI sent in every authorization and code-exchange request (RFC 6749 §3.1.2). */
    public RedirectUri redirectUri() {
        return redirectUri;
    }

    /** The scopes requested by {@link #startAuthorization()} (RFC 6749 §3.3). */
    public Scopes scopes() {
        return scopes;
    }

    /** How the client authenticates at the token endpoint (RFC 6749 §2.3.1). */
    public ClientAuthentication clientAuthentication() {
        return clientAuthentication;
    }

    /** {@code true} when authorization requests carry a PKCE S256 challenge (RFC 7636 §4.3). */
    public boolean usesPkce() {
        return pkce;
    }

    /**
     * Starts an authorization (RFC 6749 §4.1.1) with a fresh random {@code state} and, unless PKCE is off, a
     * fresh code verifier whose S256 challenge goes into the authorize URI (RFC 7636 §4.1-4.3).
     */
    public PendingAuthorization startAuthorization() {
        return startAuthorization(scopes);
    }

    /** Starts an authorization for other scopes than the configured ones (RFC 6749 §3.3). */
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
     * @param pending     what {@link #startAuthorization()} returned for this browser session
     * @param callbackUri the URI the browser came back to, with its query; may be relative
     * @throws StateMismatchException       when {@code state} is missing or differs
     * @throws AuthorizationErrorException  when the server sent {@code error}, such as {@code access_denied}
     * @throws EkoolOAuthException          {@code invalid_request} when the code is missing or a parameter repeats
     */
    public String handleCallback(PendingAuthorization pending, URI callbackUri) {
        Objects.requireNonNull(pending, "pending");
        Objects.requireNonNull(callbackUri, "callbackUri");
        String query = callbackUri.getRawQuery();
        if (query == null || query.isEmpty()) {
            throw EkoolOAuthException.invalidRequest("callback URI must carry the authorization response in its query"
                    + " (code and state, or error; RFC 6749 section 4.1.2); got no query");
        }
        Map<String, List<String>> params = URLUtils.parseParameters(query);
        for (String name : List.of("code", "state", "error", "error_description", "error_uri")) {
            List<String> values = params.get(name);
            if (values != null && values.size() > 1) {
                throw EkoolOAuthException.invalidRequest("callback parameter '" + name
                        + "' must not be repeated (RFC 6749 section 3.1); got it " + values.size() + " times");
            }
        }
        // Nimbus needs an absolute URI; an app may hand us only path and query, so resolve against ours.
        URI absolute = callbackUri.isAbsolute() ? callbackUri : pending.redirectUri().uri().resolve(callbackUri);
        String returnedState = first(params, "state");
        if (first(params, "error") != null) {
            if (returnedState != null && !stateMatches(pending.state(), returnedState)) {
                throw stateMismatch(pending.state(), returnedState);
            }
            throw authorizationError(params, pending);
        }
        if (returnedState == null) {
            throw new StateMismatchException("callback has no 'state' parameter, but the authorization request sent one"
                    + " (RFC 6749 section 4.1.2 and 10.12); the response may be forged or from another login");
        }
        if (!stateMatches(pending.state(), returnedState)) {
            throw stateMismatch(pending.state(), returnedState);
        }
        String code = first(params, "code");
        if (code == null || code.isEmpty()) {
            throw EkoolOAuthException.invalidRequest("callback must carry 'code' or 'error' (RFC 6749 section 4.1.2);"
                    + " got " + (code == null ? "neither" : "an empty code"));
        }
        try {
            // Nimbus interprets the rest (iss, response_mode); our checks above are stricter than its own.
            AuthorizationResponse response = AuthorizationResponse.parse(absolute);
            if (!response.indicatesSuccess() || response.toSuccessResponse().getAuthorizationCode() == null) {
                throw EkoolOAuthException.invalidRequest("callback must carry 'code' (RFC 6749 section 4.1.2)");
            }
            return response.toSuccessResponse().getAuthorizationCode().getValue();
        } catch (ParseException e) {
            throw EkoolOAuthException.invalidRequest("callback is not a valid authorization response (RFC 6749 section"
                    + " 4.1.2): " + Redaction.clean(e.getMessage(), List.of(code, pending.state()), Redaction.DESCRIPTION_LIMIT));
        }
    }

    /**
     * Exchanges an authorization code for tokens (RFC 6749 §4.1.3): {@code grant_type=authorization_code},
     * {@code code}, {@code redirect_uri}, the PKCE {@code code_verifier} (RFC 7636 §4.5) and client authentication.
     *
     * @throws TokenEndpointException  when the server refuses or answers something that is not a token response
     * @throws EkoolTransportException when the token endpoint cannot be reached
     */
    public TokenSet exchangeCode(PendingAuthorization pending, String code) {
        Objects.requireNonNull(pending, "pending");
        HTTPRequest request = codeExchangeRequest(pending, code);
        return sendTokenRequest(request, pending.scopes(), null,
                secrets(code, pending.codeVerifier()));
    }

    /** {@link #handleCallback} then {@link #exchangeCode}: the whole second half of the flow (RFC 6749 §4.1.2-4.1.4). */
    public TokenSet completeAuthorization(PendingAuthorization pending, URI callbackUri) {
        return exchangeCode(pending, handleCallback(pending, callbackUri));
    }

    /**
     * Refreshes tokens (RFC 6749 §6) with {@code grant_type=refresh_token}. eKool rotates refresh tokens: use
     * the returned one next time. Scopes are empty unless the server names them; prefer {@link #refresh(TokenSet)}.
     *
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
     * @throws ResourceAccessException {@code invalid_token} (401), {@code insufficient_scope} (403), or
     *                                 {@code server_error} for any other failure, with the HTTP status
     * @throws EkoolTransportException when the API cannot be reached
     */
    public EkoolUser fetchBasicProfile(String accessToken) {
        requireText(accessToken, "accessToken");
        URI uri = environment.userBasicUri();
        HTTPRequest request = new HTTPRequest(HTTPRequest.Method.GET, uri);
        request.setAuthorization(new BearerAccessToken(accessToken).toAuthorizationHeader());
        request.setAccept(JSON);
        HttpResponse<String> response = send(request);
        List<String> secrets = secrets(accessToken, null);
        int status = response.statusCode();
        String body = response.body();
        String contentType = response.headers().firstValue("Content-Type").orElse(null);
        String challenge = response.headers().firstValue("WWW-Authenticate").orElse(null);
        if (status == 200) {
            try {
                return EkoolUser.parse(body);
            } catch (EkoolOAuthException e) {
                throw new ResourceAccessException(EkoolOAuthException.SERVER_ERROR, e.errorDescription()
                        + " (" + Redaction.excerpt(body, contentType, secrets, false) + ")", status, uri, challenge);
            }
        }
        throw resourceError(uri, status, body, contentType, challenge, secrets);
    }

    /** {@link #fetchBasicProfile(String)} with the access token of {@code tokens}. */
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
        ClientID id = clientId();
        Secret secret = new Secret(credentials.clientSecret().value());
        com.nimbusds.oauth2.sdk.auth.ClientAuthentication auth = switch (clientAuthentication) {
            case CLIENT_SECRET_POST -> new ClientSecretPost(id, secret);
            case CLIENT_SECRET_BASIC -> new ClientSecretBasic(id, secret);
        };
        HTTPRequest request = new TokenRequest.Builder(environment.tokenUri(), auth, grant).build().toHTTPRequest();
        request.setAccept(JSON);
        return request;
    }

    // ---- response handling ----------------------------------------------------------------------------

    private TokenSet sendTokenRequest(HTTPRequest request, Scopes requested, String previousRefreshToken,
                                      List<String> secrets) {
        Instant sentAt = clock.instant();
        HttpResponse<String> response = send(request);
        URI endpoint = request.getURI();
        int status = response.statusCode();
        String body = response.body();
        String contentType = response.headers().firstValue("Content-Type").orElse(null);
        JSONObject json = parseJsonObject(body);
        if (status == 200 && json != null && !json.containsKey("error")) {
            return tokenSet(json, endpoint, requested, previousRefreshToken, sentAt, body, contentType, secrets);
        }
        if (json != null && json.get("error") instanceof String error && !error.isBlank()) {
            String description = stringOrNull(json, "error_description");
            String message = stringOrNull(json, "message");
            String hint = stringOrNull(json, "hint");
            String text = description != null ? description
                    : message != null ? message : "the server gave no error_description";
            throw new TokenEndpointException(Redaction.clean(error, secrets, 80),
                    Redaction.clean(text, secrets, Redaction.DESCRIPTION_LIMIT), status, endpoint,
                    Redaction.clean(message, secrets, Redaction.DESCRIPTION_LIMIT),
                    Redaction.clean(hint, secrets, Redaction.DESCRIPTION_LIMIT), true);
        }
        String what = status == 200 ? "a body that is not a token response (RFC 6749 section 5.1)"
                : "a body that is not an OAuth error response (RFC 6749 section 5.2)";
        String location = status / 100 == 3
                ? response.headers().firstValue("Location").map(l -> " to '" + Redaction.clean(stripQuery(l), secrets, 200) + "'").orElse("")
                : "";
        throw new TokenEndpointException(EkoolOAuthException.SERVER_ERROR,
                "token endpoint answered HTTP " + status + location + " with " + what + ": "
                        + Redaction.excerpt(body, contentType, secrets, status != 200),
                status, endpoint, null, null, false);
    }

    private TokenSet tokenSet(JSONObject json, URI endpoint, Scopes requested, String previousRefreshToken,
                              Instant sentAt, String body, String contentType, List<String> secrets) {
        AccessTokenResponse parsed;
        try {
            parsed = AccessTokenResponse.parse(json);
        } catch (ParseException e) {
            // Nimbus's messages name the member that is wrong, not its value; clean them all the same.
            List<String> all = new ArrayList<>(secrets);
            json.values().forEach(v -> all.add(v == null ? null : v.toString()));
            throw new TokenEndpointException(EkoolOAuthException.SERVER_ERROR,
                    "token endpoint answered HTTP 200 with a body that is not a token response (RFC 6749 section"
                            + " 5.1): " + Redaction.clean(e.getMessage(), all, 200) + " (members: " + json.keySet() + ")",
                    200, endpoint, null, null, false);
        }
        AccessToken access = parsed.getTokens().getAccessToken();
        RefreshToken refresh = parsed.getTokens().getRefreshToken();
        Scopes granted = requested;
        if (access.getScope() != null && !access.getScope().isEmpty()) {
            try {
                granted = Scopes.parse(String.join(" ", access.getScope().toStringList()));
            } catch (EkoolOAuthException e) {
                granted = requested;
            }
        }
        long lifetime = access.getLifetime();
        return new TokenSet(access.getValue(),
                refresh != null ? refresh.getValue() : previousRefreshToken,
                access.getType().getValue(),
                lifetime > 0 ? Duration.ofSeconds(lifetime) : null,
                granted,
                sentAt);
    }

    private ResourceAccessException resourceError(URI uri, int status, String body, String contentType,
                                                  String challenge, List<String> secrets) {
        String error = null;
        String description = null;
        if (challenge != null) {
            try {
                BearerTokenError parsed = BearerTokenError.parse(challenge);
                error = parsed.getCode();
                description = parsed.getDescription();
            } catch (ParseException e) {
                // Not a Bearer challenge we understand; fall back to the body and the status.
            }
        }
        JSONObject json = parseJsonObject(body);
        if (json != null) {
            if (error == null && json.get("error") instanceof String e && !e.isBlank()) {
                error = e;
            }
            if (description == null) {
                description = stringOrNull(json, "error_description");
            }
            if (description == null) {
                description = stringOrNull(json, "message");
            }
        }
        if (error == null) {
            error = switch (status) {
                case 401 -> EkoolOAuthException.INVALID_TOKEN;
                case 403 -> EkoolOAuthException.INSUFFICIENT_SCOPE;
                default -> EkoolOAuthException.SERVER_ERROR;
            };
        }
        if (description == null) {
            description = "resource answered HTTP " + status + " without an OAuth error description: "
                    + Redaction.excerpt(body, contentType, secrets);
        }
        return new ResourceAccessException(Redaction.clean(error, secrets, 80),
                Redaction.clean(description, secrets, Redaction.DESCRIPTION_LIMIT), status, uri,
                Redaction.clean(challenge, secrets, Redaction.DESCRIPTION_LIMIT));
    }

    private AuthorizationErrorException authorizationError(Map<String, List<String>> params,
                                                           PendingAuthorization pending) {
        // Read the decoded parameters directly: Nimbus would drop non-ASCII characters from the description,
        // and eKool's texts may be Estonian.
        String error = first(params, "error");
        String description = first(params, "error_description");
        String errorUri = first(params, "error_uri");
        List<String> secrets = secrets(pending.state(), pending.codeVerifier());
        String cleanError = Redaction.clean(error, secrets, 80);
        String text = description == null || description.isBlank()
                ? "the authorization server redirected back with error '" + cleanError + "' and no error_description"
                + " (RFC 6749 section 4.1.2.1)"
                : Redaction.clean(description, secrets, Redaction.DESCRIPTION_LIMIT);
        return new AuthorizationErrorException(cleanError.isEmpty() ? EkoolOAuthException.INVALID_REQUEST : cleanError,
                text, first(params, "state"), errorUri);
    }

    private HttpResponse<String> send(HTTPRequest request) {
        URI uri = request.getURI();
        String method = request.getMethod().name();
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(timeout).header("User-Agent", USER_AGENT);
        request.getHeaderMap().forEach((name, values) -> {
            if (!RESTRICTED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(v -> builder.header(name, v));
            }
        });
        String body = request.getBody();
        builder.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        try {
            return httpClient.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new EkoolTransportException(method, uri, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EkoolTransportException(method, uri, e);
        }
    }

    private static final Set<String> RESTRICTED_HEADERS = Set.of("connection", "content-length", "expect", "host", "upgrade");

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

    private static boolean stateMatches(String expected, String returned) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), returned.getBytes(StandardCharsets.UTF_8));
    }

    private static StateMismatchException stateMismatch(String expected, String returned) {
        return new StateMismatchException("callback 'state' does not match the state of the pending authorization"
                + " (RFC 6749 section 10.12); got " + returned.length() + " characters, expected "
                + expected.length() + "; the response may be forged, replayed or from another login");
    }

    private static String first(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static JSONObject parseJsonObject(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return JSONObjectUtils.parse(body);
        } catch (ParseException | RuntimeException e) {
            return null;
        }
    }

    private static String stringOrNull(JSONObject json, String key) {
        return json.get(key) instanceof String s && !s.isBlank() ? s : null;
    }

    private static String stripQuery(String location) {
        int q = location.indexOf('?');
        return q < 0 ? location : location.substring(0, q) + "?...";
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

        /** The eKool deployment (required): {@link EkoolEnvironment#PRODUCTION}, staging, or the mock. */
        public Builder environment(EkoolEnvironment environment) {
            this.environment = Objects.requireNonNull(environment, "environment");
            return this;
        }

        /** The client id and secret eKool issued (required). */
        public Builder credentials(ClientCredentials credentials) {
            this.credentials = Objects.requireNonNull(credentials, "credentials");
            return this;
        }

        /** The redirect URI registered with eKool (required; RFC 6749 §3.1.2). */
        public Builder redirectUri(RedirectUri redirectUri) {
            this.redirectUri = Objects.requireNonNull(redirectUri, "redirectUri");
            return this;
        }

        /** The scopes to request (RFC 6749 §3.3); default {@code users-basic}. */
        public Builder scopes(Scopes scopes) {
            this.scopes = Objects.requireNonNull(scopes, "scopes");
            return this;
        }

        /** Client authentication at the token endpoint (RFC 6749 §2.3.1); default form fields. */
        public Builder clientAuthentication(ClientAuthentication clientAuthentication) {
            this.clientAuthentication = Objects.requireNonNull(clientAuthentication, "clientAuthentication");
            return this;
        }

        /** Whether to use PKCE with S256 (RFC 7636); default {@code true}, as RFC 9700 §2.1.1 recommends. */
        public Builder pkce(boolean pkce) {
            this.pkce = pkce;
            return this;
        }

        /** The HTTP client to use; default an HTTP/1.1 one with a 10 s connect timeout that does not follow redirects. */
        public Builder httpClient(HttpClient httpClient) {
            this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
            return this;
        }

        /** The timeout of each request, from sending to the end of the response; default 30 s. */
        public Builder timeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isZero() || timeout.isNegative()) {
                throw new IllegalArgumentException("timeout must be positive; got " + timeout);
            }
            this.timeout = timeout;
            return this;
        }

        /** The clock for {@link PendingAuthorization#createdAt()} and {@link TokenSet#receivedAt()}; default UTC system clock. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Builds the client.
         *
         * @throws IllegalStateException naming the first required setting that is missing
         */
        public EkoolOAuthClient build() {
            return new EkoolOAuthClient(this);
        }
    }
}
