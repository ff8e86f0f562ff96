package dev.ekoolkit.mock;

import dev.ekoolkit.core.client.ClientRegistrationRequest;
import dev.ekoolkit.core.credentials.ClientId;
import dev.ekoolkit.core.environment.EkoolEnvironment;
import dev.ekoolkit.core.internal.Text;
import dev.ekoolkit.core.scope.Scopes;
import dev.ekoolkit.mock.api.Endpoint;
import dev.ekoolkit.mock.api.Fault;
import dev.ekoolkit.mock.api.MockControl;
import dev.ekoolkit.mock.api.RecordedRequest;
import dev.ekoolkit.mock.api.TokenResponse;
import dev.ekoolkit.mock.config.MockClient;
import dev.ekoolkit.mock.config.MockConfig;
import dev.ekoolkit.mock.config.MockConfigLoader;
import dev.ekoolkit.mock.config.MockUser;
import dev.ekoolkit.mock.runtime.MockRuntime;
import dev.ekoolkit.mock.state.MockState;
import dev.ekoolkit.mock.wiring.Routes;
import io.javalin.Javalin;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A local mock of eKool's authorization server ({@code login_url}: {@code /oauth/authorize},
 * {@code /oauth/token}) and {@code users-basic} API ({@code api_url}: {@code /user/me/basic}) on one HTTP
 * origin, with an admin API for tests. {@link AutoCloseable}; binds 127.0.0.1 and a random port by default.
 *
 * <pre>{@code
 * try (EkoolMockServer server = EkoolMockServer.builder().autoLogin("mari").build().start()) {
 *     EkoolEnvironment env = server.environment();
 *     MockClient client = server.defaultClient();
 *     // point the application at env and client.credentials(), log in, then:
 *     RecordedRequest tokenRequest = server.pollRequest(Duration.ofSeconds(5)).orElseThrow();
 * }
 * }</pre>
 *
 * <p>The test-control operations are those of {@link MockControl}, implemented once by the server's runtime;
 * the admin HTTP API and the testkit's {@code EkoolMock} expose the same operations under the same names.
 *
 * <p>Thread-safe. Every URL accessor throws {@link IllegalStateException} before {@link #start()}.
 *
 * <p>(Longer than 400 lines because it holds its public {@link Builder} and one documented, one-line forwarding
 * method per control operation; the logic is in {@code MockRuntime}.)
 */
public final class EkoolMockServer implements MockControl, AutoCloseable {

    private final String host;
    private final URI publicUrl;
    private final int requestedPort;
    private final Duration idleTimeout;
    private final MockRuntime runtime;
    private final Object lifecycle = new Object();
    private volatile Javalin app;
    private volatile int port = -1;
    private volatile URI base;

    private EkoolMockServer(Builder b, MockConfig config) {
        this.host = b.host;
        this.publicUrl = b.publicUrl;
        this.requestedPort = b.port;
        this.idleTimeout = b.idleTimeout;
        this.runtime = new MockRuntime(config, b.clock == null ? Clock.systemUTC() : b.clock, b.autoLogin, b.adminToken);
    }

    /**
     * A builder with the defaults: 127.0.0.1, a random port, the embedded configuration, no auto-login.
     *
     * @return a new builder with the defaults above
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Binds the port and starts serving.
     *
     * @return this server
     * @throws IllegalStateException when already started
     */
    public EkoolMockServer start() {
        synchronized (lifecycle) {
            if (app != null) {
                throw new IllegalStateException("the eKool mock server is already started on port " + port);
            }
            Javalin created = Routes.create(runtime, host, requestedPort, idleTimeout);
            created.start();
            int bound = created.port();
            URI local = URI.create("http://" + advertisedHost(host) + ":" + bound);
            URI url = publicUrl != null ? publicUrl : local;
            runtime.started(url.toString(), local.toString());
            this.base = url;
            this.port = bound;
            this.app = created;
            return this;
        }
    }

    /** Stops serving and frees the port; does nothing when not running. */
    @Override
    public void close() {
        synchronized (lifecycle) {
            Javalin running = app;
            if (running == null) {
                return;
            }
            app = null;
            running.stop();
        }
    }

    /**
     * {@code true} between {@link #start()} and {@link #close()}.
     *
     * @return {@code true} while the server runs
     */
    public boolean isRunning() {
        return app != null;
    }

    /**
     * The bound port.
     *
     * @return the TCP port the server listens on (1-65535, the chosen one when 0 was asked for)
     */
    public int port() {
        requireStarted();
        return port;
    }

    /**
     * The {@code login_url}: this server's base URL, such as {@code http://127.0.0.1:41234}, or the builder's
     * {@link Builder#publicUrl(URI)} when set. Every URL accessor and every advertised URL starts with it.
     *
     * @return the base URL, without a trailing slash
     */
    public URI loginUrl() {
        return requireStarted();
    }

    /**
     * The {@code api_url}: the same origin as {@link #loginUrl()}.
     *
     * @return the {@code api_url}, the same as {@link #loginUrl()}
     */
    public URI apiUrl() {
        return requireStarted();
    }

    /**
     * {@code <login_url>/oauth/authorize} (RFC 6749 §3.1).
     *
     * @return the absolute authorization endpoint URI
     */
    public URI authorizeUrl() {
        return url(Endpoint.AUTHORIZE.path());
    }

    /**
     * {@code <login_url>/oauth/token} (RFC 6749 §3.2).
     *
     * @return the absolute token endpoint URI
     */
    public URI tokenUrl() {
        return url(Endpoint.TOKEN.path());
    }

    /**
     * {@code <api_url>/user/me/basic}.
     *
     * @return the absolute URI of the users-basic profile endpoint
     */
    public URI userBasicUrl() {
        return url(Endpoint.USER_BASIC.path());
    }

    /**
     * {@code <login_url>/oauth/jwks.json}, the public JWK set (RFC 7517; mock-only).
     *
     * @return the absolute URI of the JWK set
     */
    public URI jwksUrl() {
        return url(Endpoint.JWKS.path());
    }

    /**
     * {@code <login_url>/.well-known/oauth-authorization-server} (RFC 8414; mock-only).
     *
     * @return the absolute URI of the authorization server metadata document
     */
    public URI metadataUrl() {
        return url(Endpoint.METADATA.path());
    }

    /**
     * {@code <login_url>/playground}, the mock's own demo client page (mock-only): pick a client, scope and PKCE
     * method, log in, and see the code, the token response and {@code /user/me/basic}'s answer.
     *
     * @return the absolute URI of the playground page
     */
    public URI playgroundUrl() {
        return url("/playground");
    }

    /**
     * {@code <login_url>/__admin}, the base of the admin API (mock-only).
     *
     * @return the absolute base URI of the admin API
     */
    public URI adminUrl() {
        return url("/__admin");
    }

    /**
     * An absolute URL on this server.
     *
     * @return {@code path} resolved against {@link #loginUrl()}
     * @param path a path starting with {@code /}, optionally with a query
     */
    public URI url(String path) {
        Objects.requireNonNull(path, "path");
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("path must start with '/'; got '" + path + "'");
        }
        return URI.create(requireStarted() + path);
    }

    /**
     * This server as an ekool-core environment ({@code login_url} = {@code api_url} = {@link #loginUrl()}).
     *
     * @return an environment pointing both URLs at this server
     */
    public EkoolEnvironment environment() {
        URI url = requireStarted();
        return EkoolEnvironment.custom(url, url);
    }

    /**
     * The configuration the server was built with (and {@link #reset()} returns to).
     *
     * @return the configuration given to the builder, never {@code null}
     */
    public MockConfig config() {
        return runtime.config();
    }

    /**
     * The first client of the configuration as the server knows it now (with any change made by
     * {@link #updateClient(MockClient)}), or as configured when it has been removed.
     *
     * @return the default client, never {@code null}
     */
    public MockClient defaultClient() {
        MockClient configured = runtime.config().defaultClient();
        return runtime.clients().stream().filter(c -> c.id().equals(configured.id())).findFirst().orElse(configured);
    }

    @Override
    public MockClient registerClient(MockClient client) {
        return runtime.registerClient(client);
    }

    @Override
    public MockClient registerClient(ClientRegistrationRequest request) {
        return runtime.registerClient(request);
    }

    @Override
    public List<MockClient> clients() {
        return runtime.clients();
    }

    @Override
    public MockClient updateClient(MockClient client) {
        return runtime.updateClient(client);
    }

    @Override
    public boolean removeClient(ClientId id) {
        return runtime.removeClient(id);
    }

    @Override
    public List<MockUser> users() {
        return runtime.users();
    }

    @Override
    public MockUser user(String idOrUsername) {
        return runtime.user(idOrUsername);
    }

    @Override
    public MockUser addUser(MockUser user) {
        return runtime.addUser(user);
    }

    @Override
    public void loginAs(String userIdOrUsername) {
        runtime.loginAs(userIdOrUsername);
    }

    @Override
    public void autoLogin(String userIdOrUsernameOrNull) {
        runtime.autoLogin(userIdOrUsernameOrNull);
    }

    @Override
    public TokenResponse issueTokens(String userIdOrUsername, ClientId clientIdOrNull, Scopes scopesOrNull) {
        return runtime.issueTokens(userIdOrUsername, clientIdOrNull, scopesOrNull);
    }

    @Override
    public void failNext(Endpoint endpoint, Fault fault) {
        runtime.failNext(endpoint, fault);
    }

    @Override
    public void delayNext(Endpoint endpoint, Duration delay) {
        runtime.delayNext(endpoint, delay);
    }

    @Override
    public void clearFaults() {
        runtime.clearFaults();
    }

    @Override
    public List<RecordedRequest> requests() {
        return runtime.requests();
    }

    @Override
    public Optional<RecordedRequest> pollRequest(Duration timeout) {
        return runtime.pollRequest(timeout);
    }

    @Override
    public void reset() {
        runtime.reset();
    }

    @Override
    public void advanceClock(Duration duration) {
        runtime.advanceClock(duration);
    }

    @Override
    public Clock clock() {
        return runtime.clock();
    }

    /** The current state, for this package's tests of the stores' bounds; not API. */
    MockState state() {
        return runtime.state();
    }

    @Override
    public String toString() {
        return "EkoolMockServer[" + (isRunning() ? base : "not started") + "]";
    }

    private URI requireStarted() {
        URI url = base;
        if (url == null) {
            throw new IllegalStateException("the eKool mock server has not been started; call start() first");
        }
        return url;
    }

    private static String advertisedHost(String host) {
        if (host.equals("0.0.0.0")) {
            return "127.0.0.1";
        }
        if (host.equals("::") || host.equals("[::]") || host.equals("::0")) {
            return "[::1]";
        }
        if (host.contains(":") && !host.startsWith("[")) {
            return "[" + host + "]";
        }
        return host;
    }

    /**
     * {@code url} without a trailing {@code /}, once it is checked to be an absolute http or https URL with a host
     * and no user information, query or fragment.
     *
     * @param url the URL to check
     * @return {@code url} without a trailing slash
     * @throws IllegalArgumentException naming the rule and the URL
     */
    public static URI checkedPublicUrl(URI url) {
        String rule = "publicUrl must be an absolute http or https URL with a host and no user information, query or"
                + " fragment, such as http://ekool-mock:8089; got ";
        String shown = "'" + Text.printable(url.toString(), 200) + "'";
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!url.isAbsolute() || !(scheme.equals("http") || scheme.equals("https"))) {
            throw new IllegalArgumentException(rule + shown + (url.isAbsolute() ? " (scheme '" + url.getScheme() + "')"
                    : " (not absolute)"));
        }
        if (url.getHost() == null || url.getRawUserInfo() != null) {
            throw new IllegalArgumentException(rule + shown + (url.getHost() == null ? " (no host)" : " (user information)"));
        }
        if (url.getRawQuery() != null || url.getRawFragment() != null) {
            throw new IllegalArgumentException(rule + shown + (url.getRawQuery() != null ? " (a query)" : " (a fragment)"));
        }
        String text = url.toString();
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        return URI.create(text);
    }

    /** Builds an {@link EkoolMockServer}; every setting is optional. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private URI publicUrl;
        private int port;
        private MockConfig config = MockConfig.defaults();
        private Path configFile;
        private String autoLogin;
        private MockConfig.PkcePolicy pkce;
        private Clock clock;
        private String adminToken;
        private Duration idleTimeout = Routes.DEFAULT_IDLE_TIMEOUT;

        private Builder() {
        }

        /**
         * How long a connection may stay silent (no request, or a request that stops arriving) before the server
         * closes it (default 30 seconds), so idle and slow clients cannot hold connections forever.
         *
         * @param timeout the idle timeout, positive
         * @return this builder
         * @throws IllegalArgumentException unless from 100 milliseconds to 1 hour
         */
        public Builder idleTimeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.toMillis() < 100 || timeout.compareTo(Duration.ofHours(1)) > 0) {
                throw new IllegalArgumentException("idleTimeout must be from 100 ms to 1 hour; got " + timeout);
            }
            this.idleTimeout = timeout;
            return this;
        }

        /**
         * The address to bind (default {@code 127.0.0.1}; {@code 0.0.0.0} exposes the mock to the network).
         *
         * @param host an IP address or host name to bind
         * @return this builder
         */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /**
         * The address clients reach the server at, when it differs from the bound one (a container, a proxy, a
         * host name): every advertised URL ({@link EkoolMockServer#loginUrl()}, the metadata document, the
         * playground) then uses it, while the server still binds {@link #host(String)} and its port.
         * {@code null} (the default) advertises {@code http://<host>:<bound port>}.
         *
         * @param url the absolute http or https URL clients use, or {@code null} for the bound address
         * @return this builder
         * @throws IllegalArgumentException unless an absolute http or https URL with a host and no user
         *                                  information, query or fragment (a trailing {@code /} is dropped)
         */
        public Builder publicUrl(URI url) {
            this.publicUrl = url == null ? null : checkedPublicUrl(url);
            return this;
        }

        /**
         * The port to bind, 0 (the default) for a random free port.
         *
         * @param port the TCP port (0-65535), 0 for a random free one
         * @return this builder
         */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0 to 65535; got " + port);
            }
            this.port = port;
            return this;
        }

        /**
         * The configuration (default {@link MockConfig#defaults()}); replaces an earlier {@link #configFile}.
         *
         * @param config the configuration, not {@code null}
         * @return this builder
         */
        public Builder config(MockConfig config) {
            this.config = Objects.requireNonNull(config, "config");
            this.configFile = null;
            return this;
        }

        /**
         * A YAML or JSON configuration file, read by {@link #build()}; replaces an earlier {@link #config}.
         *
         * @param file the path of a YAML or JSON configuration file
         * @return this builder
         */
        public Builder configFile(Path file) {
            this.configFile = Objects.requireNonNull(file, "file");
            return this;
        }

        /**
         * The user (id or username) every authorization logs in as without pages, or {@code null} (the default) for the
         * pages.
         *
         * @param userIdOrUsername a user's id or username, or {@code null} for the pages
         * @return this builder
         */
        public Builder autoLogin(String userIdOrUsername) {
            this.autoLogin = userIdOrUsername;
            return this;
        }

        /**
         * The PKCE policy (RFC 7636), overriding the configuration's {@code pkce}: {@code OPTIONAL} (the default),
         * {@code REQUIRED} (an authorization request without {@code code_challenge} is {@code invalid_request}) or
         * {@code S256} (required, and {@code plain} refused).
         *
         * @param policy the PKCE policy, not {@code null}
         * @return this builder
         */
        public Builder pkce(MockConfig.PkcePolicy policy) {
            this.pkce = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * The clock the server follows (default system UTC); {@link EkoolMockServer#advanceClock} adds to it.
         *
         * @param clock the clock to follow, such as a fixed clock for repeatable tests
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * A token the admin API then requires as {@code Authorization: Bearer <token>} from every caller, which
         * also lets non-loopback callers in; {@code null} (the default) allows loopback callers only.
         *
         * @param token the admin API token, or {@code null} for loopback callers only
         * @return this builder
         */
        public Builder adminToken(String token) {
            if (token != null && token.length() < 16) {
                throw new IllegalArgumentException("adminToken must be at least 16 characters; got " + token.length());
            }
            this.adminToken = token;
            return this;
        }

        /**
         * Builds the server (not started).
         *
         * @return the server, not yet started; call {@link #start()}
         * @throws dev.ekoolkit.mock.config.MockConfigException when the configuration file is unreadable or invalid
         * @throws IllegalArgumentException                     when the auto-login user does not exist
         */
        public EkoolMockServer build() {
            MockConfig effective = configFile != null ? MockConfigLoader.load(configFile) : config;
            return new EkoolMockServer(this, pkce == null ? effective : effective.withPkce(pkce));
        }
    }
}
