package dev.ekoolkit.core.scope;

import java.util.Arrays;
import java.util.Optional;

/**
 * The catalogue of scopes eKool is known to issue, with the human description a consent screen shows.
 * A scope missing here is still a valid {@link Scope}.
 */
public enum KnownScope {

    /** {@code users-basic}: the signed-in user's basic profile at {@code /user/me/basic} (confirmed by eKool's help article). */
    USERS_BASIC("users-basic", "Your basic profile: eKool user id, first and last name, e-mail, personal code and roles"),

    /** {@code mkool-api}: the scope eKool's own mobile app uses (seen in public client code). */
    MKOOL_API("mkool-api", "Access to eKool's mobile app API (study information you can see in eKool)");

    private final Scope scope;
    private final String description;

    KnownScope(String value, String description) {
        this.scope = new Scope(value);
        this.description = description;
    }

    /**
     * The scope token.
     *
     * @return the scope token
     */
    public Scope scope() {
        return scope;
    }

    /**
     * A sentence describing what the scope gives access to, for a consent screen.
     *
     * @return a sentence describing what the scope gives access to, for a consent screen
     */
    public String description() {
        return description;
    }

    /**
     * The catalogue entry for {@code scope}, if eKool is known to issue it.
     *
     * @param scope the scope to look for
     * @return the catalogue entry for {@code scope}, if eKool is known to issue it
     */
    public static Optional<KnownScope> find(Scope scope) {
        return Arrays.stream(values()).filter(k -> k.scope.equals(scope)).findFirst();
    }

    /**
     * A description for any scope: the catalogue's, or a generic one naming the token.
     *
     * @param scope the scope to look for
     * @return a description for any scope: the catalogue's, or a generic one naming the token
     */
    public static String describe(Scope scope) {
        return find(scope).map(KnownScope::description).orElse("Access named '" + scope.value() + "'");
    }
}
