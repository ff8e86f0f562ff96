package dev.ekoolkit.testkit;

import dev.ekoolkit.core.client.ClientRegistrationRequest;
import dev.ekoolkit.core.client.RedirectUri;
import dev.ekoolkit.core.credentials.ClientCredentials;
import dev.ekoolkit.core.credentials.ClientId;
import dev.ekoolkit.core.environment.EkoolEnvironment;
import dev.ekoolkit.core.scope.Scope;
import dev.ekoolkit.core.scope.Scopes;
import dev.ekoolkit.mock.EkoolMockServer;
import dev.ekoolkit.mock.api.Endpoint;
import dev.ekoolkit.mock.api.Fault;
import dev.ekoolkit.mock.api.MockControl;
import dev.ekoolkit.mock.api.RecordedRequest;
import dev.ekoolkit.mock.api.TokenResponse;
import dev.ekoolkit.mock.config.MockClient;
import dev.ekoolkit.mock.config.MockUser;
import dev.ekoolkit.testkit.live.LiveSettings;
import dev.ekoolkit.testkit.live.MockOnly;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The test's handle on the eKool mock that {@link EkoolMockTest} or {@link EkoolMockExtension} runs: a thin facade
 * over {@link EkoolMockServer} for pointing the application under test at the mock, scripting who logs in and what
 * fails, and verifying what the application sent. Inject it as a parameter of a test, lifecycle or constructor
 * method, or get it from a registered extension field with {@link EkoolMockExtension#mock()}.
 *
 * <pre>{@code
 * @Test
 * void shows_an_error_page_when_the_token_endpoint_fails(EkoolMock ekool) {
 *     ekool.loginAs("mari");
 *     ekool.failNext(Endpoint.TOKEN, Fault.oauthError("server_error", "maintenance"));
 *     ... drive the application ...
 *     assertThat(ekool.takeRequest(Endpoint.TOKEN)).hasGrantType("authorization_code").usedPkce();
 * }
 * }</pre>
 *
 * <p>In live mode ({@link LiveSettings}) the handle points at real eKool: {@link #environment()}, {@link #client()},
 * {@link #redirectUri()} and the URLs answer from the live settings, and every method marked <em>mock-only</em>
 * aborts the calling test (it is reported as skipped, naming the method), as {@link MockOnly} does up front.
 *
 * <p>Thread-safe: the application under test may call the mock from its own threads while the test scripts it.
 *
 * <p>(Longer than 400 lines because it is the one handle tests read: a documented, gated delegation per
 * {@link MockControl} operation, plus the test conveniences; there is no logic to split off.)
 */
public final class EkoolMock implements MockControl {

    /**
     * The JUnit resource lock that tests sharing one server across the run hold ({@code @ResourceLock(EkoolMock.SHARED_SERVER_LOCK)});
     * {@code @EkoolMockTest(shared = true)} takes it automatically.
     */
    public static final String SHARED_SERVER_LOCK = "dev.ekoolkit.testkit.EkoolMock.shared-server";

    /** How long {@link #takeRequest()} waits: 5 seconds. */
    public static final Duration DEFAULT_TAKE_TIMEOUT = Duration.ofSeconds(5);

    private static final HttpClient BROWSER = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final EkoolMockServer server;
    private final LiveSettings live;
    private final SystemPropertyNames names;

    private EkoolMock(EkoolMockServer server, LiveSettings live, SystemPropertyNames names) {
        this.server = server;
        this.live = live;
        this.names = Objects.requireNonNull(names, "names");
    }

    /**
     * A handle on a running {@code server} whose lifetime someone else owns (closing it stays the caller's job),
     * with the default system property names. The testkit's Spring support uses it for the mock it ties to an
     * application context; a test rarely needs it.
     *
     * @param server a running mock server; not closed by the handle
     * @return a handle on {@code server}, in mock mode
     * @throws NullPointerException when {@code server} is {@code null}
     */
    public static EkoolMock of(EkoolMockServer server) {
        return of(server, SystemPropertyNames.defaults());
    }

    /** A handle on a running mock server. */
    static EkoolMock of(EkoolMockServer server, SystemPropertyNames names) {
        return new EkoolMock(Objects.requireNonNull(server, "server"), null, names);
    }

    /** A handle on real eKool in live mode. */
    static EkoolMock live(LiveSettings live, SystemPropertyNames names) {
        return new EkoolMock(null, Objects.requireNonNull(live, "live"), names);
    }

    // ---------------------------------------------------------------- where the application should go

    /**
     * {@code true} in live mode: the handle points at real eKool and mock-only methods skip the test.
     *
     * @return {@code true} against real eKool, {@code false} against the mock
     */
    public boolean isLive() {
        return live != null;
    }

    /**
     * eKool's {@code login_url}: the mock's base URL, such as {@code http://127.0.0.1:41234}.
     *
     * @return the {@code login_url} of the mock (or of real eKool in live mode), without a trailing slash
     */
    public URI loginUrl() {
        return live != null ? live.environment().loginUrl() : server.loginUrl();
    }

    /**
     * eKool's {@code api_url}: the same origin as {@link #loginUrl()} on the mock.
     *
     * @return the {@code api_url}, the same origin as {@link #loginUrl()} on the mock
     */
    public URI apiUrl() {
        return live != null ? live.environment().apiUrl() : server.apiUrl();
    }

    /**
     * {@code <login_url>/oauth/authorize} (RFC 6749 §3.1).
     *
     * @return the absolute authorization endpoint URI
     */
    public URI authorizeUrl() {
        return environment().authorizeUri();
    }

    /**
     * {@code <login_url>/oauth/token} (RFC 6749 §3.2).
     *
     * @return the absolute token endpoint URI
     */
    public URI tokenUrl() {
        return environment().tokenUri();
    }

    /**
     * {@code <api_url>/user/me/basic}.
     *
     * @return the absolute URI of the users-basic profile endpoint
     */
    public URI userBasicUrl() {
        return environment().userBasicUri();
    }

    /**
     * An absolute URL on the mock, such as {@code url("/.well-known/oauth-authorization-server")}; mock-only.
     *
     * @param path an absolute path on the mock, starting with {@code /}
     * @return {@code path} resolved against the mock's base URL
     */
    public URI url(String path) {
        return requireMock("url(path)").url(path);
    }

    /**
     * The servers as an ekool-core environment, ready for {@code EkoolOAuthClient.builder().environment(...)}.
     *
     * @return an environment with this handle's {@code login_url} and {@code api_url}
     */
    public EkoolEnvironment environment() {
        return live != null ? live.environment() : server.environment();
    }

    /**
     * The default client's credentials (on the mock, the configuration's first client; live, the variables').
     *
     * @return the default client's id and secret, never {@code null}
     */
    public ClientCredentials client() {
        return live != null ? live.credentials() : defaultClient().credentials();
    }

    /**
     * The default client's first registered redirect URI (live: {@code EKOOL_LIVE_REDIRECT_URI}).
     *
     * @return the first redirect URI registered for the default client
     */
    public RedirectUri redirectUri() {
        return live != null ? live.redirectUri() : defaultClient().redirectUris().get(0);
    }

    /**
     * The settings an application reads, under the configured system property names (default
     * {@code ekool.login-url}, {@code ekool.api-url}, {@code ekool.client-id}, {@code ekool.client-secret},
     * {@code ekool.redirect-uri}), in that order. The values are the ones the extension exports as system
     * properties; pass this map to an application instead when tests run in parallel.
     *
     * @return an unmodifiable map from property name to value, in the order above
     */
    public Map<String, String> properties() {
        ClientCredentials credentials = client();
        return names.apply(loginUrl().toString(), apiUrl().toString(), credentials.clientId().value(),
                credentials.clientSecret().value(), redirectUri().toString());
    }

    // ---------------------------------------------------------------- clients and users (mock-only)

    /**
     * The default client as the mock currently knows it (including redirect URIs added since); mock-only.
     *
     * @return a snapshot of the default client, including redirect URIs added since start
     */
    public MockClient defaultClient() {
        return requireMock("defaultClient()").defaultClient();
    }

    /** Every client the mock knows, in registration order; mock-only. */
    @Override
    public List<MockClient> clients() {
        return requireMock("clients()").clients();
    }

    /**
     * Registers a client as eKool would answer a registration e-mail: freshly generated 32/40-character
     * credentials for the request's redirect URIs and scopes; mock-only.
     */
    @Override
    public MockClient registerClient(ClientRegistrationRequest request) {
        return requireMock("registerClient(request)").registerClient(Objects.requireNonNull(request, "request"));
    }

    /** Registers a fully specified client; its credentials work at once; mock-only. */
    @Override
    public MockClient registerClient(MockClient client) {
        return requireMock("registerClient(client)").registerClient(Objects.requireNonNull(client, "client"));
    }

    /**
     * Replaces the registered client with the same id in one step; tokens already issued to it stay valid; mock-only.
     *
     * @throws IllegalArgumentException when no client has that id or a scope is unknown to the mock
     */
    @Override
    public MockClient updateClient(MockClient client) {
        return requireMock("updateClient(client)").updateClient(Objects.requireNonNull(client, "client"));
    }

    /** Removes a client and revokes its tokens; {@code true} when it was registered; mock-only. */
    @Override
    public boolean removeClient(ClientId id) {
        return requireMock("removeClient(id)").removeClient(id);
    }

    /**
     * Adds a redirect URI to the default client, such as the callback of an application listening on a random
     * port; does nothing when it is already registered. The client is updated in one step, so concurrent
     * requests never see it missing, and tokens it already holds stay valid; mock-only.
     *
     * @param redirectUri an absolute redirect URI, such as {@code http://127.0.0.1:8080/login/oauth2/code/ekool}
     * @return the updated default client
     */
    public synchronized MockClient allowRedirectUri(String redirectUri) {
        EkoolMockServer s = requireMock("allowRedirectUri(uri)");
        RedirectUri added = RedirectUri.parse(redirectUri);
        MockClient current = defaultClient();
        if (current.redirectUris().contains(added)) {
            return current;
        }
        List<RedirectUri> uris = new ArrayList<>(current.redirectUris());
        uris.add(added);
        return s.updateClient(current.withRedirectUris(uris));
    }

    /** Every user, in order; mock-only. */
    @Override
    public List<MockUser> users() {
        return requireMock("users()").users();
    }

    /**
     * The user with this id or username, such as {@code user("mari")}; mock-only.
     *
     * @throws IllegalArgumentException naming the user and the ones that exist
     */
    @Override
    public MockUser user(String idOrUsername) {
        return requireMock("user(idOrUsername)").user(idOrUsername);
    }

    /** Adds a user who can log in at once; mock-only. */
    @Override
    public MockUser addUser(MockUser user) {
        return requireMock("addUser(user)").addUser(Objects.requireNonNull(user, "user"));
    }

    // ---------------------------------------------------------------- logins and tokens (mock-only)

    /** Makes the next authorization log in as this user (id or username), skipping the login and consent pages; mock-only. */
    @Override
    public void loginAs(String userIdOrUsername) {
        requireMock("loginAs(user)").loginAs(Objects.requireNonNull(userIdOrUsername, "userIdOrUsername"));
    }

    /** Logs every following authorization in as this user without pages, or turns that off with {@code null}; mock-only. */
    @Override
    public void autoLogin(String userIdOrUsernameOrNull) {
        requireMock("autoLogin(user)").autoLogin(userIdOrUsernameOrNull);
    }

    /**
     * Does what the user's browser does with an authorization URI the application built: sends it to the mock and
     * returns where the mock redirects, which is the application's callback with {@code code} and {@code state}
     * (or {@code error}). A user must have been chosen with {@link #loginAs} or auto-login; mock-only.
     *
     * @param authorizationUri the authorization URI the application sent the browser to, pointing at this mock's {@code /oauth/authorize}
     * @return the absolute URI the mock redirects to: the application's callback with {@code code} and {@code state}, or {@code error}
     * @throws IllegalStateException when the mock shows a page instead (no user chosen, or an error page for an
     *                               unknown client or redirect URI), quoting the page's title
     */
    public URI followLogin(URI authorizationUri) {
        EkoolMockServer s = requireMock("followLogin(uri)");
        HttpResponse<String> response;
        try {
            response = BROWSER.send(HttpRequest.newBuilder(authorizationUri).timeout(Duration.ofSeconds(30)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("could not reach the eKool mock at " + s.loginUrl() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while following the login at " + s.loginUrl(), e);
        }
        Optional<String> location = response.headers().firstValue("Location");
        if (response.statusCode() / 100 == 3 && location.isPresent()) {
            return authorizationUri.resolve(location.get());
        }
        String hint = response.statusCode() == 200
                ? "no user is chosen: call loginAs(\"mari\") first or configure autoLogin"
                : "the mock refused the authorization request";
        throw new IllegalStateException("the eKool mock answered " + response.statusCode() + " with the page '"
                + title(response.body()) + "' instead of redirecting to the application; " + hint);
    }

    /**
     * A valid token pair for the user and the default client with scope {@code users-basic}, without any browser;
     * a test convenience for {@link #issueTokens(String, ClientId, Scopes)}; mock-only.
     *
     * @param userIdOrUsername the user's id or username, such as {@code mari}
     * @return a fresh access and refresh token for that user, as the token endpoint would have issued them
     */
    public TokenResponse issueTokens(String userIdOrUsername) {
        return issueTokens(userIdOrUsername, null, Scopes.of(Scope.USERS_BASIC));
    }

    /**
     * A valid token pair for the user and the default client with these scopes, without any browser; mock-only.
     *
     * @param userIdOrUsername the user's id or username, such as {@code mari}
     * @param scopes the scopes the tokens are granted
     * @return a fresh access and refresh token for that user, as the token endpoint would have issued them
     */
    public TokenResponse issueTokens(String userIdOrUsername, Scopes scopes) {
        return issueTokens(userIdOrUsername, null, Objects.requireNonNull(scopes, "scopes"));
    }

    /**
     * A valid token pair as if the user had logged in to the client and approved the scopes, without any browser;
     * mock-only.
     *
     * @param clientIdOrNull the client, or {@code null} for the default client
     * @param scopesOrNull   the scopes, or {@code null} for every scope the client allows
     * @throws IllegalArgumentException naming an unknown user or client or a scope the client may not request
     */
    @Override
    public TokenResponse issueTokens(String userIdOrUsername, ClientId clientIdOrNull, Scopes scopesOrNull) {
        return requireMock("issueTokens(user, client, scopes)").issueTokens(userIdOrUsername, clientIdOrNull, scopesOrNull);
    }

    // ---------------------------------------------------------------- faults (mock-only)

    /**
     * Serves {@code fault} for the next {@link Fault#times()} requests to the endpoint, such as
     * {@code failNext(Endpoint.TOKEN, Fault.oauthError("invalid_grant", "code expired"))}; mock-only.
     */
    @Override
    public void failNext(Endpoint endpoint, Fault fault) {
        requireMock("failNext(endpoint, fault)").failNext(endpoint, fault);
    }

    /**
     * Answers the next request to the endpoint with this bare HTTP status (a broken proxy's 502, say); mock-only.
     *
     * @param endpoint the endpoint whose next request fails
     * @param httpStatus the HTTP status to answer with, such as 502 (200-599, not 204 or 304)
     */
    public void failNext(Endpoint endpoint, int httpStatus) {
        failNext(endpoint, Fault.httpStatus(httpStatus));
    }

    /** Delays the answer to the next request to the endpoint, to test the application's timeouts; mock-only. */
    @Override
    public void delayNext(Endpoint endpoint, Duration delay) {
        requireMock("delayNext(endpoint, delay)").delayNext(endpoint, delay);
    }

    /** Drops every queued fault and delay; mock-only. */
    @Override
    public void clearFaults() {
        requireMock("clearFaults()").clearFaults();
    }

    // ---------------------------------------------------------------- recorded requests (mock-only)

    /** Every request the mock recorded, oldest first, secrets masked; an immutable snapshot; mock-only. */
    @Override
    public List<RecordedRequest> requests() {
        return requireMock("requests()").requests();
    }

    /**
     * The recorded requests to one endpoint, oldest first; an immutable snapshot; mock-only.
     *
     * @param endpoint the endpoint whose requests are listed
     * @return the requests to {@code endpoint} recorded so far, oldest first; empty when none
     */
    public List<RecordedRequest> requests(Endpoint endpoint) {
        return requests().stream().filter(r -> r.endpoint() == endpoint).toList();
    }

    /**
     * The oldest request not yet taken, waiting up to {@link #DEFAULT_TAKE_TIMEOUT}; mock-only.
     *
     * @return the oldest request not yet taken, never {@code null} (an {@link AssertionError} when none arrives in time)
     * @throws AssertionError when none arrives in time
     */
    public RecordedRequest takeRequest() {
        return takeRequest(DEFAULT_TAKE_TIMEOUT);
    }

    /**
     * The oldest request not yet taken, waiting up to {@code timeout}; mock-only.
     *
     * @param timeout how long to wait at most for a request
     * @return the oldest request not yet taken, never {@code null} (an {@link AssertionError} when none arrives in time)
     * @throws AssertionError when none arrives in time, listing what was recorded
     */
    public RecordedRequest takeRequest(Duration timeout) {
        return pollRequest(timeout).orElseThrow(() -> new AssertionError("no request reached the eKool mock within "
                + timeout + "; recorded so far: " + summary(requests())));
    }

    /**
     * The oldest not yet taken request to {@code endpoint}, waiting up to {@link #DEFAULT_TAKE_TIMEOUT}; requests to
     * other endpoints taken on the way are dropped; mock-only.
     *
     * @param endpoint the endpoint the request must be to
     * @return the oldest request to {@code endpoint} not yet taken, never {@code null} (an {@link AssertionError} when none arrives in time)
     * @throws AssertionError when none arrives in time
     */
    public RecordedRequest takeRequest(Endpoint endpoint) {
        return takeRequest(endpoint, DEFAULT_TAKE_TIMEOUT);
    }

    /**
     * The oldest not yet taken request to {@code endpoint}, waiting up to {@code timeout} in all; requests to other
     * endpoints taken on the way are dropped; mock-only.
     *
     * @param endpoint the endpoint the request must be to
     * @param timeout how long to wait at most, in all
     * @return the oldest request to {@code endpoint} not yet taken, never {@code null} (an {@link AssertionError} when none arrives in time)
     * @throws AssertionError when none arrives in time, listing what was recorded
     */
    public RecordedRequest takeRequest(Endpoint endpoint, Duration timeout) {
        EkoolMockServer s = requireMock("takeRequest(endpoint, timeout)");
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
            Optional<RecordedRequest> next = s.pollRequest(left);
            if (next.isEmpty()) {
                throw new AssertionError("no request to " + endpoint + " (" + endpoint.path()
                        + ") reached the eKool mock within " + timeout + "; recorded so far: " + summary(s.requests()));
            }
            if (next.get().endpoint() == endpoint) {
                return next.get();
            }
        }
    }

    /** The oldest request not yet taken, waiting up to {@code timeout}; empty when none arrives; mock-only. */
    @Override
    public Optional<RecordedRequest> pollRequest(Duration timeout) {
        return requireMock("pollRequest(timeout)").pollRequest(Objects.requireNonNull(timeout, "timeout"));
    }

    // ---------------------------------------------------------------- state and time (mock-only)

    /**
     * Returns the mock to its configuration: clients and users as configured, no logins, codes, tokens, faults or
     * recorded requests, auto-login as built, the clock back; mock-only.
     */
    @Override
    public void reset() {
        requireMock("reset()").reset();
    }

    /** Moves the mock's clock forward, to expire codes and tokens without sleeping; mock-only. */
    @Override
    public void advanceClock(Duration duration) {
        requireMock("advanceClock(duration)").advanceClock(duration);
    }

    /** The mock's clock, which {@link #advanceClock} moves; mock-only. */
    @Override
    public Clock clock() {
        return requireMock("clock()").clock();
    }

    /**
     * The server itself, for anything this facade does not offer; mock-only.
     *
     * @return the running mock server this handle drives
     */
    public EkoolMockServer server() {
        return requireMock("server()");
    }

    /** The mock's base URL, or the live server in live mode. */
    @Override
    public String toString() {
        return "EkoolMock[" + (live != null ? "live " + live.describe() : server.loginUrl()) + "]";
    }

    private EkoolMockServer requireMock(String method) {
        if (live != null) {
            Assumptions.abort("EkoolMock." + method + " needs the eKool mock; this run is live against "
                    + live.describe() + " (" + LiveSettings.CLIENT_ID + " is set), so the test is skipped");
        }
        return server;
    }

    private static String summary(List<RecordedRequest> requests) {
        if (requests.isEmpty()) {
            return "none";
        }
        return requests.stream().map(r -> r.method() + " " + r.path() + " -> " + r.status()).toList().toString();
    }

    private static String title(String html) {
        int start = html.indexOf("<title>");
        int end = html.indexOf("</title>");
        if (start < 0 || end < start) {
            return "(untitled)";
        }
        String t = html.substring(start + 7, end).strip();
        return t.length() > 120 ? t.substring(0, 120) + "..." : t;
    }
}
