package dev.ekoolkit.mock.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.nimbusds.jose.jwk.RSAKey;
import dev.ekoolkit.core.client.RedirectUri;
import dev.ekoolkit.core.credentials.ClientId;
import dev.ekoolkit.core.credentials.ClientSecret;
import dev.ekoolkit.core.error.EkoolOAuthException;
import dev.ekoolkit.core.scope.Scope;
import dev.ekoolkit.core.scope.Scopes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Walks a configuration tree (parsed YAML or JSON), keeping the field path for messages: every field of the
 * file format is read and checked here; {@link MockConfigLoader} holds the entry points and the value parsers.
 */
final class ConfigTreeReader {

    private static final Set<String> TOP = Set.of("clients", "users", "scopes", "lifetimes", "signing_key",
            "signing_key_file", "limits", "pkce");
    private static final Set<String> CLIENT = Set.of("client_id", "client_secret", "name", "redirect_uris", "scopes",
            "grants");
    private static final Set<String> USER = Set.of("id", "username", "password", "first_name", "last_name", "email",
            "personal_code", "roles", "child_ids");
    private static final Set<String> SCOPE = Set.of("name", "description");
    private static final Set<String> LIFETIMES = Set.of("access_token", "refresh_token", "authorization_code", "login");
    private static final Set<String> LIMITS = Set.of("pending_logins", "authorization_codes", "token_families",
            "recorded_requests");

    private final String source;
    private final Path baseDir;

    ConfigTreeReader(String source, Path baseDir) {
        this.source = source;
        this.baseDir = baseDir;
    }

