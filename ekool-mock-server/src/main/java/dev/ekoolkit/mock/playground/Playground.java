package dev.ekoolkit.mock.playground;

import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import dev.ekoolkit.core.error.EkoolOAuthException;
import dev.ekoolkit.core.internal.ConstantTime;
import dev.ekoolkit.core.internal.Text;
import dev.ekoolkit.core.scope.Scopes;
import dev.ekoolkit.mock.api.Endpoint;
import dev.ekoolkit.mock.config.MockClient;
import dev.ekoolkit.mock.config.MockConfig;
import dev.ekoolkit.mock.internal.Html;
import dev.ekoolkit.mock.internal.Json;
import dev.ekoolkit.mock.internal.Params;
import dev.ekoolkit.mock.internal.Randoms;
import dev.ekoolkit.mock.runtime.MockRuntime;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The playground: a demo client served by the mock itself. {@code GET /playground} offers the clients whose
 * redirect URIs include the playground's callback, a scope and a PKCE method (S256, plain, none);
 * {@code POST /playground/start} remembers the login's state and PKCE verifier on the server, bound to the
 * browser by a cookie, and redirects to this server's own authorize endpoint (never anywhere else);
 * {@code GET /playground/callback} checks the state and the cookie, exchanges the code at the token endpoint,
 * calls {@code /user/me/basic} and shows every answer, the access token's decoded header and claims, and the
 * equivalent {@code curl} commands. The exchange and the call go over HTTP to the server's bound address, so
 * they are the real endpoints' answers and appear in the request journal.
 */
public final class Playground {

    /** The playground page. */
    public static final String PATH = "/playground";
    /** {@code POST} target of the playground's form: starts a login. */
    public static final String START_PATH = "/playground/start";
    /** The playground's callback, the redirect URI its logins use. */
    public static final String CALLBACK_PATH = MockConfig.PLAYGROUND_CALLBACK_PATH;
    /** The cookie that binds a playground login to the browser that started it. */
    static final String COOKIE = "ekool_playground";
    /** At most this many playground logins wait for their callback at once. */
    static final int MAX_STARTED = 200;

    private static final List<String> PKCE_METHODS = List.of("S256", "plain", "none");
    private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(10);

    private final MockRuntime rt;
    private final Map<String, Started> started = new ConcurrentHashMap<>();
    /**
     * Made by the first callback, not with the server: building an {@link HttpClient} initialises the JDK's
     * default TLS context, which parses every certificate of its trust store, and starts a selector thread; a
     * server that is never asked for the playground needs neither (docs/performance.md).
     */
    private HttpClient http;

    /** A login the playground started and waits for at its callback. */
    private record Started(String browser, String clientId, String scope, String pkceMethod, String verifier,
                           Instant expires) {
    }

    /**
     * The playground of one server.
     *
     * @param rt the runtime of the server the playground belongs to
     */
    public Playground(MockRuntime rt) {
        this.rt = rt;
    }

    private String callbackUrl() {
        return rt.baseUrl() + CALLBACK_PATH;
    }

    private List<MockClient> clients() {
        String callback = callbackUrl();
        return rt.state().clients().list().stream().filter(c -> c.hasRedirectUri(callback)).toList();
    }

    /**
     * {@code GET /playground}: the form that starts a login.
     *
     * @param ctx the Javalin request and response
     */
    public void page(Context ctx) {
        List<MockClient> clients = clients();
        StringBuilder b = new StringBuilder("<h1>eKool mock playground</h1><p>A demo client served by the mock: choose a"
                + " client, a scope and a PKCE method, log in, and see what an application gets back.</p>");
        if (clients.isEmpty()) {
            b.append("<p class=\"error\" id=\"playground-error\">No client has the playground's callback <code>")
                    .append(Html.escape(callbackUrl())).append("</code> as a redirect URI. The embedded demo client gets it"
                    + " when the server starts, unless the server's URL is http on a host other than localhost (then it is"
                    + " not a valid eKool redirect URI: use https or a loopback address).</p>");
            Html.send(ctx, 200, "Playground", b.toString());
            return;
        }
        b.append("<form method=\"post\" action=\"").append(START_PATH).append("\" id=\"start-form\">")
                .append("<label>Client <select name=\"client_id\" id=\"client\">");
        for (MockClient c : clients) {
            b.append("<option value=\"").append(Html.escape(c.id().value())).append("\">").append(Html.escape(c.name()))
                    .append(" (").append(Html.escape(c.id().value())).append(")</option>");
        }
        b.append("</select></label><label>Scope <input type=\"text\" name=\"scope\" id=\"scope\" value=\"")
                .append(Html.escape(clients.get(0).allowedScopes().format())).append("\"></label>")
                .append("<label>PKCE method <select name=\"pkce\" id=\"pkce\">");
        for (String m : PKCE_METHODS) {
            b.append("<option value=\"").append(m).append("\">").append(m).append("</option>");
        }
        b.append("</select></label><button type=\"submit\" id=\"start\">Log in with eKool (mock)</button></form>")
                .append("<p>After the login the browser comes back to <code>").append(Html.escape(callbackUrl()))
                .append("</code>.</p>");
        Html.send(ctx, 200, "Playground", b.toString());
    }

