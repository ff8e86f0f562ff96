package dev.ekoolkit.mock.internal;

import dev.ekoolkit.core.client.ClientRegistrationRequest;
import dev.ekoolkit.core.credentials.ClientCredentials;
import dev.ekoolkit.core.credentials.ClientId;
import dev.ekoolkit.core.scope.Scope;
import dev.ekoolkit.core.scope.Scopes;
import dev.ekoolkit.mock.admin.FaultQueue;
import dev.ekoolkit.mock.admin.RequestJournal;
import dev.ekoolkit.mock.config.MockClient;
import dev.ekoolkit.mock.config.MockConfig;
import dev.ekoolkit.mock.config.MockUser;
import dev.ekoolkit.mock.state.MockState;
import dev.ekoolkit.mock.state.TokenFamilies;
import dev.ekoolkit.mock.token.SigningKeys;
import dev.ekoolkit.mock.token.TokenIssuer;
import dev.ekoolkit.mock.token.TokenResponse;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Everything one server instance shares between its endpoints and its Java API: configuration, clock,
 * state, faults, journal, login choice and token issuer. The operations here are the admin operations both
 * {@code EkoolMockServer} and {@code /__admin/*} expose.
 */
public final class MockRuntime {

    private final MockConfig config;
    private final AdjustableClock clock;
    private final FaultQueue faults = new FaultQueue();
    private final RequestJournal journal;
    private final TokenIssuer issuer;
    private final String configuredAutoLogin;
    private final String adminToken;
    private final AtomicReference<String> nextLogin = new AtomicReference<>();
    private volatile String autoLogin;
    private volatile MockState state;
    private volatile String baseUrl;

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
        this.adminToken = adminToken;
        if (autoLogin != null) {
            requireUser(autoLogin);
        }
        this.configuredAutoLogin = autoLogin;
        this.autoLogin = autoLogin;
    }

    /** The configuration the state is reset to. */
    public MockConfig config() {
        return config;
    }

    /** The server's clock. */
    public AdjustableClock clock() {
        return clock;
    }

    /** The current instant by the server's clock. */
    public Instant now() {
        return clock.instant();
    }

    /** The current state (replaced by {@link #reset()}). */
    public MockState state() {
        return state;
    }

    /** Queued faults and delays. */
    public FaultQueue faults() {
        return faults;
    }

    /** Recorded requests. */
    public RequestJournal journal() {
        return journal;
    }

    /** The token issuer. */
    public TokenIssuer issuer() {
        return issuer;
    }

    /** The admin token, or {@code null}. */
    public String adminToken() {
        return adminToken;
    }

    /** The server's base URL without a trailing slash, once started. */
    public String baseUrl() {
        return baseUrl;
    }

    /** Sets the base URL when the server has bound its port. */
    public void baseUrl(String url) {
        this.baseUrl = url;
    }

    /** The persistent auto-login user (id or username), or {@code null}. */
    public String autoLogin() {
        return autoLogin;
    }

    /** Turns persistent auto-login on for a user, or off with {@code null}. */
    public void autoLogin(String idOrUsername) {
        if (idOrUsername != null) {
            requireUser(idOrUsername);
        }
        autoLogin = idOrUsername;
    }

    /** Makes the next authorization log in as this user without pages (one-shot). */
    public void loginAs(String idOrUsername) {
        requireUser(idOrUsername);
        nextLogin.set(idOrUsername);
    }

    /** The pending one-shot login choice, without consuming it. */
    public Optional<String> nextLogin() {
        return Optional.ofNullable(nextLogin.get());
    }

    /**
     * The user the current authorization logs in as without pages: the one-shot choice (consumed), else the
     * auto-login user, else empty (show the pages).
     *
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
    public void advanceClock(java.time.Duration d) {
        clock.advance(d);
    }

    /**
     * Back to the configuration: clients and users as configured, no logins, codes, tokens, faults, recorded
     * requests or one-shot login choice; auto-login as configured; the clock offset back to zero.
     */
    public void reset() {
        state = new MockState(config);
        faults.clear();
        journal.clear();
        nextLogin.set(null);
        autoLogin = configuredAutoLogin;
        clock.resetOffset();
    }

    /** Registers a client; its tokens work until it is removed. */
    public MockClient registerClient(MockClient client) {
        state.clients().add(checkScopes(client));
        return client;
    }

    /** Replaces the registered client with the same id in one step; its tokens stay valid. */
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
    public MockClient registerClient(ClientRegistrationRequest request) {
        Objects.requireNonNull(request, "request");
        MockClient client = MockClient.of(ClientCredentials.generate(Randoms.secureRandom()), request.organisation(),
                request.redirectUris(), request.scopes());
        return registerClient(client);
    }

    /** Removes a client and revokes every token issued to it. */
    public boolean removeClient(ClientId id) {
        MockState s = state;
        boolean removed = s.clients().remove(id.value());
        if (removed) {
            s.tokens().revokeClient(id.value());
        }
        return removed;
    }

    /** Adds a user. */
    public MockUser addUser(MockUser user) {
        state.users().add(Objects.requireNonNull(user, "user"));
        return user;
    }

    /**
     * Issues a token pair as if the user had logged in and approved, without any browser.
     *
     * @param idOrUsername the user
     * @param clientId     the client, or {@code null} for the default client
     * @param scopes       the scopes; each must be allowed for the client
     * @throws IllegalArgumentException naming the unknown user or client or the scope not allowed
     */
    public TokenResponse issueTokens(String idOrUsername, ClientId clientId, Scopes scopes) {
        MockState s = state;
        MockUser user = s.users().find(idOrUsername).orElseThrow(() -> unknownUser(idOrUsername));
        MockClient client = clientId == null
                ? s.clients().first().orElseThrow(() -> new IllegalArgumentException("the mock has no clients"))
                : s.clients().find(clientId.value()).orElseThrow(() ->
                new IllegalArgumentException("client " + clientId + " is not registered"));
        Objects.requireNonNull(scopes, "scopes");
        for (Scope scope : scopes) {
            if (!client.allowedScopes().contains(scope)) {
                throw new IllegalArgumentException("client " + client.id() + " may not request the scope '" + scope
                        + "'; it may request: " + client.allowedScopes().format());
            }
        }
        TokenFamilies.Issue issue = s.tokens().create(client.id().value(), user.id(), scopes,
                client.allows(MockClient.Grant.REFRESH_TOKEN), now());
        return issuer.complete(s.tokens(), issue);
    }

    private void requireUser(String idOrUsername) {
        Objects.requireNonNull(idOrUsername, "user");
        if (state.users().find(idOrUsername).isEmpty()) {
            throw unknownUser(idOrUsername);
        }
    }

    private IllegalArgumentException unknownUser(String idOrUsername) {
        return new IllegalArgumentException("no user has the id or username '" + idOrUsername + "'; users: "
                + state.users().list().stream().map(MockUser::username).toList());
    }
}
