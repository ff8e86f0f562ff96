package dev.ekoolkit.mock.admin;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ekoolkit.core.client.ClientRegistrationRequest;
import dev.ekoolkit.core.client.RedirectUri;
import dev.ekoolkit.core.credentials.ClientId;
import dev.ekoolkit.core.error.EkoolOAuthException;
import dev.ekoolkit.core.internal.Text;
import dev.ekoolkit.core.scope.Scopes;
import dev.ekoolkit.mock.api.Endpoint;
import dev.ekoolkit.mock.api.Fault;
import dev.ekoolkit.mock.api.MockControl;
import dev.ekoolkit.mock.api.RecordedRequest;
import dev.ekoolkit.mock.api.TokenResponse;
import dev.ekoolkit.mock.config.MockClient;
import dev.ekoolkit.mock.config.MockConfigException;
import dev.ekoolkit.mock.config.MockConfigLoader;
import dev.ekoolkit.mock.config.MockUser;
import dev.ekoolkit.mock.internal.Json;
import dev.ekoolkit.mock.internal.Masked;
import dev.ekoolkit.mock.runtime.Call;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The mock-only admin JSON API under {@code /__admin/}: clients, users, login choice, faults, recorded
 * requests, tokens, clock and reset. Only loopback callers naming a loopback {@code Host} are served, unless the
 * server has an admin token, which every caller must then send as {@code Authorization: Bearer <token>}. Every
 * request other than GET must be {@code application/json} (even with an empty body), and requests a browser sends
 * from another origin ({@code Origin}, {@code Sec-Fetch-Site}) are refused: no web page can drive it (CSRF).
 */
public final class AdminApi {

    /** The path prefix. */
    public static final String BASE = "/__admin";

    private final MockControl control;
    private final AdminGuard guard;

    /**
     * The admin API of one server: HTTP mapped onto {@code control}, every request checked by {@code guard}.
     *
     * @param control the server control the requests are mapped onto
     * @param guard the guard that checks every request
     */
    public AdminApi(MockControl control, AdminGuard guard) {
        this.control = control;
        this.guard = guard;
    }

    /**
     * Declares the routes.
     *
     * @param routes the Javalin routes configuration to declare the admin routes in
     */
    public void register(RoutesConfig routes) {
        register(new Routes(routes));
    }

    /** Route declaration that turns argument errors of admin operations into 400 {@code invalid_request}. */
    private record Routes(RoutesConfig routes) {
        void before(String path, Handler h) {
            routes.before(path, h);
        }

        void get(String path, Handler h) {
            routes.get(path, wrap(h));
        }

        void post(String path, Handler h) {
            routes.post(path, wrap(h));
        }

        void put(String path, Handler h) {
            routes.put(path, wrap(h));
        }

        void delete(String path, Handler h) {
            routes.delete(path, wrap(h));
        }

        private static Handler wrap(Handler h) {
            return ctx -> {
                try {
                    h.handle(ctx);
                } catch (IllegalArgumentException | IllegalStateException | MockConfigException e) {
                    throw EkoolOAuthException.invalidRequest(String.valueOf(e.getMessage()));
                } catch (EkoolOAuthException e) {
                    if (e.httpStatus() == 401 && !EkoolOAuthException.INVALID_TOKEN.equals(e.error())) {
                        throw EkoolOAuthException.invalidRequest(e.errorDescription());
                    }
                    throw e;
                }
            };
        }
    }

    private void register(Routes routes) {
        routes.before(BASE, this::check);
        routes.before(BASE + "/*", this::check);
        routes.get(BASE, ctx -> json(ctx, 200, index()));
        routes.get(BASE + "/clients", ctx -> json(ctx, 200, control.clients().stream().map(AdminApi::client).toList()));
        routes.post(BASE + "/clients", this::registerClient);
        routes.put(BASE + "/clients/{clientId}", this::updateClient);
        routes.delete(BASE + "/clients/{clientId}", this::removeClient);
        routes.get(BASE + "/users", ctx -> json(ctx, 200, control.users().stream().map(AdminApi::user).toList()));
        routes.get(BASE + "/users/{user}", ctx -> json(ctx, 200, user(control.user(ctx.pathParam("user")))));
        routes.post(BASE + "/users", this::addUser);
        routes.post(BASE + "/login-as", ctx -> {
            control.loginAs(requiredText(body(ctx), "user"));
            ctx.status(204);
        });
        routes.post(BASE + "/auto-login", ctx -> {
            JsonNode b = body(ctx);
            JsonNode u = b.get("user");
            control.autoLogin(u == null || u.isNull() ? null : requiredText(b, "user"));
            ctx.status(204);
        });
        routes.post(BASE + "/faults", this::queueFault);
        routes.delete(BASE + "/faults", ctx -> {
            control.clearFaults();
            ctx.status(204);
        });
        routes.get(BASE + "/requests", ctx -> json(ctx, 200, control.requests().stream().map(AdminApi::request).toList()));
        routes.post(BASE + "/tokens", this::issueTokens);
        routes.get(BASE + "/clock", ctx -> json(ctx, 200, Json.object("now", control.clock().instant().toString())));
        routes.post(BASE + "/clock", this::advanceClock);
        routes.post(BASE + "/reset", ctx -> {
            control.reset();
            ctx.status(204);
        });
    }