    MockConfig config(JsonNode root) {
        object(root, "(root)", TOP);
        MockConfig d = MockConfig.defaults();
        List<MockClient> clients = root.has("clients") ? list(root.get("clients"), "clients", this::client) : d.clients();
        List<MockUser> users = root.has("users") ? list(root.get("users"), "users", this::user) : d.users();
        List<MockConfig.ScopeDefinition> scopes = root.has("scopes") ? scopes(root.get("scopes")) : d.scopes();
        MockConfig.TokenLifetimes lifetimes = root.has("lifetimes") ? lifetimes(root.get("lifetimes")) : d.lifetimes();
        MockConfig.Limits limits = root.has("limits") ? limits(root.get("limits")) : d.limits();
        if (root.has("signing_key") && root.has("signing_key_file")) {
            throw error("signing_key_file", "give either signing_key or signing_key_file, not both");
        }
        RSAKey key = null;
        if (root.has("signing_key")) {
            JsonNode k = root.get("signing_key");
            key = build("signing_key", () -> MockConfigLoader.rsaKey(k.isObject() ? k.toString() : text(k, "signing_key")));
        } else if (root.has("signing_key_file")) {
            String f = text(root.get("signing_key_file"), "signing_key_file");
            Path p = baseDir == null ? Path.of(f) : baseDir.resolve(f);
            String pem;
            try {
                pem = Files.readString(p, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw error("signing_key_file", "cannot read '" + p + "' (" + e.getClass().getSimpleName() + ")");
            }
            key = build("signing_key_file", () -> MockConfigLoader.rsaKey(pem));
        }
        RSAKey signingKey = key;
        for (int i = 0; i < clients.size(); i++) {
            for (Scope s : clients.get(i).allowedScopes()) {
                if (scopes.stream().noneMatch(x -> x.scope().equals(s))) {
                    throw error("clients[" + i + "].scopes", "'" + s + "' is not one of the server's scopes "
                            + scopes.stream().map(x -> x.scope().value()).toList()
                            + " (define it under 'scopes')");
                }
            }
        }
        MockConfig.PkcePolicy pkce = root.has("pkce")
                ? build("pkce", () -> MockConfig.PkcePolicy.parse(text(root.get("pkce"), "pkce"))) : d.pkce();
        return build("(root)", () -> new MockConfig(clients, users, scopes, lifetimes, signingKey, limits, pkce));
    }

    MockClient client(JsonNode n, String path) {
        object(n, path, CLIENT);
        ClientId id = build(path + ".client_id", () -> ClientId.parse(required(n, path, "client_id")));
        ClientSecret secret = build(path + ".client_secret", () -> ClientSecret.parse(required(n, path, "client_secret")));
        String name = n.has("name") ? text(n.get("name"), path + ".name") : "client " + id;
        List<RedirectUri> uris = list(requiredNode(n, path, "redirect_uris"), path + ".redirect_uris",
                (x, p) -> build(p, () -> RedirectUri.parse(text(x, p))));
        Scopes scopes = n.has("scopes") ? scopeList(n.get("scopes"), path + ".scopes") : Scopes.of(Scope.USERS_BASIC);
        Set<MockClient.Grant> grants = MockClient.Grant.defaults();
        if (n.has("grants")) {
            List<MockClient.Grant> g = list(n.get("grants"), path + ".grants", (x, p) -> {
                String w = text(x, p);
                return MockClient.Grant.find(w).orElseThrow(() -> error(p, "must be one of authorization_code,"
                        + " refresh_token, client_credentials; got '" + w + "'"));
            });
            grants = g.isEmpty() ? Set.of() : EnumSet.copyOf(g);
        }
        Set<MockClient.Grant> allowed = grants;
        return build(path, () -> new MockClient(id, secret, name, uris, scopes, allowed));
    }

    MockUser user(JsonNode n, String path) {
        object(n, path, USER);
        JsonNode idNode = requiredNode(n, path, "id");
        String id = idNode.isIntegralNumber() ? idNode.asText() : text(idNode, path + ".id");
        String personalCode = n.hasNonNull("personal_code") ? text(n.get("personal_code"), path + ".personal_code") : null;
        List<MockUser.Role> roles = n.has("roles") ? list(n.get("roles"), path + ".roles", (x, p) -> {
            String w = text(x, p);
            return MockUser.Role.find(w).orElseThrow(() -> error(p, "must be one of student, parent, teacher; got '"
                    + w + "'"));
        }) : List.of();
        List<String> children = n.has("child_ids") ? list(n.get("child_ids"), path + ".child_ids",
                (x, p) -> x.isIntegralNumber() ? x.asText() : text(x, p)) : List.of();
        return build(path, () -> new MockUser(id, required(n, path, "username"), required(n, path, "password"),
                required(n, path, "first_name"), required(n, path, "last_name"), required(n, path, "email"),
                personalCode, roles, children));
    }

    private List<MockConfig.ScopeDefinition> scopes(JsonNode n) {
        if (n.isObject()) {
            List<MockConfig.ScopeDefinition> out = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String p = "scopes." + e.getKey();
                Scope s = build(p, () -> Scope.parse(e.getKey()));
                String desc = text(e.getValue(), p);
                out.add(build(p, () -> new MockConfig.ScopeDefinition(s, desc)));
            }
            return out;
        }
        return list(n, "scopes", (x, p) -> {
            object(x, p, SCOPE);
            Scope s = build(p + ".name", () -> Scope.parse(required(x, p, "name")));
            String desc = x.has("description") ? text(x.get("description"), p + ".description")
                    : dev.ekoolkit.core.scope.KnownScope.describe(s);
            return build(p, () -> new MockConfig.ScopeDefinition(s, desc));
        });
    }

    private MockConfig.TokenLifetimes lifetimes(JsonNode n) {
        object(n, "lifetimes", LIFETIMES);
        MockConfig.TokenLifetimes d = MockConfig.TokenLifetimes.defaults();
        Duration access = n.has("access_token") ? dur(n.get("access_token"), "lifetimes.access_token") : d.accessToken();
        Duration refresh = n.has("refresh_token") ? dur(n.get("refresh_token"), "lifetimes.refresh_token") : d.refreshToken();
        Duration code = n.has("authorization_code") ? dur(n.get("authorization_code"), "lifetimes.authorization_code")
                : d.authorizationCode();
        Duration login = n.has("login") ? dur(n.get("login"), "lifetimes.login") : d.login();
        return build("lifetimes", () -> new MockConfig.TokenLifetimes(access, refresh, code, login));
    }