    /**
     * {@code POST /playground/start}: remembers state and verifier and redirects to this server's authorize endpoint.
     *
     * @param ctx the Javalin request and response
     */
    public void start(Context ctx) {
        Params form;
        try {
            if (!Params.mediaType(ctx.header("Content-Type")).equals("application/x-www-form-urlencoded")) {
                throw EkoolOAuthException.invalidRequest("the playground's form posts application/x-www-form-urlencoded");
            }
            form = Params.parse(ctx.bodyAsBytes(), "form body");
            // Reading each field once here turns a repeated one into a clear 400 before anything is used.
            form.get("client_id");
            form.get("scope");
            form.get("pkce");
        } catch (EkoolOAuthException e) {
            error(ctx, 400, e.errorDescription());
            return;
        }
        String clientId = Optional.ofNullable(form.get("client_id")).orElse("");
        Optional<MockClient> client = clients().stream().filter(c -> c.id().value().equals(clientId)).findFirst();
        if (client.isEmpty()) {
            error(ctx, 400, "client_id must be one of the clients the playground offers (those whose redirect URIs"
                    + " include " + callbackUrl() + "); got " + clientId.length() + " characters that are not one");
            return;
        }
        String pkce = Optional.ofNullable(form.get("pkce")).orElse("");
        if (!PKCE_METHODS.contains(pkce)) {
            error(ctx, 400, "pkce must be one of " + PKCE_METHODS + "; got '" + Text.printable(pkce, 20) + "'");
            return;
        }
        String scope;
        try {
            scope = Scopes.parse(Optional.ofNullable(form.get("scope")).orElse("")).format();
        } catch (EkoolOAuthException e) {
            error(ctx, 400, e.errorDescription());
            return;
        }
        Instant now = rt.now();
        started.values().removeIf(s -> !s.expires().isAfter(now));
        if (started.size() >= MAX_STARTED) {
            error(ctx, 503, "more than " + MAX_STARTED + " playground logins are waiting for their callback; finish one,"
                    + " or wait until they expire (" + rt.config().lifetimes().login().toMinutes() + " minutes)");
            return;
        }
        String browser = ctx.cookie(COOKIE);
        if (browser == null || !browser.matches("[A-Za-z0-9_-]{32}")) {
            browser = Randoms.token(24);
            ctx.res().addHeader("Set-Cookie", COOKIE + "=" + browser + "; Path=" + PATH + "; HttpOnly; SameSite=Lax"
                    + (rt.baseUrl().startsWith("https:") ? "; Secure" : ""));
        }
        String state = Randoms.token(24);
        String verifier = pkce.equals("none") ? null : Randoms.token(32);
        started.put(state, new Started(browser, clientId, scope, pkce, verifier, now.plus(rt.config().lifetimes().login())));
        StringBuilder target = new StringBuilder(rt.baseUrl()).append(Endpoint.AUTHORIZE.path())
                .append("?response_type=code&client_id=").append(encode(clientId))
                .append("&redirect_uri=").append(encode(callbackUrl()))
                .append("&scope=").append(encode(scope))
                .append("&state=").append(state);
        if (verifier != null) {
            CodeChallengeMethod method = CodeChallengeMethod.parse(pkce);
            target.append("&code_challenge=").append(CodeChallenge.compute(method, new CodeVerifier(verifier)).getValue())
                    .append("&code_challenge_method=").append(pkce);
        }
        ctx.header("Cache-Control", "no-store");
        ctx.redirect(target.toString(), HttpStatus.SEE_OTHER);
    }