    private Map<String, Object> index() {
        return Json.object("endpoints", List.of(
                "GET /__admin/clients", "POST /__admin/clients", "PUT /__admin/clients/{client_id}",
                "DELETE /__admin/clients/{client_id}", "GET /__admin/users", "GET /__admin/users/{user}",
                "POST /__admin/users", "POST /__admin/login-as", "POST /__admin/auto-login", "POST /__admin/faults",
                "DELETE /__admin/faults", "GET /__admin/requests", "POST /__admin/tokens", "GET /__admin/clock",
                "POST /__admin/clock", "POST /__admin/reset"));
    }

    private void registerClient(Context ctx) {
        JsonNode b = body(ctx);
        MockClient client = b.has("client_id") || b.has("client_secret")
                ? control.registerClient(MockConfigLoader.client(b, "admin request", "body"))
                : control.registerClient(registration(b));
        json(ctx, 201, withSecret(client));
    }

    private void updateClient(Context ctx) {
        MockClient client = MockConfigLoader.client(body(ctx), "admin request", "body");
        String id = ctx.pathParam("clientId");
        if (!client.id().value().equals(id)) {
            throw EkoolOAuthException.invalidRequest("client_id in the body (" + shown(client.id().value())
                    + ") must be the one in the path (" + shown(id) + ")");
        }
        control.updateClient(client);
        json(ctx, 200, client(client));
    }

