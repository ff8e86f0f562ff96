package dev.ekoolkit.mock.runtime;

import dev.ekoolkit.core.client.ClientRegistrationRequest;
import dev.ekoolkit.core.client.RedirectUri;
import dev.ekoolkit.core.credentials.ClientCredentials;
import dev.ekoolkit.core.credentials.ClientId;
import dev.ekoolkit.core.error.EkoolOAuthException;
import dev.ekoolkit.core.scope.Scope;
import dev.ekoolkit.core.scope.Scopes;
import dev.ekoolkit.mock.api.Endpoint;
import dev.ekoolkit.mock.api.Fault;
import dev.ekoolkit.mock.api.MockControl;
import dev.ekoolkit.mock.api.RecordedRequest;
import dev.ekoolkit.mock.api.TokenResponse;
import dev.ekoolkit.mock.config.MockClient;
import dev.ekoolkit.mock.config.MockConfig;
import dev.ekoolkit.mock.config.MockUser;
import dev.ekoolkit.mock.grant.Grants;
import dev.ekoolkit.mock.grant.SigningKeys;
import dev.ekoolkit.mock.grant.TokenIssuer;
import dev.ekoolkit.mock.internal.Masked;
import dev.ekoolkit.mock.internal.Randoms;
import dev.ekoolkit.mock.state.AdjustableClock;
import dev.ekoolkit.mock.state.FaultQueue;
import dev.ekoolkit.mock.state.MockState;
import dev.ekoolkit.mock.state.RequestJournal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Everything one server instance shares between its endpoints and its Java API: configuration, clock,
 * state, faults, journal, login choice and token issuer; and the one implementation of {@link MockControl},
 * which {@code EkoolMockServer}, the admin HTTP API and the testkit's {@code EkoolMock} all expose.
 *
 * <p>Over 400 lines because most of them are documentation: every public method carries its Javadoc
 * (parameters, result, what it throws). The code itself stays under the 400 code lines per class that
 * {@code ClassSizeTest} enforces (docs/architecture.md, "Class sizes").
 */
public final class MockRuntime implements MockControl {

    private volatile MockConfig config;
    private final AdjustableClock clock;
    private final FaultQueue faults = new FaultQueue();
    private final RequestJournal journal;
    private final TokenIssuer issuer;
    private final Grants grants;
    private final String configuredAutoLogin;
    private final String adminToken;
    private final AtomicReference<String> nextLogin = new AtomicReference<>();
    private volatile String autoLogin;
    private volatile MockState state;
    private volatile String baseUrl;
    private volatile String localUrl;

    /**
     * A runtime for one server.
     *
     * @param config     the configuration
     * @param baseClock  the clock to follow (the runtime adds an adjustable offset)
     * @param autoLogin  the user every authorization logs in as without pages, or {@code null}
     * @param adminToken the bearer token the admin API requires, or {@code null} for loopback-only access
     */
    public MockRuntime(MockConfig config, Clock baseClock, String autoLogin, String adminToken) {
        this.config = Objects.requireNonNull(config, "config");
        this.clock = new AdjustableClock(baseClock);
        this.journal = new RequestJournal(config.limits().recordedRequests());
        this.issuer = new TokenIssuer(new SigningKeys(config.signingKey()));
        this.state = new MockState(config);
        this.grants = new Grants(this::state, issuer, clock, config);
        this.adminToken = adminToken;
        if (autoLogin != null) {
            requireUser(autoLogin);
        }
        this.configuredAutoLogin = autoLogin;
        this.autoLogin = autoLogin;
    }

    /**
     * The configuration the state is reset to.
     *
     * @return the configuration given at build time, never {@code null}
     */
    public MockConfig config() {
        return config;
    }

    /** The server's clock. */
    @Override
    public AdjustableClock clock() {
        return clock;
    }

    /**
     * The current instant by the server's clock.
     *
     * @return the current instant by the server's clock, which {@code advanceClock} moves on
     */
    public Instant now() {
        return clock.instant();
    }

    /**
     * The current state (replaced by {@link #reset()}).
     *
     * @return the current state, never {@code null}
     */
    public MockState state() {
        return state;
    }

    /**
     * Queued faults and delays.
     *
     * @return the queue of faults and delays
     */
    public FaultQueue faults() {
        return faults;
    }

    /**
     * Recorded requests.
     *
     * @return the request journal
     */
    public RequestJournal journal() {
        return journal;
    }

    /**
     * The token issuer.
     *
     * @return the issuer that signs tokens
     */
    public TokenIssuer issuer() {
        return issuer;
    }

