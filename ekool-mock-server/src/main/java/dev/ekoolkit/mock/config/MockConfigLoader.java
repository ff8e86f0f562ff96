package dev.ekoolkit.mock.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
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
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a {@link MockConfig} from a YAML ({@code .yaml}, {@code .yml}) or JSON file. Every top-level section
 * is optional and defaults to the embedded default's value; unknown fields are errors. Every error names the
 * file, the field (as a path such as {@code clients[0].client_secret}) and the rule, and never a secret.
 *
 * <pre>{@code
 * clients:
 *   - client_id: myAppClientId000000000000000000A
 *     client_secret: myAppClientSecret00000000000000000000000A
 *     name: My app
 *     redirect_uris: [http://localhost:8080/oauth2/callback]
 *     scopes: [users-basic]
 * users:
 *   - {id: "1", username: mari, password: secret, first_name: Mari, last_name: Maasikas,
 *      email: mari@example.com, personal_code: "61003150227", roles: [student]}
 * lifetimes: {access_token: 1h, refresh_token: 30d, authorization_code: 10m}
 * }</pre>
 */
public final class MockConfigLoader {

    private static final Set<String> TOP = Set.of("clients", "users", "scopes", "lifetimes", "signing_key",
            "signing_key_file", "limits");
    private static final Set<String> CLIENT = Set.of("client_id", "client_secret", "name", "redirect_uris", "scopes",
            "grants");
    private static final Set<String> USER = Set.of("id", "username", "password", "first_name", "last_name", "email",
            "personal_code", "roles", "child_ids");
    private static final Set<String> SCOPE = Set.of("name", "description");
    private static final Set<String> LIFETIMES = Set.of("access_token", "refresh_token", "authorization_code", "login");
    private static final Set<String> LIMITS = Set.of("pending_logins", "authorization_codes", "token_families",
            "recorded_requests");

    private MockConfigLoader() {
    }

    /**
     * Reads and validates a configuration file.
     *
     * @throws MockConfigException naming the file, the field and the rule
     */
    public static MockConfig load(Path file) {
        String name = file.toString();
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new MockConfigException(name, null, "the file does not exist");
        } catch (IOException e) {
            throw new MockConfigException(name, null, "the file cannot be read (" + e.getClass().getSimpleName()
                    + ": " + e.getMessage() + ")");
        }
        String lower = name.toLowerCase(Locale.ROOT);
        boolean json = lower.endsWith(".json") || (!lower.endsWith(".yaml") && !lower.endsWith(".yml")
                && text.stripLeading().startsWith("{"));
        return parse(text, name, json, file.toAbsolutePath().getParent());
    }

    /**
     * Reads a configuration from text.
     *
     * @param text    the YAML or JSON text
     * @param source  a name for messages, such as the file name
     * @param json    {@code true} for JSON, {@code false} for YAML
     * @param baseDir where {@code signing_key_file} is resolved, or {@code null} for the working directory
     * @throws MockConfigException naming the source, the field and the rule
     */
    public static MockConfig parse(String text, String source, boolean json, Path baseDir) {
        JsonNode root;
        try {
            root = (json ? new ObjectMapper() : new ObjectMapper(new YAMLFactory())).readTree(text);
        } catch (JacksonException e) {
            JsonLocation at = e.getLocation();
            throw new MockConfigException(source, null, "is not valid " + (json ? "JSON" : "YAML")
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")")
                    + ": " + e.getOriginalMessage());
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return MockConfig.defaults();
        }
        return new Reader(source, baseDir).config(root);
    }

    /**
     * A client from a JSON object in the configuration's format (used by the admin API too).
     *
     * @throws MockConfigException naming {@code source}, the field and the rule
     */
    public static MockClient client(JsonNode node, String source, String path) {
        return new Reader(source, null).client(node, path);
    }

    /**
     * A user from a JSON object in the configuration's format (used by the admin API too).
     *
     * @throws MockConfigException naming {@code source}, the field and the rule
     */
    public static MockUser user(JsonNode node, String source, String path) {
        return new Reader(source, null).user(node, path);
    }

    /**
     * A duration as the configuration writes it: ISO-8601 ({@code PT1H}), a number of seconds, or a number with
     * a unit {@code s}, {@code m}, {@code h} or {@code d} ({@code 30m}).
     *
     * @throws IllegalArgumentException naming the accepted forms
     */
    public static Duration duration(String text) {
        String t = text.trim();
        try {
            if (t.startsWith("P") || t.startsWith("p")) {
                return Duration.parse(t.toUpperCase(Locale.ROOT));
            }
            if (t.isEmpty()) {
                throw new NumberFormatException("empty");
            }
            char unit = t.charAt(t.length() - 1);
            if (Character.isDigit(unit)) {
                return Duration.ofSeconds(Long.parseLong(t));
            }
            long n = Long.parseLong(t.substring(0, t.length() - 1).trim());
            return switch (unit) {
                case 's' -> Duration.ofSeconds(n);
                case 'm' -> Duration.ofMinutes(n);
                case 'h' -> Duration.ofHours(n);
                case 'd' -> Duration.ofDays(n);
                default -> throw new NumberFormatException();
            };
        } catch (NumberFormatException | DateTimeParseException | ArithmeticException e) {
            throw new IllegalArgumentException("must be a duration such as 3600 (seconds), 30s, 10m, 1h, 30d or PT1H; got '"
                    + text + "'");
        }
    }

    /**
     * An RSA private key from a PKCS#8 PEM ({@code -----BEGIN PRIVATE KEY-----}) or a JWK JSON object.
     *
     * @throws IllegalArgumentException naming the accepted forms; never echoes key material
     */
    public static RSAKey rsaKey(String text) {
        String t = text.trim();
        if (t.startsWith("{")) {
            try {
                return RSAKey.parse(t);
            } catch (java.text.ParseException | RuntimeException e) {
                throw new IllegalArgumentException("must be an RSA private key as a JWK JSON object (kty RSA with d, p, q,"
                        + " ...) or a PKCS#8 PEM; the JWK could not be parsed");
            }
        }
        if (t.contains("BEGIN RSA PRIVATE KEY")) {
            throw new IllegalArgumentException("must be a PKCS#8 PEM ('BEGIN PRIVATE KEY'), not PKCS#1 ('BEGIN RSA"
                    + " PRIVATE KEY'); convert it with: openssl pkcs8 -topk8 -nocrypt -in key.pem -out key-pkcs8.pem");
        }
        if (!t.contains("-----BEGIN PRIVATE KEY-----") || !t.contains("-----END PRIVATE KEY-----")) {
            throw new IllegalArgumentException("must be an RSA private key as a PKCS#8 PEM ('-----BEGIN PRIVATE"
                    + " KEY-----') or a JWK JSON object");
        }
        String b64 = t.substring(t.indexOf("-----BEGIN PRIVATE KEY-----") + 27, t.indexOf("-----END PRIVATE KEY-----"))
                .replaceAll("\\s", "");
        try {
            KeyFactory kf = KeyFactory.getInstance("RSA");
            RSAPrivateCrtKey priv = (RSAPrivateCrtKey) kf.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(b64)));
            RSAPublicKey pub = (RSAPublicKey) kf.generatePublic(new RSAPublicKeySpec(priv.getModulus(), priv.getPublicExponent()));
            return new RSAKey.Builder(pub).privateKey(priv).build();
        } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
            throw new IllegalArgumentException("must be an RSA private key as a PKCS#8 PEM; the PEM does not hold"
                    + " an RSA private key (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** Walks the tree, keeping the field path for messages. */
    private static final class Reader {
        private final String source;
        private final Path baseDir;

        Reader(String source, Path baseDir) {
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
                key = build("signing_key", () -> rsaKey(k.isObject() ? k.toString() : text(k, "signing_key")));
            } else if (root.has("signing_key_file")) {
                String f = text(root.get("signing_key_file"), "signing_key_file");
                Path p = baseDir == null ? Path.of(f) : baseDir.resolve(f);
                String pem;
                try {
                    pem = Files.readString(p, StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw error("signing_key_file", "cannot read '" + p + "' (" + e.getClass().getSimpleName() + ")");
                }
                key = build("signing_key_file", () -> rsaKey(pem));
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
            return build("(root)", () -> new MockConfig(clients, users, scopes, lifetimes, signingKey, limits));
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
            return build(path, () -> duration(t));
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
}
