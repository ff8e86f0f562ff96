package dev.ekoolkit.core.scope;

import dev.ekoolkit.core.error.EkoolOAuthException;
import dev.ekoolkit.core.internal.Text;

/**
 * One OAuth scope token (RFC 6749 §3.3: one or more of {@code %x21 / %x23-5B / %x5D-7E}), such as
 * eKool's {@code users-basic}. Unknown but well-formed scopes are valid values; {@link KnownScope}
 * describes the ones eKool is known to issue.
 *
 * @param value the scope token
 */
public record Scope(String value) {

    /** eKool's basic profile scope, {@code users-basic}. */
    public static final Scope USERS_BASIC = new Scope("users-basic");

    /** How much of a rejected scope value a message quotes. */
    static final int PRINTABLE_LIMIT = 64;

    /**
     * Validates the RFC 6749 §3.3 scope-token syntax.
     *
     * @param value the scope token
     * @throws EkoolOAuthException {@code invalid_scope}, naming the first bad character and its position
     */
    public Scope {
        if (value == null || value.isEmpty()) {
            throw EkoolOAuthException.invalidScope(
                    "scope must be a non-empty token (RFC 6749 section 3.3); got " + (value == null ? "no value" : "an empty value"));
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!isScopeTokenChar(c)) {
                throw EkoolOAuthException.invalidScope("scope token must contain only printable ASCII other than"
                        + " space, '\"' and '\\' (RFC 6749 section 3.3); got " + Text.describe(c) + " at position " + (i + 1)
                        + " of '" + Text.printable(value, PRINTABLE_LIMIT) + "'");
            }
        }
    }

    /**
     * A scope from trusted input.
     *
     * @param value the scope token
     * @return a scope from trusted input
     */
    public static Scope of(String value) {
        return new Scope(value);
    }

    /**
     * A scope token received from outside; rejects exactly as {@link #of(String)} does.
     *
     * @param wire the text as received from outside, possibly {@code null}; nothing is trimmed
     * @return a scope token received from outside; rejects exactly as {@link #of(String)} does
     */
    public static Scope parse(String wire) {
        return new Scope(wire);
    }

    /**
     * {@code true} for characters RFC 6749 §3.3 allows in a scope token.
     *
     * @param c the c
     * @return {@code true} for characters RFC 6749 §3.3 allows in a scope token
     */
    public static boolean isScopeTokenChar(char c) {
        return c == 0x21 || (c >= 0x23 && c <= 0x5B) || (c >= 0x5D && c <= 0x7E);
    }

    /** The wire form. */
    @Override
    public String toString() {
        return value;
    }
}
