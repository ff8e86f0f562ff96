package dev.ekoolkit.mock.config;

import com.nimbusds.jose.jwk.RSAKey;
import dev.ekoolkit.core.client.RedirectUri;
import dev.ekoolkit.core.credentials.ClientId;
import dev.ekoolkit.core.credentials.ClientSecret;
import dev.ekoolkit.core.internal.Text;
import dev.ekoolkit.core.scope.KnownScope;
import dev.ekoolkit.core.scope.Scope;
import dev.ekoolkit.core.scope.Scopes;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The mock's whole configuration, one immutable tree: clients, users, the scopes the server knows, token
 * lifetimes, the optional fixed signing key and the bounds of its stores. {@link #defaults()} is the
 * embedded default that needs no file; {@link MockConfigLoader} reads the same tree from YAML or JSON.
 * {@code EkoolMockServer.reset()} rebuilds all state from this record.
 *
 * <p>Over 400 lines because most of them are documentation: every public method carries its Javadoc
 * (parameters, result, what it throws). The code itself stays under the 400 code lines per class that
 * {@code ClassSizeTest} enforces (docs/architecture.md, "Class sizes").
 *
 * @param clients    the clients, in order; the first is the default client; at least one
 * @param users      the users, in order
 * @param scopes     the scopes the server knows, with the description its consent page shows; at least one
 * @param lifetimes  how long codes and tokens live
 * @param signingKey a fixed RSA signing key (with its private part) for reproducible tokens, or {@code null}
 *                   to use a key generated once per JVM
 * @param limits     the bounds of everything a client can make the server store
 * @param pkce       when the authorization request must carry a PKCE {@code code_challenge} (RFC 7636)
 */
public record MockConfig(List<MockClient> clients, List<MockUser> users, List<ScopeDefinition> scopes,
                         TokenLifetimes lifetimes, RSAKey signingKey, Limits limits, PkcePolicy pkce) {

    /** The demo client's id: 32 letters and digits that are obviously not a real eKool id. */
    public static final String DEMO_CLIENT_ID = "demoEkoolMockClientId00000000000";
    /** The demo client's secret: 40 letters and digits, public on purpose; never use it outside the mock. */
    public static final String DEMO_CLIENT_SECRET = "demoEkoolMockClientSecret000000000000000";
    /** The demo client's first redirect URI. */
    public static final String DEMO_REDIRECT_URI = "http://localhost:8080/oauth2/callback";
    /** The demo client's second redirect URI, the same callback on the IPv4 loopback address. */
    public static final String DEMO_REDIRECT_URI_IPV4 = "http://127.0.0.1:8080/oauth2/callback";
    /**
     * The path of the playground's callback; a started server adds {@code <its URL>} + this path to the demo
     * client's redirect URIs, so the playground at {@code /playground} can log in with the demo client.
     */
    public static final String PLAYGROUND_CALLBACK_PATH = "/playground/callback";

    /**
     * A scope the server knows and the sentence its consent page shows for it.
     *
     * @param scope       the scope token
     * @param description what it gives access to
     */
    public record ScopeDefinition(Scope scope, String description) {
        /**
         * Requires both parts and a non-blank description.
         *
         * @param scope the scope token
         * @param description what it gives access to
         */
        public ScopeDefinition {
            Objects.requireNonNull(scope, "scope");
            Objects.requireNonNull(description, "description");
            if (description.isBlank()) {
                throw new IllegalArgumentException("description of scope '" + scope + "' must not be blank");
            }
        }

        /**
         * The definition of a scope from ekool-core's catalogue.
         *
         * @param known a scope from ekool-core's catalogue
         * @return the scope with ekool-core's description of it
         */
        public static ScopeDefinition of(KnownScope known) {
            return new ScopeDefinition(known.scope(), known.description());
        }
    }

    /**
     * How long things live.
     *
     * @param accessToken       access token lifetime, the {@code expires_in} (default 1 hour, eKool's likely value)
     * @param refreshToken      refresh token lifetime, renewed on each rotation (default 30 days)
     * @param authorizationCode authorization code lifetime (default 10 minutes, RFC 6749 §4.1.2)
     * @param login             how long a started login (login and consent pages) may take (default 10 minutes)
     */
    public record TokenLifetimes(Duration accessToken, Duration refreshToken, Duration authorizationCode, Duration login) {
        /**
         * Requires positive durations of at least one second.
         *
         * @param accessToken access token lifetime, the {@code expires_in} (default 1 hour, eKool's likely value)
         * @param refreshToken refresh token lifetime, renewed on each rotation (default 30 days)
         * @param authorizationCode authorization code lifetime (default 10 minutes, RFC 6749 §4.1.2)
         * @param login how long a started login (login and consent pages) may take (default 10 minutes)
         */
        public TokenLifetimes {
            requirePositive("accessToken", accessToken);
            requirePositive("refreshToken", refreshToken);
            requirePositive("authorizationCode", authorizationCode);
            requirePositive("login", login);
        }

        /**
         * 1 hour, 30 days, 10 minutes, 10 minutes.
         *
         * @return the default lifetimes
         */
        public static TokenLifetimes defaults() {
            return new TokenLifetimes(Duration.ofHours(1), Duration.ofDays(30), Duration.ofMinutes(10), Duration.ofMinutes(10));
        }

        /**
         * These lifetimes with another access token lifetime.
         *
         * @param d the access token lifetime, at least one second
         * @return a copy with that lifetime; this instance is unchanged
         */
        public TokenLifetimes withAccessToken(Duration d) {
            return new TokenLifetimes(d, refreshToken, authorizationCode, login);
        }

        /**
         * These lifetimes with another refresh token lifetime.
         *
         * @param d the refresh token lifetime, at least one second
         * @return a copy with that lifetime; this instance is unchanged
         */
        public TokenLifetimes withRefreshToken(Duration d) {
            return new TokenLifetimes(accessToken, d, authorizationCode, login);
        }

        /**
         * These lifetimes with another authorization code lifetime.
         *
         * @param d the authorization code lifetime, at least one second
         * @return a copy with that lifetime; this instance is unchanged
         */
        public TokenLifetimes withAuthorizationCode(Duration d) {
            return new TokenLifetimes(accessToken, refreshToken, d, login);
        }

        private static void requirePositive(String field, Duration d) {
            Objects.requireNonNull(d, field);
            if (d.compareTo(Duration.ofSeconds(1)) < 0) {
                throw new IllegalArgumentException(field + " lifetime must be at least 1 second; got " + d);
            }
        }
    }

    /**
     * The PKCE policy (RFC 7636): whether an authorization request must carry a {@code code_challenge}, and
     * whether the {@code plain} method is accepted. In YAML and JSON the key {@code pkce} with the value
     * {@link #wire()}; on the command line {@code --pkce}.
     */
    public enum PkcePolicy {
        /** PKCE is optional; {@code S256} and {@code plain} are both accepted (the default). */
        OPTIONAL,
        /** Every authorization request must carry a {@code code_challenge}; {@code S256} and {@code plain} are accepted. */
        REQUIRED,
        /** Every authorization request must carry a {@code code_challenge} with the method {@code S256}. */
        S256;

        /**
         * The name in configuration files and on the command line: {@code optional}, {@code required} or {@code s256}.
         *
         * @return the policy's name: {@code optional}, {@code required} or {@code s256}
         */
        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }

        /**
         * {@code true} unless PKCE is optional.
         *
         * @return {@code true} when an authorization request without a {@code code_challenge} is refused
         */
        public boolean requiresChallenge() {
            return this != OPTIONAL;
        }

        /**
         * The policy with this {@linkplain #wire() name}.
         *
         * @param value a policy name as {@link #wire()} gives it, matched exactly (lower case)
         * @return the policy with that name
         * @throws IllegalArgumentException naming the accepted values and what was received
         */
        public static PkcePolicy parse(String value) {
            for (PkcePolicy p : values()) {
                if (p.wire().equals(value)) {
                    return p;
                }
            }
            throw new IllegalArgumentException("pkce must be one of optional, required, s256; got "
                    + (value == null ? "nothing" : "'" + Text.printable(value, 40) + "'"));
        }
    }

    /**
     * Upper bounds of the stores a client can fill; when one is full the oldest entry is dropped.
     *
     * @param pendingLogins      logins started at {@code /oauth/authorize} and not finished (default 10 000)
     * @param authorizationCodes codes issued and not expired, used ones included for reuse detection (default 10 000)
     * @param tokenFamilies      token families (one access and one refresh token each) (default 10 000)
     * @param recordedRequests   requests kept in the journal; 0 turns recording off (default 1 000)
     */
    public record Limits(int pendingLogins, int authorizationCodes, int tokenFamilies, int recordedRequests) {
        /**
         * Requires positive bounds (the journal may be 0).
         *
         * @param pendingLogins logins started at {@code /oauth/authorize} and not finished (default 10 000)
         * @param authorizationCodes codes issued and not expired, used ones included for reuse detection (default 10
         *                           000)
         * @param tokenFamilies token families (one access and one refresh token each) (default 10 000)
         * @param recordedRequests requests kept in the journal; 0 turns recording off (default 1 000)
         */
        public Limits {
            requireAtLeast("pendingLogins", pendingLogins, 1);
            requireAtLeast("authorizationCodes", authorizationCodes, 1);
            requireAtLeast("tokenFamilies", tokenFamilies, 1);
            requireAtLeast("recordedRequests", recordedRequests, 0);
        }

        /**
         * 10 000 pending logins, codes and token families, and 1 000 recorded requests.
         *
         * @return the default limits
         */
        public static Limits defaults() {
            return new Limits(10_000, 10_000, 10_000, 1_000);
        }

        private static void requireAtLeast(String field, int value, int min) {
            if (value < min) {
                throw new IllegalArgumentException(field + " limit must be at least " + min + "; got " + value);
            }
        }
    }

    /**
     * Checks the tree as a whole: unique ids, known scopes, existing children, a private RSA key.
     *
     * @param clients the clients, in order; the first is the default client; at least one
     * @param users the users, in order
     * @param scopes the scopes the server knows, with the description its consent page shows; at least one
     * @param lifetimes how long codes and tokens live
     * @param signingKey a fixed RSA signing key (with its private part) for reproducible tokens, or {@code null} to use
     *                   a key generated once per JVM
     * @param limits the bounds of everything a client can make the server store
     * @param pkce when the authorization request must carry a PKCE {@code code_challenge} (RFC 7636)
     * @throws IllegalArgumentException naming the entry and the rule
     */
    public MockConfig {
        clients = List.copyOf(Objects.requireNonNull(clients, "clients"));
        users = List.copyOf(Objects.requireNonNull(users, "users"));
        scopes = List.copyOf(Objects.requireNonNull(scopes, "scopes"));
        Objects.requireNonNull(lifetimes, "lifetimes");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(pkce, "pkce");
        if (clients.isEmpty()) {
            throw new IllegalArgumentException("clients must list at least one client");
        }
        if (scopes.isEmpty()) {
            throw new IllegalArgumentException("scopes must list at least one scope");
        }
        Set<Scope> known = new HashSet<>();
        for (ScopeDefinition s : scopes) {
            if (!known.add(s.scope())) {
                throw new IllegalArgumentException("scopes must not define '" + s.scope() + "' twice");
            }
        }
        Set<ClientId> clientIds = new HashSet<>();
        for (MockClient c : clients) {
            if (!clientIds.add(c.id())) {
                throw new IllegalArgumentException("clients must not repeat the client id " + c.id());
            }
            for (Scope s : c.allowedScopes()) {
                if (!known.contains(s)) {
                    throw new IllegalArgumentException("client " + c.id() + " allows the scope '" + s
                            + "', which is not one of the server's scopes " + scopeNames(scopes));
                }
            }
        }
        checkUsers(users);
        if (signingKey != null && !signingKey.isPrivate()) {
            throw new IllegalArgumentException("signingKey must include the private key (an RSA private key, 2048 bits or more)");
        }
        if (signingKey != null && signingKey.size() < 2048) {
            throw new IllegalArgumentException("signingKey must be at least 2048 bits (RFC 7518 section 3.3); got " + signingKey.size());
        }
    }

    /**
     * A configuration with PKCE optional ({@link PkcePolicy#OPTIONAL}); otherwise as the canonical constructor.
     *
     * @param clients the clients, in order; the first is the default client; at least one
     * @param users the users, in order
     * @param scopes the scopes the server knows, with the description its consent page shows; at least one
     * @param lifetimes how long codes and tokens live
     * @param signingKey a fixed RSA signing key (with its private part) for reproducible tokens, or {@code null} to use
     *                   a key generated once per JVM
     * @param limits the bounds of everything a client can make the server store
     */
    public MockConfig(List<MockClient> clients, List<MockUser> users, List<ScopeDefinition> scopes,
                      TokenLifetimes lifetimes, RSAKey signingKey, Limits limits) {
        this(clients, users, scopes, lifetimes, signingKey, limits, PkcePolicy.OPTIONAL);
    }

    /**
     * The embedded default: the demo client ({@link #DEMO_CLIENT_ID}, {@link #DEMO_CLIENT_SECRET}, redirect
     * URIs {@link #DEMO_REDIRECT_URI} and {@link #DEMO_REDIRECT_URI_IPV4}, scope {@code users-basic}), a
     * student, her parent and a teacher (see {@link #defaultUsers()}), ekool-core's known scopes and the default
     * lifetimes and limits.
     *
     * @return the embedded default configuration
     */
    public static MockConfig defaults() {
        return Defaults.CONFIG;
    }

    /**
     * The demo signing key: a fixed 2048-bit RSA private key (key id {@value #DEMO_SIGNING_KEY_ID}), published
     * in this jar on purpose, like {@link #DEMO_CLIENT_SECRET}. {@code serve} signs with it when it runs the
     * embedded configuration, so that a plain start generates no RSA key (most of a fresh JVM's start-up CPU,
     * docs/performance.md); {@code serve --fresh-key}, a configuration file and {@link #defaults()} (the Java
     * API) do not use it. Anyone can sign with it: tokens signed with it prove nothing outside the mock, and
     * the mock itself accepts only the tokens it issued in its current run, whatever key signed them.
     *
     * @return the demo key, with its private part (the same instance on every call)
     * @throws IllegalStateException if the jar's copy of the key is missing or unreadable (a broken build)
     */
    public static RSAKey demoSigningKey() {
        return DemoKey.KEY;
    }

    /** The key id of {@link #demoSigningKey()}: its RFC 7638 thumbprint. */
    public static final String DEMO_SIGNING_KEY_ID = "n1hLWgRfyrFSFUbhjsqoTdx4gnnOzxSnIlPmPnqyLp8";

    /**
     * The demo client of {@link #defaults()}.
     *
     * @return the demo client: {@link #DEMO_CLIENT_ID} with its secret, redirect URIs and scope
     */
    public static MockClient demoClient() {
        return new MockClient(ClientId.of(DEMO_CLIENT_ID), ClientSecret.of(DEMO_CLIENT_SECRET), "eKool mock demo app",
                List.of(RedirectUri.of(DEMO_REDIRECT_URI), RedirectUri.of(DEMO_REDIRECT_URI_IPV4)),
                Scopes.of(Scope.USERS_BASIC), MockClient.Grant.defaults());
    }

    /**
     * The default users: student {@code mari} (id 100001, password {@code demo-student}), her parent
     * {@code tiina} (id 100002, {@code demo-parent}) and teacher {@code jaan} (id 100003,
     * {@code demo-teacher}), each with a valid (made-up) personal code.
     *
     * @return the three default users, in the order above; unmodifiable
     */
    public static List<MockUser> defaultUsers() {
        return Defaults.USERS;
    }

    /**
     * ekool-core's catalogue of known scopes ({@link KnownScope}), with their descriptions.
     *
     * @return one definition per known scope, in ekool-core's order
     */
    public static List<ScopeDefinition> knownScopes() {
        return Arrays.stream(KnownScope.values()).map(ScopeDefinition::of).toList();
    }

    /**
     * The client the server treats as default: the first one.
     *
     * @return the first client, never {@code null} (a configuration has at least one)
     */
    public MockClient defaultClient() {
        return clients.get(0);
    }

    /**
     * The definition of {@code scope}, if the server knows it.
     *
     * @param scope a scope token
     * @return its definition, or empty when this configuration does not know the scope
     */
    public Optional<ScopeDefinition> scope(Scope scope) {
        return scopes.stream().filter(s -> s.scope().equals(scope)).findFirst();
    }

    /**
     * The user with this id or (case-insensitive) username.
     *
     * @param idOrUsername a user's id, or username in any case
     * @return the user, or empty when none matches
     */
    public Optional<MockUser> user(String idOrUsername) {
        return users.stream().filter(u -> u.id().equals(idOrUsername)).findFirst()
                .or(() -> users.stream().filter(u -> u.username().equalsIgnoreCase(idOrUsername)).findFirst());
    }

    /**
     * This configuration with other clients.
     *
     * @param newClients the clients, the first being the default; at least one
     * @return a copy with these clients, checked as a whole; this instance is unchanged
     */
    public MockConfig withClients(List<MockClient> newClients) {
        return new MockConfig(newClients, users, scopes, lifetimes, signingKey, limits, pkce);
    }

    /**
     * This configuration with one more client, after the existing ones.
     *
     * @param client a client whose id is not yet used
     * @return a copy with the client added; this instance is unchanged
     */
    public MockConfig withClient(MockClient client) {
        List<MockClient> all = new ArrayList<>(clients);
        all.add(client);
        return withClients(all);
    }

    /**
     * This configuration with other users.
     *
     * @param newUsers the users
     * @return a copy with these users, checked as a whole; this instance is unchanged
     */
    public MockConfig withUsers(List<MockUser> newUsers) {
        return new MockConfig(clients, newUsers, scopes, lifetimes, signingKey, limits, pkce);
    }

    /**
     * This configuration with one more user, after the existing ones.
     *
     * @param user a user whose id and username are not yet used
     * @return a copy with the user added; this instance is unchanged
     */
    public MockConfig withUser(MockUser user) {
        List<MockUser> all = new ArrayList<>(users);
        all.add(user);
        return withUsers(all);
    }

    /**
     * This configuration with other scopes.
     *
     * @param newScopes the scopes the server knows; at least one
     * @return a copy with these scopes; this instance is unchanged
     */
    public MockConfig withScopes(List<ScopeDefinition> newScopes) {
        return new MockConfig(clients, users, newScopes, lifetimes, signingKey, limits, pkce);
    }

    /**
     * This configuration with other lifetimes.
     *
     * @param newLifetimes the token and login lifetimes
     * @return a copy with these lifetimes; this instance is unchanged
     */
    public MockConfig withLifetimes(TokenLifetimes newLifetimes) {
        return new MockConfig(clients, users, scopes, newLifetimes, signingKey, limits, pkce);
    }

    /**
     * This configuration with a fixed signing key, or {@code null} for the per-JVM generated one.
     *
     * @param key an RSA key with its private part, or {@code null} for the per-JVM generated one
     * @return a copy with this signing key; this instance is unchanged
     */
    public MockConfig withSigningKey(RSAKey key) {
        return new MockConfig(clients, users, scopes, lifetimes, key, limits, pkce);
    }

    /**
     * This configuration with other limits.
     *
     * @param newLimits the storage bounds
     * @return a copy with these limits; this instance is unchanged
     */
    public MockConfig withLimits(Limits newLimits) {
        return new MockConfig(clients, users, scopes, lifetimes, signingKey, newLimits, pkce);
    }

    /**
     * This configuration with another PKCE policy.
     *
     * @param policy the PKCE policy
     * @return a copy with this policy; this instance is unchanged
     */
    public MockConfig withPkce(PkcePolicy policy) {
        return new MockConfig(clients, users, scopes, lifetimes, signingKey, limits, policy);
    }

    /** A summary; secrets, passwords, personal codes and the private key are masked. */
    @Override
    public String toString() {
        return "MockConfig[clients=" + clients + ", users=" + users + ", scopes=" + scopeNames(scopes)
                + ", lifetimes=" + lifetimes + ", signingKey=" + (signingKey == null ? "generated" : "fixed(****)")
                + ", limits=" + limits + ", pkce=" + pkce.wire() + "]";
    }

    /**
     * Checks a list of users as a whole: unique ids, unique usernames (ignoring case), children that exist.
     *
     * @param users the users to check
     * @throws IllegalArgumentException naming the user and the rule
     */
    public static void checkUsers(List<MockUser> users) {
        Map<String, MockUser> byId = new HashMap<>();
        Set<String> usernames = new HashSet<>();
        for (MockUser u : users) {
            if (byId.put(u.id(), u) != null) {
                throw new IllegalArgumentException("users must not repeat the user id '" + u.id() + "'");
            }
            if (!usernames.add(u.username().toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("users must not repeat the username '" + u.username() + "'");
            }
        }
        for (MockUser u : users) {
            for (String child : u.childIds()) {
                if (!byId.containsKey(child)) {
                    throw new IllegalArgumentException("user '" + u.id() + "' lists the child id '" + child
                            + "', which is not one of the users");
                }
            }
        }
    }

    private static List<String> scopeNames(List<ScopeDefinition> scopes) {
        return scopes.stream().map(s -> s.scope().value()).toList();
    }

    /** Built once: the default tree is immutable. */
    /** Read on first use only: the Java API and configuration files never load it. */
    private static final class DemoKey {
        static final RSAKey KEY = read();

        private static RSAKey read() {
            String name = "demo-signing-key.json";
            try (InputStream in = MockConfig.class.getResourceAsStream(name)) {
                if (in == null) {
                    throw new IllegalStateException("the demo signing key " + name + " is missing from the jar");
                }
                return RSAKey.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException | ParseException e) {
                throw new IllegalStateException("the demo signing key " + name + " cannot be read ("
                        + e.getClass().getSimpleName() + ")", e);
            }
        }
    }

    private static final class Defaults {
        static final List<MockUser> USERS = List.of(
                MockUser.of("100001", "mari", "demo-student", "Mari", "Maasikas", "mari.maasikas@example.com",
                        "61003150227", MockUser.Role.STUDENT),
                MockUser.of("100002", "tiina", "demo-parent", "Tiina", "Maasikas", "tiina.maasikas@example.com",
                        "48207040274", MockUser.Role.PARENT).withChildIds(List.of("100001")),
                MockUser.of("100003", "jaan", "demo-teacher", "Jaan", "Tamm", "jaan.tamm@example.com",
                        "36805280109", MockUser.Role.TEACHER));
        static final MockConfig CONFIG = new MockConfig(List.of(demoClient()), USERS, knownScopes(),
                TokenLifetimes.defaults(), null, Limits.defaults());
    }
}