    /**
     * The grants service: code exchange, refresh rotation, client credentials.
     *
     * @return the grants service
     */
    public Grants grants() {
        return grants;
    }

    /**
     * The admin token, or {@code null}.
     *
     * @return the admin API token, or {@code null} when loopback callers need none
     */
    public String adminToken() {
        return adminToken;
    }

    /**
     * The server's base URL without a trailing slash, once started.
     *
     * @return the advertised base URL without a trailing slash, such as {@code http://127.0.0.1:41234}
     */
    public String baseUrl() {
        return baseUrl;
    }

    /**
     * Sets the base URL when the server has bound its port.
     *
     * @param url the advertised base URL without a trailing slash
     */
    public void baseUrl(String url) {
        this.baseUrl = url;
    }

    /**
     * The address this server reaches itself at (the bound address, with a wildcard host replaced by loopback),
     * without a trailing slash, once started; differs from {@link #baseUrl()} when a public URL is set.
     *
     * @return the bound address as a URL, without a trailing slash
     */
    public String localUrl() {
        return localUrl == null ? baseUrl : localUrl;
    }

    /**
     * Called when the server listens: sets the advertised {@code baseUrl} and the bound {@code localUrl}, and adds
     * the playground's callback ({@code <baseUrl>}{@value MockConfig#PLAYGROUND_CALLBACK_PATH}) to the redirect
     * URIs of the embedded demo client ({@link MockConfig#DEMO_CLIENT_ID}), in the configuration (so
     * {@link #reset()} keeps it) and in the current state. The callback is not added when it is not a valid
     * redirect URI (http on a host other than loopback).
     *
     * @param baseUrl the advertised base URL, without a trailing slash
     * @param localUrl the bound address as a URL, without a trailing slash
     */
    public void started(String baseUrl, String localUrl) {
        this.baseUrl = baseUrl;
        this.localUrl = localUrl;
        RedirectUri callback;
        try {
            callback = RedirectUri.parse(baseUrl + MockConfig.PLAYGROUND_CALLBACK_PATH);
        } catch (EkoolOAuthException notAllowed) {
            return;
        }
        config = config.withClients(config.clients().stream().map(c -> withCallback(c, callback)).toList());
        state.clients().list().stream().filter(c -> c.id().value().equals(MockConfig.DEMO_CLIENT_ID)).findFirst()
                .ifPresent(c -> state.clients().replace(withCallback(c, callback)));
    }

    private static MockClient withCallback(MockClient client, RedirectUri callback) {
        if (!client.id().value().equals(MockConfig.DEMO_CLIENT_ID) || client.redirectUris().contains(callback)) {
            return client;
        }
        List<RedirectUri> uris = new ArrayList<>(client.redirectUris());
        uris.add(callback);
        return client.withRedirectUris(uris);
    }

    /**
     * The persistent auto-login user (id or username), or {@code null}.
     *
     * @return the auto-login user's id or username, or {@code null} when off
     */
    public String autoLogin() {
        return autoLogin;
    }

    /** Turns persistent auto-login on for a user, or off with {@code null}. */
    @Override
    public void autoLogin(String idOrUsername) {
        if (idOrUsername != null) {
            requireUser(idOrUsername);
        }
        autoLogin = idOrUsername;
    }

    /** Makes the next authorization log in as this user without pages (one-shot). */
    @Override
    public void loginAs(String idOrUsername) {
        requireUser(idOrUsername);
        nextLogin.set(idOrUsername);
    }

    /**
     * The pending one-shot login choice, without consuming it.
     *
     * @return the one-shot user's id or username, or empty when none is chosen
     */
    public Optional<String> nextLogin() {
        return Optional.ofNullable(nextLogin.get());
    }

    /**
     * The user the current authorization logs in as without pages: the one-shot choice (consumed), else the
     * auto-login user, else empty (show the pages).
     *
     * @return the user to log in as without pages, or empty to show the pages
     * @throws IllegalStateException when the chosen user no longer exists
     */
    public Optional<MockUser> takeLoginChoice() {
        String choice = nextLogin.getAndSet(null);
        if (choice == null) {
            choice = autoLogin;
        }
        if (choice == null) {
            return Optional.empty();
        }
        String chosen = choice;
        return Optional.of(state.users().find(chosen).orElseThrow(() ->
                new IllegalStateException("the user chosen to log in, '" + chosen + "', does not exist (any more)")));
    }

    /** Moves the clock forward. */
    @Override
    public void advanceClock(Duration d) {
        clock.advance(d);
    }

