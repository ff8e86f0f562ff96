package dev.ekoolkit.mock.wiring;

import dev.ekoolkit.mock.admin.AdminApi;
import dev.ekoolkit.mock.admin.AdminGuard;
import dev.ekoolkit.mock.api.Endpoint;
import dev.ekoolkit.mock.authorize.AuthorizeEndpoint;
import dev.ekoolkit.mock.authorize.LoginHandlers;
import dev.ekoolkit.mock.discovery.Discovery;
import dev.ekoolkit.mock.internal.Json;
import dev.ekoolkit.mock.playground.Playground;
import dev.ekoolkit.mock.resource.UserBasicEndpoint;
import dev.ekoolkit.mock.runtime.Call.Style;
import dev.ekoolkit.mock.runtime.MockRuntime;
import dev.ekoolkit.mock.token.TokenEndpoint;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.HttpResponseException;
import org.eclipse.jetty.io.ByteBufferPool;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;

import java.time.Duration;

/**
 * The wiring: the mock's HTTP routes and server settings in one place. Every endpoint route runs through the
 * {@link Pipeline}; every error is answered by the {@link ErrorMapping}. The only package that knows every feature.
 */
public final class Routes {

    /** The largest request body accepted (413 above it). */
    public static final long MAX_BODY_BYTES = 64 * 1024;
    /** The largest request line plus headers accepted (431, or 414 for the request target, above it). */
    public static final int MAX_HEADER_BYTES = 8 * 1024;

    private Routes() {
    }

    /** How long a silent connection stays open unless the builder says otherwise. */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(30);

    /**
     * A buffer pool for the connectors of servers started while it is set, or {@code null} for none (see
     * {@link #serverSettings}). Set only by tests (through the test sources of this package), to run the server on
     * a pool that records buffers released twice or never (issue 13).
     */
    static volatile ByteBufferPool bufferPoolForTests;

    /**
     * Applies the mock's server settings to a Javalin configuration: no banner, the body and header size limits,
     * no ETags, 405 before 404, exact trailing slashes, the mock's error pages for what Jetty refuses before
     * routing, and one connector without buffer pooling on {@code host}:{@code port} whose silent connections close
     * after {@code idleTimeout}. The mock uses it, and so does the benchmark's HTTP-ceiling server, so that both run alike.
     *
     * @param c           the configuration to change
     * @param host        the address to bind
     * @param port        the port to bind (0: any free port)
     * @param idleTimeout how long a silent connection stays open
     */
    public static void serverSettings(JavalinConfig c, String host, int port, Duration idleTimeout) {
        c.startup.showJavalinBanner = false;
        c.startup.showOldJavalinVersionWarning = false;
        c.jetty.host = host;
        c.jetty.port = port;
        c.http.maxRequestSize = MAX_BODY_BYTES;
        c.http.generateEtags = false;
        c.http.prefer405over404 = true;
        c.router.ignoreTrailingSlashes = false;
        c.jetty.modifyHttpConfiguration(h -> {
            h.setRequestHeaderSize(MAX_HEADER_BYTES);
            // Jetty caches header fields per connection and by default matches a new field against the cache
            // ignoring case, handing back the cached value: a bearer token or Basic credential that differs
            // from an earlier one on the same connection only in letter case would arrive as the earlier one.
            h.setHeaderCacheCaseSensitive(true);
            // Heap buffers: without a pool (below) every connection allocates its own, and allocating direct
            // buffers per connection is slow and bounded by the direct-memory limit (the launcher's 128 MB).
            h.setUseInputDirectByteBuffers(false);
            h.setUseOutputDirectByteBuffers(false);
        });
        c.jetty.modifyServer(s -> s.setErrorHandler(new JettyErrors()));
        c.jetty.addConnector((server, http) -> {
            // No buffer pooling: Jetty 12.1.12 sometimes releases a connection's request buffer twice (seen after a
            // 431 refusal; docs/security.md, issue 13). From a pool, a buffer released twice can be lent to two
            // connections at once, and one connection's request bytes can then turn up in another's answer.
            ByteBufferPool pool = bufferPoolForTests != null ? bufferPoolForTests : ByteBufferPool.NON_POOLING;
            ServerConnector connector = new ServerConnector(server, null, null, pool, -1, -1, new HttpConnectionFactory(http));
            connector.setHost(host);
            connector.setPort(port);
            connector.setIdleTimeout(idleTimeout.toMillis());
            return connector;
        });
    }