    /**
     * {@code GET /playground/callback}: checks state and cookie, exchanges the code and shows every answer.
     *
     * @param ctx the Javalin request and response
     * @throws InterruptedException when the thread is interrupted while the playground calls this server's token
     *                              or {@code /user/me/basic} endpoint
     */
    public void callback(Context ctx) throws InterruptedException {
        Params query;
        String state;
        String code;
        String error;
        String description;
        try {
            query = Params.parse(ctx.queryString(), "query");
            state = query.get("state");
            code = query.get("code");
            error = query.get("error");
            description = query.get("error_description");
        } catch (EkoolOAuthException e) {
            error(ctx, 400, e.errorDescription());
            return;
        }
        if (state == null) {
            error(ctx, 400, "the callback has no state parameter; the playground sends one with every login and"
                    + " takes no callback without it (RFC 6749 section 10.12)");
            return;
        }
        Started login = started.get(state);
        String browser = Optional.ofNullable(ctx.cookie(COOKIE)).orElse("");
        if (login == null || !login.expires().isAfter(rt.now())) {
            error(ctx, 400, "state does not match a login this playground started (unknown, already used or expired after "
                    + rt.config().lifetimes().login().toMinutes() + " minutes; got " + state.length() + " characters)");
            return;
        }
        if (!ConstantTime.equals(login.browser(), browser)) {
            error(ctx, 400, "this login was started in another browser (the playground's cookie does not match), so"
                    + " the callback is refused (RFC 6749 section 10.12)");
            return;
        }
        if (!started.remove(state, login)) {
            error(ctx, 400, "state was already used by another callback");
            return;
        }
        if (error != null) {
            StringBuilder b = new StringBuilder("<h1 id=\"result\">The login ended with an error</h1>")
                    .append("<p>The authorization server sent the browser back with:</p><p class=\"error\" id=\"authorize-error\"><code>")
                    .append(Html.escape(error)).append("</code>");
            if (description != null) {
                b.append(": ").append(Html.escape(description));
            }
            b.append("</p><p>The state matched the login this playground started.</p>").append(again());
            Html.send(ctx, 200, "Playground: error", b.toString());
            return;
        }
        if (code == null) {
            error(ctx, 400, "the callback has neither code nor error (RFC 6749 section 4.1.2)");
            return;
        }
        Html.send(ctx, 200, "Playground: result", result(login, code));
    }