    /**
     * Back to the configuration: clients and users as configured, no logins, codes, tokens, faults, recorded
     * requests or one-shot login choice; auto-login as configured; the clock offset back to zero.
     */
    @Override
    public void reset() {
        state = new MockState(config);
        faults.clear();
        journal.clear();
        nextLogin.set(null);
        autoLogin = configuredAutoLogin;
        clock.resetOffset();
    }

    /** Registers a client; its tokens work until it is removed. */
    @Override
    public MockClient registerClient(MockClient client) {
        state.clients().add(checkScopes(client));
        return client;
    }

    /** Replaces the registered client with the same id in one step; its tokens stay valid. */
    @Override
    public MockClient updateClient(MockClient client) {
        state.clients().replace(checkScopes(client));
        return client;
    }

    private MockClient checkScopes(MockClient client) {
        Objects.requireNonNull(client, "client");
        for (Scope s : client.allowedScopes()) {
            if (config.scope(s).isEmpty()) {
                throw new IllegalArgumentException("client " + client.id() + " allows the scope '" + s
                        + "', which the server does not know; known scopes: "
                        + config.scopes().stream().map(d -> d.scope().value()).toList());
            }
        }
        return client;
    }

    /**
     * Registers a client for a registration request, with freshly generated credentials in eKool's format, as
     * eKool's e-mail reply would deliver them.
     */
    @Override
    public MockClient registerClient(ClientRegistrationRequest request) {
        Objects.requireNonNull(request, "request");
        MockClient client = MockClient.of(ClientCredentials.generate(Randoms.secureRandom()), request.organisation(),
                request.redirectUris(), request.scopes());
        return registerClient(client);
    }

    /** Removes a client and revokes every token issued to it. */
    @Override
    public boolean removeClient(ClientId id) {
        Objects.requireNonNull(id, "id");
        MockState s = state;
        boolean removed = s.clients().remove(id.value());
        if (removed) {
            s.tokens().revokeClient(id.value());
        }
        return removed;
    }

    /** Adds a user. */
    @Override
    public MockUser addUser(MockUser user) {
        state.users().add(Objects.requireNonNull(user, "user"));
        return user;
    }

    /**
     * Issues a token pair as if the user had logged in and approved, without any browser.
     *
     * @param idOrUsername the user
     * @param clientId     the client, or {@code null} for the first registered client
     * @param scopes       the scopes, each allowed for the client, or {@code null} for every scope it allows
     * @throws IllegalArgumentException naming the unknown user or client or the scope not allowed
     */
    @Override
    public TokenResponse issueTokens(String idOrUsername, ClientId clientId, Scopes scopes) {
        MockState s = state;
        Objects.requireNonNull(idOrUsername, "user");
        MockUser user = s.users().find(idOrUsername).orElseThrow(() -> unknownUser(idOrUsername));
        MockClient client = clientId == null
                ? s.clients().first().orElseThrow(() -> new IllegalArgumentException("the mock has no clients"))
                : s.clients().find(clientId.value()).orElseThrow(() ->
                new IllegalArgumentException("client " + Masked.unregisteredClientId(clientId.value()) + " is not registered; clients: "
                        + s.clients().list().stream().map(c -> c.id().value()).toList()));
        return grants.direct(client, user, scopes == null ? client.allowedScopes() : scopes);
    }

    @Override
    public List<MockClient> clients() {
        return state.clients().list();
    }

    @Override
    public List<MockUser> users() {
        return state.users().list();
    }

    @Override
    public MockUser user(String idOrUsername) {
        Objects.requireNonNull(idOrUsername, "idOrUsername");
        return state.users().find(idOrUsername).orElseThrow(() -> unknownUser(idOrUsername));
    }

    @Override
    public void failNext(Endpoint endpoint, Fault fault) {
        faults.failNext(endpoint, fault);
    }

    @Override
    public void delayNext(Endpoint endpoint, Duration delay) {
        faults.delayNext(endpoint, delay);
    }

    @Override
    public void clearFaults() {
        faults.clear();
    }

    @Override
    public List<RecordedRequest> requests() {
        return journal.snapshot();
    }

    @Override
    public Optional<RecordedRequest> pollRequest(Duration timeout) {
        return journal.take(Objects.requireNonNull(timeout, "timeout"));
    }

    private void requireUser(String idOrUsername) {
        user(Objects.requireNonNull(idOrUsername, "user"));
    }

    private IllegalArgumentException unknownUser(String idOrUsername) {
        return new IllegalArgumentException("no user has the id or username '" + idOrUsername + "'; users: "
                + state.users().list().stream().map(MockUser::username).toList());
    }
}