    private static ClientRegistrationRequest registration(JsonNode b) {
        Set<String> known = Set.of("organisation", "first_name", "surname", "email_address", "phone", "purpose",
                "redirect_uris", "redirect_uri", "scopes");
        for (Iterator<String> it = b.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!known.contains(f)) {
                throw EkoolOAuthException.invalidRequest("'" + Text.printable(f, 40) + "' is not a field of a"
                        + " registration request; fields: " + known.stream().sorted().toList()
                        + " (or client_id, client_secret, name, redirect_uris, scopes, grants for explicit credentials)");
            }
        }
        ClientRegistrationRequest.Builder r = ClientRegistrationRequest.builder()
                .organisation(optText(b, "organisation")).firstName(optText(b, "first_name"))
                .surname(optText(b, "surname")).emailAddress(optText(b, "email_address"))
                .phone(optText(b, "phone")).purpose(optText(b, "purpose"));
        List<String> uris = new ArrayList<>();
        if (b.has("redirect_uri")) {
            uris.add(optText(b, "redirect_uri"));
        }
        if (b.has("redirect_uris")) {
            b.get("redirect_uris").forEach(n -> uris.add(n.asText()));
        }
        uris.forEach(r::redirectUri);
        JsonNode scopes = b.get("scopes");
        if (scopes != null) {
            if (scopes.isArray()) {
                List<String> s = new ArrayList<>();
                scopes.forEach(n -> s.add(n.asText()));
                r.scopes(String.join(" ", s));
            } else {
                r.scopes(scopes.asText());
            }
        }
        return r.build();
    }

    /** A client id as the admin API may repeat it: readable if registered, else only its length and kinds of characters. */
    private String shown(String id) {
        return Masked.clientId(id, control.clients().stream().anyMatch(c -> c.id().value().equals(id)));
    }

    private void removeClient(Context ctx) {
        String id = ctx.pathParam("clientId");
        boolean removed = !dev.ekoolkit.core.credentials.CredentialFormat.checkClientId(id).isEmpty() ? false
                : control.removeClient(ClientId.of(id));
        if (!removed) {
            json(ctx, 404, Json.object("error", "invalid_request", "error_description",
                    "no client has the id " + Masked.unregisteredClientId(id), "message", "Not Found"));
            return;
        }
        ctx.status(204);
    }

    private void addUser(Context ctx) {
        MockUser user = MockConfigLoader.user(body(ctx), "admin request", "body");
        control.addUser(user);
        json(ctx, 201, user(user));
    }

    private void queueFault(Context ctx) {
        JsonNode b = body(ctx);
        Endpoint endpoint = Endpoint.find(requiredText(b, "endpoint")).orElseThrow(() -> EkoolOAuthException.invalidRequest(
                "endpoint must be one of " + java.util.Arrays.stream(Endpoint.values()).map(Endpoint::wire).toList()));
        if (b.has("delay_ms")) {
            control.delayNext(endpoint, Duration.ofMillis(b.get("delay_ms").asLong()));
        }
        int times = b.has("times") ? b.get("times").asInt() : 1;
        Fault fault = null;
        if (b.hasNonNull("error")) {
            String description = b.hasNonNull("error_description") ? b.get("error_description").asText() : null;
            fault = b.has("status") ? Fault.oauthError(b.get("error").asText(), description, status(b))
                    : Fault.oauthError(b.get("error").asText(), description);
        } else if (b.has("status")) {
            fault = Fault.httpStatus(status(b));
        } else if (!b.has("delay_ms")) {
            throw EkoolOAuthException.invalidRequest("a fault needs 'error' (an OAuth error code, optional"
                    + " error_description and status), 'status' (a bare HTTP status) or 'delay_ms'");
        }
        if (fault != null) {
            control.failNext(endpoint, fault.times(times));
        }
        ctx.status(204);
    }

    private static int status(JsonNode b) {
        JsonNode n = b.get("status");
        if (!n.isInt()) {
            throw EkoolOAuthException.invalidRequest("status must be an HTTP status code (a whole number); got "
                    + Text.printable(n.toString(), 40));
        }
        return n.asInt();
    }

    private void issueTokens(Context ctx) {
        JsonNode b = body(ctx);
        String user = requiredText(b, "user");
        ClientId clientId = b.hasNonNull("client_id") ? ClientId.parse(b.get("client_id").asText()) : null;
        Scopes scopes = b.hasNonNull("scopes") ? Scopes.parse(b.get("scopes").isArray()
                ? String.join(" ", toStrings(b.get("scopes"))) : b.get("scopes").asText()) : null;
        TokenResponse t = control.issueTokens(user, clientId, scopes);
        json(ctx, 200, t.toWire());
    }

    private void advanceClock(Context ctx) {
        JsonNode b = body(ctx);
        Duration d = MockConfigLoader.duration(requiredText(b, "advance"));
        control.advanceClock(d);
        json(ctx, 200, Json.object("now", control.clock().instant().toString()));
    }

    private void check(Context ctx) {
        Call.claim(ctx, Call.Style.JSON, control.clock().instant());
        guard.check(ctx);
    }

    private static void json(Context ctx, int status, Object body) {
        Call.of(ctx).ifPresent(Call::answered);
        Json.send(ctx, status, body);
    }

    private static JsonNode body(Context ctx) {
        byte[] raw = ctx.bodyAsBytes();
        if (raw.length == 0) {
            return Json.mapper().createObjectNode();
        }
        try {
            JsonNode n = Json.mapper().readTree(raw);
            if (n == null || !n.isObject()) {
                throw EkoolOAuthException.invalidRequest("the body must be a JSON object");
            }
            return n;
        } catch (JacksonException e) {
            throw EkoolOAuthException.invalidRequest("the body is not valid JSON: " + Text.printable(e.getOriginalMessage(), 200));
        } catch (java.io.IOException e) {
            throw EkoolOAuthException.invalidRequest("the body cannot be read");
        }
    }

    private static String requiredText(JsonNode b, String field) {
        JsonNode n = b.get(field);
        if (n == null || !n.isTextual() || n.asText().isEmpty()) {
            throw EkoolOAuthException.invalidRequest("'" + field + "' is required and must be text");
        }
        return n.asText();
    }

    private static String optText(JsonNode b, String field) {
        JsonNode n = b.get(field);
        return n == null || n.isNull() ? null : n.asText();
    }

    private static List<String> toStrings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    /** A client without its secret. */
    static Map<String, Object> client(MockClient c) {
        return Json.object("client_id", c.id().value(), "name", c.name(),
                "redirect_uris", c.redirectUris().stream().map(RedirectUri::value).toList(),
                "scopes", c.allowedScopes().asStrings(),
                "grants", c.allowedGrants().stream().map(MockClient.Grant::wire).toList());
    }

    private static Map<String, Object> withSecret(MockClient c) {
        Map<String, Object> m = Json.object("client_id", c.id().value(), "client_secret", c.secret().value());
        m.putAll(client(c));
        return m;
    }

    /** A user without password or personal code. */
    static Map<String, Object> user(MockUser u) {
        return Json.object("id", u.id(), "username", u.username(), "first_name", u.firstName(),
                "last_name", u.lastName(), "email", u.email(), "has_personal_code", u.personalCode() != null,
                "roles", u.roles().stream().map(MockUser.Role::wire).toList(), "child_ids", u.childIds());
    }

    static Map<String, Object> request(RecordedRequest r) {
        return Json.object("time", r.time().toString(), "endpoint", r.endpoint().wire(), "method", r.method(),
                "path", r.path(), "grant_type", r.grantType(), "client_id", r.clientId(),
                "auth_method", r.authMethod().name().toLowerCase(java.util.Locale.ROOT), "params", r.params(),
                "headers", r.headers(), "status", r.status());
    }
}