    /**
     * A configured, not yet started Javalin app serving {@code rt}; silent connections close after {@code idleTimeout}.
     *
     * @param rt the runtime of the server to serve
     * @param host the address to bind, such as {@code 127.0.0.1}
     * @param port the TCP port to bind, 0 for a random free one
     * @param idleTimeout how long a connection may stay silent before it is closed
     * @return the Javalin app, not yet started
     */
    public static Javalin create(MockRuntime rt, String host, int port, Duration idleTimeout) {
        TokenEndpoint token = new TokenEndpoint(rt);
        UserBasicEndpoint userBasic = new UserBasicEndpoint(rt);
        LoginHandlers login = new LoginHandlers(rt);
        AuthorizeEndpoint authorize = new AuthorizeEndpoint(rt, login);
        Discovery discovery = new Discovery(rt);
        Playground playground = new Playground(rt);
        return Javalin.create(c -> {
            serverSettings(c, host, port, idleTimeout);

            c.routes.get(Endpoint.AUTHORIZE.path(), Pipeline.route(rt, Endpoint.AUTHORIZE, Style.HTML, authorize));
            c.routes.post(LoginHandlers.LOGIN_PATH, Pipeline.route(rt, Endpoint.LOGIN, Style.HTML, login::login));
            c.routes.post(LoginHandlers.CONFIRM_PATH, Pipeline.route(rt, Endpoint.LOGIN, Style.HTML, login::confirm));
            c.routes.post(LoginHandlers.CONSENT_PATH, Pipeline.route(rt, Endpoint.CONSENT, Style.HTML, login::consent));
            c.routes.post(Endpoint.TOKEN.path(), Pipeline.route(rt, Endpoint.TOKEN, Style.JSON, token::handle));
            c.routes.get(Endpoint.USER_BASIC.path(),
                    Pipeline.route(rt, Endpoint.USER_BASIC, Style.RESOURCE, userBasic::handle));
            c.routes.get(Endpoint.JWKS.path(), Pipeline.route(rt, Endpoint.JWKS, Style.JSON, discovery::jwks));
            c.routes.get(Endpoint.METADATA.path(), Pipeline.route(rt, Endpoint.METADATA, Style.JSON, discovery::metadata));
            c.routes.get(Endpoint.HEALTH.path(), Pipeline.route(rt, Endpoint.HEALTH, Style.JSON,
                    call -> call.json(200, Json.object("status", "UP"))));

            c.routes.get(Playground.PATH, playground::page);
            c.routes.post(Playground.START_PATH, playground::start);
            c.routes.get(Playground.CALLBACK_PATH, playground::callback);

            new AdminApi(rt, new AdminGuard(rt.adminToken(), rt::baseUrl)).register(c.routes);

            c.routes.error(404, ctx -> ErrorMapping.unmatched(ctx, 404));
            c.routes.error(405, ctx -> ErrorMapping.unmatched(ctx, 405));
            c.routes.error(413, ctx -> ErrorMapping.unmatched(ctx, 413));
            c.routes.after(ctx -> Pipeline.record(rt, ctx));
            c.routes.exception(Exception.class, ErrorMapping::fail);
            // Javalin answers its own HttpResponseExceptions (such as 413 for a body over maxRequestSize) in
            // plain text unless a handler names the type itself.
            c.routes.exception(HttpResponseException.class, ErrorMapping::fail);
        });
    }
}
