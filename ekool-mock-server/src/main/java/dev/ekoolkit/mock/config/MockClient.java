package dev.ekoolkit.mock.config;

import dev.ekoolkit.core.client.RedirectUri;
import dev.ekoolkit.core.credentials.ClientCredentials;
import dev.ekoolkit.core.credentials.ClientId;
import dev.ekoolkit.core.credentials.ClientSecret;
import dev.ekoolkit.core.scope.Scopes;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An OAuth client the mock knows (RFC 6749 §2): eKool-format credentials, a display name, the redirect
 * URIs registered for it (compared by exact match, RFC 9700 §4.1.3), the scopes it may request and the
 * grants it may use. {@link #toString()} masks the secret.
 *
 * <pre>{@code
 * MockClient app = MockClient.of(ClientCredentials.generate(new SecureRandom()), "My app",
 *         List.of(RedirectUri.of("http://localhost:8080/oauth2/callback")), Scopes.of("users-basic"));
 * }</pre>
 *
 * @param id            the 32-character client id
 * @param secret        the 40-character client secret
 * @param name          a display name shown on the consent page
 * @param redirectUris  the registered redirect URIs, in order; at least one
 * @param allowedScopes the scopes the client may request; at least one
 * @param allowedGrants the grant types the client may use at the token endpoint; at least one
 */
public record MockClient(ClientId id, ClientSecret secret, String name, List<RedirectUri> redirectUris,
                         Scopes allowedScopes, Set<Grant> allowedGrants) {

    /** The grant types (RFC 6749 §4) the mock implements; a client allows a subset. */
    public enum Grant {
        /** {@code authorization_code} (RFC 6749 §4.1), the flow eKool gives third parties. */
        AUTHORIZATION_CODE("authorization_code"),
        /** {@code refresh_token} (RFC 6749 §6), rotating. */
        REFRESH_TOKEN("refresh_token"),
        /** {@code client_credentials} (RFC 6749 §4.4); off by default, since eKool gives third parties user flows only. */
        CLIENT_CREDENTIALS("client_credentials");

        private final String wire;

        Grant(String wire) {
            this.wire = wire;
        }

        /**
         * The {@code grant_type} value on the wire, such as {@code authorization_code}.
         *
         * @return the {@code grant_type} value, such as {@code authorization_code}
         */
        public String wire() {
            return wire;
        }

        /**
         * The grant for a {@code grant_type} value, if the mock implements it.
         *
         * @param wire a {@code grant_type} value, possibly {@code null}
         * @return the grant, or empty when the mock does not implement it
         */
        public static Optional<Grant> find(String wire) {
            return Arrays.stream(values()).filter(g -> g.wire.equals(wire)).findFirst();
        }

        /**
         * The grants a client gets unless configured otherwise: {@code authorization_code} and {@code refresh_token}.
         *
         * @return {@code authorization_code} and {@code refresh_token}
         */
        public static Set<Grant> defaults() {
            return Collections.unmodifiableSet(EnumSet.of(AUTHORIZATION_CODE, REFRESH_TOKEN));
        }

        @Override
        public String toString() {
            return wire;
        }
    }

    /**
     * Validates presence and non-emptiness and copies the collections.
     *
     * @param id the 32-character client id
     * @param secret the 40-character client secret
     * @param name a display name shown on the consent page
     * @param redirectUris the registered redirect URIs, in order; at least one
     * @param allowedScopes the scopes the client may request; at least one
     * @param allowedGrants the grant types the client may use at the token endpoint; at least one
     * @throws IllegalArgumentException naming the field that is wrong
     */
    public MockClient {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank (client " + id + ")");
        }
        redirectUris = List.copyOf(Objects.requireNonNull(redirectUris, "redirectUris"));
        if (redirectUris.isEmpty()) {
            throw new IllegalArgumentException("redirectUris must list at least one redirect URI (client " + id + ")");
        }
        if (new HashSet<>(redirectUris).size() != redirectUris.size()) {
            throw new IllegalArgumentException("redirectUris must not repeat a URI (client " + id + ")");
        }
        Objects.requireNonNull(allowedScopes, "allowedScopes");
        if (allowedScopes.isEmpty()) {
            throw new IllegalArgumentException("allowedScopes must list at least one scope (client " + id + ")");
        }
        Objects.requireNonNull(allowedGrants, "allowedGrants");
        if (allowedGrants.isEmpty()) {
            throw new IllegalArgumentException("allowedGrants must list at least one grant (client " + id + ")");
        }
        allowedGrants = Collections.unmodifiableSet(EnumSet.copyOf(allowedGrants));
    }

    /**
     * A client with the default grants ({@code authorization_code}, {@code refresh_token}).
     *
     * @param credentials the client's id and secret
     * @param name the display name the consent page shows
     * @param redirectUris the registered redirect URIs, at least one
     * @param allowedScopes the scopes the client may request
     * @return the new client
     */
    public static MockClient of(ClientCredentials credentials, String name, List<RedirectUri> redirectUris, Scopes allowedScopes) {
        return new MockClient(credentials.clientId(), credentials.clientSecret(), name, redirectUris, allowedScopes,
                Grant.defaults());
    }

    /**
     * The id and secret as one value.
     *
     * @return the client id and secret
     */
    public ClientCredentials credentials() {
        return ClientCredentials.of(id, secret);
    }

    /**
     * {@code true} when {@code presented} is exactly one of the registered redirect URIs (RFC 9700 §4.1.3).
     *
     * @param presented the redirect URI a request presented, possibly {@code null}
     * @return {@code true} for an exact (character-for-character) match
     */
    public boolean hasRedirectUri(String presented) {
        for (RedirectUri uri : redirectUris) {
            if (uri.matches(presented)) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code true} when the client may use {@code grant}.
     *
     * @param grant a grant type
     * @return {@code true} when {@code grant} is among the allowed grants
     */
    public boolean allows(Grant grant) {
        return allowedGrants.contains(grant);
    }

    /**
     * This client with another secret.
     *
     * @param newSecret the new client secret
     * @return a copy with that secret; this instance is unchanged
     */
    public MockClient withSecret(ClientSecret newSecret) {
        return new MockClient(id, newSecret, name, redirectUris, allowedScopes, allowedGrants);
    }

    /**
     * This client with another display name.
     *
     * @param newName the new display name
     * @return a copy with that name; this instance is unchanged
     */
    public MockClient withName(String newName) {
        return new MockClient(id, secret, newName, redirectUris, allowedScopes, allowedGrants);
    }

    /**
     * This client with other redirect URIs.
     *
     * @param uris the new redirect URIs, at least one
     * @return a copy with those redirect URIs; this instance is unchanged
     */
    public MockClient withRedirectUris(List<RedirectUri> uris) {
        return new MockClient(id, secret, name, uris, allowedScopes, allowedGrants);
    }

    /**
     * This client with other allowed scopes.
     *
     * @param scopes the new allowed scopes
     * @return a copy with those scopes; this instance is unchanged
     */
    public MockClient withAllowedScopes(Scopes scopes) {
        return new MockClient(id, secret, name, redirectUris, scopes, allowedGrants);
    }

    /**
     * This client with other allowed grants, for example adding {@link Grant#CLIENT_CREDENTIALS}.
     *
     * @param grants the new allowed grants, at least one
     * @return a copy with those grants; this instance is unchanged
     */
    public MockClient withAllowedGrants(Set<Grant> grants) {
        return new MockClient(id, secret, name, redirectUris, allowedScopes, grants);
    }

    /**
     * This client with other allowed grants.
     *
     * @param grants the new allowed grants, at least one
     * @return a copy with those grants; this instance is unchanged
     */
    public MockClient withAllowedGrants(Grant... grants) {
        return withAllowedGrants(new HashSet<>(Arrays.asList(grants)));
    }

    /** The id, name, redirect URIs, scopes and grants; the secret is masked. */
    @Override
    public String toString() {
        return "MockClient[id=" + id + ", secret=****, name=" + name + ", redirectUris=" + redirectUris
                + ", allowedScopes=" + allowedScopes.format() + ", allowedGrants="
                + allowedGrants.toString().toLowerCase(Locale.ROOT) + "]";
    }
}