    private MockConfig.Limits limits(JsonNode n) {
        object(n, "limits", LIMITS);
        MockConfig.Limits d = MockConfig.Limits.defaults();
        int pending = n.has("pending_logins") ? integer(n.get("pending_logins"), "limits.pending_logins") : d.pendingLogins();
        int codes = n.has("authorization_codes") ? integer(n.get("authorization_codes"), "limits.authorization_codes")
                : d.authorizationCodes();
        int families = n.has("token_families") ? integer(n.get("token_families"), "limits.token_families") : d.tokenFamilies();
        int journal = n.has("recorded_requests") ? integer(n.get("recorded_requests"), "limits.recorded_requests")
                : d.recordedRequests();
        return build("limits", () -> new MockConfig.Limits(pending, codes, families, journal));
    }

    private Duration dur(JsonNode n, String path) {
        if (n.isIntegralNumber()) {
            return Duration.ofSeconds(n.asLong());
        }
        String t = text(n, path);
        return build(path, () -> MockConfigLoader.duration(t));
    }

    private int integer(JsonNode n, String path) {
        if (!n.isIntegralNumber() || !n.canConvertToInt()) {
            throw error(path, "must be a whole number; got " + describe(n));
        }
        return n.asInt();
    }

    private Scopes scopeList(JsonNode n, String path) {
        if (n.isTextual()) {
            return build(path, () -> Scopes.parse(n.asText()));
        }
        List<Scope> l = list(n, path, (x, p) -> build(p, () -> Scope.parse(text(x, p))));
        return build(path, () -> Scopes.of(l));
    }

    private void object(JsonNode n, String path, Set<String> known) {
        if (n == null || !n.isObject()) {
            throw error(path.equals("(root)") ? null : path, "must be an object (key: value pairs); got " + describe(n));
        }
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!known.contains(f)) {
                throw error(path.equals("(root)") ? f : path + "." + f, "is not a known field; known fields are "
                        + new LinkedHashSet<>(known.stream().sorted().toList()));
            }
        }
    }

    private <T> List<T> list(JsonNode n, String path, java.util.function.BiFunction<JsonNode, String, T> each) {
        if (n == null || !n.isArray()) {
            throw error(path, "must be a list; got " + describe(n));
        }
        List<T> out = new ArrayList<>();
        for (int i = 0; i < n.size(); i++) {
            out.add(each.apply(n.get(i), path + "[" + i + "]"));
        }
        return out;
    }

    private String required(JsonNode n, String path, String field) {
        return text(requiredNode(n, path, field), path + "." + field);
    }

    private JsonNode requiredNode(JsonNode n, String path, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            throw error(path + "." + field, "is required");
        }
        return v;
    }

    private String text(JsonNode n, String path) {
        if (n == null || !n.isTextual()) {
            throw error(path, "must be text; got " + describe(n));
        }
        return n.asText();
    }

    private <T> T build(String path, java.util.function.Supplier<T> s) {
        try {
            return s.get();
        } catch (MockConfigException e) {
            throw e;
        } catch (EkoolOAuthException e) {
            throw error(path, e.errorDescription());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw error(path, String.valueOf(e.getMessage()));
        }
    }

    private MockConfigException error(String path, String rule) {
        return new MockConfigException(source, path, rule);
    }

    private static String describe(JsonNode n) {
        if (n == null || n.isMissingNode()) {
            return "nothing";
        }
        JsonNodeType t = n.getNodeType();
        return switch (t) {
            case ARRAY -> "a list";
            case OBJECT -> "an object";
            case NULL -> "null";
            case BOOLEAN -> "a boolean";
            case NUMBER -> "a number";
            case STRING -> "text";
            default -> t.name().toLowerCase(Locale.ROOT);
        };
    }
}
