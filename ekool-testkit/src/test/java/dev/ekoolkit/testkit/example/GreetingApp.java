package dev.ekoolkit.testkit.example;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.ekoolkit.core.client.RedirectUri;
import dev.ekoolkit.core.credentials.ClientCredentials;
import dev.ekoolkit.core.environment.EkoolEnvironment;
import dev.ekoolkit.core.error.EkoolOAuthException;
import dev.ekoolkit.core.flow.AuthorizationErrorException;
import dev.ekoolkit.core.flow.ClientAuthentication;
import dev.ekoolkit.core.flow.EkoolOAuthClient;
import dev.ekoolkit.core.flow.EkoolUser;
import dev.ekoolkit.core.flow.PendingAuthorization;
import dev.ekoolkit.core.flow.TokenSet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The application under test of the testkit's own tests: a tiny web app that signs a user in with eKool through
 * ekool-core's {@link EkoolOAuthClient} and greets them. {@code GET /login} redirects to eKool's authorize endpoint;
 * {@code GET /callback} exchanges the code, fetches the basic profile and answers {@code Hello, <firstName>}, or
 * {@code Sign-in failed: <error>} (502) / {@code Sign-in cancelled: <error>} (403).
 *
 * <p>Like a Spring or Quarkus app, it reads its eKool settings from properties: {@code ekool.login-url},
 * {@code ekool.api-url}, {@code ekool.client-id}, {@code ekool.client-secret}, and optionally
 * {@code ekool.client-auth} ({@code basic} or {@code post}); its redirect URI is its own {@code /callback}.
 */
public final class GreetingApp implements AutoCloseable {

    private final HttpServer http;
    private final ExecutorService executor;
    private final EkoolOAuthClient ekool;
    private final Map<String, PendingAuthorization> pending = new ConcurrentHashMap<>();

    private GreetingApp(Map<String, String> settings) {
        try {
            http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ekool = EkoolOAuthClient.builder()
                .environment(EkoolEnvironment.custom(required(settings, "ekool.login-url"), required(settings, "ekool.api-url")))
                .credentials(ClientCredentials.parse(required(settings, "ekool.client-id"), required(settings, "ekool.client-secret")))
                .redirectUri(RedirectUri.parse(callbackUri().toString()))
                .clientAuthentication("basic".equals(settings.get("ekool.client-auth"))
                        ? ClientAuthentication.CLIENT_SECRET_BASIC : ClientAuthentication.CLIENT_SECRET_POST)
                .build();
        http.createContext("/login", this::login);
        http.createContext("/callback", this::callback);
        executor = Executors.newFixedThreadPool(4);
        http.setExecutor(executor);
        http.start();
    }

    /** Starts the app with these settings. */
    public static GreetingApp start(Map<String, String> settings) {
        return new GreetingApp(settings);
    }

    /** Starts the app with its settings from system properties, as a framework would read them. */
    public static GreetingApp startFromSystemProperties() {
        Map<String, String> settings = new ConcurrentHashMap<>();
        for (String name : new String[]{"ekool.login-url", "ekool.api-url", "ekool.client-id", "ekool.client-secret",
                "ekool.client-auth"}) {
            String value = System.getProperty(name);
            if (value != null) {
                settings.put(name, value);
            }
        }
        return new GreetingApp(settings);
    }

    /** The page that starts a sign-in. */
    public URI loginUrl() {
        return base().resolve("/login");
    }

    /** The redirect URI this app registers with eKool. */
    public URI callbackUri() {
        return base().resolve("/callback");
    }

    @Override
    public void close() {
        http.stop(0);
        executor.shutdownNow();
    }

    private URI base() {
        return URI.create("http://127.0.0.1:" + http.getAddress().getPort());
    }

    private void login(HttpExchange exchange) throws IOException {
        PendingAuthorization authorization = ekool.startAuthorization();
        pending.put(authorization.state(), authorization);
        exchange.getResponseHeaders().set("Location", authorization.authorizationUri().toString());
        respond(exchange, 302, "");
    }

    private void callback(HttpExchange exchange) throws IOException {
        URI uri = exchange.getRequestURI();
        String state = queryParam(uri, "state");
        PendingAuthorization authorization = state == null ? null : pending.remove(state);
        if (authorization == null) {
            respond(exchange, 400, "Unknown or expired sign-in; please start again.");
            return;
        }
        try {
            TokenSet tokens = ekool.completeAuthorization(authorization, uri);
            EkoolUser user = ekool.fetchBasicProfile(tokens);
            respond(exchange, 200, "Hello, " + user.firstName());
        } catch (AuthorizationErrorException e) {
            respond(exchange, 403, "Sign-in cancelled: " + e.error());
        } catch (EkoolOAuthException e) {
            respond(exchange, 502, "Sign-in failed: " + e.error());
        }
    }

    private static String queryParam(URI uri, String name) {
        String query = uri.getRawQuery();
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                return java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    private static String required(Map<String, String> settings, String name) {
        return Objects.requireNonNull(settings.get(name), () -> "setting " + name + " is missing");
    }
}