    private String result(Started login, String code) throws InterruptedException {
        MockClient client = rt.state().clients().list().stream()
                .filter(c -> c.id().value().equals(login.clientId())).findFirst().orElse(null);
        StringBuilder b = new StringBuilder();
        if (client == null) {
            return b.append("<h1 id=\"result\">The client was removed</h1><p class=\"error\">Client ")
                    .append(Html.escape(login.clientId())).append(" no longer exists, so the code cannot be exchanged.</p>")
                    .append(again()).toString();
        }
        StringBuilder form = new StringBuilder("grant_type=authorization_code&code=").append(encode(code))
                .append("&redirect_uri=").append(encode(callbackUrl()));
        if (login.verifier() != null) {
            form.append("&code_verifier=").append(encode(login.verifier()));
        }
        String basic = Base64.getEncoder().encodeToString((encode(client.id().value()) + ":" + encode(client.secret().value()))
                .getBytes(StandardCharsets.UTF_8));
        Answer token = send(HttpRequest.newBuilder(URI.create(rt.localUrl() + Endpoint.TOKEN.path()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Basic " + basic)
                .POST(HttpRequest.BodyPublishers.ofString(form.toString())));
        Optional<String> accessToken = token.status() == 200 ? field(token.body(), "access_token") : Optional.empty();
        Answer user = accessToken.isEmpty() ? null : send(HttpRequest.newBuilder(URI.create(rt.localUrl() + Endpoint.USER_BASIC.path()))
                .header("Authorization", "Bearer " + accessToken.get()).GET());

        boolean ok = user != null && user.status() == 200;
        b.append("<h1 id=\"result\">").append(ok ? "Logged in" : "The login did not complete").append("</h1>")
                .append("<p>Client <code>").append(Html.escape(client.id().value())).append("</code>, scope <code>")
                .append(Html.escape(login.scope())).append("</code>, PKCE <code>").append(Html.escape(login.pkceMethod()))
                .append("</code>. The state matched the login this playground started.</p>")
                .append("<h2>1. The authorization code</h2><pre id=\"code\">").append(Html.escape(code)).append("</pre>")
                .append("<h2>2. The token response (HTTP ").append(token.status()).append(")</h2><pre id=\"token-response\">")
                .append(Html.escape(pretty(token.body()))).append("</pre>");
        accessToken.ifPresent(t -> decoded(b, t));
        if (user != null) {
            b.append("<h2>3. <code>/user/me/basic</code> (HTTP ").append(user.status()).append(")</h2><pre id=\"user-basic\">")
                    .append(Html.escape(pretty(user.body()))).append("</pre>");
        }
        b.append("<h2>The same with curl</h2>");
        boolean demo = client.secret().matches(MockConfig.DEMO_CLIENT_SECRET);
        b.append(demo ? "<p class=\"mock\">The secret below is the mock's public demo secret, shown on purpose; it works"
                + " with this mock only.</p>" : "<p>Set <code>EKOOL_CLIENT_SECRET</code> to this client's secret (the"
                + " playground shows only the demo client's).</p>");
        b.append("<p>A code works once and the playground has used this one: log in again for a fresh code.</p>")
                .append("<pre id=\"curl-token\">").append(Html.escape(curlToken(client, demo, code, login.verifier())))
                .append("</pre><pre id=\"curl-user\">").append(Html.escape("curl -sS -H "
                        + quote("Authorization: Bearer " + accessToken.orElse("ACCESS_TOKEN")) + " "
                        + rt.baseUrl() + Endpoint.USER_BASIC.path())).append("</pre>")
                .append(again());
        return b.toString();
    }

    private void decoded(StringBuilder b, String accessToken) {
        try {
            SignedJWT jwt = SignedJWT.parse(accessToken);
            b.append("<h2>The access token, decoded</h2><p>Header:</p><pre id=\"token-header\">")
                    .append(Html.escape(pretty(Json.write(jwt.getHeader().toJSONObject())))).append("</pre><p>Claims:</p>")
                    .append("<pre id=\"token-claims\">").append(Html.escape(pretty(Json.write(jwt.getJWTClaimsSet().toJSONObject()))))
                    .append("</pre>");
        } catch (ParseException e) {
            b.append("<p id=\"token-header\">The access token is not a JWT: ").append(Html.escape(e.getMessage())).append("</p>");
        }
    }

    private String curlToken(MockClient client, boolean demo, String code, String verifier) {
        String user = demo ? quote(client.id().value() + ":" + client.secret().value())
                : "\"" + client.id().value() + ":$EKOOL_CLIENT_SECRET\"";
        return "curl -sS -u " + user + " \\\n  -d grant_type=authorization_code \\\n  --data-urlencode " + quote("code=" + code)
                + " \\\n  --data-urlencode " + quote("redirect_uri=" + callbackUrl())
                + (verifier == null ? "" : " \\\n  --data-urlencode " + quote("code_verifier=" + verifier))
                + " \\\n  " + rt.baseUrl() + Endpoint.TOKEN.path();
    }

    private static String again() {
        return "<p><a href=\"" + PATH + "\" id=\"again\">Start another login</a></p>";
    }

    private record Answer(int status, String body) {
    }

    /** Only playground callbacks call this, one per login in a browser: the lock costs nothing that matters. */
    private synchronized HttpClient http() {
        if (http == null) {
            http = HttpClient.newBuilder().connectTimeout(HTTP_TIMEOUT).followRedirects(HttpClient.Redirect.NEVER).build();
        }
        return http;
    }

    private Answer send(HttpRequest.Builder request) throws InterruptedException {
        try {
            HttpResponse<String> r = http().send(request.timeout(HTTP_TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.body());
        } catch (IOException e) {
            return new Answer(0, "the playground could not reach " + rt.localUrl() + ": " + e);
        }
    }

    private static Optional<String> field(String json, String name) {
        try {
            Object value = Json.mapper().readValue(json, Map.class).get(name);
            return value instanceof String s ? Optional.of(s) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String pretty(String json) {
        try {
            return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(Json.mapper().readValue(json, Object.class));
        } catch (IOException e) {
            return json;
        }
    }

    private static void error(Context ctx, int status, String message) {
        Html.send(ctx, status, "Playground: error", "<h1>Playground</h1><p class=\"error\" id=\"playground-error\">"
                + Html.escape(message) + "</p>" + again());
    }

    private static String quote(String value) {
        return "'" + value.replace("'", "'\\''") + "'";
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
